import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function isRetryable(error: unknown): boolean {
  const code =
    (error as { driverError?: { code?: string }; code?: string } | null)?.driverError?.code ??
    (error as { code?: string } | null)?.code;
  return code !== undefined && RETRYABLE.has(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction. Deadlocks and lock timeouts are retried with jittered exponential
 * backoff (callers lock rows in a fixed order to keep them rare). SQLite has a single connection, so its
 * transactions are queued one after another instead of interleaving on it. Never nest calls.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') {
    const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
    sqliteQueues.set(
      dataSource,
      run.catch(() => undefined),
    );
    return run;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(2 ** attempt * 10 + Math.random() * 20);
    }
  }
}
