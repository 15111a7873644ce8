import { QueryFailedError } from 'typeorm';

const DUPLICATE_KEY = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A unique key refused the row: for an idempotent write, "already done". */
export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code !== undefined && DUPLICATE_KEY.has(code);
}

/** MariaDB takes row locks; SQLite transactions are serialised by inTransaction, so nothing to lock. */
export const locksRows = (manager: { connection: { options: { type: string } } }): boolean =>
  manager.connection.options.type === 'mysql';
