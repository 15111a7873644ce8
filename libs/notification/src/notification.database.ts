import { Module } from '@nestjs/common';
import { messagingEntities } from '@academy/messaging';
import { DatabaseModule } from '@academy/platform';
import { Delivery } from './deliveries/delivery.entity';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { InboxRepository } from './inbox/inbox.repository';
import { Notification } from './inbox/notification.entity';
import { CreateNotificationTables1764600000000 } from './migrations/1764600000000-create-notification-tables';
import { NOTIFICATION } from './notification.constants';
import { notificationFeatureEntities, notificationFeatureMigrations } from './preferences/feature-tables';
import { Recipient, RecipientMembership } from './recipients/recipient.entity';
import { RecipientsRepository } from './recipients/recipients.repository';
import { NotificationEnrolment, NotificationSession } from './sessions/session.entity';
import { SessionsReplicaRepository } from './sessions/sessions-replica.repository';

export const notificationEntities = [
  Recipient,
  RecipientMembership,
  NotificationSession,
  NotificationEnrolment,
  Delivery,
  Notification,
  ...notificationFeatureEntities,
  ...messagingEntities(NOTIFICATION),
];
export const notificationMigrations = [
  CreateNotificationTables1764600000000,
  ...notificationFeatureMigrations,
];

const repositories = [RecipientsRepository, SessionsReplicaRepository, DeliveriesRepository, InboxRepository];

/** The notification context's own DataSource and the repositories over it. */
@Module({
  imports: [
    DatabaseModule.forContext({
      context: NOTIFICATION,
      entities: notificationEntities,
      migrations: notificationMigrations,
    }),
  ],
  providers: repositories,
  exports: [DatabaseModule, ...repositories],
})
export class NotificationDatabaseModule {}
