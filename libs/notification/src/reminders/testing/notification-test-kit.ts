import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  ENROLMENT_CANCELLED_V1,
  ENROLMENT_CONFIRMED_V1,
  type EventDefinition,
  type EventEnvelope,
  QUEUES,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  type SessionSnapshot,
  USER_REGISTERED_V1,
} from '@academy/contracts';
import { EventDispatcher, HandlerRegistry, MessagingModule } from '@academy/messaging';
import { loadConfig, PlatformModule } from '@academy/platform';
import { WebModule } from '@academy/web';
import { meetings, sessionSnapshot as baseSessionSnapshot } from '../../testing/notification-context';
import {
  createTestDatabase,
  type DatabaseKind,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Delivery } from '../../deliveries/delivery.entity';
import { DIGEST_OPTIONS } from '../../digest/digest.scheduler';
import { NOTIFICATION } from '../../notification.constants';
import { NotificationModule } from '../../notification.module';
import { ROSTER_OPTIONS } from '../../roster/roster.scheduler';
import { REMINDER_OPTIONS } from '../reminder.options';

export interface TestPerson {
  userId: string;
  displayName: string;
  email: string;
}

export interface TestEnrolment {
  enrolmentId: string;
  userId: string;
  sessionId: string;
}

/** The notification context on a throwaway (or a given) database, its pollers off: tests call runDue. */
export interface NotificationContext {
  module: TestingModule;
  database: TestDatabase;
  dataSource: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
  deliver<P>(definition: EventDefinition<string, P>, payload: P, id?: string): Promise<string>;
  person(
    role?: 'volunteer' | 'trainer' | 'coordinator',
    organisationId?: string,
    locale?: 'nl' | 'fy' | 'en',
  ): Promise<TestPerson>;
  publishSession(changes?: Partial<SessionSnapshot>): Promise<SessionSnapshot>;
  changeSession(previous: SessionSnapshot, changes: Partial<SessionSnapshot>): Promise<SessionSnapshot>;
  cancelSession(previous: SessionSnapshot): Promise<SessionSnapshot>;
  confirm(person: TestPerson, session: SessionSnapshot): Promise<TestEnrolment>;
  cancel(enrolment: TestEnrolment, session: SessionSnapshot): Promise<void>;
  /** Delivery rows, oldest first, optionally of one kind. */
  deliveries(kind?: string): Promise<Delivery[]>;
  /** Stops this instance; the database stays unless `drop`. */
  close(drop?: boolean): Promise<void>;
}

/** Meetings `days` ahead at whole hours, one a week, two hours each (the context's fixture). */
export const meetingsAhead = meetings;

/** A published workshop with one meeting, unless told otherwise. */
export const sessionSnapshot = (changes: Partial<SessionSnapshot> = {}): SessionSnapshot =>
  baseSessionSnapshot({ courseKind: 'workshop', meetings: meetings(1), ...changes });

export async function startNotificationContext(
  kind: DatabaseKind,
  options: { database?: TestDatabase; env?: Record<string, string> } = {},
): Promise<NotificationContext> {
  const database = options.database ?? (await createTestDatabase(kind));
  const config = loadConfig('academy', {
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...options.env,
  });
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config),
      MessagingModule.forRoot({
        transport: 'in-process',
        consumes: [QUEUES.notificationEvents],
        pollMs: 100,
      }),
      NotificationModule,
      WebModule,
    ],
  })
    .overrideProvider(REMINDER_OPTIONS)
    .useValue({ offsetsMinutes: [2 * 24 * 60, 120], pollMs: 0 })
    .overrideProvider(ROSTER_OPTIONS)
    .useValue({ hour: 18, pollMs: 0 })
    .overrideProvider(DIGEST_OPTIONS)
    .useValue({ hour: 8, pollMs: 0 })
    .compile();
  try {
    await module.init();
  } catch (error) {
    await module.close();
    if (!options.database) await database.drop();
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

  const facts = (person: { userId: string }, session: SessionSnapshot, enrolmentId: string) => ({
    sessionId: session.sessionId,
    courseId: session.courseId,
    courseTitle: session.courseTitle,
    courseKind: session.courseKind,
    language: session.language,
    meetings: session.meetings,
    enrolmentId,
    userId: person.userId,
  });

  return {
    module,
    database,
    dataSource,
    get: (type) => module.get(type, { strict: false }),
    deliver,
    person: async (role = 'volunteer', organisationId = randomUUID(), locale = 'nl') => {
      const userId = randomUUID();
      const person = {
        userId,
        displayName: `Test ${role} ${userId.slice(0, 6)}`,
        email: `${role}-${userId.slice(0, 8)}@example.org`,
      };
      await deliver(USER_REGISTERED_V1, {
        ...person,
        locale,
        admin: false,
        memberships: [{ organisationId, role }],
        registeredAt: new Date().toISOString(),
      });
      return person;
    },
    publishSession: async (changes = {}) => {
      const session = sessionSnapshot(changes);
      await deliver(SESSION_PUBLISHED_V1, { ...session, publishedAt: new Date().toISOString() });
      return session;
    },
    changeSession: async (previous, changes) => {
      const next = { ...previous, ...changes, version: previous.version + 1 };
      await deliver(SESSION_CHANGED_V1, { ...next, changes: ['time'], changedAt: new Date().toISOString() });
      return next;
    },
    cancelSession: async (previous) => {
      const next = { ...previous, status: 'cancelled' as const, version: previous.version + 1 };
      await deliver(SESSION_CANCELLED_V1, {
        ...next,
        reason: 'Te weinig aanmeldingen.',
        cancelledAt: new Date().toISOString(),
      });
      return next;
    },
    confirm: async (person, session) => {
      const enrolmentId = randomUUID();
      const now = new Date().toISOString();
      await deliver(ENROLMENT_CONFIRMED_V1, {
        ...facts(person, session, enrolmentId),
        enrolledBy: person.userId,
        cancellationDeadline: now,
        confirmedAt: now,
      });
      return { enrolmentId, userId: person.userId, sessionId: session.sessionId };
    },
    cancel: async (enrolment, session) => {
      await deliver(ENROLMENT_CANCELLED_V1, {
        ...facts(enrolment, session, enrolment.enrolmentId),
        reason: 'participant',
        previousStatus: 'confirmed',
        late: false,
        cancelledBy: enrolment.userId,
        sessionCancelReason: null,
        cancelledAt: new Date().toISOString(),
      });
    },
    deliveries: (kind) =>
      dataSource.getRepository(Delivery).find({
        where: kind ? { kind: kind as Delivery['kind'] } : {},
        order: { queuedAt: 'ASC', id: 'ASC' },
      }),
    close: async (drop = true) => {
      await module.close();
      if (drop) await database.drop();
    },
  };
}
