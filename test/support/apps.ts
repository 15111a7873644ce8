import { randomBytes, randomInt } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataSource } from 'typeorm';
import { AcademyModule } from '../../apps/academy/src/academy.module';
import { CourseCatalogueAppModule } from '../../apps/course-catalogue/src/course-catalogue-app.module';
import { EnrolmentAppModule } from '../../apps/enrolment/src/enrolment-app.module';
import { NotificationAppModule } from '../../apps/notification/src/notification-app.module';
import type { ContextName } from '@academy/contracts';
import { type AppConfig, type AppName, createApplication, loadConfig } from '@academy/platform';
import { createTestDatabase, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';

/** The deployables a test can boot: the all-in-one on SQLite, or a service on MariaDB and Redis. */
export type TestAppKind = Extract<AppName, 'academy' | 'enrolment' | 'course-catalogue' | 'notification'>;

const MODULES: Record<TestAppKind, (config: AppConfig) => DynamicModule> = {
  academy: (config) => AcademyModule.forConfig(config),
  enrolment: (config) => EnrolmentAppModule.forConfig(config),
  'course-catalogue': (config) => CourseCatalogueAppModule.forConfig(config),
  notification: (config) => NotificationAppModule.forConfig(config),
};

export interface BootedApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The DataSource of one context hosted by this app. */
  dataSource(context: ContextName): DataSource;
  /** `app.inject()` from a given client address (default: one fixed per app). */
  call(options: InjectOptions & { ip?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * Boots a real app in process, on its own throwaway database: the all-in-one on SQLite in a fresh DATA_DIR,
 * a service on a fresh MariaDB database with the shared Redis and a random signing key.
 */
export async function bootApp(kind: TestAppKind, env: Record<string, string> = {}): Promise<BootedApp> {
  const db = await createTestDatabase(kind === 'academy' ? 'sqlite' : 'mariadb');
  const config =
    kind === 'academy'
      ? loadConfig('academy', { DATA_DIR: db.dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'off', ...env })
      : loadConfig(kind, {
          DATA_DIR: db.dataDir,
          DATABASE_URL: db.databaseUrl,
          REDIS_URL: TEST_REDIS_URL,
          JWT_SECRET: randomBytes(32).toString('hex'),
          LOG_LEVEL: 'silent',
          ...env,
        });
  const app = await createApplication(MODULES[kind](config), config, { title: 'test', description: 'test' });
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // Nest's close() after a failed init() rethrows without shutting down; drop the database regardless.
    await app.close().catch(() => undefined);
    await db.drop();
    throw error;
  }
  const defaultIp = randomIp();
  return {
    app,
    config,
    dataSource: (context) => app.get<DataSource>(getDataSourceToken(context)),
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
