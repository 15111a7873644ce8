import type { ContextName, EventDefinition, EventEnvelope } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { outboxSchema } from './outbox.schema';
import { nudgeRelay, OUTBOX_WRITTEN } from './relay-nudge';

/**
 * Records an event in the context's outbox. Call it with the EntityManager of the transaction that makes the
 * change, so that both commit or neither does; the relay publishes it after commit. Never publish directly.
 */
export async function appendToOutbox<TType extends string, TPayload>(
  manager: EntityManager,
  context: ContextName,
  definition: EventDefinition<TType, TPayload>,
  payload: TPayload,
): Promise<EventEnvelope<TType, TPayload>> {
  const problems = definition.validate(payload);
  if (problems.length) {
    throw new Error(`Refusing to record ${definition.type} with a bad payload: ${problems.join('; ')}`);
  }
  const createdAt = new Date();
  const envelope: EventEnvelope<TType, TPayload> = {
    id: uuidv7(),
    type: definition.type,
    source: context,
    occurredAt: createdAt.toISOString(),
    payload,
  };
  // No read-back of defaults: this insert often runs while the caller holds a hot row lock.
  await manager
    .createQueryBuilder()
    .insert()
    .into(outboxSchema(context))
    .values({
      id: envelope.id,
      type: envelope.type,
      payload: JSON.stringify(envelope),
      createdAt,
      publishedAt: null,
      attempts: 0,
      nextAttemptAt: null,
    })
    .updateEntity(false)
    .execute();
  // Wake the relay once the row is visible: after commit (see OutboxCommitSubscriber), or now without a
  // transaction. A rolled-back transaction leaves nothing to find; the relay's poll covers any miss.
  const queryRunner = manager.queryRunner;
  if (queryRunner?.isTransactionActive) {
    queryRunner.data = { ...(queryRunner.data as object | undefined), [OUTBOX_WRITTEN]: context };
  } else {
    nudgeRelay(context);
  }
  return envelope;
}
