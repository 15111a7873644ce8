import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { AppName } from '@academy/platform';
import { createTestDatabase, type TestDatabase } from '@academy/platform/testing/test-databases';
import { freePort } from '@academy/messaging/testing/redis-server';

export const ROOT = join(__dirname, '..', '..', '..');
export const ADMIN_PASSWORD = 'Beheer fan de akademy yn Fryslân';
export const PASSWORD = 'Op de fiets naar it doarpshûs';
export type ServiceName = Exclude<AppName, 'academy'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds dist/ when it is older than the sources (`scripts/build.mjs --if-needed`; CI has built already, so
 * this is a no-op there). Suites in parallel jest workers take turns through a lock directory, so a fresh
 * clone builds once instead of twice into the same dist/.
 */
export async function buildDist(): Promise<void> {
  const lock = join(tmpdir(), `academy-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after ten minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      await sleep(500);
    }
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-needed'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** One service as `npm run start:<service>` runs it: `node dist/apps/<service>/src/main.js`, its own port. */
export class ServiceProcess {
  private child?: ChildProcess;
  private readonly output: string[] = [];

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines the process wrote (for a failure message). */
  tail(lines = 30): string {
    return this.output.slice(-lines).join('\n');
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', this.name, 'src', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`${this.name} exited with ${child.exitCode} while starting:\n${this.tail()}`);
      try {
        const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} was not ready within 90 s:\n${this.tail()}`);
  }

  /** SIGKILL: no shutdown hooks, jobs in hand abandoned, connections cut. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM (a graceful shutdown), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.signal('SIGTERM');
    clearTimeout(killer);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}

export interface Services {
  catalogue?: ServiceProcess;
  enrolment?: ServiceProcess;
  notification?: ServiceProcess;
  databases: Partial<Record<ServiceName, TestDatabase>>;
  adminEmail: string;
  /** A connection to a service's own database (for reading what the test cannot see over HTTP). */
  query<T>(service: ServiceName, sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface ServicesOptions {
  redisUrl: string;
  smtpUrl: string;
  /** Which services to run (default all three). */
  only?: ServiceName[];
  /** Extra environment per service. */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * The distributed setup as separate processes: the catalogue, enrolment (with identity) and notification
 * services, each on its own fresh MariaDB database, sharing a Redis and a signing key. The first administrator
 * is made by identity in the enrolment service.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const names = options.only ?? (['course-catalogue', 'enrolment', 'notification'] as ServiceName[]);
  const jwtSecret = randomBytes(32).toString('hex');
  const adminEmail = `beheer-${randomBytes(5).toString('hex')}@example.org`;
  const ports = Object.fromEntries(
    await Promise.all(
      (['course-catalogue', 'enrolment', 'notification'] as ServiceName[]).map(
        async (name) => [name, await freePort()] as const,
      ),
    ),
  ) as Record<ServiceName, number>;
  const databases: Partial<Record<ServiceName, TestDatabase>> = {};
  const processes: Partial<Record<ServiceName, ServiceProcess>> = {};
  const close = async () => {
    await Promise.allSettled(Object.values(processes).map((service) => service.stop()));
    await Promise.allSettled(Object.values(databases).map((db) => db.drop()));
  };
  try {
    for (const name of names) {
      const db = await createTestDatabase('mariadb');
      databases[name] = db;
      processes[name] = new ServiceProcess(name, ports[name], {
        PORT: String(ports[name]),
        DATA_DIR: db.dataDir,
        DATABASE_URL: db.databaseUrl!,
        REDIS_URL: options.redisUrl,
        JWT_SECRET: jwtSecret,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
        DEMO_DATA: 'off',
        // Tests pick a client address per request (per-address limits live in Redis and outlast a run).
        TRUST_PROXY: '1',
        PUBLIC_URL: `http://127.0.0.1:${ports[name]}`,
        CATALOGUE_URL: `http://127.0.0.1:${ports['course-catalogue']}`,
        ENROLMENT_URL: `http://127.0.0.1:${ports.enrolment}`,
        NOTIFICATION_URL: `http://127.0.0.1:${ports.notification}`,
        ...(name === 'enrolment'
          ? { ACADEMY_ADMIN_EMAIL: adminEmail, ACADEMY_ADMIN_PASSWORD: ADMIN_PASSWORD }
          : {}),
        ...(name === 'notification' ? { SMTP_URL: options.smtpUrl } : {}),
        ...options.env?.[name],
      });
    }
    await Promise.all(Object.values(processes).map((service) => service.start()));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    catalogue: processes['course-catalogue'],
    enrolment: processes.enrolment,
    notification: processes.notification,
    databases,
    adminEmail,
    query: async <T>(service: ServiceName, sql: string, params: unknown[] = []) => {
      const connection = await createConnection(databases[service]!.databaseUrl!);
      try {
        const [rows] = await connection.query(sql, params);
        return rows as T[];
      } finally {
        await connection.end();
      }
    },
    close,
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

/** A client address per call, as different people would have. */
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * JSON over HTTP to a service. Any 5xx fails the test (it is always a bug), except 503, which a service may
 * answer while Redis is away — `allow503` says so.
 */
export async function call<T = unknown>(
  service: ServiceProcess,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; allow503?: boolean } = {},
): Promise<Reply<T>> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      'x-forwarded-for': randomIp(),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status >= 500 && !(options.allow503 && response.status === 503)) {
    throw new Error(`${method} ${service.name}${path} answered ${response.status}: ${text}`);
  }
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as T };
}

/** Like `call`, but anything but `expected` fails with the answer in the message. */
export async function expectStatus<T = unknown>(
  expected: number,
  ...args: Parameters<typeof call>
): Promise<T> {
  const reply = await call<T>(...args);
  if (reply.status !== expected) {
    throw new Error(
      `${args[1]} ${args[0].name}${args[2]} answered ${reply.status}, not ${expected}: ${JSON.stringify(reply.body)}`,
    );
  }
  return reply.body;
}

export interface Person {
  id: string;
  email: string;
  token: string;
}

/** People and courses through the services' own APIs: identity in the enrolment service, courses in catalogue. */
export class Academy {
  constructor(private readonly services: Services) {}

  private get identity(): ServiceProcess {
    return this.services.enrolment!;
  }

  async login(email: string, password: string): Promise<string> {
    const body = await expectStatus<{ accessToken: string }>(200, this.identity, 'POST', '/api/auth/login', {
      body: { email, password },
    });
    return body.accessToken;
  }

  admin(): Promise<string> {
    return this.login(this.services.adminEmail, ADMIN_PASSWORD);
  }

  /** A new organisation and its join code. */
  async organisation(admin: string): Promise<{ id: string; joinCode: string }> {
    const made = await expectStatus<{ id: string; joinCode: string }>(
      201,
      this.identity,
      'POST',
      '/api/organisations',
      { token: admin, body: { name: `Doarpshûs ${randomUUID().slice(0, 8)}` } },
    );
    return made;
  }

  /** A person made by an administrator (trainers, coordinators). */
  async person(organisationId: string, role: 'trainer' | 'coordinator', admin: string): Promise<Person> {
    const email = `${role}-${randomBytes(5).toString('hex')}@example.org`;
    const { id } = await expectStatus<{ id: string }>(201, this.identity, 'POST', '/api/users', {
      token: admin,
      body: {
        email,
        password: PASSWORD,
        displayName: `Test ${role}`,
        memberships: [{ organisationId, role }],
      },
    });
    return { id, email, token: await this.login(email, PASSWORD) };
  }

  /** A volunteer who registers themselves with the organisation's join code, in their own language. */
  async volunteer(joinCode: string, locale: 'nl' | 'fy' | 'en', displayName: string): Promise<Person> {
    const email = `frijwilliger-${randomBytes(5).toString('hex')}@example.org`;
    const { id } = await expectStatus<{ id: string }>(201, this.identity, 'POST', '/api/auth/register', {
      body: { email, password: PASSWORD, displayName, joinCode, locale },
    });
    return { id, email, token: await this.login(email, PASSWORD) };
  }

  /**
   * A published workshop (a training for several meetings) with the given meetings (days from now, two hours each, at 18:30 UTC), made through
   * the catalogue service, once the enrolment service's replica has it.
   */
  async session(admin: string, trainerId: string, capacity: number, days: number[]): Promise<string> {
    const catalogue = this.services.catalogue!;
    const course = await expectStatus<{ id: string }>(201, catalogue, 'POST', '/api/catalogue/courses', {
      token: admin,
      body: {
        kind: days.length > 1 ? 'training' : 'workshop',
        title: `Earste help by harsens <${randomUUID().slice(0, 6)}>`,
        summary: 'Wat te dwaan as immen ûnwol wurdt.',
        category: 'veiligheid-en-ehbo',
        language: 'fy',
      },
    });
    const DAY = 86_400_000;
    const today = Math.floor(Date.now() / DAY) * DAY;
    const session = await expectStatus<{ id: string }>(
      201,
      catalogue,
      'POST',
      `/api/catalogue/courses/${course.id}/sessions`,
      {
        token: admin,
        body: {
          capacity,
          trainerIds: [trainerId],
          meetings: days.map((day) => {
            const start = today + day * DAY + 18.5 * 3_600_000;
            return {
              startsAt: new Date(start).toISOString(),
              endsAt: new Date(start + 2 * 3_600_000).toISOString(),
              location: { name: 'Doarpshûs De Skalm', place: 'Drachten', address: 'Moleneind 1' },
            };
          }),
        },
      },
    );
    await expectStatus(200, catalogue, 'POST', `/api/catalogue/courses/${course.id}/publish`, {
      token: admin,
    });
    await eventually(
      async () =>
        (await call(this.identity, 'GET', `/api/sessions/${session.id}/seats`, { token: admin })).status ===
        200,
      'the session in the enrolment service',
    );
    return session.id;
  }
}

/** Polls `probe` until it holds. */
export async function eventually(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

export { sleep };
