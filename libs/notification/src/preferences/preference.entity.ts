import { Column, Entity, PrimaryColumn } from 'typeorm';

/** WARNING: stored in notification_preferences.digest; renaming one strands the rows. */
export const DIGEST_CADENCES = ['weekly', 'daily', 'off'] as const;
export type DigestCadence = (typeof DIGEST_CADENCES)[number];

/**
 * What a person wants to receive, and in which language. No row means the defaults: reminders on, a weekly
 * digest, the language of their profile, no calendar feed.
 */
@Entity({ name: 'notification_preferences' })
export class Preference {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'boolean' })
  reminders!: boolean;

  @Column({ type: 'varchar', length: 6 })
  digest!: DigestCadence;

  /** The language of messages; null follows the profile's. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  locale!: string | null;

  /** The secret part of the calendar feed's address; null until the person asks for a feed. */
  @Column({ name: 'calendar_token', type: 'varchar', length: 64, nullable: true })
  calendarToken!: string | null;

  /** When the last digest was written to them (a coordinator's "since the last one"). */
  @Column({ name: 'digest_sent_at', type: 'datetime', precision: 3, nullable: true })
  digestSentAt!: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

export const DEFAULT_PREFERENCES = { reminders: true, digest: 'weekly' as DigestCadence, locale: null };
