import { createMessagingTables, dropMessagingTables } from '@academy/messaging';
import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

const { uuid, timestamp, varchar, int, bool } = columns;
const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });

/**
 * The notification context's tables, written with TypeORM's Table API so one migration serves SQLite and
 * MariaDB. Recipients, sessions and enrolments are replicas filled from events only; deliveries are the outbox
 * of email and its log; notifications are the in-app inbox.
 * WARNING: the class name is persisted in notification_migrations; never rename it.
 */
export class CreateNotificationTables1764600000000 implements MigrationInterface {
  name = 'CreateNotificationTables1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The outbox table comes along unused: consumers need the processed-events table beside it.
    await createMessagingTables(queryRunner, 'notification');
    await queryRunner.createTable(
      new Table({
        name: 'notification_recipients',
        columns: [
          uuid('id', true),
          varchar('email', 254, true),
          varchar('display_name', 120, true),
          varchar('locale', 2),
          bool('admin'),
          bool('erased'),
          timestamp('snapshot_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_recipient_memberships',
        columns: [
          uuid('user_id', true),
          uuid('organisation_id', true),
          { ...varchar('role', 12), isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: 'ix_notification_memberships_organisation',
            columnNames: ['organisation_id', 'role'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_sessions',
        columns: [
          uuid('id', true),
          uuid('course_id'),
          varchar('title', 150),
          varchar('kind', 10),
          varchar('language', 2),
          text('meetings'),
          text('trainer_ids'),
          varchar('status', 10),
          varchar('cancel_reason', 500, true),
          int('version'),
          timestamp('first_starts_at'),
          timestamp('last_ends_at'),
          timestamp('updated_at'),
        ],
        indices: [new TableIndex({ name: 'ix_notification_sessions_ends', columnNames: ['last_ends_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_enrolments',
        columns: [
          uuid('id', true),
          uuid('user_id'),
          uuid('session_id'),
          varchar('status', 12),
          timestamp('completed_at', true),
          uuid('last_event_id'),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ix_notification_enrolments_session',
            columnNames: ['session_id', 'status'],
          }),
          new TableIndex({ name: 'ix_notification_enrolments_user', columnNames: ['user_id', 'status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          uuid('id', true),
          varchar('dedup_key', 200),
          uuid('recipient_id'),
          varchar('kind', 40),
          varchar('locale', 2),
          text('params', true),
          text('attachment', true),
          varchar('optional', 10, true),
          varchar('status', 10),
          int('attempts', 0),
          int('retries', 0),
          varchar('last_error', 500, true),
          timestamp('next_attempt_at', true),
          timestamp('queued_at'),
          timestamp('sent_at', true),
          varchar('message_id', 255, true),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ux_notification_deliveries_dedup',
            columnNames: ['dedup_key'],
            isUnique: true,
          }),
          // The dispatcher's scan: due rows by status.
          new TableIndex({
            name: 'ix_notification_deliveries_due',
            columnNames: ['status', 'next_attempt_at'],
          }),
          new TableIndex({
            name: 'ix_notification_deliveries_recipient',
            columnNames: ['recipient_id', 'status'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_notifications',
        columns: [
          uuid('id', true),
          uuid('recipient_id'),
          uuid('delivery_id', false, true),
          varchar('kind', 40),
          varchar('title', 200),
          text('body'),
          varchar('link', 500, true),
          timestamp('read_at', true),
          timestamp('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ix_notification_notifications_recipient',
            columnNames: ['recipient_id', 'read_at', 'created_at'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notification_notifications',
      'notification_deliveries',
      'notification_enrolments',
      'notification_sessions',
      'notification_recipient_memberships',
      'notification_recipients',
    ]) {
      await queryRunner.dropTable(table, true);
    }
    await dropMessagingTables(queryRunner, 'notification');
  }
}
