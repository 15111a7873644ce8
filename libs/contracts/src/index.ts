export * from './event';
export * from './events';
export * from './queues';
