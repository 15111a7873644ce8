import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ContextName } from '@academy/contracts';
import { HealthRegistry } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { BullmqEventBus } from './bus/bullmq.bus';
import { BullmqWorkers } from './bus/bullmq.workers';
import { EventBus } from './bus/event-bus';
import { InProcessEventBus } from './bus/in-process.bus';
import { EventDispatcher } from './consumer/event-dispatcher';
import { HandlerRegistry } from './consumer/handler-registry';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox.relay';

export { type MessagingOptions } from './messaging.options';

/** Injection token of a context's relay (tests drain it; metrics count its backlog). */
export const relayToken = (context: ContextName) => `OutboxRelay:${context}`;

/** A context's outbox relay, publishing through the app's bus. */
@Module({})
export class OutboxRelayModule {}

/**
 * The event backbone. `forRoot` once per app chooses the transport (BullMQ or in-process) and the queues the
 * app works; `forContext` in each context that writes an outbox starts its relay.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const transport: Provider[] =
      options.transport === 'bullmq'
        ? [BullmqEventBus, { provide: EventBus, useExisting: BullmqEventBus }, BullmqWorkers]
        : [InProcessEventBus, { provide: EventBus, useExisting: InProcessEventBus }];
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        HandlerRegistry,
        EventDispatcher,
        MessagingMetrics,
        ...transport,
      ],
      exports: [EventBus, MESSAGING_OPTIONS, HandlerRegistry, EventDispatcher, MessagingMetrics],
    };
  }

  static forContext(context: ContextName): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [
        {
          provide: relayToken(context),
          inject: [
            getDataSourceToken(context),
            EventBus,
            MESSAGING_OPTIONS,
            HealthRegistry,
            MessagingMetrics,
          ],
          useFactory: (
            dataSource: DataSource,
            bus: EventBus,
            options: MessagingOptions,
            health: HealthRegistry,
            metrics: MessagingMetrics,
          ) => {
            const relay = new OutboxRelay(context, dataSource, bus, options, health);
            metrics.trackRelay(relay);
            return relay;
          },
        },
      ],
      exports: [relayToken(context)],
    };
  }
}
