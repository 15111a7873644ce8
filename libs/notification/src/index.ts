export * from './notification.constants';
export {
  NotificationDatabaseModule,
  notificationEntities,
  notificationMigrations,
} from './notification.database';
export { NotificationModule } from './notification.module';
export {
  DeliveryService,
  type EnqueueRequest,
  type EnqueueResult,
  OPTIONAL_MESSAGE_POLICY,
  type OptionalMessagePolicy,
} from './deliveries/delivery.service';
export { MessageRenderer } from './templates/message-renderer';
