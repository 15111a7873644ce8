import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

const { uuid, timestamp, varchar, int, bool } = columns;
const double = (name: string, nullable = false) => ({ name, type: 'double', isNullable: nullable });
const text = (name: string) => ({ name, type: 'text' });
const index = (table: string, suffix: string, columnNames: string[]) =>
  new TableIndex({ name: `ix_${table}_${suffix}`, columnNames });

/**
 * The load-signal module's tables (libs/enrolment/src/wellbeing). Written with the Table API so one migration
 * serves SQLite and MariaDB. The indexes lead with the volunteer: the nightly run reads them in id-ordered batches.
 * WARNING: the class name is persisted in enrolment_migrations; never rename it.
 */
export class CreateWellbeingTables1764600000000 implements MigrationInterface {
  name = 'CreateWellbeingTables1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (name: string, cols: Table['columns'] | object[], indices: TableIndex[] = []) =>
      queryRunner.createTable(new Table({ name, columns: cols as Table['columns'], indices }));

    await create('wellbeing_check_ins', [
      uuid('volunteer_id', true),
      { ...varchar('week_start', 10), isPrimary: true },
      double('volunteer_hours'),
      int('active_roles', undefined, true),
      timestamp('created_at'),
    ]);
    await create(
      'wellbeing_duties',
      [
        uuid('id', true),
        uuid('volunteer_id'),
        timestamp('starts_at'),
        timestamp('ends_at'),
        varchar('role', 80, true),
        uuid('entered_by', false, true),
        timestamp('created_at'),
      ],
      [index('wellbeing_duties', 'volunteer', ['volunteer_id', 'starts_at'])],
    );
    await create(
      'wellbeing_leave',
      [
        uuid('id', true),
        uuid('volunteer_id'),
        varchar('from_date', 10),
        varchar('to_date', 10),
        timestamp('created_at'),
      ],
      [index('wellbeing_leave', 'volunteer', ['volunteer_id', 'to_date'])],
    );
    await create('wellbeing_active_roles', [
      uuid('volunteer_id', true),
      int('count'),
      uuid('set_by', false, true),
      timestamp('set_at'),
    ]);
    await create('wellbeing_caring', [
      uuid('volunteer_id', true),
      varchar('hours_band', 4),
      varchar('duration_band', 4),
      timestamp('consented_at'),
    ]);
    await create(
      'wellbeing_self_checks',
      [
        uuid('id', true),
        uuid('volunteer_id'),
        varchar('instrument', 40),
        int('score'),
        varchar('band', 5),
        bool('shared'),
        timestamp('taken_at'),
      ],
      [
        index('wellbeing_self_checks', 'volunteer', ['volunteer_id', 'taken_at']),
        index('wellbeing_self_checks', 'taken', ['taken_at']),
      ],
    );
    await create(
      'wellbeing_visibility',
      [
        uuid('volunteer_id', true),
        uuid('organisation_id', true),
        bool('object_to_sharing'),
        timestamp('changed_at'),
      ],
      [index('wellbeing_visibility', 'organisation', ['organisation_id', 'volunteer_id'])],
    );
    await create('wellbeing_assessments', [
      uuid('volunteer_id', true),
      varchar('rule_version', 40),
      varchar('level', 5),
      text('results'),
      text('history'),
      varchar('week_start', 10),
      timestamp('evaluated_at'),
    ]);
    await create(
      'wellbeing_signal_history',
      [
        uuid('volunteer_id', true),
        { ...varchar('week_start', 10), isPrimary: true },
        { ...varchar('rule_code', 10), isPrimary: true },
        varchar('level', 20),
        double('value', true),
        varchar('rule_version', 40),
        timestamp('evaluated_at'),
      ],
      [index('wellbeing_signal_history', 'week', ['week_start'])],
    );
    await create(
      'wellbeing_flags',
      [
        uuid('id', true),
        uuid('volunteer_id'),
        uuid('organisation_id'),
        varchar('level', 5),
        varchar('rule_codes', 200),
        varchar('status', 12),
        timestamp('raised_at'),
        timestamp('acknowledged_at', true),
        timestamp('closed_at', true),
        timestamp('updated_at'),
      ],
      [
        index('wellbeing_flags', 'organisation', ['organisation_id', 'status', 'raised_at']),
        index('wellbeing_flags', 'volunteer', ['volunteer_id', 'organisation_id', 'status']),
      ],
    );
    await create(
      'wellbeing_flag_notes',
      [
        uuid('id', true),
        uuid('flag_id'),
        varchar('kind', 12),
        uuid('author_id', false, true),
        { name: 'note', type: 'text', isNullable: true },
        timestamp('created_at'),
      ],
      [index('wellbeing_flag_notes', 'flag', ['flag_id', 'created_at'])],
    );
    await create(
      'wellbeing_audit',
      [
        uuid('id', true),
        uuid('volunteer_id'),
        uuid('viewer_id', false, true),
        varchar('viewer_name', 120),
        uuid('organisation_id', false, true),
        varchar('what', 20),
        timestamp('viewed_at'),
      ],
      [
        index('wellbeing_audit', 'volunteer', ['volunteer_id', 'viewed_at']),
        index('wellbeing_audit', 'viewer', ['viewer_id']),
      ],
    );
    await create('wellbeing_rule_overrides', [
      uuid('organisation_id', true),
      text('overrides'),
      uuid('updated_by', false, true),
      timestamp('updated_at'),
    ]);
    await create('wellbeing_courses', [
      uuid('course_id', true),
      varchar('title', 150),
      varchar('language', 2),
      varchar('status', 10),
      int('version'),
    ]);
    await create(
      'wellbeing_course_themes',
      [uuid('course_id', true), { ...varchar('theme', 40), isPrimary: true }],
      [index('wellbeing_course_themes', 'theme', ['theme', 'course_id'])],
    );
    await create(
      'wellbeing_pending',
      [uuid('volunteer_id', true), timestamp('due_at')],
      [index('wellbeing_pending', 'due', ['due_at'])],
    );
    await create('wellbeing_job_runs', [
      { ...varchar('name', 40), isPrimary: true },
      varchar('last_run_on', 10),
      timestamp('updated_at'),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'wellbeing_job_runs',
      'wellbeing_pending',
      'wellbeing_course_themes',
      'wellbeing_courses',
      'wellbeing_rule_overrides',
      'wellbeing_audit',
      'wellbeing_flag_notes',
      'wellbeing_flags',
      'wellbeing_signal_history',
      'wellbeing_assessments',
      'wellbeing_visibility',
      'wellbeing_self_checks',
      'wellbeing_caring',
      'wellbeing_active_roles',
      'wellbeing_leave',
      'wellbeing_duties',
      'wellbeing_check_ins',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
