import { Module } from '@nestjs/common';
import { DeliveryLogService } from '../deliveries/delivery-log.service';
import { NotificationDatabaseModule } from '../notification.database';
import { AdminDeliveriesPageController } from './admin-deliveries-page.controller';
import { InboxPagesRepository } from './inbox-pages.repository';
import { NotificationPagesController } from './notification-pages.controller';
import { UnsubscribePageController } from './unsubscribe-page.controller';

/**
 * The notification pages: inbox, message settings, unsubscribe, and the admin delivery log. The delivery log
 * service is stateless, so it is provided here as well as in NotificationModule (which imports this module).
 */
@Module({
  imports: [NotificationDatabaseModule],
  controllers: [NotificationPagesController, UnsubscribePageController, AdminDeliveriesPageController],
  providers: [InboxPagesRepository, DeliveryLogService],
})
export class NotificationPagesModule {}
