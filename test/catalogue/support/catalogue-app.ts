import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataSource } from 'typeorm';
import { AcademyModule } from '../../../apps/academy/src/academy.module';
import { CourseCatalogueAppModule } from '../../../apps/course-catalogue/src/course-catalogue-app.module';
import {
  COURSE_CHANGED_V1,
  type EventEnvelope,
  QUEUES,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  SUBSCRIPTIONS,
} from '@academy/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions, OnEvent } from '@academy/messaging';
import {
  type AccessTokenClaims,
  type AppConfig,
  createApplication,
  createValidationPipe,
  loadConfig,
} from '@academy/platform';
import {
  createTestDatabase,
  type TestDatabase,
  TEST_REDIS_URL,
} from '@academy/platform/testing/test-databases';

export const CATALOGUE_EVENT_TYPES = [
  SESSION_PUBLISHED_V1.type,
  SESSION_CHANGED_V1.type,
  SESSION_CANCELLED_V1.type,
  COURSE_CHANGED_V1.type,
];

export interface BootedCatalogue {
  app: NestFastifyApplication;
  config: AppConfig;
  catalogueDb: DataSource;
  call(options: InjectOptions & { ip?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const ADMIN_PASSWORD = 'Beheer fan de akademy yn Fryslân';
export const PASSWORD = 'Op de fiets naar het dorpshuis';

export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
export const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString('hex')}@example.org`;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function wrap(app: NestFastifyApplication, config: AppConfig, close: () => Promise<void>): BootedCatalogue {
  const ip = randomIp();
  return {
    app,
    config,
    catalogueDb: app.get<DataSource>(getDataSourceToken('catalogue')),
    call: ({ ip: from, ...options }) => app.inject({ ...options, remoteAddress: from ?? ip }),
    close,
  };
}

/** The real all-in-one (AcademyModule) on SQLite, in process, with a first admin. */
export async function bootAcademy(adminEmail: string): Promise<BootedCatalogue> {
  const db = await createTestDatabase('sqlite');
  const config = loadConfig('academy', {
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'off',
    ACADEMY_ADMIN_EMAIL: adminEmail,
    ACADEMY_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  const app = await createApplication(AcademyModule.forConfig(config), config, {
    title: 't',
    description: 'd',
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return wrap(app, config, async () => {
    await app.close();
    await db.drop();
  });
}

/** Records the catalogue's events as a consuming context would receive them (in-process delivery). */
@Injectable()
export class CatalogueEventSpy {
  readonly received: EventEnvelope[] = [];

  @OnEvent(SESSION_PUBLISHED_V1, { context: 'catalogue', consumer: 'test.spy.session-published' })
  async published(event: EventEnvelope): Promise<void> {
    this.received.push(event);
  }

  @OnEvent(SESSION_CHANGED_V1, { context: 'catalogue', consumer: 'test.spy.session-changed' })
  async changed(event: EventEnvelope): Promise<void> {
    this.received.push(event);
  }

  @OnEvent(SESSION_CANCELLED_V1, { context: 'catalogue', consumer: 'test.spy.session-cancelled' })
  async cancelled(event: EventEnvelope): Promise<void> {
    this.received.push(event);
  }

  @OnEvent(COURSE_CHANGED_V1, { context: 'catalogue', consumer: 'test.spy.course-changed' })
  async course(event: EventEnvelope): Promise<void> {
    this.received.push(event);
  }
}

/**
 * A Nest testing module (so the routing table can be overridden) served like createApplication() serves the
 * real app, minus Swagger and helmet: JSON validation, cookies (login sets the refresh cookie), problem+json.
 */
async function testApplication(
  config: AppConfig,
  imports: Parameters<typeof Test.createTestingModule>[0]['imports'],
  messaging: MessagingOptions,
  providers: Array<new (...args: never[]) => unknown> = [],
): Promise<NestFastifyApplication> {
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({ imports, providers })
    .overrideProvider(MESSAGING_OPTIONS)
    .useValue(messaging)
    .compile();
  const app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.register(fastifyCookie, { secret: config.jwtSecret });
  app.useGlobalPipes(createValidationPipe());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * The all-in-one with a listener for the catalogue's events: nothing in this codebase subscribes to them yet,
 * so the routing table is extended for the test, as a consuming context will extend it.
 */
export async function bootAcademyWithSpy(
  adminEmail: string,
): Promise<BootedCatalogue & { spy: CatalogueEventSpy }> {
  const db = await createTestDatabase('sqlite');
  const config = loadConfig('academy', {
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'off',
    ACADEMY_ADMIN_EMAIL: adminEmail,
    ACADEMY_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  const app = await testApplication(
    config,
    [AcademyModule.forConfig(config)],
    {
      transport: 'in-process',
      consumes: [QUEUES.catalogueEvents],
      pollMs: 100,
      subscriptions: {
        ...SUBSCRIPTIONS,
        [QUEUES.catalogueEvents]: [...SUBSCRIPTIONS[QUEUES.catalogueEvents], ...CATALOGUE_EVENT_TYPES],
      },
    },
    [CatalogueEventSpy],
  );
  const booted = wrap(app, config, async () => {
    await app.close();
    await db.drop();
  });
  return { ...booted, spy: app.get(CatalogueEventSpy) };
}

/**
 * The course-catalogue service on its own MariaDB database and Redis. Its events are routed (for the test)
 * into the notification queue, which this service does not work, so they stay there to be inspected.
 */
export async function bootCatalogueService(
  prefix: string,
): Promise<BootedCatalogue & { database: TestDatabase; token(claims?: Partial<AccessTokenClaims>): string }> {
  const database = await createTestDatabase('mariadb');
  const config = loadConfig('course-catalogue', {
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const app = await testApplication(config, [CourseCatalogueAppModule.forConfig(config)], {
    transport: 'bullmq',
    redisUrl: TEST_REDIS_URL,
    consumes: [QUEUES.catalogueEvents],
    prefix,
    pollMs: 100,
    subscriptions: {
      ...SUBSCRIPTIONS,
      [QUEUES.notificationEvents]: [...SUBSCRIPTIONS[QUEUES.notificationEvents], ...CATALOGUE_EVENT_TYPES],
    },
  });
  const booted = wrap(app, config, async () => {
    await app.close();
    await database.drop();
  });
  const jwt = app.get(JwtService);
  return {
    ...booted,
    database,
    token: (claims = {}) =>
      jwt.sign({
        sub: randomUUID(),
        name: 'Beheerder',
        loc: 'nl',
        adm: true,
        mem: [],
        sid: randomUUID(),
        sv: 0,
        ...claims,
      } satisfies AccessTokenClaims),
  };
}

export { ADMIN_PASSWORD };
