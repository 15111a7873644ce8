import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@academy/contracts';
import { EventDispatcher, validateEnvelope } from '../consumer/event-dispatcher';
import { HandlerRegistry } from '../consumer/handler-registry';
import { EventBus } from './event-bus';

/**
 * The all-in-one's bus: the same outbox and relay, delivery calls the same handlers in this process.
 * An envelope counts as published once every handler has run; if one fails the relay retries the row
 * later, and the handlers that already ran skip it as a duplicate.
 */
@Injectable()
export class InProcessEventBus extends EventBus {
  constructor(
    private readonly registry: HandlerRegistry,
    private readonly dispatcher: EventDispatcher,
  ) {
    super();
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) {
      validateEnvelope(envelope);
      for (const handler of this.registry.handlersFor(envelope.type)) {
        await this.dispatcher.dispatch(handler, envelope);
      }
    }
  }
}
