import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * The provider's name on the course replica, for certificates (catalogue.course.changed.v1 `providerName`).
 * Null until the course's next event, and for courses without a provider.
 * WARNING: the class name is persisted in enrolment_migrations; never rename it.
 */
export class CourseProviderName1764650000000 implements MigrationInterface {
  name = 'CourseProviderName1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'enrolment_courses',
      new TableColumn(columns.varchar('provider_name', 120, true)),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('enrolment_courses', 'provider_name');
  }
}
