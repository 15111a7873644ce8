import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, inTransaction } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { IDENTITY } from '../identity.constants';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { LoginThrottle } from '../throttling/login-throttle';
import type { User } from '../users/user.entity';
import { normaliseEmail, toMe } from '../users/user-view';
import { UsersRepository } from '../users/users.repository';
import { AccessTokens } from './access-tokens';
import type { LoginResult } from './auth.types';
import { sessionExpired, SessionsService } from './sessions.service';

/** Longer than any password we accept; anything beyond is not worth an argon2 run. */
const MAX_PASSWORD_INPUT = 1024;

const invalidCredentials = () =>
  new DomainError('auth.invalid-credentials', 'The email address or password is not correct.');

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource(IDENTITY) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokens,
  ) {}

  /**
   * Throws DomainError `auth.invalid-credentials` (the same for an unknown email, a wrong password and a
   * disabled account) or `rate.limited` with details.retryAfterSeconds.
   */
  async login(email: string, password: string, ip: string): Promise<LoginResult> {
    const address = normaliseEmail(email);
    await this.throttle.assertAllowed(address, ip);
    const user = address.length <= 254 ? await this.users.findByEmail(address) : null;
    const valid =
      password.length <= MAX_PASSWORD_INPUT &&
      (user ? await this.hasher.verify(user.passwordHash, password) : await this.unknownAccount(password));
    if (!user || !valid || user.disabled) {
      await this.throttle.recordFailure(address, ip);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(address);
    await this.upgradeHash(user, password);
    return this.openSession(user);
  }

  /** Rotates a refresh token; reuse of a spent one revokes its whole family. */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const issued = await this.sessions.rotate(refreshToken);
    const user = await this.users.findById(issued.userId);
    if (!user || user.disabled) {
      await this.sessions.end(issued.sessionId);
      throw sessionExpired();
    }
    return this.tokensFor(user, issued.sessionId, issued.refreshToken);
  }

  /** Ends one session (refresh-token family): its refresh tokens and its access tokens stop working. */
  async logout(sessionId: string): Promise<void> {
    await this.sessions.end(sessionId);
  }

  /** Logout with only a refresh token in hand (its access token may have expired). */
  async logoutByRefreshToken(refreshToken: string): Promise<void> {
    const sessionId = await this.sessions.sessionOf(refreshToken);
    if (sessionId) await this.sessions.end(sessionId);
  }

  /** Ends every session of the user, on every device. */
  async logoutEverywhere(userId: string): Promise<void> {
    await inTransaction(this.dataSource, (manager) => this.sessions.endAll(userId, manager));
    this.sessions.forgetUser(userId);
  }

  private async openSession(user: User): Promise<LoginResult> {
    const session = await this.sessions.start(user.id);
    return this.tokensFor(user, session.sessionId, session.refreshToken);
  }

  private async tokensFor(user: User, sessionId: string, refreshToken: string): Promise<LoginResult> {
    const memberships = await this.memberships.forUser(user.id);
    return {
      ...this.accessTokens.issue(user, memberships, sessionId),
      refreshToken,
      user: toMe(user, memberships),
    };
  }

  private async unknownAccount(password: string): Promise<false> {
    await this.hasher.verifyNothing(password);
    return false;
  }

  /** Hashes made with older, weaker settings are replaced while the password is at hand. */
  private async upgradeHash(user: User, password: string): Promise<void> {
    if (!this.hasher.needsRehash(user.passwordHash)) return;
    try {
      await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    } catch (error) {
      this.logger.warn({ err: error, userId: user.id }, 'could not upgrade a password hash');
    }
  }
}
