import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { QUEUE_CONTEXT, type QueueName, SUBSCRIPTIONS } from '@academy/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { type EventHandlerMetadata, ON_EVENT } from './on-event.decorator';

export interface RegisteredHandler extends EventHandlerMetadata {
  invoke(envelope: unknown, manager: unknown): Promise<void>;
}

/**
 * Finds every @OnEvent method at start and refuses to run when the routing and the handlers disagree:
 * an event routed to a queue this app works without a handler here would be lost; a handler for an event
 * its context is not subscribed to would never run in the distributed setup.
 */
@Injectable()
export class HandlerRegistry implements OnModuleInit {
  private readonly byType = new Map<string, RegisteredHandler[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const meta = this.reflector.get<EventHandlerMetadata | undefined>(ON_EVENT, fn as () => unknown);
        if (!meta) continue;
        const handler: RegisteredHandler = {
          ...meta,
          invoke: (envelope, manager) =>
            (fn as (e: unknown, m: unknown) => Promise<void>).call(instance, envelope, manager),
        };
        this.byType.set(meta.type, [...(this.byType.get(meta.type) ?? []), handler]);
      }
    }
    this.verify();
  }

  get subscriptions(): Record<string, readonly string[]> {
    return this.options.subscriptions ?? SUBSCRIPTIONS;
  }

  /** Handlers of an event, optionally only those of one context. */
  handlersFor(type: string, context?: string): RegisteredHandler[] {
    return (this.byType.get(type) ?? []).filter((h) => context === undefined || h.context === context);
  }

  private verify(): void {
    const problems: string[] = [];
    for (const queue of this.options.consumes) {
      const context = QUEUE_CONTEXT[queue];
      for (const type of this.subscriptions[queue] ?? []) {
        if (!this.handlersFor(type, context).length) {
          problems.push(`${type} is routed to ${queue} but ${context} has no @OnEvent handler for it`);
        }
      }
    }
    for (const handlers of this.byType.values()) {
      for (const handler of handlers) {
        const queue = (Object.keys(QUEUE_CONTEXT) as QueueName[]).find(
          (q) => QUEUE_CONTEXT[q] === handler.context,
        );
        if (!queue || !(this.subscriptions[queue] ?? []).includes(handler.type)) {
          problems.push(
            `${handler.consumer} handles ${handler.type}, but ${handler.context} does not subscribe to it`,
          );
        }
      }
    }
    if (problems.length) {
      throw new Error(`Messaging is miswired, refusing to start:\n - ${problems.join('\n - ')}`);
    }
  }
}
