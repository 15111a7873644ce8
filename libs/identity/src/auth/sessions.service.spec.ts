import { Logger } from '@nestjs/common';
import { DomainError } from '@academy/platform';
import type { EntityManager } from 'typeorm';
import type { UsersRepository } from '../users/users.repository';
import type { RefreshToken } from './refresh-token.entity';
import type { RefreshTokensRepository } from './refresh-tokens.repository';
import { judgeRefresh } from './refresh-rotation';
import type { SessionStatus } from './session-status';
import { SessionsService } from './sessions.service';

/** The refresh-token table in memory, with the same conditional update as the real repository. */
class FakeRefreshTokens {
  readonly rows: RefreshToken[] = [];

  async insert(token: RefreshToken): Promise<void> {
    this.rows.push({ ...token });
  }
  async findByHash(hash: string): Promise<RefreshToken | null> {
    return this.rows.find((r) => r.tokenHash === hash) ?? null;
  }
  async markUsed(id: string, at: Date): Promise<boolean> {
    const row = this.rows.find((r) => r.id === id && !r.usedAt && !r.revokedAt);
    if (row) row.usedAt = at;
    return !!row;
  }
  async revokeFamily(familyId: string, at: Date): Promise<void> {
    for (const r of this.rows) if (r.familyId === familyId && !r.revokedAt) r.revokedAt = at;
  }
  async familyRevoked(familyId: string): Promise<boolean> {
    return this.rows.some((r) => r.familyId === familyId && r.revokedAt);
  }
  async revokeAllForUser(userId: string, at: Date): Promise<void> {
    for (const r of this.rows) if (r.userId === userId && !r.revokedAt) r.revokedAt = at;
  }
}

describe('refresh-token rotation', () => {
  let tokens: FakeRefreshTokens;
  let sessions: SessionsService;
  const forgotten: string[] = [];

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    tokens = new FakeRefreshTokens();
    const status = { forgetSession: (id: string) => forgotten.push(id), forgetUser: () => undefined };
    sessions = new SessionsService(
      tokens as unknown as RefreshTokensRepository,
      { bumpSessionVersion: async () => undefined } as unknown as UsersRepository,
      status as unknown as SessionStatus,
    );
  });

  const rejects = async (work: Promise<unknown>) => {
    await expect(work).rejects.toBeInstanceOf(DomainError);
    await expect(work).rejects.toMatchObject({ code: 'auth.token-invalid' });
  };

  it('gives a new token for each exchange, in the same session', async () => {
    const first = await sessions.start('user-1');
    const second = await sessions.rotate(first.refreshToken);
    const third = await sessions.rotate(second.refreshToken);
    expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
    expect(third).toMatchObject({ userId: 'user-1', sessionId: first.sessionId });
  });

  it('stores only a hash of each token', async () => {
    const { refreshToken } = await sessions.start('user-1');
    expect(JSON.stringify(tokens.rows)).not.toContain(refreshToken);
  });

  it('revokes the whole family when a spent token comes back, so the newer token stops working too', async () => {
    const first = await sessions.start('user-1');
    const second = await sessions.rotate(first.refreshToken);
    await rejects(sessions.rotate(first.refreshToken));
    await rejects(sessions.rotate(second.refreshToken));
    expect(tokens.rows.every((r) => r.revokedAt)).toBe(true);
    expect(forgotten).toContain(first.sessionId);
  });

  it('leaves the user’s other sessions alone when one family is revoked', async () => {
    const phone = await sessions.start('user-1');
    const laptop = await sessions.start('user-1');
    await sessions.rotate(phone.refreshToken);
    await rejects(sessions.rotate(phone.refreshToken));
    await expect(sessions.rotate(laptop.refreshToken)).resolves.toMatchObject({
      sessionId: laptop.sessionId,
    });
  });

  it('never lets two simultaneous exchanges of one token both keep a working session', async () => {
    const first = await sessions.start('user-1');
    const results = await Promise.allSettled([
      sessions.rotate(first.refreshToken),
      sessions.rotate(first.refreshToken),
    ]);
    // Whoever loses is treated as reuse, so the family ends, the winner's new token included.
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeLessThanOrEqual(1);
    expect(tokens.rows.every((r) => r.revokedAt)).toBe(true);
    for (const result of results) {
      if (result.status === 'fulfilled') await rejects(sessions.rotate(result.value.refreshToken));
    }
  });

  it('refuses unknown tokens and tokens of an ended session', async () => {
    await rejects(sessions.rotate('not-a-token'));
    const session = await sessions.start('user-1');
    await sessions.end(session.sessionId);
    await rejects(sessions.rotate(session.refreshToken));
  });

  it('ends every session of a user at once', async () => {
    const a = await sessions.start('user-1');
    const b = await sessions.start('user-1');
    const other = await sessions.start('user-2');
    await sessions.endAll('user-1', {} as EntityManager);
    await rejects(sessions.rotate(a.refreshToken));
    await rejects(sessions.rotate(b.refreshToken));
    await expect(sessions.rotate(other.refreshToken)).resolves.toMatchObject({ userId: 'user-2' });
  });
});

describe('judgeRefresh', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const later = new Date('2026-03-03T12:00:00Z');
  const earlier = new Date('2026-03-01T12:00:00Z');

  it.each([
    ['a fresh token', 'rotate', { usedAt: null, revokedAt: null, expiresAt: later }],
    ['a spent token', 'reuse', { usedAt: earlier, revokedAt: null, expiresAt: later }],
    ['a revoked token', 'revoked', { usedAt: earlier, revokedAt: earlier, expiresAt: later }],
    ['an expired token', 'expired', { usedAt: null, revokedAt: null, expiresAt: earlier }],
    ['a token expiring this very moment', 'expired', { usedAt: null, revokedAt: null, expiresAt: now }],
  ] as const)('%s → %s', (_label, verdict, token) => {
    expect(judgeRefresh(token, now)).toBe(verdict);
  });

  it('no token → unknown', () => {
    expect(judgeRefresh(null, now)).toBe('unknown');
  });
});
