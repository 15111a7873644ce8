import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NOTIFICATION } from '../notification.constants';
import { type DeliveryTicket, DeliveriesRepository } from './deliveries.repository';
import { DeliveryCommitSubscriber, onDeliveryNudge } from './delivery-nudge';
import { DELIVERY_OPTIONS, type DeliveryOptions } from './delivery.options';
import { DeliveryWorker } from './delivery-worker';
import { MailQueue } from './mail-queue';

const BATCH = 200;
const MAX_ERROR_DELAY_MS = 5_000;

/**
 * Hands due delivery rows to the mail queue — the email side of the outbox pattern. Woken right after a
 * transaction that wrote a delivery commits, and polling besides, so a restart, a lost job or a Redis outage
 * loses nothing: the row stays in the database until a worker marks it sent or dead. Each handed-over row is
 * left alone for a lease; several replicas may hand over the same row, and the job id makes that one job.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryDispatcher');
  private stopped = true;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private failures = 0;
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource(NOTIFICATION) private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly queue: MailQueue,
    private readonly worker: DeliveryWorker,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.dataSource.subscribers.some((s) => s instanceof DeliveryCommitSubscriber)) {
      this.dataSource.subscribers.push(new DeliveryCommitSubscriber());
    }
    this.queue.start((ticket) => this.worker.process(ticket));
    this.unsubscribe = onDeliveryNudge(() => this.nudge());
    this.stopped = false;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.nudge();
    await this.loop;
    await this.queue.close();
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Hands over every row due at `now` (one batch); returns how many. */
  async dispatchDue(now = new Date()): Promise<number> {
    const rows = await this.deliveries.due(now, BATCH);
    if (!rows.length) return 0;
    const tickets: DeliveryTicket[] = [];
    for (const row of rows) {
      if (row.status === 'sending') {
        // Its worker died mid-send (the lease ran out): that attempt counts, the next one starts now.
        const reason = 'The worker stopped while sending; trying again.';
        if (!(await this.deliveries.leaseExpired(row, now, reason))) continue;
        if (row.attempts >= this.options.maxAttempts) {
          await this.deliveries.giveUp(row.id, row.attempts, reason, now);
          continue;
        }
      }
      tickets.push({ deliveryId: row.id, attempts: row.attempts, retries: row.retries });
    }
    const ids = tickets.map((ticket) => ticket.deliveryId);
    await this.deliveries.handedOver(ids, new Date(now.getTime() + this.options.handOverLeaseMs));
    try {
      await this.queue.add(tickets);
    } catch (error) {
      // Not handed over after all (Redis away): due again at once, so nothing waits for the lease.
      await this.deliveries.handedOver(ids, now);
      throw error;
    }
    return rows.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let handed = 0;
      try {
        handed = await this.dispatchDue();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(
            `cannot hand mail over yet (${(error as Error).message}); the rows wait and are retried`,
          );
        }
        await this.sleep(Math.min(250 * 2 ** Math.min(this.failures, 5), MAX_ERROR_DELAY_MS));
        continue;
      }
      if (handed < BATCH) await this.sleep(this.options.pollMs > 0 ? this.options.pollMs : 3_600_000);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged || this.stopped) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.nudged = false;
        done();
      };
    });
  }
}
