import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { DatabaseLogger } from './typeorm-logger';

// The shapes TypeORM accepts for entities and migrations.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function | string>;

export interface ContextDatabase {
  /** The bounded context that owns these tables; names its DataSource, SQLite file and migrations table. */
  context: string;
  entities: EntityList;
  migrations: MigrationList;
}

/**
 * One DataSource per context. The all-in-one keeps one SQLite file per context under DATA_DIR; a service
 * uses its own MySQL/MariaDB database, in which each context still has its own tables and migrations table.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  db: ContextDatabase,
): DataSourceOptions {
  const common = {
    name: db.context,
    entities: db.entities,
    migrations: db.migrations,
    // WARNING: persisted name; renaming it makes every migration run again.
    migrationsTableName: `${db.context}_migrations`,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logger: new DatabaseLogger(db.context),
    maxQueryExecutionTime: 1000,
  };
  if (config.databaseUrl) {
    return {
      ...common,
      type: 'mysql',
      url: config.databaseUrl.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: false,
      extra: { connectionLimit: 20, enableKeepAlive: true },
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(config.dataDir, `${db.context}.sqlite`),
    prepareDatabase: (sqlite: { pragma(statement: string): unknown }) => {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
    },
  };
}
