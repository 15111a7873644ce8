import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  type ContextName,
  type EventDefinition,
  type EventEnvelope,
  QUEUES,
  SESSION_SEATS_CHANGED_V1,
  type SessionSeatsChangedV1,
} from '@academy/contracts';
import { EventDispatcher, HandlerRegistry, MessagingModule } from '@academy/messaging';
import { loadConfig, PlatformModule, type Principal } from '@academy/platform';
import {
  createTestDatabase,
  type DatabaseKind,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import type { DataSource } from 'typeorm';
import { WebModule } from '@academy/web';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueModule } from '../catalogue.module';

export interface CatalogueContext {
  module: TestingModule;
  database: TestDatabase;
  dataSource: DataSource;
  get<T>(type: new (...args: never[]) => T): T;
  /** Delivers enrolment.session.seats-changed.v1 the way the bus would (idempotent, in its own transaction). */
  reportSeats(payload: Omit<SessionSeatsChangedV1, 'occurredAt'> & { occurredAt?: string }): Promise<string>;
  /** Delivers any event to the catalogue's handlers the way the bus would; returns the envelope id. */
  deliver<P>(definition: EventDefinition<string, P>, payload: P, source?: ContextName): Promise<string>;
  close(): Promise<void>;
}

/** The catalogue context on its own, on a throwaway SQLite or MariaDB database, with the in-process bus. */
export async function startCatalogueContext(kind: DatabaseKind): Promise<CatalogueContext> {
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
      MessagingModule.forRoot({ transport: 'in-process', consumes: [QUEUES.catalogueEvents], pollMs: 100 }),
      CatalogueModule,
      // The catalogue pages live in CatalogueModule and render through the web shell.
      WebModule,
    ],
  }).compile();
  try {
    await module.init();
  } catch (error) {
    await module.close();
    await database.drop();
    throw error;
  }
  async function deliver<P>(
    definition: EventDefinition<string, P>,
    payload: P,
    source: ContextName,
  ): Promise<string> {
    const envelope: EventEnvelope<string, P> = {
      id: uuidv7(),
      type: definition.type,
      source,
      occurredAt: new Date().toISOString(),
      payload,
    };
    const dispatcher = module.get(EventDispatcher);
    for (const handler of module.get(HandlerRegistry).handlersFor(envelope.type, 'catalogue')) {
      await dispatcher.dispatch(handler, envelope);
    }
    return envelope.id;
  }

  return {
    module,
    database,
    dataSource: module.get<DataSource>(getDataSourceToken('catalogue')),
    get: (type) => module.get(type),
    reportSeats: (payload) =>
      deliver(SESSION_SEATS_CHANGED_V1, { occurredAt: new Date().toISOString(), ...payload }, 'enrolment'),
    deliver: (definition, payload, source = 'identity') => deliver(definition, payload, source),
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}

/** A principal as the platform makes one from a verified token. */
export function principal(kind: 'admin' | 'trainer' | 'volunteer', userId: string = randomUUID()): Principal {
  return {
    userId,
    displayName: `Test ${kind}`,
    locale: 'nl',
    admin: kind === 'admin',
    memberships: kind === 'admin' ? [] : [{ organisationId: randomUUID(), role: kind }],
    sessionId: randomUUID(),
  };
}
