import { Entity, PrimaryColumn, Column } from 'typeorm';

/**
 * The roster of a meeting (at the time it starts) has been sent: the key another replica's insert collides with,
 * so a roster goes out once. A moved meeting has a new start, so its trainers hear of the roster again.
 */
@Entity({ name: 'notification_rosters' })
export class RosterSent {
  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @PrimaryColumn({ name: 'meeting_starts_at', type: 'datetime', precision: 3 })
  meetingStartsAt!: Date;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt!: Date;
}
