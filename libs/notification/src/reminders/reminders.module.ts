import { Module } from '@nestjs/common';
import { DeliveryService } from '../deliveries/delivery.service';
import { NotificationDatabaseModule } from '../notification.database';
import { MessageRenderer } from '../templates/message-renderer';
import { REMINDER_OPTIONS, reminderOptionsFrom } from './reminder.options';
import { RemindersConsumer } from './reminders.consumer';
import { RemindersPlanner } from './reminders.planner';
import { RemindersRepository } from './reminders.repository';
import { RemindersScheduler } from './reminders.scheduler';

/**
 * Reminders before each meeting of a confirmed enrolment. DeliveryService is provided here as well (it holds no
 * state): NotificationModule imports this module, so importing that one back would be a cycle.
 */
@Module({
  imports: [NotificationDatabaseModule],
  providers: [
    MessageRenderer,
    DeliveryService,
    RemindersRepository,
    RemindersPlanner,
    RemindersConsumer,
    RemindersScheduler,
    { provide: REMINDER_OPTIONS, useFactory: () => reminderOptionsFrom() },
  ],
  exports: [RemindersScheduler, RemindersRepository, REMINDER_OPTIONS],
})
export class RemindersModule {}
