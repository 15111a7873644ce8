import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthRegistry } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { AdminBoardModule } from './admin-board/admin-board.module';
import { CalendarFeedModule } from './calendar-feed/calendar-feed.module';
import { DigestModule } from './digest/digest.module';
import { NotificationPagesModule } from './pages/notification-pages.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RemindersModule } from './reminders/reminders.module';
import { RosterModule } from './roster/roster.module';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher';
import { DeliveryLogService } from './deliveries/delivery-log.service';
import { DELIVERY_PIPELINE_PROVIDERS } from './deliveries/delivery-pipeline';
import { DeliveryMetrics } from './deliveries/delivery.metrics';
import { DeliveryService } from './deliveries/delivery.service';
import { DeliveryWorker } from './deliveries/delivery-worker';
import { MailComposer } from './deliveries/mail-composer';
import { MailTransport } from './deliveries/mail-transport';
import { EnrolmentMessagesConsumer } from './enrolments/enrolment-messages.consumer';
import { EnrolmentMessagesService } from './enrolments/enrolment-messages.service';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { NotificationDatabaseModule } from './notification.database';
import { NOTIFICATION } from './notification.constants';
import { RecipientsReplicaConsumer } from './recipients/recipients-replica.consumer';
import { RecipientsReplicaService } from './recipients/recipients-replica.service';
import { SessionReplicaConsumer } from './sessions/session-replica.consumer';
import { SessionReplicaService } from './sessions/session-replica.service';
import { MessageRenderer } from './templates/message-renderer';

/**
 * Notification: replicas of people, sessions and enrolments kept from events; every message is a delivery row
 * (the outbox of email) written in the event's transaction, handed to the mail queue by the dispatcher and sent
 * by the worker, plus an item in the in-app inbox.
 */
@Module({
  imports: [
    NotificationDatabaseModule,
    // Time-driven messages, preferences, calendar feed, pages and Bull Board (one folder each).
    PreferencesModule,
    RemindersModule,
    RosterModule,
    DigestModule,
    CalendarFeedModule,
    NotificationPagesModule,
    AdminBoardModule,
  ],
  controllers: [InboxController, DeliveriesController],
  providers: [
    MessageRenderer,
    DeliveryService,
    RecipientsReplicaService,
    RecipientsReplicaConsumer,
    SessionReplicaService,
    SessionReplicaConsumer,
    EnrolmentMessagesService,
    EnrolmentMessagesConsumer,
    ...DELIVERY_PIPELINE_PROVIDERS,
    MailTransport,
    MailComposer,
    DeliveryMetrics,
    DeliveryWorker,
    DeliveryDispatcher,
    InboxService,
    DeliveryLogService,
  ],
  exports: [DeliveryService, MessageRenderer, NotificationDatabaseModule, DeliveryDispatcher],
})
export class NotificationModule implements OnModuleInit {
  constructor(
    @InjectDataSource(NOTIFICATION) private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    // This context has no outbox relay (it publishes nothing), so it reports its database itself.
    this.health.register({
      name: `database:${NOTIFICATION}`,
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
  }
}
