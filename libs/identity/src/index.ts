export { AccountService, type AccountChanges } from './account/account.service';
export * from './account/dto/me.response';
export { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './auth/auth.cookies';
export { AuthService } from './auth/auth.service';
export type { LoginResult } from './auth/auth.types';
export * from './identity.module';
export { RegistrationService, type RegistrationInput } from './registration/registration.service';
