import { DigestItem } from '../digest/digest-item.entity';
import { CreateNotificationScheduleTables1764700000000 } from '../migrations/1764700000000-create-notification-schedule-tables';
import { Reminder } from '../reminders/reminder.entity';
import { RosterSent } from '../roster/roster-sent.entity';
import { Preference } from './preference.entity';

/** The tables of the reminders, roster, digest, preferences and calendar-feed features (one migration). */
export const notificationFeatureEntities = [Reminder, RosterSent, DigestItem, Preference];
export const notificationFeatureMigrations = [CreateNotificationScheduleTables1764700000000];
