import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DomainError } from '@academy/platform';
import type { EntityManager } from 'typeorm';
import { UsersRepository } from '../users/users.repository';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { judgeRefresh, REFRESH_TOKEN_TTL_MS } from './refresh-rotation';
import { SessionStatus } from './session-status';

export interface IssuedRefreshToken {
  userId: string;
  /** The session: the refresh-token family, `sid` in access tokens. */
  sessionId: string;
  refreshToken: string;
}

/** Expired refresh tokens are of no use; they are swept away at start and then hourly. */
const SWEEP_EVERY_MS = 60 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const sessionExpired = () =>
  new DomainError('auth.token-invalid', 'Your session has ended. Log in again.');

/** Sessions are families of rotating refresh tokens; only hashes of the tokens are stored. */
@Injectable()
export class SessionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private sweeper?: NodeJS.Timeout;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly users: UsersRepository,
    private readonly status: SessionStatus,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.sweeping = this.tokens.deleteExpiredBefore(new Date()).then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error }, 'could not sweep expired refresh tokens'),
      );
    };
    sweep();
    this.sweeper = setInterval(sweep, SWEEP_EVERY_MS).unref();
  }

  /** Before the database closes, so a sweep in flight finishes cleanly. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.sweeping;
  }

  /** A new session with its first refresh token. */
  async start(userId: string, manager?: EntityManager): Promise<IssuedRefreshToken> {
    const sessionId = randomUUID();
    return { userId, sessionId, refreshToken: await this.issue(userId, sessionId, manager) };
  }

  /**
   * Exchanges a refresh token for the next one of its family. Reuse of a spent token (or losing a race for
   * the same token) revokes the family: whoever holds a copy is shut out, the rightful owner logs in again.
   */
  async rotate(refreshToken: string): Promise<IssuedRefreshToken> {
    const now = new Date();
    const token = await this.tokens.findByHash(hashToken(refreshToken));
    const verdict = judgeRefresh(token, now);
    if (!token || verdict !== 'rotate') {
      if (token && verdict === 'reuse') await this.revokeReused(token);
      throw sessionExpired();
    }
    if (!(await this.tokens.markUsed(token.id, now))) {
      await this.revokeReused(token);
      throw sessionExpired();
    }
    const next = await this.issue(token.userId, token.familyId);
    // A concurrent reuse may have revoked the family while the next token was being written; it must not
    // survive that. Whichever statement runs last, the new token ends up revoked with its family.
    if (await this.tokens.familyRevoked(token.familyId)) {
      await this.end(token.familyId);
      throw sessionExpired();
    }
    return { userId: token.userId, sessionId: token.familyId, refreshToken: next };
  }

  /** The session a refresh token belongs to, if the token is known (logout with only a cookie). */
  async sessionOf(refreshToken: string): Promise<string | undefined> {
    return (await this.tokens.findByHash(hashToken(refreshToken)))?.familyId;
  }

  async end(sessionId: string): Promise<void> {
    await this.tokens.revokeFamily(sessionId, new Date());
    this.status.forgetSession(sessionId);
  }

  /**
   * Ends every session of a user inside the caller's transaction: bumps the session version (refusing every
   * access token at once) and revokes every refresh token. Call `forgetUser` after commit.
   */
  async endAll(userId: string, manager: EntityManager): Promise<void> {
    await this.users.bumpSessionVersion(userId, manager);
    await this.tokens.revokeAllForUser(userId, new Date(), manager);
  }

  /** Erasure: the user's sessions vanish with them. */
  async deleteAll(userId: string, manager: EntityManager): Promise<void> {
    await this.tokens.deleteForUser(userId, manager);
  }

  /** Drops this process's cached view of the user's sessions (after `endAll` committed). */
  forgetUser(userId: string): void {
    this.status.forgetUser(userId);
  }

  private async issue(userId: string, familyId: string, manager?: EntityManager): Promise<string> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    const row = Object.assign(new RefreshToken(), {
      id: randomUUID(),
      familyId,
      userId,
      tokenHash: hashToken(refreshToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
      usedAt: null,
      revokedAt: null,
    });
    await this.tokens.insert(row, manager);
    return refreshToken;
  }

  private async revokeReused(token: RefreshToken): Promise<void> {
    this.logger.warn(
      { userId: token.userId, sessionId: token.familyId },
      'refresh token reused: session revoked',
    );
    await this.end(token.familyId);
  }
}
