import { Injectable } from '@nestjs/common';
import { Metrics } from '@academy/platform';
import { Counter, Gauge } from 'prom-client';
import { DELIVERY_STATUSES } from '../notification.constants';
import { DeliveriesRepository } from './deliveries.repository';

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);

/** Deliveries by status (read from the log when Prometheus scrapes) and SMTP attempts by outcome. */
@Injectable()
export class DeliveryMetrics {
  readonly attempts: Counter<'outcome'>;

  constructor(metrics: Metrics, deliveries: DeliveriesRepository) {
    new Gauge({
      name: 'academy_notification_deliveries',
      help: 'Deliveries (emails) in the log, by status',
      labelNames: ['status'] as const,
      registers: [metrics.registry],
      async collect() {
        const counts = await withTimeout(deliveries.countByStatus(), 2000).catch(() => undefined);
        if (!counts) return;
        for (const status of DELIVERY_STATUSES) this.set({ status }, counts[status] ?? 0);
      },
    });
    this.attempts = new Counter({
      name: 'academy_notification_mail_attempts_total',
      help: 'SMTP attempts by outcome (sent, failed, dead)',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    });
  }
}
