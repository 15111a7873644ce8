import { Injectable, type DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type ContextName,
  type EventEnvelope,
  QUEUES,
  USER_REGISTERED_V1,
  type UserRegisteredV1,
} from '@academy/contracts';
import { DatabaseModule, loadConfig, PlatformModule } from '@academy/platform';
import type { TestDatabase } from '@academy/platform/testing/test-databases';
import {
  EntitySchema,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
  Table,
} from 'typeorm';
import { OnEvent } from '../consumer/on-event.decorator';
import { MessagingModule } from '../messaging.module';
import type { MessagingOptions } from '../messaging.options';
import { createMessagingTables, messagingEntities } from '../outbox/outbox.schema';

/** What a test consumer records: one row per time it acted, so acting twice shows as two rows. */
export interface ReceivedRow {
  seq: number;
  eventId: string;
  email: string;
}

export const ReceivedSchema = new EntitySchema<ReceivedRow>({
  name: 'TestReceived',
  tableName: 'test_received',
  columns: {
    seq: { type: 'int', primary: true, generated: 'increment' },
    eventId: { name: 'event_id', type: 'varchar', length: 36 },
    email: { type: 'varchar', length: 200 },
  },
});

/** A business table of the producing side, changed in the same transaction as its event. */
export interface AccountRow {
  email: string;
}
export const AccountSchema = new EntitySchema<AccountRow>({
  name: 'TestAccount',
  tableName: 'test_accounts',
  columns: { email: { type: 'varchar', length: 200, primary: true } },
});

export const PRODUCER: ContextName = 'identity';
export const CONSUMER: ContextName = 'notification';

class ProducerMigration1700000000000 implements MigrationInterface {
  name = 'ProducerMigration1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, PRODUCER);
    await queryRunner.createTable(
      new Table({
        name: 'test_accounts',
        columns: [{ name: 'email', type: 'varchar', length: '200', isPrimary: true }],
      }),
    );
  }
  async down(): Promise<void> {}
}

class ConsumerMigration1700000000001 implements MigrationInterface {
  name = 'ConsumerMigration1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, CONSUMER);
    await queryRunner.createTable(
      new Table({
        name: 'test_received',
        columns: [
          {
            name: 'seq',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'email', type: 'varchar', length: '200' },
        ],
      }),
    );
  }
  async down(): Promise<void> {}
}

/** Fails the first `failures` times it sees an event, then records it. */
@Injectable()
export class RecordingConsumer {
  failuresLeft = 0;

  @OnEvent(USER_REGISTERED_V1, { context: CONSUMER, consumer: 'test.recorder' })
  async onRegistered(event: EventEnvelope<string, UserRegisteredV1>, manager: EntityManager): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('simulated handler failure');
    }
    await manager.getRepository(ReceivedSchema).insert({ eventId: event.id, email: event.payload.email });
  }
}

export const TEST_SUBSCRIPTIONS = {
  [QUEUES.notificationEvents]: [USER_REGISTERED_V1.type],
  [QUEUES.enrolmentEvents]: [],
  [QUEUES.catalogueEvents]: [],
};

export function registeredPayload(email: string): UserRegisteredV1 {
  return {
    userId: '00000000-0000-7000-8000-000000000001',
    email,
    displayName: 'Anna de Vries',
    locale: 'nl',
    admin: false,
    memberships: [],
    registeredAt: new Date().toISOString(),
  };
}

/**
 * A Nest module with a producing context (identity tables + outbox) and a consuming context (notification),
 * both on the given test database, wired with the given transport.
 */
export async function messagingTestModule(
  db: TestDatabase,
  messaging: Omit<MessagingOptions, 'subscriptions'> & { subscriptions?: MessagingOptions['subscriptions'] },
  extra: { providers?: DynamicModule['providers']; relay?: boolean } = {},
): Promise<TestingModule> {
  const config = loadConfig('academy', {
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.databaseUrl,
    LOG_LEVEL: 'silent',
  });
  const relay = extra.relay ?? true;
  return Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config),
      MessagingModule.forRoot({ subscriptions: TEST_SUBSCRIPTIONS, pollMs: 100, ...messaging }),
      DatabaseModule.forContext({
        context: PRODUCER,
        entities: [...messagingEntities(PRODUCER), AccountSchema],
        migrations: [ProducerMigration1700000000000],
      }),
      DatabaseModule.forContext({
        context: CONSUMER,
        entities: [...messagingEntities(CONSUMER), ReceivedSchema],
        migrations: [ConsumerMigration1700000000001],
      }),
      ...(relay ? [MessagingModule.forContext(PRODUCER)] : []),
    ],
    providers: [RecordingConsumer, ...(extra.providers ?? [])],
  }).compile();
}

export const dataSourceOf = (module: TestingModule, context: ContextName) =>
  module.get<DataSource>(getDataSourceToken(context));

/** Polls until `probe` returns true, or fails after `ms`. */
export async function eventually(
  probe: () => Promise<boolean>,
  ms = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
