import { Module } from '@nestjs/common';
import { AccountService } from './account/account.service';
import { AuthService } from './auth/auth.service';
import { RegistrationService } from './registration/registration.service';

/** Organisations, users, memberships and authentication. */
@Module({
  providers: [AuthService, AccountService, RegistrationService],
  exports: [AuthService, AccountService, RegistrationService],
})
export class IdentityModule {}
