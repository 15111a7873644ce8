import type { ContextName, EventDefinition, EventEnvelope } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { outboxSchema } from './outbox.schema';
import { nudgeRelay } from './relay-nudge';

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
  await manager.getRepository(outboxSchema(context)).insert({
    id: envelope.id,
    type: envelope.type,
    payload: JSON.stringify(envelope),
    createdAt,
    publishedAt: null,
    attempts: 0,
  });
  // The relay looks after commit; if this transaction rolls back it simply finds nothing new.
  const queryRunner = manager.queryRunner;
  if (queryRunner?.isTransactionActive) {
    setImmediate(() => nudgeRelay(context));
  } else {
    nudgeRelay(context);
  }
  return envelope;
}
