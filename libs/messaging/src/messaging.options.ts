import type { QueueName } from '@academy/contracts';

export interface MessagingOptions {
  /** `bullmq` for the services (REDIS_URL), `in-process` for the all-in-one. */
  transport: 'bullmq' | 'in-process';
  redisUrl?: string;
  /**
   * The queues this app works. Every event routed to them needs a handler here, or the app refuses to start.
   * The all-in-one lists the queues of every context it hosts.
   */
  consumes: QueueName[];
  /** Override of the routing table (tests); defaults to SUBSCRIPTIONS in contracts. */
  subscriptions?: Record<string, readonly string[]>;
  /** Prefix of BullMQ keys in Redis (tests isolate themselves with it). Default `academy`. */
  prefix?: string;
  /** Relay poll interval in ms (default 500). */
  pollMs?: number;
  /** Parallel jobs per worker (default 8). */
  concurrency?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Delivery policy: attempts with exponential backoff; completed jobs kept well past the relay's retry horizon. */
export const JOB_POLICY = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  // A crash between publish and mark republishes the same job ids; BullMQ ignores them while these are kept.
  removeOnComplete: { age: 7 * 24 * 3600, count: 200_000 },
  // Failed jobs are the dead letters an admin can inspect and retry.
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
