import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Bound values per upsert statement: MariaDB refuses a statement with more than 65,535 placeholders and SQLite's
 * default limit is 32,766; under both, and a statement of this size costs one round trip, not dozens.
 */
export const MAX_PARAMETERS_PER_STATEMENT = 30_000;
/** Characters of string values per upsert statement: well under MariaDB's default max_allowed_packet (16 MB). */
const MAX_STRING_CHARS_PER_STATEMENT = 2_000_000;
/** Strings at least this long are sent to MariaDB as UTF-8 bytes (see sqlValue). */
const BYTES_FROM_CHARS = 256;
/** The characters mysql2 escapes with a backslash, each one costing a cut and a concatenation. */
// eslint-disable-next-line no-control-regex -- mysql2's own set of escaped characters, control ones included
const ESCAPED = /[\0\b\t\n\r\x1a"'\\]/;

/**
 * A multi-row INSERT of whole entities, written directly: TypeORM's insert builder spends time quadratic in the
 * number of values naming and looking up its parameters (some 15 ms for a batch of 50 enrolments, all of it
 * while the session row is locked). Values go through the driver's own conversion (dates, booleans), so the
 * rows are stored exactly as TypeORM would store them, on MariaDB and SQLite alike. Every column must be given.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (!rows.length) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const column of columns)
      parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column));
  }
  await manager.query(
    `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) ` +
      `VALUES ${rows.map(() => tuple).join(', ')}`,
    parameters,
  );
}

/**
 * A multi-row upsert, written directly like insertRows (TypeORM's `upsert` builds the same query through its
 * query builder, allocating per value): rows whose `conflictColumns` (property names of a primary or unique key)
 * already exist get every other column overwritten. MariaDB `INSERT … ON DUPLICATE KEY UPDATE c = VALUES(c)`,
 * SQLite `INSERT … ON CONFLICT (…) DO UPDATE SET c = excluded.c`. Chunked so that no statement binds more than
 * MAX_PARAMETERS_PER_STATEMENT values or MAX_STRING_CHARS_PER_STATEMENT characters. Every column must be given.
 */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  conflictColumns: ReadonlyArray<keyof T & string>,
): Promise<void> {
  if (!rows.length) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const conflict = conflictColumns.map((name) => {
    const column = metadata.findColumnWithPropertyName(name);
    if (!column) throw new Error(`upsertRows: ${metadata.tableName} has no column ${name}`);
    return driver.escape(column.databaseName);
  });
  const updated = columns
    .map((column) => driver.escape(column.databaseName))
    .filter((name) => !conflict.includes(name));
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const clause = sqlite
    ? ` ON CONFLICT (${conflict.join(', ')}) ` +
      (updated.length
        ? `DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(', ')}`
        : 'DO NOTHING')
    : ` ON DUPLICATE KEY UPDATE ${(updated.length ? updated : conflict.slice(0, 1)).map((c) => `${c} = VALUES(${c})`).join(', ')}`;
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));
  let parameters: unknown[] = [];
  let count = 0;
  let chars = 0;
  for (const row of rows) {
    for (const column of columns) {
      const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
      if (typeof value === 'string') chars += value.length;
      parameters.push(sqlite ? value : sqlValue(value));
    }
    count++;
    if (count === perStatement || chars >= MAX_STRING_CHARS_PER_STATEMENT) {
      await manager.query(head + Array.from({ length: count }, () => tuple).join(', ') + clause, parameters);
      parameters = [];
      count = 0;
      chars = 0;
    }
  }
  if (count)
    await manager.query(head + Array.from({ length: count }, () => tuple).join(', ') + clause, parameters);
}

/**
 * A value for mysql2, which escapes every string into the SQL text on the client by cutting it at each quote or
 * backslash and concatenating the pieces: a JSON document of 1.4 kB (one character in six a quote) leaves some
 * 30 kB of garbage. A long string with such characters goes as its UTF-8 bytes instead, which mysql2 writes as
 * one hex literal (`X'…'`) and MariaDB stores in the column's character set unchanged.
 */
function sqlValue(value: unknown): unknown {
  return typeof value === 'string' && value.length >= BYTES_FROM_CHARS && ESCAPED.test(value)
    ? Buffer.from(value, 'utf8')
    : value;
}
