import type { DataSource } from 'typeorm';
import { dbTime, summerPeriods } from './amsterdam-time';

/**
 * The few SQL fragments where SQLite and MariaDB differ, so that every aggregate is one query text per engine
 * built by the same code. Parameters are positional (`?`) on both drivers.
 */
export interface SqlDialect {
  /** Whole seconds from `from` to `to` (two datetime expressions). */
  seconds(from: string, to: string): string;
  /** Integer division, rounding down, of a non-negative seconds expression. */
  div(expression: string, divisor: number): string;
  /** Row locks for the rest of the transaction, where the engine has them (SQLite serialises writers). */
  forUpdate: string;
  forUpdateSkipLocked: string;
}

const SQLITE: SqlDialect = {
  seconds: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER)`,
  div: (expression, divisor) => `((${expression}) / ${divisor})`,
  forUpdate: '',
  forUpdateSkipLocked: '',
};

const MARIADB: SqlDialect = {
  seconds: (from, to) => `TIMESTAMPDIFF(SECOND, ${from}, ${to})`,
  div: (expression, divisor) => `FLOOR((${expression}) / ${divisor})`,
  forUpdate: ' FOR UPDATE',
  forUpdateSkipLocked: ' FOR UPDATE SKIP LOCKED',
};

export const dialectOf = (dataSource: DataSource): SqlDialect =>
  dataSource.options.type === 'better-sqlite3' ? SQLITE : MARIADB;

/** `?, ?, ?` for a list bound as separate parameters. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/**
 * The local-week index (0 = the week starting at `origin`, a Monday 00:00 in Amsterdam) of a datetime column:
 * seconds since the origin, shifted by the Amsterdam offset at that moment, over a week's seconds. The offset
 * is a CASE over the summer-time periods of the window, computed in code; returns the SQL and its parameters.
 */
export function localWeekIndex(
  dialect: SqlDialect,
  column: string,
  origin: Date,
  until: Date,
): { sql: string; params: string[] } {
  const periods = summerPeriods(origin.getUTCFullYear(), until.getUTCFullYear());
  const params: string[] = [];
  const cases = periods
    .map((period) => {
      params.push(dbTime(period.from), dbTime(period.to));
      return `WHEN ${column} >= ? AND ${column} < ? THEN 7200`;
    })
    .join(' ');
  const originOffset = periods.some((p) => origin >= p.from && origin < p.to) ? 7200 : 3600;
  const sql = dialect.div(
    `${dialect.seconds('?', column)} + (CASE ${cases} ELSE 3600 END) - ${originOffset}`,
    604800,
  );
  return { sql, params: [dbTime(origin), ...params] };
}
