import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type EventDefinition,
  type EventEnvelope,
  QUEUES,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  type SessionSnapshot,
  USER_REGISTERED_V1,
} from '@academy/contracts';
import { EventDispatcher, HandlerRegistry, MessagingModule, outboxSchema } from '@academy/messaging';
import { loadConfig, PlatformModule, type Principal } from '@academy/platform';
import {
  createTestDatabase,
  type DatabaseKind,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT } from '../enrolment.constants';
import { EnrolmentModule } from '../enrolment.module';
import { SCHEDULER_OPTIONS } from '../scheduling/enrolment-scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface EnrolmentContext {
  module: TestingModule;
  database: TestDatabase;
  dataSource: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
  /** Delivers an event the way the bus would: once per id, in the enrolment context's own transaction. */
  deliver<P>(definition: EventDefinition<string, P>, payload: P, id?: string): Promise<string>;
  /** A session as the catalogue announces it (published), with its course; returns the snapshot. */
  publishSession(changes?: Partial<SessionSnapshot>): Promise<SessionSnapshot>;
  /** The next version of a session, announced as changed (or cancelled, with a reason). */
  changeSession(previous: SessionSnapshot, changes: Partial<SessionSnapshot>): Promise<SessionSnapshot>;
  cancelSession(previous: SessionSnapshot, reason: string): Promise<SessionSnapshot>;
  /** A person as identity announces them, and the principal their access token would give. */
  person(
    role?: 'volunteer' | 'trainer' | 'coordinator' | 'admin',
    organisationId?: string,
  ): Promise<Principal>;
  /** The events in this context's outbox, oldest first, optionally of one type. */
  events<P = Record<string, unknown>>(type?: string): Promise<Array<EventEnvelope<string, P>>>;
  close(): Promise<void>;
}

/** Meetings `days` ahead, one a week, two hours each, in a village hall. */
export function meetings(count: number, days = 10): SessionSnapshot['meetings'] {
  const first = Math.floor(Date.now() / HOUR) * HOUR + days * DAY;
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

export function snapshot(changes: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    sessionId: randomUUID(),
    courseId: randomUUID(),
    courseTitle: 'Grenzen stellen als mantelzorger',
    courseKind: 'workshop',
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
    meetings: meetings(1),
    status: 'scheduled',
    version: 1,
    ...changes,
  };
}

/**
 * The enrolment context on its own, on a throwaway SQLite or MariaDB database, with the in-process bus and the
 * scheduler's poller off (tests call runDue with the moment they want).
 */
export async function startEnrolmentContext(kind: DatabaseKind): Promise<EnrolmentContext> {
  const database = await createTestDatabase(kind);
  const config = loadConfig('academy', {
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
  });
  Logger.overrideLogger(false);
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(config),
      MessagingModule.forRoot({ transport: 'in-process', consumes: [QUEUES.enrolmentEvents], pollMs: 100 }),
      EnrolmentModule,
    ],
  })
    .overrideProvider(SCHEDULER_OPTIONS)
    .useValue({ intervalMs: 0 })
    .compile();
  try {
    await module.init();
  } catch (error) {
    await module.close();
    await database.drop();
    throw error;
  }
  const dataSource = module.get<DataSource>(getDataSourceToken(ENROLMENT));

  const deliver = async <P>(definition: EventDefinition<string, P>, payload: P, id = uuidv7()) => {
    const envelope: EventEnvelope<string, P> = {
      id,
      type: definition.type,
      source: 'catalogue',
      occurredAt: new Date().toISOString(),
      payload,
    };
    const problems = definition.validate(payload);
    if (problems.length) throw new Error(`bad test payload: ${problems.join('; ')}`);
    const dispatcher = module.get(EventDispatcher);
    for (const handler of module.get(HandlerRegistry).handlersFor(envelope.type, ENROLMENT)) {
      await dispatcher.dispatch(handler, envelope);
    }
    return id;
  };

  return {
    module,
    database,
    dataSource,
    get: (type) => module.get(type),
    deliver,
    publishSession: async (changes = {}) => {
      const published = snapshot(changes);
      await deliver(SESSION_PUBLISHED_V1, { ...published, publishedAt: new Date().toISOString() });
      return published;
    },
    changeSession: async (previous, changes) => {
      const next = { ...previous, ...changes, version: previous.version + 1 };
      await deliver(SESSION_CHANGED_V1, {
        ...next,
        changes: ['capacity'],
        changedAt: new Date().toISOString(),
      });
      return next;
    },
    cancelSession: async (previous, reason) => {
      const next = { ...previous, status: 'cancelled' as const, version: previous.version + 1 };
      await deliver(SESSION_CANCELLED_V1, { ...next, reason, cancelledAt: new Date().toISOString() });
      return next;
    },
    person: async (role = 'volunteer', organisationId = randomUUID()) => {
      const userId = randomUUID();
      const memberships = role === 'admin' ? [] : [{ organisationId, role }];
      await deliver(USER_REGISTERED_V1, {
        userId,
        email: `${userId}@example.org`,
        displayName: `Test ${role} ${userId.slice(0, 4)}`,
        locale: 'nl',
        admin: role === 'admin',
        memberships,
        registeredAt: new Date().toISOString(),
      });
      return {
        userId,
        displayName: `Test ${role}`,
        locale: 'nl',
        admin: role === 'admin',
        memberships,
        sessionId: randomUUID(),
      };
    },
    events: async <P>(type?: string) => {
      const rows = await dataSource
        .getRepository(outboxSchema(ENROLMENT))
        .find({ where: type ? { type } : {}, order: { id: 'ASC' } });
      return rows.map((row) => JSON.parse(row.payload) as EventEnvelope<string, P>);
    },
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}
