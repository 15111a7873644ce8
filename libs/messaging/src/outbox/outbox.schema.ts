import { EntitySchema, type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

export interface OutboxRow {
  id: string;
  type: string;
  payload: string;
  createdAt: Date;
  publishedAt: Date | null;
  attempts: number;
  /** After a failed delivery the relay waits until then before it tries the row again. */
  nextAttemptAt: Date | null;
}

export interface ProcessedEventRow {
  consumer: string;
  eventId: string;
  processedAt: Date;
}

// WARNING: table names are persisted; renaming one orphans the undelivered events in it.
export const outboxTable = (context: string) => `${context}_outbox`;
export const processedEventsTable = (context: string) => `${context}_processed_events`;

const outboxSchemas = new Map<string, EntitySchema<OutboxRow>>();
const processedSchemas = new Map<string, EntitySchema<ProcessedEventRow>>();

/** The outbox of one context: written in the same transaction as the change it announces. */
export function outboxSchema(context: string): EntitySchema<OutboxRow> {
  let schema = outboxSchemas.get(context);
  if (!schema) {
    schema = new EntitySchema<OutboxRow>({
      name: `${context}.OutboxRow`,
      tableName: outboxTable(context),
      columns: {
        id: { type: 'varchar', length: 36, primary: true },
        type: { type: 'varchar', length: 120 },
        payload: { type: 'text' },
        createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
        publishedAt: { name: 'published_at', type: 'datetime', precision: 3, nullable: true },
        attempts: { type: 'int', default: 0 },
        nextAttemptAt: { name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true },
      },
    });
    outboxSchemas.set(context, schema);
  }
  return schema;
}

/** Event ids a consumer of this context has acted on; the unique key makes acting twice impossible. */
export function processedEventSchema(context: string): EntitySchema<ProcessedEventRow> {
  let schema = processedSchemas.get(context);
  if (!schema) {
    schema = new EntitySchema<ProcessedEventRow>({
      name: `${context}.ProcessedEventRow`,
      tableName: processedEventsTable(context),
      columns: {
        consumer: { type: 'varchar', length: 120, primary: true },
        eventId: { name: 'event_id', type: 'varchar', length: 36, primary: true },
        processedAt: { name: 'processed_at', type: 'datetime', precision: 3 },
      },
    });
    processedSchemas.set(context, schema);
  }
  return schema;
}

/** Entities a context adds to its DataSource to take part in messaging. */
export const messagingEntities = (context: string) => [outboxSchema(context), processedEventSchema(context)];

/**
 * Creates the outbox and processed-events tables of a context; call it from the context's first migration.
 * Written with TypeORM's Table API so one migration serves SQLite and MySQL/MariaDB alike.
 */
export async function createMessagingTables(queryRunner: QueryRunner, context: string): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: outboxTable(context),
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'type', type: 'varchar', length: '120' },
        { name: 'payload', type: 'text' },
        { name: 'created_at', type: 'datetime', precision: 3 },
        { name: 'published_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'attempts', type: 'int', default: 0 },
        { name: 'next_attempt_at', type: 'datetime', precision: 3, isNullable: true },
      ],
    }),
  );
  await queryRunner.createIndex(
    outboxTable(context),
    new TableIndex({ name: `ix_${context}_outbox_unpublished`, columnNames: ['published_at', 'id'] }),
  );
  await queryRunner.createTable(
    new Table({
      name: processedEventsTable(context),
      columns: [
        { name: 'consumer', type: 'varchar', length: '120', isPrimary: true },
        { name: 'event_id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'processed_at', type: 'datetime', precision: 3 },
      ],
    }),
  );
}

export async function dropMessagingTables(queryRunner: QueryRunner, context: string): Promise<void> {
  await queryRunner.dropTable(processedEventsTable(context));
  await queryRunner.dropTable(outboxTable(context));
}

/** A ready-made first migration for a context that only needs the messaging tables (tests, small contexts). */
export function messagingMigration(context: string, timestamp: number): new () => MigrationInterface {
  const name = `Messaging${context.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
  return {
    [name]: class implements MigrationInterface {
      name = name;
      up = (queryRunner: QueryRunner) => createMessagingTables(queryRunner, context);
      down = (queryRunner: QueryRunner) => dropMessagingTables(queryRunner, context);
    },
  }[name];
}
