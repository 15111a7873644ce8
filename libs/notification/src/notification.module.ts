import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthRegistry } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { DeliveryService } from './deliveries/delivery.service';
import { NotificationDatabaseModule } from './notification.database';
import { NOTIFICATION } from './notification.constants';
import { MessageRenderer } from './templates/message-renderer';

/**
 * Notification: replicas of people, sessions and enrolments kept from events; every message is a delivery row
 * (the outbox of email) written in the event's transaction, sent by the delivery pipeline, and an inbox item.
 */
@Module({
  imports: [NotificationDatabaseModule],
  providers: [MessageRenderer, DeliveryService],
  exports: [DeliveryService, MessageRenderer, NotificationDatabaseModule],
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
