import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

const { uuid, timestamp, varchar, int, bool } = columns;
const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });

/**
 * Time-driven messages and personal settings: planned reminders, the rosters already sent, the coordinators'
 * pending digest items, and each person's preferences (with their calendar feed token).
 * WARNING: the class name is persisted in notification_migrations; never rename it.
 */
export class CreateNotificationScheduleTables1764700000000 implements MigrationInterface {
  name = 'CreateNotificationScheduleTables1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notification_reminders',
        columns: [
          uuid('id', true),
          uuid('enrolment_id'),
          uuid('user_id'),
          uuid('session_id'),
          uuid('meeting_id'),
          varchar('course_title', 150),
          int('offset_minutes'),
          timestamp('meeting_starts_at'),
          timestamp('due_at'),
          varchar('status', 10),
          int('session_version', 0),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ux_notification_reminders_slot',
            columnNames: ['enrolment_id', 'meeting_id', 'offset_minutes'],
            isUnique: true,
          }),
          // The scheduler's scan: pending rows by due time.
          new TableIndex({ name: 'ix_notification_reminders_due', columnNames: ['status', 'due_at'] }),
          new TableIndex({ name: 'ix_notification_reminders_session', columnNames: ['session_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_rosters',
        columns: [
          uuid('meeting_id', true),
          { ...timestamp('meeting_starts_at'), isPrimary: true },
          uuid('session_id'),
          timestamp('sent_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_digest_items',
        columns: [
          uuid('coordinator_id', true),
          uuid('flag_id', true),
          uuid('organisation_id'),
          uuid('volunteer_id'),
          varchar('level', 5),
          text('rule_codes'),
          timestamp('raised_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_notification_digest_items_flag', columnNames: ['flag_id'] }),
          new TableIndex({
            name: 'ix_notification_digest_items_volunteer',
            columnNames: ['volunteer_id', 'organisation_id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          uuid('user_id', true),
          { ...bool('reminders'), default: true },
          varchar('digest', 6),
          varchar('locale', 2, true),
          varchar('calendar_token', 64, true),
          timestamp('digest_sent_at', true),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'ux_notification_preferences_calendar',
            columnNames: ['calendar_token'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notification_preferences',
      'notification_digest_items',
      'notification_rosters',
      'notification_reminders',
    ]) {
      await queryRunner.dropTable(table, true);
    }
  }
}
