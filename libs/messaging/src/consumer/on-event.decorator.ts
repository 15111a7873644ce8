import { SetMetadata } from '@nestjs/common';
import type { ContextName, EventDefinition } from '@academy/contracts';

export const ON_EVENT = 'academy:on-event';

export interface EventHandlerOptions {
  /** The consuming context: its DataSource records processed event ids and runs the handler's transaction. */
  context: ContextName;
  /**
   * WARNING: persisted with every processed event id. Renaming it makes the handler act again on every event
   * it has already seen. Defaults to `<context>.<ClassName>.<method>` — so set it explicitly.
   */
  consumer: string;
}

export interface EventHandlerMetadata extends EventHandlerOptions {
  type: string;
}

/**
 * Marks a provider method as the handler of an event:
 * `handle(event: EventEnvelope<T, P>, manager: EntityManager): Promise<void>`.
 * The messaging module runs it inside a transaction of the consuming context, after recording the event id
 * there, so a duplicate delivery is skipped and a failure leaves no trace (the delivery is retried).
 */
export const OnEvent = <TType extends string, TPayload>(
  definition: EventDefinition<TType, TPayload>,
  options: EventHandlerOptions,
): MethodDecorator =>
  SetMetadata<string, EventHandlerMetadata>(ON_EVENT, { ...options, type: definition.type });
