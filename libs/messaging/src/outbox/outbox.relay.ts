import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { ContextName, EventEnvelope } from '@academy/contracts';
import type { HealthRegistry } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventBus } from '../bus/event-bus';
import type { MessagingOptions } from '../messaging.options';
import { outboxSchema, type OutboxRow } from './outbox.schema';
import { onRelayNudge, OutboxCommitSubscriber } from './relay-nudge';

const BATCH = 100;

interface BatchResult {
  published: number;
  failed: number;
  error?: unknown;
}
const MAX_ROW_DELAY_MS = 60_000;
const MAX_LOOP_DELAY_MS = 5_000;

/**
 * Publishes a context's outbox rows to the bus, oldest first, and marks them published. Nudged after each
 * commit that wrote an event and polling every ~0.5 s. On MySQL/MariaDB rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so relays in several replicas never publish the same row at once; a crash between
 * publish and mark republishes the same job ids, which the bus ignores.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private stopped = true;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private unsubscribe?: () => void;
  private consecutiveFailures = 0;

  constructor(
    readonly context: ContextName,
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly options: Pick<MessagingOptions, 'pollMs'>,
    health: HealthRegistry,
  ) {
    this.logger = new Logger(`OutboxRelay(${context})`);
    health.register({
      name: `database:${context}`,
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
  }

  onApplicationBootstrap(): void {
    if (!this.dataSource.subscribers.some((s) => s instanceof OutboxCommitSubscriber)) {
      this.dataSource.subscribers.push(new OutboxCommitSubscriber());
    }
    this.unsubscribe = onRelayNudge(this.context, () => this.nudge());
    this.stopped = false;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.nudge();
    await this.loop;
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Rows not yet published (for metrics and tests). */
  pending(): Promise<number> {
    return this.dataSource
      .getRepository(outboxSchema(this.context))
      .createQueryBuilder('o')
      .where('o.publishedAt IS NULL')
      .getCount();
  }

  /** Publishes until nothing is due; returns how many rows were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, failed, error } = await this.publishBatch();
      total += published;
      if (published === 0 && failed > 0) throw error;
      if (published === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let published = 0;
      try {
        const result = await this.publishBatch();
        published = result.published;
        if (result.failed > 0 && published === 0) throw result.error;
        this.consecutiveFailures = 0;
      } catch (error) {
        this.consecutiveFailures++;
        const message = error instanceof Error ? error.message : String(error);
        if (this.consecutiveFailures === 1 || this.consecutiveFailures % 20 === 0) {
          this.logger.warn(`cannot publish yet (${message}); the outbox keeps the events and retries`);
        }
        await this.sleep(Math.min(250 * 2 ** Math.min(this.consecutiveFailures, 5), MAX_LOOP_DELAY_MS));
        continue;
      }
      if (published < BATCH) await this.sleep(this.options.pollMs ?? 500);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged || this.stopped) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
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

  private async publishBatch(): Promise<BatchResult> {
    if (this.dataSource.options.type === 'better-sqlite3') {
      // One process owns the SQLite file; handlers may open their own transactions on this very DataSource,
      // so no transaction is held while they run.
      return this.deliver(await this.due(this.dataSource.manager, false), this.dataSource.manager);
    }
    // READ COMMITTED: no gap locks, so relays in several replicas skip each other's rows instead of deadlocking.
    return this.dataSource.transaction('READ COMMITTED', async (manager) =>
      this.deliver(await this.due(manager, true), manager),
    );
  }

  private due(manager: EntityManager, lock: boolean): Promise<OutboxRow[]> {
    const query = manager
      .getRepository(outboxSchema(this.context))
      .createQueryBuilder('o')
      .where('o.publishedAt IS NULL')
      .andWhere('(o.nextAttemptAt IS NULL OR o.nextAttemptAt <= :now)', { now: new Date() })
      .orderBy('o.id', 'ASC')
      .limit(BATCH);
    if (lock) query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getMany();
  }

  /**
   * Publishes the batch at once; if that fails, row by row, so one event that cannot be delivered (a handler
   * failing in-process) does not hold back the others. Failed rows are given a later attempt; that mark
   * commits with the batch, so an error is reported rather than thrown.
   */
  private async deliver(rows: OutboxRow[], manager: EntityManager): Promise<BatchResult> {
    if (!rows.length) return { published: 0, failed: 0 };
    const envelopes = rows.map((row) => JSON.parse(row.payload) as EventEnvelope);
    try {
      await this.bus.publish(envelopes);
      await this.markPublished(manager, rows);
      return { published: rows.length, failed: 0 };
    } catch (batchError) {
      if (rows.length === 1) {
        await this.markFailed(manager, rows[0]);
        return { published: 0, failed: 1, error: batchError };
      }
    }
    const result: BatchResult = { published: 0, failed: 0 };
    for (const [index, row] of rows.entries()) {
      try {
        await this.bus.publish([envelopes[index]]);
        await this.markPublished(manager, [row]);
        result.published++;
      } catch (error) {
        await this.markFailed(manager, row);
        result.failed++;
        result.error = error;
      }
    }
    return result;
  }

  private async markPublished(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    await manager
      .getRepository(outboxSchema(this.context))
      .createQueryBuilder()
      .update()
      .set({ publishedAt: new Date() })
      .whereInIds(rows.map((row) => row.id))
      .execute();
  }

  private async markFailed(manager: EntityManager, row: OutboxRow): Promise<void> {
    const attempts = row.attempts + 1;
    const delay = Math.min(1000 * 2 ** Math.min(attempts, 10), MAX_ROW_DELAY_MS);
    await manager
      .getRepository(outboxSchema(this.context))
      .update({ id: row.id }, { attempts, nextAttemptAt: new Date(Date.now() + delay) });
  }
}
