import { Module } from '@nestjs/common';
import { NotificationDatabaseModule } from '../notification.database';
import { MessageRenderer } from '../templates/message-renderer';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/** `GET /api/calendar/:token.ics`; the token is kept with the preferences (PreferencesModule, global). */
@Module({
  imports: [NotificationDatabaseModule],
  controllers: [CalendarFeedController],
  providers: [MessageRenderer, CalendarFeedService],
})
export class CalendarFeedModule {}
