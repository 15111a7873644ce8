import { Inject, Injectable, Optional } from '@nestjs/common';
import { QUEUES } from '@academy/contracts';
import { Metrics } from '@academy/platform';
import { Gauge } from 'prom-client';
import { BullmqEventBus } from './bus/bullmq.bus';
import type { OutboxRelay } from './outbox/outbox.relay';

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);

/** Outbox backlog per context and queue depth per queue and state, read when Prometheus scrapes. */
@Injectable()
export class MessagingMetrics {
  private readonly relays: OutboxRelay[] = [];

  constructor(metrics: Metrics, @Optional() @Inject(BullmqEventBus) bus?: BullmqEventBus) {
    const relays = this.relays;
    new Gauge({
      name: 'academy_outbox_pending',
      help: 'Outbox rows not yet published, per context',
      labelNames: ['context'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const relay of relays) {
          const pending = await withTimeout(relay.pending(), 2000).catch(() => undefined);
          if (pending !== undefined) this.set({ context: relay.context }, pending);
        }
      },
    });
    if (bus) {
      new Gauge({
        name: 'academy_queue_jobs',
        help: 'BullMQ jobs per queue and state',
        labelNames: ['queue', 'state'] as const,
        registers: [metrics.registry],
        async collect() {
          for (const name of Object.values(QUEUES)) {
            const counts = await withTimeout(
              bus.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
              2000,
            ).catch(() => undefined);
            for (const [state, count] of Object.entries(counts ?? {}))
              this.set({ queue: name, state }, count);
          }
        },
      });
    }
  }

  trackRelay(relay: OutboxRelay): void {
    this.relays.push(relay);
  }
}
