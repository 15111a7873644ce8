export { AccountService, type AccountChanges } from './account/account.service';
export * from './account/dto/me.response';
export {
  clearSessionCookies,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  refreshCookieOptions,
  setRefreshCookie,
} from './auth/auth.cookies';
export { AuthService } from './auth/auth.service';
export type { LoginResult } from './auth/auth.types';
export { setRetryAfter } from './auth/local-auth.guard';
export { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, type DemoAccount } from './bootstrap/demo-accounts';
export * from './identity.module';
export { OrganisationsService } from './organisations/organisations.service';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './passwords/password-policy';
export { RegistrationService, type RegistrationInput } from './registration/registration.service';
export { UsersService } from './users/users.service';
