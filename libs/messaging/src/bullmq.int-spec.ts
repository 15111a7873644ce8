import { randomBytes } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { type EventEnvelope, QUEUES, USER_REGISTERED_V1 } from '@academy/contracts';
import { HealthRegistry, inTransaction } from '@academy/platform';
import {
  createTestDatabase,
  describeDistributed,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import { HealthCheckService } from '@nestjs/terminus';
import { BullmqEventBus } from './bus/bullmq.bus';
import { EventBus } from './bus/event-bus';
import { appendToOutbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox.relay';
import { outboxSchema } from './outbox/outbox.schema';
import { DisposableRedis } from './testing/redis-server';
import {
  AccountSchema,
  CONSUMER,
  dataSourceOf,
  eventually,
  messagingTestModule,
  PRODUCER,
  ReceivedSchema,
  registeredPayload,
} from './testing/messaging-test-kit';

describeDistributed('the BullMQ bus on MariaDB and Redis', () => {
  let db: TestDatabase;
  let redis: DisposableRedis;
  let module: TestingModule;

  beforeEach(async () => {
    db = await createTestDatabase('mariadb');
    redis = await DisposableRedis.start();
    module = await messagingTestModule(db, {
      transport: 'bullmq',
      redisUrl: redis.url,
      consumes: [QUEUES.notificationEvents],
      prefix: `t${randomBytes(4).toString('hex')}`,
    });
    await module.init();
  });

  afterEach(async () => {
    await module.close();
    await redis.stop();
    await db.drop();
  });

  const received = (eventId?: string) =>
    dataSourceOf(module, CONSUMER)
      .getRepository(ReceivedSchema)
      .count({ where: eventId ? { eventId } : {} });

  const register = (email: string): Promise<EventEnvelope> =>
    inTransaction(dataSourceOf(module, PRODUCER), async (manager) => {
      await manager.getRepository(AccountSchema).insert({ email });
      return appendToOutbox(manager, PRODUCER, USER_REGISTERED_V1, registeredPayload(email));
    });

  it('carries an event through Redis to the consuming context, with the outbox id as job id', async () => {
    const event = await register('sjoukje@example.nl');
    await eventually(async () => (await received(event.id)) === 1, 15_000, 'delivery through BullMQ');
    const job = await module.get(BullmqEventBus).queue(QUEUES.notificationEvents).getJob(event.id);
    expect(job?.data).toMatchObject({ id: event.id, type: USER_REGISTERED_V1.type });
  });

  it('ignores a republished event (a crash between publish and mark) and acts once', async () => {
    const event = await register('wytske@example.nl');
    await eventually(async () => (await received(event.id)) === 1, 15_000, 'first delivery');
    const bus = module.get(BullmqEventBus);
    await bus.publish([event]);
    await bus.publish([event]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await received(event.id)).toBe(1);
    expect(
      await bus.queue(QUEUES.notificationEvents).getJobCountByTypes('completed', 'waiting', 'active'),
    ).toBe(1);
  });

  it('keeps events written while Redis is down and delivers each once after a full Redis restart', async () => {
    await redis.stop();
    const started = Date.now();
    const events: EventEnvelope[] = [];
    for (let i = 0; i < 20; i++) events.push(await register(`volunteer${i}@example.nl`));
    // Writing never waits on Redis.
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await received()).toBe(0);
    const pending = await dataSourceOf(module, PRODUCER)
      .getRepository(outboxSchema(PRODUCER))
      .createQueryBuilder('o')
      .where('o.publishedAt IS NULL')
      .getCount();
    expect(pending).toBe(20);

    const ready = () =>
      module.get(HealthCheckService).check(
        module
          .get(HealthRegistry)
          .all()
          .map((dependency) => async () => {
            await dependency.check();
            return { [dependency.name]: { status: 'up' as const } };
          }),
      );
    await expect(ready()).rejects.toBeDefined();

    await redis.start();
    await eventually(async () => (await received()) === 20, 45_000, 'delivery after Redis came back');
    for (const event of events) expect(await received(event.id)).toBe(1);
    await expect(ready()).resolves.toMatchObject({ status: 'ok' });
  });

  it('dead-letters an envelope that breaks the contract instead of retrying it', async () => {
    const queue = module.get(BullmqEventBus).queue(QUEUES.notificationEvents);
    await queue.add(
      USER_REGISTERED_V1.type,
      { id: 'bad-1', type: USER_REGISTERED_V1.type, payload: { email: 7 } },
      {
        jobId: 'bad-1',
        attempts: 5,
      },
    );
    await eventually(async () => (await queue.getJobState('bad-1')) === 'failed', 15_000, 'dead letter');
    const job = await queue.getJob('bad-1');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/email must be a string/);
    expect(await received()).toBe(0);
  });
});

describeDistributed('two relays on one MariaDB database', () => {
  it('never publish the same row twice', async () => {
    const db = await createTestDatabase('mariadb');
    const module = await messagingTestModule(db, { transport: 'in-process', consumes: [] }, { relay: false });
    await module.init();
    const producer = dataSourceOf(module, PRODUCER);
    for (let i = 0; i < 300; i++) {
      await inTransaction(producer, (manager) =>
        appendToOutbox(manager, PRODUCER, USER_REGISTERED_V1, registeredPayload(`r${i}@example.nl`)),
      );
    }
    // A slow bus widens the window in which both relays look for work at the same time.
    const published: string[] = [];
    class SlowRecordingBus extends EventBus {
      async publish(envelopes: EventEnvelope[]): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 20));
        published.push(...envelopes.map((e) => e.id));
      }
    }
    const health = module.get(HealthRegistry);
    const relays = [1, 2].map(
      () => new OutboxRelay(PRODUCER, producer, new SlowRecordingBus(), { pollMs: 10 }, health),
    );
    await Promise.all(relays.map((relay) => relay.drain()));
    expect(published).toHaveLength(300);
    expect(new Set(published).size).toBe(300);
    await module.close();
    await db.drop();
  });
});
