import type { ContextName, EventDefinition, EventEnvelope } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { outboxSchema, type OutboxRow } from './outbox.schema';
import { nudgeRelay, OUTBOX_WRITTEN } from './relay-nudge';

/** One event for {@link appendManyToOutbox}: its definition and payload. */
export interface OutboxEntry<TType extends string = string, TPayload = unknown> {
  definition: EventDefinition<TType, TPayload>;
  payload: TPayload;
}

/** An outbox entry, typed by its definition (keeps the payload checked against the event's type). */
export const outboxEntry = <TType extends string, TPayload>(
  definition: EventDefinition<TType, TPayload>,
  payload: TPayload,
): OutboxEntry<TType, TPayload> => ({ definition, payload });

/**
 * Records an event in the context's outbox. Call it with the EntityManager of the transaction that makes the
 * change, so that both commit or neither does; the relay publishes it after commit. Never publish directly.
 */
export async function appendToOutbox<TType extends string, TPayload>(
  manager: EntityManager,
  context: ContextName,
  definition: EventDefinition<TType, TPayload>,
  payload: TPayload,
): Promise<EventEnvelope<TType, TPayload>> {
  const [envelope] = await appendManyToOutbox(manager, context, [{ definition, payload }]);
  return envelope as EventEnvelope<TType, TPayload>;
}

/**
 * Records several events in one INSERT, in the given order (their ids ascend, so the relay publishes them in
 * that order). Every payload is validated before anything is written: one bad payload records none.
 */
export async function appendManyToOutbox(
  manager: EntityManager,
  context: ContextName,
  entries: readonly OutboxEntry[],
): Promise<EventEnvelope[]> {
  if (!entries.length) return [];
  const createdAt = new Date();
  const occurredAt = createdAt.toISOString();
  const envelopes: EventEnvelope[] = [];
  const rows: OutboxRow[] = [];
  for (const { definition, payload } of entries) {
    const problems = definition.validate(payload);
    if (problems.length) {
      throw new Error(`Refusing to record ${definition.type} with a bad payload: ${problems.join('; ')}`);
    }
    const envelope: EventEnvelope = {
      id: uuidv7(),
      type: definition.type,
      source: context,
      occurredAt,
      payload,
    };
    envelopes.push(envelope);
    rows.push({
      id: envelope.id,
      type: envelope.type,
      payload: JSON.stringify(envelope),
      createdAt,
      publishedAt: null,
      attempts: 0,
      nextAttemptAt: null,
    });
  }
  await insertOutboxRows(manager, context, rows);
  // Wake the relay once the rows are visible: after commit (see OutboxCommitSubscriber), or now without a
  // transaction. A rolled-back transaction leaves nothing to find; the relay's poll covers any miss.
  const queryRunner = manager.queryRunner;
  if (queryRunner?.isTransactionActive) {
    queryRunner.data = { ...(queryRunner.data as object | undefined), [OUTBOX_WRITTEN]: context };
  } else {
    nudgeRelay(context);
  }
  return envelopes;
}

/**
 * One multi-row INSERT, written directly. It often runs while the caller holds a hot row lock, so: no read-back
 * of defaults, and not TypeORM's insert builder, whose parameter handling grows quadratically with the values
 * (milliseconds for a batch of fifty events). Values go through the driver's own conversion (dates), so rows
 * are stored as TypeORM would store them, on MariaDB and SQLite alike.
 */
async function insertOutboxRows(
  manager: EntityManager,
  context: ContextName,
  rows: OutboxRow[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(outboxSchema(context));
  const driver = manager.connection.driver;
  const columns = metadata.columns;
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
