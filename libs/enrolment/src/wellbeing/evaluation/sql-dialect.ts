import type { DataSource } from 'typeorm';
import { summerPeriods } from './amsterdam-time';

/**
 * The few SQL fragments where SQLite and MariaDB differ, so that every aggregate is one query text per engine
 * built by the same code. Parameters are positional (`?`) on both drivers.
 */
export interface SqlDialect {
  /** Whole seconds since 1970 (UTC) of a stored datetime, computed without any time-zone setting. */
  epoch(column: string): string;
  /** Whole seconds from `from` to `to` (two datetime expressions). */
  seconds(from: string, to: string): string;
  /** Integer division, rounding down, of a non-negative seconds expression. */
  div(expression: string, divisor: number): string;
  /** Row locks for the rest of the transaction, where the engine has them (SQLite serialises writers). */
  forUpdate: string;
  forUpdateSkipLocked: string;
}

const SQLITE: SqlDialect = {
  epoch: (column) => `CAST(strftime('%s', ${column}) AS INTEGER)`,
  seconds: (from, to) =>
    `(CAST(strftime('%s', ${to}) AS INTEGER) - CAST(strftime('%s', ${from}) AS INTEGER))`,
  div: (expression, divisor) => `((${expression}) / ${divisor})`,
  forUpdate: '',
  forUpdateSkipLocked: '',
};

// TO_SECONDS counts from year 0 and ignores the session time zone; 62167219200 is 1970-01-01 in it.
const MARIADB: SqlDialect = {
  epoch: (column) => `(TO_SECONDS(${column}) - 62167219200)`,
  seconds: (from, to) => `(TO_SECONDS(${to}) - TO_SECONDS(${from}))`,
  div: (expression, divisor) => `FLOOR((${expression}) / ${divisor})`,
  forUpdate: ' FOR UPDATE',
  forUpdateSkipLocked: ' FOR UPDATE SKIP LOCKED',
};

export const dialectOf = (dataSource: DataSource): SqlDialect =>
  dataSource.options.type === 'better-sqlite3' ? SQLITE : MARIADB;

/** `?, ?, ?` for a list bound as separate parameters. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/**
 * Which volunteers a query reads: a list of ids, or (the nightly batches, a whole keyset page of people) the
 * page's first and last id, read as one index range instead of a bound list of up to a thousand ids. Rows of
 * ids in the range but outside `ids` (erased people) come back too; callers look rows up by id.
 */
export interface VolunteerScope {
  ids: readonly string[];
  range?: { from: string; to: string };
}

/** The condition on `column` for a scope; its parameters are scopeParams(scope). */
export const within = (column: string, scope: VolunteerScope): string =>
  scope.range ? `${column} >= ? AND ${column} <= ?` : `${column} IN (${placeholders(scope.ids.length)})`;

export const scopeParams = (scope: VolunteerScope): readonly string[] =>
  scope.range ? [scope.range.from, scope.range.to] : scope.ids;

/**
 * The local-week index (0 = the week starting at `origin`, a Monday 00:00 in Amsterdam) of a datetime column:
 * its epoch seconds shifted by the Amsterdam offset at that moment, less the origin's local epoch, over a week's
 * seconds. The offset is a CASE over the summer-time periods of the window, computed in code. Every figure is an
 * integer computed here (no user input), inlined so the engine compares numbers, not strings, per row.
 */
export function localWeekIndex(
  dialect: SqlDialect,
  column: string,
  origin: Date,
  until: Date,
): { sql: string; params: string[] } {
  const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
  const periods = summerPeriods(origin.getUTCFullYear(), until.getUTCFullYear());
  const epoch = dialect.epoch(column);
  const cases = periods
    .map((p) => `WHEN ${epoch} >= ${seconds(p.from)} AND ${epoch} < ${seconds(p.to)} THEN 7200`)
    .join(' ');
  const originOffset = periods.some((p) => origin >= p.from && origin < p.to) ? 7200 : 3600;
  const originLocal = seconds(origin) + originOffset;
  const sql = dialect.div(`${epoch} + (CASE ${cases} ELSE 3600 END) - ${originLocal}`, 604800);
  return { sql, params: [] };
}
