import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProvidersService } from '@academy/catalogue';
import { DEMO_PROVIDERS } from '@academy/catalogue/demo/demo-providers';
import { type CatalogueImportContext, openCatalogueImport } from '@academy/catalogue/import/import-context';
import { outboxSchema } from '@academy/messaging';
import { loadConfig } from '@academy/platform';
import type { TestDatabase } from '@academy/platform/testing/test-databases';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export const EXAMPLE_CSV = join(__dirname, '../../libs/catalogue/src/import/example.csv');

/**
 * The shipped example, with its dates moved to next year so it stays in the future whenever the tests run
 * (the import refuses meetings in the past, as the API does).
 */
export function exampleCsv(): string {
  const year = String(new Date().getFullYear() + 1);
  return readFileSync(EXAMPLE_CSV, 'utf8').replace(/2027/g, year);
}

export interface ImportKit extends CatalogueImportContext {
  dataSource: DataSource;
  /** Outbox rows of the catalogue by event type. */
  outbox(): Promise<Record<string, number>>;
}

/** The import's own context on a test database, with the providers the example names. */
export async function openImportKit(database: TestDatabase): Promise<ImportKit> {
  const config = loadConfig('academy', {
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-config',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
  });
  const context = await openCatalogueImport(config);
  const providers = context.get(ProvidersService);
  if (!(await providers.list()).length) {
    for (const { name, website } of DEMO_PROVIDERS) await providers.create({ name, website });
  }
  const dataSource = context.get<DataSource>(getDataSourceToken('catalogue') as string);
  return {
    ...context,
    dataSource,
    outbox: async () => {
      const rows = await dataSource.getRepository(outboxSchema('catalogue')).find();
      const counts: Record<string, number> = {};
      for (const row of rows) counts[row.type] = (counts[row.type] ?? 0) + 1;
      return counts;
    },
  };
}
