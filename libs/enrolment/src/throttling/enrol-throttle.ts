import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ThrottlerException, ThrottlerStorageService } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig, type AuthenticatedRequest } from '@academy/platform';
import type { FastifyReply } from 'fastify';
import IORedis from 'ioredis';
import { ENROL_THROTTLE } from '../enrolment.constants';

// One round trip, atomic: count the hit and start the window on the first.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}
`;

type HitCommand = IORedis & { enrolHit(key: string, ttlMs: number): Promise<[number, number]> };

/**
 * Counts a volunteer's enrolment requests per minute: in Redis for the services, so the bound holds across
 * replicas, and in this process for the all-in-one (or while Redis cannot be reached — never a failed request).
 * WARNING: keys are persisted in Redis under `enrolment:throttle:`; changing it forgets running windows.
 */
@Injectable()
export class EnrolCounter implements OnApplicationShutdown {
  private readonly logger = new Logger('EnrolCounter');
  private readonly fallback = new ThrottlerStorageService();
  private readonly redis?: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.embedded || !config.redisUrl) return;
    this.redis = new IORedis(config.redisUrl, {
      // The hits of requests that arrive together go to Redis in one write.
      enableAutoPipelining: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
    // EVALSHA with the script's digest, not the script with every hit.
    this.redis.defineCommand('enrolHit', { numberOfKeys: 1, lua: HIT });
  }

  /** Counts a hit; returns the hits in the window and the milliseconds until it ends. */
  async hit(userId: string): Promise<{ hits: number; resetMs: number }> {
    const key = `enrolment:throttle:enrol:${userId}`;
    if (this.redis) {
      try {
        const [hits, ttl] = await (this.redis as HitCommand).enrolHit(key, ENROL_THROTTLE.ttlMs);
        return { hits, resetMs: ttl };
      } catch {
        // Fall through: counting here beats refusing or failing enrolments while Redis is away.
      }
    }
    const record = await this.fallback.increment(key, ENROL_THROTTLE.ttlMs, ENROL_THROTTLE.limit, 0, 'enrol');
    return { hits: record.totalHits, resetMs: record.timeToExpire * 1000 };
  }

  async onApplicationShutdown(): Promise<void> {
    this.fallback.onApplicationShutdown();
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

/** 429 with Retry-After when a volunteer enrols more than ENROL_THROTTLE.limit times a minute. */
@Injectable()
export class EnrolThrottleGuard implements CanActivate {
  constructor(private readonly counter: EnrolCounter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = http.getRequest<AuthenticatedRequest>().principal;
    if (!principal) return true; // the global guard has refused anonymous callers already
    const { hits, resetMs } = await this.counter.hit(principal.userId);
    if (hits <= ENROL_THROTTLE.limit) return true;
    void http
      .getResponse<FastifyReply>()
      .header('Retry-After', String(Math.max(1, Math.ceil(resetMs / 1000))));
    throw new ThrottlerException('Too many enrolments. Please wait a moment and try again.');
  }
}
