import { QueryFailedError } from 'typeorm';

/** What MariaDB and SQLite answer when a unique or primary key refuses a row. */
const DUPLICATE_KEY_CODES = new Set([
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/** A unique key refused the row: for an idempotent write "already done", for a request a 409. */
export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code !== undefined && DUPLICATE_KEY_CODES.has(code);
}
