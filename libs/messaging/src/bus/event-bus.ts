import type { EventEnvelope } from '@academy/contracts';

/**
 * The port the outbox relay publishes through. Resolves once every envelope is handed over for delivery
 * (queued in Redis, or handled in-process); rejects if any could not be, so the relay tries again later.
 */
export abstract class EventBus {
  abstract publish(envelopes: EventEnvelope[]): Promise<void>;
}
