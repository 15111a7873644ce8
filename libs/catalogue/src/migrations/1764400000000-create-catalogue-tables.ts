import { randomUUID } from 'node:crypto';
import { createMessagingTables, dropMessagingTables } from '@academy/messaging';
import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { STARTER_CATEGORIES } from './starter-categories';

const { uuid, timestamp, varchar, int } = columns;

const cascade = (name: string, column: string, table: string) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/**
 * The catalogue's tables, written with TypeORM's Table API so one migration serves SQLite and MariaDB. Free
 * text differs by engine: a FULLTEXT index on MariaDB, an FTS5 table kept in step by triggers on SQLite.
 * WARNING: the class name is persisted in catalogue_migrations; never rename it.
 */
export class CreateCatalogueTables1764400000000 implements MigrationInterface {
  name = 'CreateCatalogueTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_providers',
        columns: [
          uuid('id', true),
          varchar('name', 120),
          varchar('website', 300, true),
          { name: 'description', type: 'text', isNullable: true },
          timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ux_catalogue_providers_name', columnNames: ['name'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_categories',
        columns: [
          uuid('id', true),
          varchar('slug', 60),
          varchar('name_nl', 100),
          varchar('name_fy', 100),
          varchar('name_en', 100),
          int('position', 0),
        ],
        indices: [
          new TableIndex({ name: 'ux_catalogue_categories_slug', columnNames: ['slug'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_courses',
        columns: [
          uuid('id', true),
          varchar('kind', 10),
          uuid('provider_id', false, true),
          uuid('category_id'),
          varchar('title', 150),
          varchar('summary', 500),
          { name: 'description', type: 'text' },
          varchar('language', 2),
          int('attendance_threshold', 75),
          varchar('status', 10),
          { name: 'search_text', type: 'text' },
          int('version', 1),
          uuid('created_by'),
          timestamp('created_at'),
          timestamp('updated_at'),
          timestamp('published_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'ix_catalogue_courses_status_category',
            columnNames: ['status', 'category_id'],
          }),
          new TableIndex({
            name: 'ix_catalogue_courses_status_language',
            columnNames: ['status', 'language'],
          }),
          new TableIndex({ name: 'ix_catalogue_courses_provider', columnNames: ['provider_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_catalogue_courses_category',
            columnNames: ['category_id'],
            referencedTableName: 'catalogue_categories',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'fk_catalogue_courses_provider',
            columnNames: ['provider_id'],
            referencedTableName: 'catalogue_providers',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_course_trainers',
        columns: [uuid('course_id', true), uuid('user_id', true)],
        indices: [
          new TableIndex({
            name: 'ix_catalogue_course_trainers_user',
            columnNames: ['user_id', 'course_id'],
          }),
        ],
        foreignKeys: [cascade('fk_catalogue_course_trainers_course', 'course_id', 'catalogue_courses')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_course_tags',
        columns: [
          uuid('course_id', true),
          { ...varchar('kind', 10), isPrimary: true },
          { ...varchar('value', 40), isPrimary: true },
        ],
        indices: [
          new TableIndex({
            name: 'ix_catalogue_course_tags_value',
            columnNames: ['kind', 'value', 'course_id'],
          }),
        ],
        foreignKeys: [cascade('fk_catalogue_course_tags_course', 'course_id', 'catalogue_courses')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_sessions',
        columns: [
          uuid('id', true),
          uuid('course_id'),
          int('capacity'),
          int('minimum_participants', 0),
          timestamp('go_no_go_at', true),
          timestamp('enrolment_opens_at', true),
          timestamp('enrolment_closes_at', true),
          int('cancellation_deadline_hours', 48),
          { ...varchar('waitlist_mode', 10), default: "'auto'" },
          int('offer_hours', 24),
          { ...varchar('status', 10), default: "'scheduled'" },
          { name: 'published', type: 'boolean', default: 0 },
          int('version', 1),
          varchar('cancel_reason', 500, true),
          timestamp('first_starts_at'),
          timestamp('last_ends_at'),
          varchar('place', 100, true),
          varchar('place_key', 100, true),
          { name: 'online', type: 'boolean', default: 0 },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          // The course page and the "next session" of a listing: a course's sessions in time order.
          new TableIndex({
            name: 'ix_catalogue_sessions_course_start',
            columnNames: ['course_id', 'first_starts_at'],
          }),
          // Search: upcoming published sessions in time order, narrowed by place.
          new TableIndex({
            name: 'ix_catalogue_sessions_upcoming',
            columnNames: ['published', 'first_starts_at', 'course_id'],
          }),
          new TableIndex({
            name: 'ix_catalogue_sessions_place',
            columnNames: ['place_key', 'first_starts_at'],
          }),
        ],
        foreignKeys: [cascade('fk_catalogue_sessions_course', 'course_id', 'catalogue_courses')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_session_trainers',
        columns: [uuid('session_id', true), uuid('user_id', true)],
        indices: [
          new TableIndex({
            name: 'ix_catalogue_session_trainers_user',
            columnNames: ['user_id', 'session_id'],
          }),
        ],
        foreignKeys: [cascade('fk_catalogue_session_trainers_session', 'session_id', 'catalogue_sessions')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_meetings',
        columns: [
          uuid('id', true),
          uuid('session_id'),
          timestamp('starts_at'),
          timestamp('ends_at'),
          varchar('location_name', 150),
          varchar('place', 100, true),
          varchar('address', 200, true),
          { name: 'online', type: 'boolean', default: 0 },
          varchar('url', 500, true),
        ],
        indices: [
          new TableIndex({
            name: 'ix_catalogue_meetings_session_start',
            columnNames: ['session_id', 'starts_at'],
          }),
        ],
        foreignKeys: [cascade('fk_catalogue_meetings_session', 'session_id', 'catalogue_sessions')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'catalogue_session_seats',
        columns: [
          uuid('session_id', true),
          int('confirmed'),
          int('waitlisted'),
          int('version'),
          timestamp('updated_at'),
        ],
      }),
    );
    await createMessagingTables(queryRunner, 'catalogue');
    await this.createFullText(queryRunner);
    for (const [position, category] of STARTER_CATEGORIES.entries()) {
      await queryRunner.query(
        'INSERT INTO catalogue_categories (id, slug, name_nl, name_fy, name_en, position) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), category.slug, category.nl, category.fy, category.en, position],
      );
    }
  }

  private async createFullText(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'mysql') {
      await queryRunner.query(
        'CREATE FULLTEXT INDEX ft_catalogue_courses_search ON catalogue_courses (search_text)',
      );
      return;
    }
    // Its own FTS5 table (not external content: rowids of a table without an integer key may change on VACUUM).
    await queryRunner.query(
      "CREATE VIRTUAL TABLE catalogue_courses_fts USING fts5(course_id UNINDEXED, search_text, tokenize = 'unicode61 remove_diacritics 2')",
    );
    await queryRunner.query(`CREATE TRIGGER catalogue_courses_fts_insert AFTER INSERT ON catalogue_courses BEGIN
      INSERT INTO catalogue_courses_fts (course_id, search_text) VALUES (new.id, new.search_text);
    END`);
    await queryRunner.query(`CREATE TRIGGER catalogue_courses_fts_update AFTER UPDATE OF search_text ON catalogue_courses BEGIN
      DELETE FROM catalogue_courses_fts WHERE course_id = old.id;
      INSERT INTO catalogue_courses_fts (course_id, search_text) VALUES (new.id, new.search_text);
    END`);
    await queryRunner.query(`CREATE TRIGGER catalogue_courses_fts_delete AFTER DELETE ON catalogue_courses BEGIN
      DELETE FROM catalogue_courses_fts WHERE course_id = old.id;
    END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') {
      await queryRunner.query('DROP TABLE IF EXISTS catalogue_courses_fts');
    }
    await dropMessagingTables(queryRunner, 'catalogue');
    for (const table of [
      'catalogue_session_seats',
      'catalogue_meetings',
      'catalogue_session_trainers',
      'catalogue_sessions',
      'catalogue_course_tags',
      'catalogue_course_trainers',
      'catalogue_courses',
      'catalogue_categories',
      'catalogue_providers',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
