import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MessagingModule } from '@academy/messaging';
import { loadConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';
import {
  createTestDatabase,
  type DatabaseKind,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import type { DataSource } from 'typeorm';
import { IdentityModule } from '../identity.module';

export interface IdentityContext {
  module: TestingModule;
  database: TestDatabase;
  dataSource: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The identity context on its own, on a throwaway SQLite or MariaDB database, with the in-process bus:
 * what integration tests drive through the services.
 */
export async function startIdentityContext(
  kind: DatabaseKind,
  options: {
    env?: Record<string, string>;
    /** Start again on a database an earlier context used (a restart); it is then not dropped on close. */
    database?: TestDatabase;
  } = {},
): Promise<IdentityContext> {
  const db: TestDatabase = options.database ?? (await createTestDatabase(kind));
  const config = loadConfig('academy', {
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'silent',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...options.env,
  });
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config),
      MessagingModule.forRoot({ transport: 'in-process', consumes: [] }),
      IdentityModule,
      // The identity pages live in IdentityModule and render through the web shell.
      WebModule,
    ],
  }).compile();
  try {
    await module.init();
  } catch (error) {
    // Nest's close() rethrows a failed init without shutting anything down; release the database here.
    await module.get<DataSource>(getDataSourceToken('identity')).destroy();
    if (!options.database) await db.drop();
    throw error;
  }
  return {
    module,
    database: db,
    dataSource: module.get<DataSource>(getDataSourceToken('identity')),
    get: (type) => module.get(type),
    close: async () => {
      await module.close();
      if (!options.database) await db.drop();
    },
  };
}
