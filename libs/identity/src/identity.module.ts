import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { MessagingModule } from '@academy/messaging';
import { SESSION_CHECKER } from '@academy/platform';
import { AccountController } from './account/account.controller';
import { AccountService } from './account/account.service';
import { AccessTokens } from './auth/access-tokens';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LocalStrategy } from './auth/local.strategy';
import { SessionStatus } from './auth/session-status';
import { SessionsService } from './auth/sessions.service';
import { IdentitySeeder } from './bootstrap/identity-seeder';
import { IdentityDatabaseModule } from './identity.database';
import { IDENTITY } from './identity.constants';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { IDENTITY_PAGE_CONTROLLERS } from './pages';
import { PasswordHasher } from './passwords/password-hasher';
import { RegistrationController } from './registration/registration.controller';
import { RegistrationService } from './registration/registration.service';
import { IdentityRedis } from './throttling/identity-redis';
import { IdentityRedisModule } from './throttling/identity-redis.module';
import { LOGIN_ATTEMPTS } from './throttling/login-attempts';
import { LoginThrottle } from './throttling/login-throttle';
import { MemoryLoginAttempts } from './throttling/memory-login-attempts';
import { RedisLoginAttempts } from './throttling/redis-login-attempts';
import { RedisThrottlerStorage } from './throttling/redis-throttler.storage';
import { NewAccounts } from './users/new-accounts';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Gives the platform's JWT strategy its SESSION_CHECKER. Global because the strategy lives in the
 * PlatformModule, which cannot import a context; it exports nothing else.
 */
@Global()
@Module({
  imports: [IdentityDatabaseModule],
  providers: [SessionStatus, { provide: SESSION_CHECKER, useExisting: SessionStatus }],
  exports: [SessionStatus, SESSION_CHECKER],
})
export class IdentitySessionModule {}

/** Requests per address and hour to the throttled identity endpoints (registration). */
const HTTP_THROTTLE = { name: 'default', ttl: 60 * 60_000, limit: 100 };

/** Organisations, users, memberships and authentication. */
@Module({
  imports: [
    IdentityDatabaseModule,
    IdentitySessionModule,
    IdentityRedisModule,
    MessagingModule.forContext(IDENTITY),
    ThrottlerModule.forRootAsync({
      imports: [IdentityRedisModule],
      inject: [IdentityRedis],
      useFactory: (redis: IdentityRedis) => ({
        throttlers: [HTTP_THROTTLE],
        storage: redis.client ? new RedisThrottlerStorage(redis.client) : undefined,
      }),
    }),
  ],
  controllers: [
    AuthController,
    RegistrationController,
    AccountController,
    OrganisationsController,
    UsersController,
    ...IDENTITY_PAGE_CONTROLLERS,
  ],
  providers: [
    {
      provide: LOGIN_ATTEMPTS,
      inject: [IdentityRedis],
      useFactory: (redis: IdentityRedis) =>
        redis.client ? new RedisLoginAttempts(redis.client) : new MemoryLoginAttempts(),
    },
    LoginThrottle,
    PasswordHasher,
    AccessTokens,
    SessionsService,
    NewAccounts,
    AuthService,
    LocalStrategy,
    AccountService,
    RegistrationService,
    OrganisationsService,
    UsersService,
    IdentitySeeder,
  ],
  exports: [AuthService, AccountService, RegistrationService, OrganisationsService, UsersService],
})
export class IdentityModule {}
