import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type EnrolmentFacts,
  type EventDefinition,
  type EventEnvelope,
  QUEUES,
  type SessionSnapshot,
  USER_REGISTERED_V1,
  type UserSnapshot,
} from '@academy/contracts';
import { EventDispatcher, HandlerRegistry, MessagingModule } from '@academy/messaging';
import { loadConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';
import {
  createTestDatabase,
  type DatabaseKind,
  TEST_REDIS_URL,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Delivery } from '../deliveries/delivery.entity';
import { DELIVERY_OPTIONS, type DeliveryOptions, deliveryOptionsFrom } from '../deliveries/delivery.options';
import { Notification } from '../inbox/notification.entity';
import { NOTIFICATION } from '../notification.constants';
import { NotificationModule } from '../notification.module';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface NotificationContext {
  module: TestingModule;
  database: TestDatabase;
  dataSource: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
  /** Delivers an event the way the bus would: once per id, in the notification context's own transaction. */
  deliver<P>(definition: EventDefinition<string, P>, payload: P, id?: string): Promise<string>;
  /** A person as identity announces them. */
  person(changes?: Partial<UserSnapshot>): Promise<UserSnapshot>;
  deliveries(where?: Partial<Pick<Delivery, 'recipientId' | 'kind' | 'status'>>): Promise<Delivery[]>;
  inbox(recipientId: string): Promise<Notification[]>;
  /** Waits until every delivery has left `queued`/`sending` (and `failed`, unless told otherwise). */
  settled(options?: { timeoutMs?: number; failedToo?: boolean }): Promise<Delivery[]>;
  close(): Promise<void>;
}

/** Meetings `days` ahead, one a week, two hours each, in a village hall. */
export function meetings(count: number, days = 10, from = Date.now()): SessionSnapshot['meetings'] {
  const first = Math.floor(from / HOUR) * HOUR + days * DAY;
  return Array.from({ length: count }, (_, index) => ({
    meetingId: randomUUID(),
    startsAt: new Date(first + index * 7 * DAY).toISOString(),
    endsAt: new Date(first + index * 7 * DAY + 2 * HOUR).toISOString(),
    location: {
      name: 'Dorpshuis De Skalm',
      place: 'Drachten',
      address: 'Moleneind 1',
      online: false,
      url: null,
    },
  }));
}

export function sessionSnapshot(changes: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    sessionId: randomUUID(),
    courseId: randomUUID(),
    courseTitle: 'Grenzen stellen als mantelzorger',
    courseKind: 'training',
    language: 'nl',
    attendanceThreshold: 75,
    capacity: 10,
    minimumParticipants: 0,
    goNoGoAt: null,
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    cancellationDeadlineHours: 48,
    waitlistMode: 'auto',
    offerHours: 24,
    trainerIds: [],
    meetings: meetings(2),
    status: 'scheduled',
    version: 1,
    ...changes,
  };
}

/** The enrolment facts of a person's enrolment in a session. */
export function enrolmentFacts(
  session: SessionSnapshot,
  userId: string,
  enrolmentId = randomUUID(),
): EnrolmentFacts {
  return {
    enrolmentId,
    userId,
    sessionId: session.sessionId,
    courseId: session.courseId,
    courseTitle: session.courseTitle,
    courseKind: session.courseKind,
    language: session.language,
    meetings: session.meetings,
  };
}

/**
 * The notification context on its own, on a throwaway SQLite or MariaDB database, with the in-process bus and
 * mail queue. Mail goes to `.eml` files under the database's DATA_DIR, or to `env.SMTP_URL`.
 */
export async function startNotificationContext(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: Partial<DeliveryOptions> = {},
  /** Run the mail queue on BullMQ (the services' way) under this key prefix, instead of in memory. */
  bullmqPrefix?: string,
): Promise<NotificationContext> {
  const database = await createTestDatabase(kind);
  const config = loadConfig('academy', {
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...(bullmqPrefix ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...env,
  });
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config),
      MessagingModule.forRoot(
        bullmqPrefix
          ? {
              transport: 'bullmq',
              redisUrl: TEST_REDIS_URL,
              consumes: [QUEUES.notificationEvents],
              prefix: bullmqPrefix,
              pollMs: 100,
            }
          : { transport: 'in-process', consumes: [QUEUES.notificationEvents], pollMs: 100 },
      ),
      NotificationModule,
      // The context's pages render into the web's shell, as in the apps.
      WebModule,
    ],
  })
    .overrideProvider(DELIVERY_OPTIONS)
    .useValue({ ...deliveryOptionsFrom({}), pollMs: 100, ...options })
    .compile();
  try {
    await module.init();
  } catch (error) {
    await module.close();
    await database.drop();
    throw error;
  }
  const dataSource = module.get<DataSource>(getDataSourceToken(NOTIFICATION));

  const deliver = async <P>(definition: EventDefinition<string, P>, payload: P, id = uuidv7()) => {
    const problems = definition.validate(payload);
    if (problems.length) throw new Error(`bad test payload: ${problems.join('; ')}`);
    const envelope: EventEnvelope<string, P> = {
      id,
      type: definition.type,
      source: 'enrolment',
      occurredAt: new Date().toISOString(),
      payload,
    };
    const dispatcher = module.get(EventDispatcher);
    for (const handler of module.get(HandlerRegistry).handlersFor(envelope.type, NOTIFICATION)) {
      await dispatcher.dispatch(handler, envelope);
    }
    return id;
  };

  const deliveries = (where: Partial<Pick<Delivery, 'recipientId' | 'kind' | 'status'>> = {}) =>
    dataSource.getRepository(Delivery).find({ where, order: { id: 'ASC' } });

  return {
    module,
    database,
    dataSource,
    get: (type) => module.get(type),
    deliver,
    person: async (changes = {}) => {
      const userId = changes.userId ?? randomUUID();
      const snapshot: UserSnapshot = {
        userId,
        email: `${userId}@example.org`,
        displayName: 'Anna de Vries',
        locale: 'nl',
        admin: false,
        memberships: [{ organisationId: randomUUID(), role: 'volunteer' }],
        ...changes,
      };
      await deliver(USER_REGISTERED_V1, { ...snapshot, registeredAt: new Date().toISOString() });
      return snapshot;
    },
    deliveries,
    inbox: (recipientId) =>
      dataSource.getRepository(Notification).find({ where: { recipientId }, order: { id: 'ASC' } }),
    settled: async ({ timeoutMs = 15_000, failedToo = true } = {}) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const rows = await deliveries();
        const open = rows.filter(
          (row) =>
            row.status === 'queued' || row.status === 'sending' || (failedToo && row.status === 'failed'),
        );
        if (!open.length) return rows;
        if (Date.now() > until)
          throw new Error(`deliveries still open: ${open.map((r) => r.status).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}
