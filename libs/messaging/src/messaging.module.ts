import { type DynamicModule, Module } from '@nestjs/common';
import type { ContextName, QueueName } from '@academy/contracts';

export interface MessagingOptions {
  /** `bullmq` for the services (REDIS_URL), `in-process` for the all-in-one. */
  transport: 'bullmq' | 'in-process';
  redisUrl?: string;
  /** The queues this app works (BullMQ); every event routed to them needs a handler here. */
  consumes: QueueName[];
  /** Override of the routing table (tests); defaults to SUBSCRIPTIONS in contracts. */
  subscriptions?: Record<string, readonly string[]>;
}

/** Placeholder until the bus lands: the API the contexts and apps use. */
@Module({})
export class MessagingModule {
  static forRoot(_options: MessagingOptions): DynamicModule {
    return { module: MessagingModule, global: true };
  }

  static forContext(_context: ContextName): DynamicModule {
    return { module: MessagingModule };
  }
}
