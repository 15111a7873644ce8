import { Logger } from '@nestjs/common';
import { JOB_QUEUES } from '@academy/contracts';
import { SHUTDOWN_BOUND_MS, stopWorker } from '@academy/messaging';
import type { HealthRegistry } from '@academy/platform';
import { type Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DeliveryTicket } from './deliveries.repository';

export type TicketHandler = (ticket: DeliveryTicket) => Promise<unknown>;

/**
 * The job id of a delivery attempt: the delivery id for its first round, with a suffix for each later attempt
 * and admin retry — a job id BullMQ still remembers would otherwise swallow the new job. No `:` in it.
 */
export const jobIdOf = (ticket: DeliveryTicket): string =>
  ticket.attempts === 0 && ticket.retries === 0
    ? ticket.deliveryId
    : `${ticket.deliveryId}-r${ticket.retries}-a${ticket.attempts}`;

/** Hands delivery attempts to workers: BullMQ in the services, in memory in the all-in-one. */
export abstract class MailQueue {
  /** Adds jobs; one whose job id is still known is ignored (a duplicate hand-over). */
  abstract add(tickets: DeliveryTicket[]): Promise<void>;
  abstract start(handler: TicketHandler): void;
  /** Stops taking jobs and waits (bounded) for those in hand. */
  abstract close(): Promise<void>;
}

/** A worker with waiting jobs and no activity for this long is stuck (BullMQ #2466, #2964). */
const STALL_MS = 30_000;

/**
 * The all-in-one's queue: the same semantics in memory — job ids deduplicated while waiting or running,
 * bounded concurrency, a graceful close. A job lost with the process is handed over again by the dispatcher.
 */
export class InProcessMailQueue extends MailQueue {
  private readonly logger = new Logger('MailQueue');
  private readonly known = new Map<string, DeliveryTicket>();
  private readonly waiting: string[] = [];
  private active = 0;
  private handler?: TicketHandler;
  private closing = false;
  private idle?: () => void;

  constructor(private readonly concurrency: number) {
    super();
  }

  async add(tickets: DeliveryTicket[]): Promise<void> {
    if (this.closing) throw new Error('the mail queue is closing');
    for (const ticket of tickets) {
      const id = jobIdOf(ticket);
      if (this.known.has(id)) continue;
      this.known.set(id, ticket);
      this.waiting.push(id);
    }
    this.pump();
  }

  start(handler: TicketHandler): void {
    this.handler = handler;
    this.pump();
  }

  private pump(): void {
    while (this.handler && !this.closing && this.active < this.concurrency && this.waiting.length) {
      const id = this.waiting.shift()!;
      const ticket = this.known.get(id)!;
      this.active++;
      this.handler(ticket)
        .catch((error: unknown) =>
          this.logger.warn(
            `delivery ${ticket.deliveryId} not handled (${(error as Error).message}); retried later`,
          ),
        )
        .finally(() => {
          this.known.delete(id);
          this.active--;
          if (this.active === 0) this.idle?.();
          this.pump();
        });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.active === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_BOUND_MS).unref()),
    ]);
  }
}

/**
 * The services' queue: BullMQ on Redis. Producers fail fast (a hand-over that cannot reach Redis is retried by
 * the dispatcher; rows wait in the database meanwhile); workers block on Redis with maxRetriesPerRequest null.
 * Readiness reports a worker that is connected but not processing, and a watchdog replaces it.
 */
export class BullmqMailQueue extends MailQueue {
  private readonly logger = new Logger('MailQueue');
  private readonly producer: IORedis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: IORedis;
  private handler?: TicketHandler;
  private lastActivity = Date.now();
  private watchdog?: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly concurrency: number,
    health: HealthRegistry,
  ) {
    super();
    this.producer = new IORedis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.producer.on('error', (error: Error) => this.logger.debug(`mail queue redis: ${error.message}`));
    this.queue = new Queue(JOB_QUEUES.notificationMail, { connection: this.producer, prefix });
    this.queue.on('error', (error: Error) => this.logger.debug(`mail queue: ${error.message}`));
    health.register({ name: 'mail-worker', check: () => this.check() });
  }

  async add(tickets: DeliveryTicket[]): Promise<void> {
    if (!tickets.length) return;
    await this.queue.addBulk(
      tickets.map((ticket) => ({
        name: 'deliver',
        data: ticket,
        opts: {
          jobId: jobIdOf(ticket),
          // SMTP failures are retried by the delivery row's own schedule; BullMQ retries only a job that could
          // not reach the database, and drops it after: the dispatcher hands the row over again.
          attempts: 3,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: true,
        },
      })),
    );
  }

  start(handler: TicketHandler): void {
    this.handler = handler;
    this.startWorker();
    this.watchdog = setInterval(() => void this.replaceStalled(), STALL_MS / 2);
    this.watchdog.unref();
  }

  private startWorker(): void {
    const connection = new IORedis(this.redisUrl, {
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    connection.on('error', (error: Error) => this.logger.debug(`mail worker redis: ${error.message}`));
    const worker = new Worker(
      JOB_QUEUES.notificationMail,
      async (job: Job<DeliveryTicket>) => {
        this.lastActivity = Date.now();
        await this.handler!(job.data);
      },
      { connection, prefix: this.prefix, concurrency: this.concurrency, autorun: true },
    );
    const touch = () => (this.lastActivity = Date.now());
    worker.on('completed', touch);
    worker.on('drained', touch);
    worker.on('ready', touch);
    worker.on('failed', (job, error) => {
      touch();
      this.logger.warn(`mail job ${job?.id ?? '?'} failed: ${error.message}`);
    });
    worker.on('error', (error: Error) => this.logger.debug(`mail worker: ${error.message}`));
    this.worker = worker;
    this.workerConnection = connection;
  }

  private async stalled(): Promise<boolean> {
    if (!this.worker) return false;
    if (!this.worker.isRunning()) return true;
    if (Date.now() - this.lastActivity < STALL_MS) return false;
    const counts = await this.queue.getJobCounts('waiting', 'prioritized');
    return (counts.waiting ?? 0) + (counts.prioritized ?? 0) > 0;
  }

  private async check(): Promise<Record<string, unknown>> {
    if (await this.stalled()) throw new Error('the mail worker is connected but not processing');
    return { running: this.worker?.isRunning() ?? false };
  }

  private async replaceStalled(): Promise<void> {
    if (this.closing) return;
    try {
      if (!(await this.stalled())) return;
    } catch {
      return; // Redis itself is unreachable; a new worker could do no better.
    }
    this.logger.warn('the mail worker stopped processing; replacing it');
    await this.closeWorker();
    if (!this.closing) this.startWorker();
  }

  private async closeWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await stopWorker(worker);
    this.workerConnection?.disconnect();
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await this.closeWorker();
    await this.queue.close().catch(() => undefined);
    this.producer.disconnect();
  }
}
