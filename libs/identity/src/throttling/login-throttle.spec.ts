import { DomainError } from '@academy/platform';
import { LOGIN_LIMITS, LoginThrottle } from './login-throttle';
import { MemoryLoginAttempts } from './memory-login-attempts';

describe('LoginThrottle (failed logins per account and per address)', () => {
  let now: number;
  let throttle: LoginThrottle;
  const hall = '192.0.2.10';

  beforeEach(() => {
    now = Date.parse('2026-03-02T19:00:00Z');
    throttle = new LoginThrottle(new MemoryLoginAttempts(() => now));
  });

  const blockedFor = async (email: string, ip: string): Promise<number | undefined> => {
    try {
      await throttle.assertAllowed(email, ip);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('rate.limited');
      return (error as DomainError).details.retryAfterSeconds;
    }
  };

  it('blocks an account after 5 failures, for the rest of its 15-minute window', async () => {
    for (let i = 0; i < LOGIN_LIMITS.account.max; i++) {
      expect(await blockedFor('sjoukje@example.org', hall)).toBeUndefined();
      await throttle.recordFailure('sjoukje@example.org', hall);
    }
    expect(await blockedFor('sjoukje@example.org', hall)).toBe(15 * 60);
    now += 10 * 60_000;
    expect(await blockedFor('Sjoukje@Example.org ', '198.51.100.1')).toBe(5 * 60);
    now += 5 * 60_000;
    expect(await blockedFor('sjoukje@example.org', hall)).toBeUndefined();
  });

  it('lets everyone else in the same hall log in while one account is blocked', async () => {
    for (let i = 0; i < LOGIN_LIMITS.account.max; i++) await throttle.recordFailure('typo@example.org', hall);
    expect(await blockedFor('typo@example.org', hall)).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) expect(await blockedFor(`volunteer${i}@example.org`, hall)).toBeUndefined();
  });

  it('never counts successful logins: a hundred volunteers behind one address all get in', async () => {
    for (let i = 0; i < 100; i++) {
      expect(await blockedFor(`volunteer${i}@example.org`, hall)).toBeUndefined();
      await throttle.recordSuccess(`volunteer${i}@example.org`);
    }
  });

  it('blocks an address after 50 failures spread over many accounts (credential stuffing)', async () => {
    for (let i = 0; i < LOGIN_LIMITS.address.max; i++)
      await throttle.recordFailure(`victim${i}@example.org`, hall);
    expect(await blockedFor('someone-else@example.org', hall)).toBe(15 * 60);
    expect(await blockedFor('someone-else@example.org', '198.51.100.1')).toBeUndefined();
  });

  it('wipes the account’s failures on success, but not the address’s', async () => {
    for (let i = 0; i < LOGIN_LIMITS.account.max - 1; i++)
      await throttle.recordFailure('sjoukje@example.org', hall);
    await throttle.recordSuccess('sjoukje@example.org');
    for (let i = 0; i < LOGIN_LIMITS.account.max - 1; i++)
      await throttle.recordFailure('sjoukje@example.org', hall);
    expect(await blockedFor('sjoukje@example.org', hall)).toBeUndefined();
  });
});

describe('MemoryLoginAttempts', () => {
  it('counts in a window that starts at the first attempt and forgets it afterwards', async () => {
    let now = 0;
    const attempts = new MemoryLoginAttempts(() => now);
    expect(await attempts.increment('k', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    now = 400;
    expect(await attempts.increment('k', 1000)).toEqual({ count: 2, resetInMs: 600 });
    expect(await attempts.peek('k')).toEqual({ count: 2, resetInMs: 600 });
    now = 1000;
    expect(await attempts.peek('k')).toEqual({ count: 0, resetInMs: 0 });
    expect(await attempts.increment('k', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    await attempts.reset('k');
    expect(await attempts.peek('k')).toEqual({ count: 0, resetInMs: 0 });
  });
});
