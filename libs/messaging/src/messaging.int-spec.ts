import type { TestingModule } from '@nestjs/testing';
import { USER_REGISTERED_V1, USER_UPDATED_V1, QUEUES, type EventEnvelope } from '@academy/contracts';
import { inTransaction } from '@academy/platform';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import { EventDispatcher } from './consumer/event-dispatcher';
import { HandlerRegistry } from './consumer/handler-registry';
import { relayToken } from './messaging.module';
import { appendToOutbox } from './outbox/outbox';
import { outboxSchema } from './outbox/outbox.schema';
import type { OutboxRelay } from './outbox/outbox.relay';
import {
  AccountSchema,
  CONSUMER,
  dataSourceOf,
  eventually,
  messagingTestModule,
  PRODUCER,
  ReceivedSchema,
  RecordingConsumer,
  registeredPayload,
} from './testing/messaging-test-kit';

describeEachDatabase('the outbox and the in-process bus', (kind) => {
  let db: TestDatabase;
  let module: TestingModule;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    module = await messagingTestModule(db, {
      transport: 'in-process',
      consumes: [QUEUES.notificationEvents],
    });
    await module.init();
  });

  afterEach(async () => {
    await module.close();
    await db.drop();
  });

  const received = (eventId?: string) =>
    dataSourceOf(module, CONSUMER)
      .getRepository(ReceivedSchema)
      .count({ where: eventId ? { eventId } : {} });

  async function register(email: string): Promise<EventEnvelope> {
    return inTransaction(dataSourceOf(module, PRODUCER), async (manager) => {
      await manager.getRepository(AccountSchema).insert({ email });
      return appendToOutbox(manager, PRODUCER, USER_REGISTERED_V1, registeredPayload(email));
    });
  }

  it('delivers an event committed with its change to the consumer, once', async () => {
    const event = await register('anna@example.nl');
    await eventually(async () => (await received(event.id)) === 1, 10_000, 'delivery');
    // The consumer may finish before the relay's own transaction marks the row published.
    const outbox = dataSourceOf(module, PRODUCER).getRepository(outboxSchema(PRODUCER));
    await eventually(
      async () => (await outbox.findOneByOrFail({ id: event.id })).publishedAt !== null,
      10_000,
      'marked published',
    );

    // The same event again (a redelivery) is recognised and skipped.
    const registry = module.get(HandlerRegistry);
    const dispatcher = module.get(EventDispatcher);
    const [handler] = registry.handlersFor(event.type, CONSUMER);
    await expect(dispatcher.dispatch(handler, event)).resolves.toBe('duplicate');
    await expect(dispatcher.dispatch(handler, event)).resolves.toBe('duplicate');
    expect(await received(event.id)).toBe(1);
  });

  it('keeps no event when the change rolls back', async () => {
    await expect(
      inTransaction(dataSourceOf(module, PRODUCER), async (manager) => {
        await appendToOutbox(manager, PRODUCER, USER_REGISTERED_V1, registeredPayload('rolled@example.nl'));
        await manager.getRepository(AccountSchema).insert({ email: 'rolled@example.nl' });
        throw new Error('the change fails after the event was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await dataSourceOf(module, PRODUCER).getRepository(outboxSchema(PRODUCER)).count()).toBe(0);
    expect(await dataSourceOf(module, PRODUCER).getRepository(AccountSchema).count()).toBe(0);
  });

  it('retries a failing handler until it succeeds, and it acts once', async () => {
    module.get(RecordingConsumer).failuresLeft = 2;
    const event = await register('bauke@example.nl');
    // Row backoff is 2 s then 4 s; drain by hand instead of waiting for the poll.
    const relay = module.get<OutboxRelay>(relayToken(PRODUCER));
    const outbox = dataSourceOf(module, PRODUCER).getRepository(outboxSchema(PRODUCER));
    await eventually(
      async () => (await outbox.findOneByOrFail({ id: event.id })).attempts >= 1,
      5000,
      'first failure',
    );
    await outbox.update({ id: event.id }, { nextAttemptAt: null });
    await relay.drain().catch(() => 0);
    await outbox.update({ id: event.id }, { nextAttemptAt: null });
    await relay.drain();
    await eventually(async () => (await received(event.id)) === 1, 5000, 'delivery after retries');
    await eventually(
      async () => (await outbox.findOneByOrFail({ id: event.id })).publishedAt !== null,
      5000,
      'marked published',
    );
    expect(await received()).toBe(1);
  });

  it('refuses an event whose payload breaks its contract at the write', async () => {
    await expect(
      inTransaction(dataSourceOf(module, PRODUCER), (manager) =>
        appendToOutbox(manager, PRODUCER, USER_REGISTERED_V1, { email: 42 } as never),
      ),
    ).rejects.toThrow(/bad payload/);
  });
});

describe('the wiring check at start', () => {
  it('refuses to start when an event routed to a queue this app works has no handler', async () => {
    const db = await createTestDatabase('sqlite');
    const module = await messagingTestModule(db, {
      transport: 'in-process',
      consumes: [QUEUES.notificationEvents],
      subscriptions: { [QUEUES.notificationEvents]: [USER_REGISTERED_V1.type, USER_UPDATED_V1.type] },
    });
    await expect(module.init()).rejects.toThrow(
      /identity\.user\.updated\.v1 is routed to notification-events/,
    );
    await module.close().catch(() => undefined);
    await db.drop();
  });
});
