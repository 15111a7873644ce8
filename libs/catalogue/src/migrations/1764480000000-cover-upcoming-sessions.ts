import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const SESSIONS = 'catalogue_sessions';
const OLD = new TableIndex({
  name: 'ix_catalogue_sessions_upcoming',
  columnNames: ['published', 'first_starts_at', 'course_id'],
});
/**
 * A search with session filters (online, from/to, has seats) starts from the upcoming published sessions in
 * time order; with every column it tests in the index, that range is read from the index alone.
 * WARNING: the class name is persisted in catalogue_migrations; never rename it.
 */
const COVERING = new TableIndex({
  name: 'ix_catalogue_sessions_upcoming_cover',
  columnNames: ['published', 'first_starts_at', 'course_id', 'status', 'capacity', 'online', 'place_key'],
});

export class CoverUpcomingSessions1764480000000 implements MigrationInterface {
  name = 'CoverUpcomingSessions1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(SESSIONS, COVERING);
    await queryRunner.dropIndex(SESSIONS, OLD.name!);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(SESSIONS, OLD);
    await queryRunner.dropIndex(SESSIONS, COVERING.name!);
  }
}
