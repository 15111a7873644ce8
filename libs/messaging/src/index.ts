export * from './consumer/on-event.decorator';
export * from './messaging.module';
export * from './outbox/outbox';
export * from './outbox/outbox.schema';
