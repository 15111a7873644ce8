import { createMessagingTables, dropMessagingTables } from '@academy/messaging';
import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

const { uuid, timestamp, varchar, int, bool } = columns;

/**
 * The enrolment context's tables, written with TypeORM's Table API so one migration serves SQLite and MariaDB.
 * The replicas (sessions, meetings, trainers, courses, people, memberships) are filled from events only.
 * WARNING: the class name is persisted in enrolment_migrations; never rename it.
 */
export class CreateEnrolmentTables1764500000000 implements MigrationInterface {
  name = 'CreateEnrolmentTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'enrolment');
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_sessions',
        columns: [
          uuid('id', true),
          uuid('course_id'),
          int('capacity'),
          int('minimum_participants', 0),
          timestamp('go_no_go_at', true),
          timestamp('enrolment_opens_at', true),
          timestamp('enrolment_closes_at', true),
          int('cancellation_deadline_hours', 48),
          varchar('waitlist_mode', 10),
          int('offer_hours', 24),
          varchar('catalogue_status', 10),
          varchar('cancel_reason', 500, true),
          timestamp('first_starts_at'),
          timestamp('last_ends_at'),
          int('version'),
          varchar('go_decision', 10, true),
          timestamp('go_decided_at', true),
          int('confirmed', 0),
          int('offered', 0),
          int('waitlisted', 0),
          int('seats_version', 0),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_enrolment_sessions_course', columnNames: ['course_id'] }),
          new TableIndex({
            name: 'ix_enrolment_sessions_go',
            columnNames: ['go_decision', 'go_no_go_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_meetings',
        columns: [
          uuid('id', true),
          uuid('session_id'),
          int('position'),
          timestamp('starts_at'),
          timestamp('ends_at'),
          { name: 'location', type: 'text' },
        ],
        indices: [
          new TableIndex({ name: 'ix_enrolment_meetings_session', columnNames: ['session_id', 'position'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_session_trainers',
        columns: [uuid('session_id', true), uuid('user_id', true)],
        indices: [
          new TableIndex({
            name: 'ix_enrolment_session_trainers_user',
            columnNames: ['user_id', 'session_id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_courses',
        columns: [
          uuid('id', true),
          varchar('title', 150),
          varchar('kind', 10),
          varchar('language', 2),
          int('attendance_threshold', 75),
          int('version', 0),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_people',
        columns: [
          uuid('id', true),
          varchar('display_name', 120),
          varchar('locale', 2),
          bool('admin'),
          bool('erased'),
          timestamp('snapshot_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_memberships',
        columns: [
          uuid('user_id', true),
          uuid('organisation_id', true),
          { ...varchar('role', 12), isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: 'ix_enrolment_memberships_organisation',
            columnNames: ['organisation_id', 'role'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_enrolments',
        columns: [
          uuid('id', true),
          uuid('session_id'),
          uuid('user_id', false, true),
          varchar('status', 12),
          varchar('active_key', 80, true),
          int('waitlist_position', undefined, true),
          timestamp('offer_expires_at', true),
          bool('late'),
          varchar('cancel_reason', 30, true),
          uuid('enrolled_by', false, true),
          timestamp('created_at'),
          timestamp('confirmed_at', true),
          timestamp('cancelled_at', true),
          timestamp('completed_at', true),
          timestamp('updated_at'),
        ],
        indices: [
          // One active enrolment per person and session: NULL (inactive) repeats freely on both engines.
          new TableIndex({
            name: 'ux_enrolment_enrolments_active',
            columnNames: ['active_key'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'ix_enrolment_enrolments_session',
            columnNames: ['session_id', 'status', 'waitlist_position'],
          }),
          new TableIndex({ name: 'ix_enrolment_enrolments_user', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({
            name: 'ix_enrolment_enrolments_offers',
            columnNames: ['status', 'offer_expires_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'enrolment_attendance',
        columns: [
          uuid('enrolment_id', true),
          uuid('meeting_id', true),
          uuid('session_id'),
          varchar('status', 10),
          uuid('recorded_by', false, true),
          timestamp('recorded_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_enrolment_attendance_meeting', columnNames: ['meeting_id'] }),
          new TableIndex({ name: 'ix_enrolment_attendance_session', columnNames: ['session_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'enrolment_attendance',
      'enrolment_enrolments',
      'enrolment_memberships',
      'enrolment_people',
      'enrolment_courses',
      'enrolment_session_trainers',
      'enrolment_meetings',
      'enrolment_sessions',
    ]) {
      await queryRunner.dropTable(table);
    }
    await dropMessagingTables(queryRunner, 'enrolment');
  }
}
