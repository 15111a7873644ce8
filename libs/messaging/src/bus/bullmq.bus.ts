import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type EventEnvelope, queuesFor } from '@academy/contracts';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { JOB_POLICY, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { HandlerRegistry } from '../consumer/handler-registry';
import { EventBus } from './event-bus';
import { producerConnection } from './redis';

/**
 * Publishes each event into the queue of every context that subscribes to it, with the outbox id as the job
 * id: a republished event (relay crash between publish and mark) is ignored by BullMQ while the job is kept.
 */
@Injectable()
export class BullmqEventBus extends EventBus implements OnApplicationShutdown {
  private readonly logger = new Logger('BullmqEventBus');
  readonly connection: IORedis;
  private readonly queues = new Map<string, Queue>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly registry: HandlerRegistry,
  ) {
    super();
    if (!options.redisUrl) throw new Error('The BullMQ transport needs REDIS_URL');
    this.connection = producerConnection(options.redisUrl);
    // Errors surface through publish() and readiness; ioredis would otherwise print each reconnect.
    this.connection.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.options.prefix ?? 'academy' });
      queue.on('error', (error: Error) => this.logger.debug(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.connection.status !== 'ready') {
      throw new Error(`Redis is not connected (${this.connection.status})`);
    }
    const byQueue = new Map<string, EventEnvelope[]>();
    for (const envelope of envelopes) {
      for (const queue of queuesFor(envelope.type, this.registry.subscriptions)) {
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), envelope]);
      }
    }
    for (const [name, batch] of byQueue) {
      await this.queue(name).addBulk(
        batch.map((envelope) => ({
          name: envelope.type,
          data: envelope,
          opts: { ...JOB_POLICY, jobId: envelope.id },
        })),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
