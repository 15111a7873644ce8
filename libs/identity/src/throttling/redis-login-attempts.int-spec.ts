import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DomainError } from '@academy/platform';
import { redisAvailable, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';
import IORedis from 'ioredis';
import { LOGIN_LIMITS, LoginThrottle } from './login-throttle';
import { RedisLoginAttempts } from './redis-login-attempts';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const describeRedis = redisAvailable ? describe : describe.skip;

describeRedis('login attempts in Redis (shared by replicas)', () => {
  let redis: IORedis;
  let prefix: string;

  beforeAll(() => {
    Logger.overrideLogger(false);
    redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  beforeEach(() => {
    prefix = `identity:test:${randomBytes(6).toString('hex')}:`;
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('counts in a window that starts at the first attempt and expires by itself', async () => {
    const attempts = new RedisLoginAttempts(redis, prefix);
    expect(await attempts.peek('k')).toEqual({ count: 0, resetInMs: 0 });
    const first = await attempts.increment('k', 60_000);
    expect(first.count).toBe(1);
    expect(first.resetInMs).toBeGreaterThan(59_000);
    expect((await attempts.increment('k', 60_000)).count).toBe(2);
    expect(await redis.pttl(`${prefix}k`)).toBeGreaterThan(0);
    await attempts.reset('k');
    expect(await attempts.peek('k')).toEqual({ count: 0, resetInMs: 0 });

    await attempts.increment('short', 150);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await attempts.peek('short')).toEqual({ count: 0, resetInMs: 0 });
  });

  it('blocks an account on every replica once the failures on all replicas add up', async () => {
    const replicaA = new LoginThrottle(new RedisLoginAttempts(redis, prefix));
    const replicaB = new LoginThrottle(new RedisLoginAttempts(redis, prefix));
    for (let i = 0; i < LOGIN_LIMITS.account.max; i++) {
      await (i % 2 ? replicaA : replicaB).recordFailure('geartsje@example.org', '192.0.2.20');
    }
    for (const replica of [replicaA, replicaB]) {
      const error = await replica
        .assertAllowed('geartsje@example.org', '192.0.2.21')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    // Someone else behind the same address is not affected.
    await expect(replicaB.assertAllowed('wytse@example.org', '192.0.2.20')).resolves.toBeUndefined();
    // No email address ends up in Redis: account keys are hashed.
    expect((await redis.keys(`${prefix}*`)).join()).not.toContain('geartsje');
  });

  it('bounds requests per address for the HTTP throttler, across replicas, with a block', async () => {
    const replicaA = new RedisThrottlerStorage(redis, prefix);
    const replicaB = new RedisThrottlerStorage(redis, prefix);
    const hit = (storage: RedisThrottlerStorage) =>
      storage.increment('register:192.0.2.30', 60_000, 3, 30_000, 'default');
    expect(await hit(replicaA)).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit(replicaB)).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await hit(replicaA)).toMatchObject({ totalHits: 3, isBlocked: false });
    const blocked = await hit(replicaB);
    expect(blocked).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(blocked.timeToBlockExpire).toBeGreaterThan(25);
    expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(30);
  });

  it('keeps counting in the process when Redis is unreachable, instead of failing logins', async () => {
    const dead = new IORedis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on('error', () => undefined);
    try {
      const throttle = new LoginThrottle(new RedisLoginAttempts(dead, prefix));
      for (let i = 0; i < LOGIN_LIMITS.account.max; i++) {
        await throttle.recordFailure('sjoukje@example.org', '192.0.2.40');
      }
      await expect(throttle.assertAllowed('sjoukje@example.org', '192.0.2.40')).rejects.toMatchObject({
        code: 'rate.limited',
      });
      const storage = new RedisThrottlerStorage(dead, prefix);
      await expect(storage.increment('k', 60_000, 3, 60_000, 'default')).resolves.toMatchObject({
        totalHits: 1,
      });
    } finally {
      dead.disconnect();
    }
  });
});
