import { Module } from '@nestjs/common';
import { DeliveryService } from '../deliveries/delivery.service';
import { NotificationDatabaseModule } from '../notification.database';
import { MessageRenderer } from '../templates/message-renderer';
import { DigestConsumer } from './digest.consumer';
import { DIGEST_OPTIONS, DigestScheduler, digestOptionsFrom } from './digest.scheduler';
import { DigestItemsRepository } from './digest-items.repository';

/** The coordinators' digest of new flags and the immediate message. (DeliveryService: see RemindersModule.) */
@Module({
  imports: [NotificationDatabaseModule],
  providers: [
    MessageRenderer,
    DeliveryService,
    DigestItemsRepository,
    DigestConsumer,
    DigestScheduler,
    { provide: DIGEST_OPTIONS, useFactory: () => digestOptionsFrom() },
  ],
  exports: [DigestScheduler, DigestItemsRepository, DIGEST_OPTIONS],
})
export class DigestModule {}
