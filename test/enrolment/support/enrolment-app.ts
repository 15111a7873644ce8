import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataSource } from 'typeorm';
import { AcademyModule } from '../../../apps/academy/src/academy.module';
import { EnrolmentAppModule } from '../../../apps/enrolment/src/enrolment-app.module';
import { type EventEnvelope, QUEUES } from '@academy/contracts';
import { MESSAGING_OPTIONS, outboxSchema } from '@academy/messaging';
import { type AppConfig, createApplication, createValidationPipe, loadConfig } from '@academy/platform';
import { createTestDatabase, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';

export const ADMIN_PASSWORD = 'Beheer fan de akademy yn Fryslân';
export const PASSWORD = 'Op de fiets naar het dorpshuis';

export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
export const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString('hex')}@example.org`;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Person {
  id: string;
  email: string;
  token: string;
}

export interface BootedEnrolment {
  app: NestFastifyApplication;
  config: AppConfig;
  adminEmail: string;
  enrolmentDb: DataSource;
  /** `app.inject()`; fails the test on any 5xx, which is always a bug. */
  call(options: InjectOptions & { ip?: string }): Promise<LightMyRequestResponse>;
  /** A new organisation with an admin token to populate it. */
  organisation(): Promise<{ id: string; admin: string }>;
  person(
    organisationId: string,
    role: 'volunteer' | 'trainer' | 'coordinator',
    admin: string,
  ): Promise<Person>;
  /** The enrolment context's outbox, oldest first. */
  events<P = Record<string, unknown>>(type?: string): Promise<Array<EventEnvelope<string, P>>>;
  close(): Promise<void>;
}

function wrap(
  app: NestFastifyApplication,
  config: AppConfig,
  adminEmail: string,
  close: () => Promise<void>,
): BootedEnrolment {
  const ip = randomIp();
  const call = async ({ ip: from, ...options }: InjectOptions & { ip?: string }) => {
    const res = await app.inject({ ...options, remoteAddress: from ?? ip });
    if (res.statusCode >= 500)
      throw new Error(
        `${options.method} ${JSON.stringify(options.url)} answered ${res.statusCode}: ${res.body}`,
      );
    return res;
  };
  const login = async (email: string, password: string) => {
    const res = await call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      ip: randomIp(),
    });
    if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
    return res.json<{ accessToken: string }>().accessToken;
  };
  const enrolmentDb = app.get<DataSource>(getDataSourceToken('enrolment'));
  return {
    app,
    config,
    adminEmail,
    enrolmentDb,
    call,
    organisation: async () => {
      const admin = await login(adminEmail, ADMIN_PASSWORD);
      const res = await call({
        method: 'POST',
        url: '/api/organisations',
        payload: { name: `Dorpshuis ${randomUUID().slice(0, 8)}` },
        headers: bearer(admin),
      });
      if (res.statusCode !== 201) throw new Error(`organisation: ${res.statusCode} ${res.body}`);
      return { id: res.json<{ id: string }>().id, admin };
    },
    person: async (organisationId, role, admin) => {
      const email = uniqueEmail(role);
      const res = await call({
        method: 'POST',
        url: '/api/users',
        payload: {
          email,
          password: PASSWORD,
          displayName: `Test ${role} ${email.slice(-18, -12)}`,
          memberships: [{ organisationId, role }],
        },
        headers: bearer(admin),
      });
      if (res.statusCode !== 201) throw new Error(`user: ${res.statusCode} ${res.body}`);
      return { id: res.json<{ id: string }>().id, email, token: await login(email, PASSWORD) };
    },
    events: async <P>(type?: string) => {
      const rows = await enrolmentDb
        .getRepository(outboxSchema('enrolment'))
        .find({ where: type ? { type } : {}, order: { id: 'ASC' } });
      return rows.map((row) => JSON.parse(row.payload) as EventEnvelope<string, P>);
    },
    close,
  };
}

/** The real all-in-one (AcademyModule, as `npm start` builds it) on SQLite with the in-process bus. */
export async function bootAcademy(): Promise<BootedEnrolment> {
  const adminEmail = uniqueEmail('beheer');
  const db = await createTestDatabase('sqlite');
  const config = loadConfig('academy', {
    DATA_DIR: db.dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
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
  return wrap(app, config, adminEmail, async () => {
    await app.close();
    await db.drop();
  });
}

/**
 * The enrolment service (identity + enrolment) on its own MariaDB database and Redis, working its BullMQ queue
 * under a prefix of its own so parallel runs never take each other's jobs.
 */
export async function bootEnrolmentService(prefix: string): Promise<BootedEnrolment> {
  const adminEmail = uniqueEmail('beheer');
  const db = await createTestDatabase('mariadb');
  const config = loadConfig('enrolment', {
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    ACADEMY_ADMIN_EMAIL: adminEmail,
    ACADEMY_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({ imports: [EnrolmentAppModule.forConfig(config)] })
    .overrideProvider(MESSAGING_OPTIONS)
    .useValue({
      transport: 'bullmq',
      redisUrl: TEST_REDIS_URL,
      consumes: [QUEUES.enrolmentEvents],
      prefix,
      pollMs: 100,
    })
    .compile();
  const app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.register(fastifyCookie, { secret: config.jwtSecret });
  app.useGlobalPipes(createValidationPipe());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return wrap(app, config, adminEmail, async () => {
    await app.close();
    await db.drop();
  });
}

export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
