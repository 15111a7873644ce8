import type { UsersRepository } from '../users/users.repository';
import type { RefreshTokensRepository } from './refresh-tokens.repository';
import { SESSION_CACHE_MS, SessionStatus } from './session-status';

describe('SessionStatus (the JWT strategy’s session check)', () => {
  let user: { sessionVersion: number; disabled: boolean } | null;
  let revoked: boolean;
  let reads: number;
  let status: SessionStatus;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-03-02T12:00:00Z') });
    user = { sessionVersion: 3, disabled: false };
    revoked = false;
    reads = 0;
    const users = {
      sessionState: async () => {
        reads++;
        return user && { ...user };
      },
    };
    const tokens = { familyRevoked: async () => revoked };
    status = new SessionStatus(
      users as unknown as UsersRepository,
      tokens as unknown as RefreshTokensRepository,
    );
  });
  afterEach(() => jest.useRealTimers());

  it('accepts a token of the current session version and refuses older ones', async () => {
    expect(await status.isActive('u', 3, 's')).toBe(true);
    expect(await status.isActive('u', 2, 's')).toBe(false);
  });

  it('refuses disabled, erased and logged-out users', async () => {
    user = { sessionVersion: 3, disabled: true };
    expect(await status.isActive('u', 3)).toBe(false);
    status.forgetUser('u');
    user = null;
    expect(await status.isActive('u', 3)).toBe(false);
    status.forgetUser('u');
    user = { sessionVersion: 3, disabled: false };
    revoked = true;
    expect(await status.isActive('u', 3, 's')).toBe(false);
  });

  it('reads the database once per user for a few seconds, however many requests come in', async () => {
    await Promise.all(Array.from({ length: 50 }, () => status.isActive('u', 3, 's')));
    expect(reads).toBe(1);
    jest.advanceTimersByTime(SESSION_CACHE_MS + 1);
    await status.isActive('u', 3, 's');
    expect(reads).toBe(2);
  });

  it('forgets at once what this process changed itself', async () => {
    await status.isActive('u', 3, 's');
    user = { sessionVersion: 4, disabled: false };
    expect(await status.isActive('u', 3, 's')).toBe(true); // still cached
    status.forgetUser('u');
    expect(await status.isActive('u', 3, 's')).toBe(false);
    revoked = true;
    expect(await status.isActive('u', 4, 's')).toBe(true); // session state still cached
    status.forgetSession('s');
    expect(await status.isActive('u', 4, 's')).toBe(false);
  });

  it('does not cache a failed lookup', async () => {
    const failing = new SessionStatus(
      {
        sessionState: async () => {
          reads++;
          if (reads === 1) throw new Error('database briefly away');
          return { sessionVersion: 1, disabled: false };
        },
      } as unknown as UsersRepository,
      { familyRevoked: async () => false } as unknown as RefreshTokensRepository,
    );
    await expect(failing.isActive('u', 1)).rejects.toThrow('database briefly away');
    expect(await failing.isActive('u', 1)).toBe(true);
  });
});
