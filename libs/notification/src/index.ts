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
export { DeliveryDispatcher } from './deliveries/delivery-dispatcher';
export { UNSUBSCRIBE_LINKS, type UnsubscribeLinks } from './deliveries/mail-composer';
export { DELIVERY_OPTIONS, type DeliveryOptions } from './deliveries/delivery.options';
export { MessageRenderer } from './templates/message-renderer';
export { sessionCalendar, meetingUid, type SessionCalendarInput } from './icalendar/session-calendar';
export * from './deliveries/dto/delivery.response';
export * from './inbox/dto/notification.response';
export { UnsubscribeTokens } from './preferences/unsubscribe-tokens';
export { PreferencesService } from './preferences/preferences.service';
export { RemindersScheduler } from './reminders/reminders.scheduler';
export { RosterScheduler } from './roster/roster.scheduler';
export { DigestScheduler } from './digest/digest.scheduler';
