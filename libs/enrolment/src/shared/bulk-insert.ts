import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

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
