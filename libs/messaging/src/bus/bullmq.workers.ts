import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { QUEUE_CONTEXT } from '@academy/contracts';
import { HealthRegistry } from '@academy/platform';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { EventDispatcher, InvalidEnvelopeError, validateEnvelope } from '../consumer/event-dispatcher';
import { HandlerRegistry } from '../consumer/handler-registry';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { BullmqEventBus } from './bullmq.bus';
import { workerConnection } from './redis';
import { stopWorker } from './stop-worker';

/** A worker with waiting jobs and no activity for this long is stuck (BullMQ #2466, #2964). */
const STALL_MS = 30_000;

interface WorkerState {
  queue: string;
  worker: Worker;
  connection: IORedis;
  lastActivity: number;
}

/**
 * Works the queues this app consumes. Readiness reports a worker that is connected but not processing
 * (waiting jobs, no activity) — a known failure after a full Redis restart — and a watchdog replaces it.
 */
@Injectable()
export class BullmqWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BullmqWorkers');
  private readonly workers = new Map<string, WorkerState>();
  private watchdog?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly registry: HandlerRegistry,
    private readonly dispatcher: EventDispatcher,
    private readonly bus: BullmqEventBus,
    health: HealthRegistry,
  ) {
    health.register({
      name: 'redis',
      check: async () => {
        const pong = await this.bus.connection.ping();
        if (pong !== 'PONG') throw new Error('Redis did not answer PING');
      },
    });
    if (options.consumes.length) {
      health.register({ name: 'workers', check: () => this.checkWorkers() });
    }
  }

  onApplicationBootstrap(): void {
    for (const queue of this.options.consumes) this.start(queue);
    this.watchdog = setInterval(() => void this.replaceStalled(), STALL_MS / 2);
    this.watchdog.unref();
  }

  private start(queue: string): void {
    const context = QUEUE_CONTEXT[queue as keyof typeof QUEUE_CONTEXT];
    const connection = workerConnection(this.options.redisUrl!);
    connection.on('error', (error: Error) => this.logger.debug(`worker redis: ${error.message}`));
    const state: WorkerState = {
      queue,
      connection,
      lastActivity: Date.now(),
      worker: undefined as unknown as Worker,
    };
    const worker = new Worker(
      queue,
      async (job: Job) => {
        state.lastActivity = Date.now();
        let envelope;
        try {
          envelope = validateEnvelope(job.data);
        } catch (error) {
          if (error instanceof InvalidEnvelopeError) throw new UnrecoverableError(error.message);
          throw error;
        }
        for (const handler of this.registry.handlersFor(envelope.type, context)) {
          await this.dispatcher.dispatch(handler, envelope);
        }
      },
      {
        connection,
        prefix: this.options.prefix ?? 'academy',
        concurrency: this.options.concurrency ?? 8,
        autorun: true,
      },
    );
    const touch = () => (state.lastActivity = Date.now());
    worker.on('completed', touch);
    worker.on('drained', touch);
    worker.on('ready', touch);
    worker.on('failed', (job, error) => {
      touch();
      const final =
        !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
      this.logger[final ? 'error' : 'warn'](
        `${queue} job ${job?.id ?? '?'} (${job?.name ?? '?'}) failed${final ? ' for good (dead letter)' : ', will retry'}: ${error.message}`,
      );
    });
    worker.on('error', (error: Error) => this.logger.debug(`worker ${queue}: ${error.message}`));
    state.worker = worker;
    this.workers.set(queue, state);
  }

  /** Jobs waiting while the worker has done nothing for a while: it is connected but not processing. */
  private async stalled(state: WorkerState): Promise<boolean> {
    if (!state.worker.isRunning()) return true;
    if (Date.now() - state.lastActivity < STALL_MS) return false;
    const counts = await this.bus.queue(state.queue).getJobCounts('waiting', 'prioritized');
    return (counts.waiting ?? 0) + (counts.prioritized ?? 0) > 0;
  }

  private async checkWorkers(): Promise<Record<string, unknown>> {
    const report: Record<string, unknown> = {};
    for (const state of this.workers.values()) {
      if (await this.stalled(state)) {
        throw new Error(`worker for ${state.queue} is connected but not processing`);
      }
      report[state.queue] = { running: state.worker.isRunning() };
    }
    return report;
  }

  private async replaceStalled(): Promise<void> {
    if (this.closing) return;
    for (const state of [...this.workers.values()]) {
      try {
        if (!(await this.stalled(state))) continue;
      } catch {
        continue; // Redis itself is unreachable; nothing a new worker could do better.
      }
      this.logger.warn(`worker for ${state.queue} stopped processing; replacing it`);
      await this.close(state);
      if (!this.closing) this.start(state.queue);
    }
  }

  private async close(state: WorkerState): Promise<void> {
    await stopWorker(state.worker);
    state.connection.disconnect();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.allSettled([...this.workers.values()].map((state) => this.close(state)));
  }
}
