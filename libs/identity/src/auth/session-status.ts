import { Injectable } from '@nestjs/common';
import type { SessionChecker } from '@academy/platform';
import { UsersRepository } from '../users/users.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/**
 * How long this process trusts what it last read. Every authenticated request asks; a few seconds keep
 * GET /api/me cheap, and this process forgets at once what it changes itself. Other replicas may honour an
 * ended session for at most this long.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 20_000;

interface Cached<T> {
  value: Promise<T>;
  until: number;
}

/** The SESSION_CHECKER of the platform's JWT strategy: is the user still active, the session not ended? */
@Injectable()
export class SessionStatus implements SessionChecker {
  private readonly users = new Map<string, Cached<{ sessionVersion: number; disabled: boolean } | null>>();
  private readonly sessions = new Map<string, Cached<boolean>>();

  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly tokens: RefreshTokensRepository,
  ) {}

  async isActive(userId: string, sessionVersion: number, sessionId?: string): Promise<boolean> {
    const user = await this.cached(this.users, userId, () => this.usersRepository.sessionState(userId));
    if (!user || user.disabled || user.sessionVersion !== sessionVersion) return false;
    if (sessionId === undefined) return true;
    return !(await this.cached(this.sessions, sessionId, () => this.tokens.familyRevoked(sessionId)));
  }

  forgetUser(userId: string): void {
    this.users.delete(userId);
  }

  forgetSession(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** Concurrent requests for the same key share one query. A failed lookup is not cached. */
  private cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.value;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const value = load();
    cache.set(key, { value, until: now + SESSION_CACHE_MS });
    void value.catch(() => cache.delete(key));
    return value;
  }
}
