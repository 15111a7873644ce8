import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CourseKind, CourseLanguage, MeetingSnapshot, SessionStatus } from '@academy/contracts';

/**
 * The notification context's copy of a catalogue session (from catalogue.session.*.v1): enough to write an
 * email, an invitation or a reminder without calling back. Meetings and trainers are kept as JSON, in the
 * catalogue's shape; an older version never replaces a newer one.
 */
@Entity({ name: 'notification_sessions' })
export class NotificationSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: CourseKind;

  @Column({ type: 'varchar', length: 2 })
  language!: CourseLanguage;

  @Column({ type: 'simple-json' })
  meetings!: MeetingSnapshot[];

  @Column({ name: 'trainer_ids', type: 'simple-json' })
  trainerIds!: string[];

  @Column({ type: 'varchar', length: 10 })
  status!: SessionStatus;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  /** The catalogue's version: the SEQUENCE of this session's calendar entries. */
  @Column({ type: 'int' })
  version!: number;

  /** Start of the first meeting (for finding what is coming up without parsing every JSON). */
  @Column({ name: 'first_starts_at', type: 'datetime', precision: 3 })
  firstStartsAt!: Date;

  @Column({ name: 'last_ends_at', type: 'datetime', precision: 3 })
  lastEndsAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

/** WARNING: stored in notification_enrolments.status; renaming one strands the rows. */
export type ReplicaEnrolmentStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';

/**
 * Who is enrolled where, from enrolment.enrolment.*.v1: so a changed or cancelled session reaches every
 * participant, and reminders, rosters and the calendar feed know who takes part. Event ids are time-ordered
 * (UUID v7 of the enrolment outbox), so `lastEventId` tells a late, older event from a newer one.
 */
@Entity({ name: 'notification_enrolments' })
export class NotificationEnrolment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: ReplicaEnrolmentStatus;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'last_event_id', type: 'varchar', length: 36 })
  lastEventId!: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
