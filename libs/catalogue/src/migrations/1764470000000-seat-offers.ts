import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Seats held by an open waitlist offer count as taken: enrolment reports them (`offered` in
 * enrolment.session.seats-changed.v1), and "seats left" is capacity − confirmed − offered.
 * WARNING: the class name is persisted in catalogue_migrations; never rename it.
 */
export class SeatOffers1764470000000 implements MigrationInterface {
  name = 'SeatOffers1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'catalogue_session_seats',
      new TableColumn({ name: 'offered', type: 'int', default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('catalogue_session_seats', 'offered');
  }
}
