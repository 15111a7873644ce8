import { createMessagingTables, dropMessagingTables } from '@academy/messaging';
import { columns } from '@academy/platform';
import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

const { uuid, timestamp } = columns;

/**
 * Written with TypeORM's Table API only, so the same migration serves SQLite (all-in-one) and
 * MySQL/MariaDB (services). WARNING: the class name is persisted in identity_migrations; never rename it.
 */
export class CreateIdentityTables1764300000000 implements MigrationInterface {
  name = 'CreateIdentityTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'identity_organisations',
        columns: [
          uuid('id', true),
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'join_code', type: 'varchar', length: '8' },
          timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ux_identity_organisations_name', columnNames: ['name'], isUnique: true }),
          new TableIndex({
            name: 'ux_identity_organisations_join_code',
            columnNames: ['join_code'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'identity_users',
        columns: [
          uuid('id', true),
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'locale', type: 'varchar', length: '2', default: "'nl'" },
          { name: 'admin', type: 'boolean', default: 0 },
          { name: 'disabled', type: 'boolean', default: 0 },
          { name: 'session_version', type: 'int', default: 0 },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ux_identity_users_email', columnNames: ['email'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'identity_memberships',
        columns: [
          uuid('user_id', true),
          uuid('organisation_id', true),
          { name: 'role', type: 'varchar', length: '20', isPrimary: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_identity_memberships_organisation', columnNames: ['organisation_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_identity_memberships_user',
            columnNames: ['user_id'],
            referencedTableName: 'identity_users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            name: 'fk_identity_memberships_organisation',
            columnNames: ['organisation_id'],
            referencedTableName: 'identity_organisations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'identity_refresh_tokens',
        columns: [
          uuid('id', true),
          uuid('family_id'),
          uuid('user_id'),
          { name: 'token_hash', type: 'varchar', length: '64' },
          timestamp('created_at'),
          timestamp('expires_at'),
          timestamp('used_at', true),
          timestamp('revoked_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'ux_identity_refresh_tokens_hash',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_identity_refresh_tokens_family', columnNames: ['family_id'] }),
          new TableIndex({ name: 'ix_identity_refresh_tokens_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_identity_refresh_tokens_user',
            columnNames: ['user_id'],
            referencedTableName: 'identity_users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await createMessagingTables(queryRunner, 'identity');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'identity');
    await queryRunner.dropTable('identity_refresh_tokens');
    await queryRunner.dropTable('identity_memberships');
    await queryRunner.dropTable('identity_users');
    await queryRunner.dropTable('identity_organisations');
  }
}
