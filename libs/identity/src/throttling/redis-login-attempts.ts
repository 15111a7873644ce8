import { Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { AttemptCount, LoginAttempts } from './login-attempts';
import { MemoryLoginAttempts } from './memory-login-attempts';

// INCR and starting the window must be one step, or a crash between them leaves a counter that never expires.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

/**
 * Counters shared by every replica. WARNING: keys are persisted in Redis as `<prefix><key>`; changing the
 * prefix forgets every running window (harmless: at worst a few more tries).
 *
 * When Redis cannot be reached, counting falls back to this process alone: throttling degrades to per
 * replica rather than letting everyone in unchecked or locking everyone out.
 */
export class RedisLoginAttempts implements LoginAttempts {
  private readonly logger = new Logger('LoginAttempts');
  private readonly fallback = new MemoryLoginAttempts();
  private lastWarning = 0;

  constructor(
    private readonly redis: IORedis,
    private readonly prefix = 'identity:attempts:',
  ) {}

  async peek(key: string): Promise<AttemptCount> {
    try {
      const [count, ttl] = await Promise.all([
        this.redis.get(this.prefix + key),
        this.redis.pttl(this.prefix + key),
      ]);
      return count === null || ttl <= 0
        ? { count: 0, resetInMs: 0 }
        : { count: Number(count), resetInMs: ttl };
    } catch (error) {
      this.warn(error);
      return this.fallback.peek(key);
    }
  }

  async increment(key: string, windowMs: number): Promise<AttemptCount> {
    try {
      const [count, ttl] = (await this.redis.eval(INCREMENT, 1, this.prefix + key, windowMs)) as [
        number,
        number,
      ];
      return { count, resetInMs: ttl };
    } catch (error) {
      this.warn(error);
      return this.fallback.increment(key, windowMs);
    }
  }

  async reset(key: string): Promise<void> {
    await this.fallback.reset(key);
    try {
      await this.redis.del(this.prefix + key);
    } catch (error) {
      this.warn(error);
    }
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(
      `Redis unavailable, counting login attempts in this process only: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
