import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * Where integration tests find the real services. `scripts/test.mjs` probes them and sets
 * ACADEMY_TEST_SKIP_MARIADB / ACADEMY_TEST_SKIP_REDIS when one is unreachable on a developer's laptop
 * (it refuses to skip under REQUIRE_SERVICES=1, as in CI).
 */
export const TEST_MARIADB_URL = process.env.ACADEMY_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.ACADEMY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const mariadbAvailable = process.env.ACADEMY_TEST_SKIP_MARIADB !== '1';
export const redisAvailable = process.env.ACADEMY_TEST_SKIP_REDIS !== '1';

export type DatabaseKind = 'sqlite' | 'mariadb';

/** A throwaway database: its own SQLite directory, or its own MariaDB schema. */
export interface TestDatabase {
  kind: DatabaseKind;
  /** DATA_DIR for the app (SQLite files and mail live here in either case). */
  dataDir: string;
  /** DATABASE_URL for MariaDB; undefined for SQLite. */
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-test-'));
  if (kind === 'sqlite') {
    return { kind, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `academy_t_${randomBytes(6).toString('hex')}`;
  const server = await createConnection(TEST_MARIADB_URL);
  await server.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await server.end();
  return {
    kind,
    dataDir,
    databaseUrl: `${TEST_MARIADB_URL.replace(/\/$/, '')}/${name}`,
    drop: async () => {
      const connection = await createConnection(TEST_MARIADB_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The databases a suite runs against: SQLite always, MariaDB where it is reachable. */
export const TEST_DATABASE_KINDS: DatabaseKind[] = mariadbAvailable ? ['sqlite', 'mariadb'] : ['sqlite'];

/** Runs the same suite on SQLite and on MariaDB, so results are known to agree on both. */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  describe.each(TEST_DATABASE_KINDS)(`${title} [%s]`, (kind) => suite(kind));
}

/** A suite that needs MariaDB and Redis (the distributed setup). */
export const describeDistributed: jest.Describe =
  mariadbAvailable && redisAvailable ? describe : describe.skip;
