import { randomBytes, randomInt } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataSource } from 'typeorm';
import { AcademyModule } from '../../apps/academy/src/academy.module';
import { EnrolmentAppModule } from '../../apps/enrolment/src/enrolment-app.module';
import { type AppConfig, createApplication, loadConfig } from '@academy/platform';
import { createTestDatabase, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';

/** The all-in-one on SQLite, or the enrolment service (which hosts identity) on MariaDB and Redis. */
export type AppKind = 'academy' | 'enrolment';

export interface BootedApp {
  app: NestFastifyApplication;
  config: AppConfig;
  identityDb: DataSource;
  /** `app.inject()` from a given client address (default: one fixed per app). */
  call(options: InjectOptions & { ip?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function bootApp(kind: AppKind, env: Record<string, string> = {}): Promise<BootedApp> {
  const db = await createTestDatabase(kind === 'academy' ? 'sqlite' : 'mariadb');
  const config =
    kind === 'academy'
      ? loadConfig('academy', { DATA_DIR: db.dataDir, LOG_LEVEL: 'silent', ...env })
      : loadConfig('enrolment', {
          DATA_DIR: db.dataDir,
          DATABASE_URL: db.databaseUrl,
          REDIS_URL: TEST_REDIS_URL,
          JWT_SECRET: randomBytes(32).toString('hex'),
          LOG_LEVEL: 'silent',
          ...env,
        });
  const module = kind === 'academy' ? AcademyModule.forConfig(config) : EnrolmentAppModule.forConfig(config);
  const app = await createApplication(module, config, { title: 'test', description: 'test' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const defaultIp = randomIp();
  return {
    app,
    config,
    identityDb: app.get<DataSource>(getDataSourceToken('identity')),
    call: ({ ip, ...options }) => app.inject({ ...options, remoteAddress: ip ?? defaultIp }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * A fresh client address: per-address counters live in Redis for the services and outlive a test run, so
 * tests never share an address.
 */
export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
export const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString('hex')}@example.org`;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
