import type { Provider } from '@nestjs/common';
import { MESSAGING_OPTIONS, type MessagingOptions } from '@academy/messaging';
import { APP_CONFIG, type AppConfig, HealthRegistry } from '@academy/platform';
import { DELIVERY_OPTIONS, type DeliveryOptions, deliveryOptionsFrom } from './delivery.options';
import { BullmqMailQueue, InProcessMailQueue, MailQueue } from './mail-queue';

/** The pipeline's options from the environment, and the queue: BullMQ with REDIS_URL, in memory without. */
export const DELIVERY_PIPELINE_PROVIDERS: Provider[] = [
  { provide: DELIVERY_OPTIONS, useFactory: () => deliveryOptionsFrom() },
  {
    provide: MailQueue,
    inject: [APP_CONFIG, MESSAGING_OPTIONS, HealthRegistry, DELIVERY_OPTIONS],
    useFactory: (
      config: AppConfig,
      messaging: MessagingOptions,
      health: HealthRegistry,
      options: DeliveryOptions,
    ): MailQueue =>
      config.redisUrl && messaging.transport === 'bullmq'
        ? new BullmqMailQueue(config.redisUrl, messaging.prefix ?? 'academy', options.concurrency, health)
        : new InProcessMailQueue(options.concurrency),
  },
];
