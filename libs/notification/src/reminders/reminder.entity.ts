import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * WARNING: stored in notification_reminders.status; renaming one strands the rows.
 * - `pending`: waiting for `due_at`;
 * - `sent`: turned into a delivery (the delivery log says whether the email went out);
 * - `dropped`: its meeting had started by the time it was due, or the person switched reminders off.
 */
export type ReminderStatus = 'pending' | 'sent' | 'dropped';

/**
 * One reminder of one meeting for one confirmed enrolment, `offsetMinutes` before the meeting. Kept in the
 * database, so a restart or a Redis outage loses none, and unique per (enrolment, meeting, offset), so an event
 * handled twice plans it once.
 */
@Entity({ name: 'notification_reminders' })
export class Reminder {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'enrolment_id', type: 'varchar', length: 36 })
  enrolmentId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  /** For the message when the session replica is not here (yet). */
  @Column({ name: 'course_title', type: 'varchar', length: 150 })
  courseTitle!: string;

  @Column({ name: 'offset_minutes', type: 'int' })
  offsetMinutes!: number;

  @Column({ name: 'meeting_starts_at', type: 'datetime', precision: 3 })
  meetingStartsAt!: Date;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  status!: ReminderStatus;

  /** The catalogue's version of the session the times came from; an older snapshot never moves them back. */
  @Column({ name: 'session_version', type: 'int' })
  sessionVersion!: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
