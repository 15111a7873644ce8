import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type IORedis from 'ioredis';

// One round trip, atomic: count the hit, start the window on the first, start a block when over the limit.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}
`;

/**
 * @nestjs/throttler storage in Redis, so the bound on registrations per address holds across replicas.
 * WARNING: keys are persisted in Redis under `identity:throttle:`; changing it forgets running windows.
 * Without Redis it counts in this process alone rather than failing the request.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly fallback = new ThrottlerStorageService();

  constructor(
    private readonly redis: IORedis,
    private readonly prefix = 'identity:throttle:',
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `${this.prefix}${throttlerName}:${key}`;
    let result: [number, number, number];
    try {
      result = (await this.redis.eval(HIT, 2, base, `${base}:blocked`, ttl, limit, blockDuration)) as [
        number,
        number,
        number,
      ];
    } catch {
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const [totalHits, expiresInMs, blockedForMs] = result;
    return {
      totalHits,
      timeToExpire: Math.ceil(expiresInMs / 1000),
      isBlocked: blockedForMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedForMs / 1000)),
    };
  }
}
