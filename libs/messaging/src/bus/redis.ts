import IORedis, { type RedisOptions } from 'ioredis';

/**
 * Producers fail fast: with Redis down a publish errors at once (the outbox keeps the event and the relay
 * retries), so no HTTP request or transaction ever waits on Redis.
 */
export function producerConnection(url: string): IORedis {
  return new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  } satisfies RedisOptions);
}

/** Workers block on Redis and must never give up a command: BullMQ requires maxRetriesPerRequest null. */
export function workerConnection(url: string): IORedis {
  return new IORedis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  } satisfies RedisOptions);
}
