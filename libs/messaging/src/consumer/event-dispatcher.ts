import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type EventEnvelope, eventDefinition } from '@academy/contracts';
import { inTransaction } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { processedEventSchema } from '../outbox/outbox.schema';
import type { RegisteredHandler } from './handler-registry';

/** Thrown for an envelope that can never be handled (unknown type, bad payload): dead-letter it, don't retry. */
export class InvalidEnvelopeError extends Error {
  override name = 'InvalidEnvelopeError';
}

/** Checks an envelope against the contract before any handler sees it. */
export function validateEnvelope(value: unknown): EventEnvelope {
  const envelope = value as Partial<EventEnvelope> | null;
  if (
    !envelope ||
    typeof envelope !== 'object' ||
    typeof envelope.id !== 'string' ||
    typeof envelope.type !== 'string'
  ) {
    throw new InvalidEnvelopeError('not an event envelope');
  }
  const definition = eventDefinition(envelope.type);
  if (!definition) throw new InvalidEnvelopeError(`unknown event type ${envelope.type}`);
  const problems = definition.validate(envelope.payload);
  if (problems.length)
    throw new InvalidEnvelopeError(`${envelope.type} ${envelope.id}: ${problems.join('; ')}`);
  return envelope as EventEnvelope;
}

/**
 * Runs a handler exactly once per event id: the id is recorded in the consuming context's own transaction
 * before the handler acts, so a redelivered event finds its id and is skipped, and a handler that fails
 * leaves no record (the delivery is retried).
 */
@Injectable()
export class EventDispatcher {
  private readonly logger = new Logger('EventDispatcher');

  constructor(private readonly modules: ModuleRef) {}

  async dispatch(handler: RegisteredHandler, envelope: EventEnvelope): Promise<'handled' | 'duplicate'> {
    const dataSource = this.modules.get<DataSource>(getDataSourceToken(handler.context), { strict: false });
    return inTransaction(dataSource, async (manager) => {
      const processed = manager.getRepository(processedEventSchema(handler.context));
      if (await processed.exists({ where: { consumer: handler.consumer, eventId: envelope.id } })) {
        this.logger.debug(`${handler.consumer} skips ${envelope.type} ${envelope.id}: already handled`);
        return 'duplicate';
      }
      await processed.insert({ consumer: handler.consumer, eventId: envelope.id, processedAt: new Date() });
      await handler.invoke(envelope, manager);
      return 'handled';
    });
  }
}
