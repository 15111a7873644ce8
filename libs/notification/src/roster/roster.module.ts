import { Module } from '@nestjs/common';
import { DeliveryService } from '../deliveries/delivery.service';
import { NotificationDatabaseModule } from '../notification.database';
import { MessageRenderer } from '../templates/message-renderer';
import { RosterRepository } from './roster.repository';
import { ROSTER_OPTIONS, RosterScheduler, rosterOptionsFrom } from './roster.scheduler';

/** The trainer's roster the day before each meeting. (DeliveryService here too: see RemindersModule.) */
@Module({
  imports: [NotificationDatabaseModule],
  providers: [
    MessageRenderer,
    DeliveryService,
    RosterRepository,
    RosterScheduler,
    { provide: ROSTER_OPTIONS, useFactory: () => rosterOptionsFrom() },
  ],
  exports: [RosterScheduler, ROSTER_OPTIONS],
})
export class RosterModule {}
