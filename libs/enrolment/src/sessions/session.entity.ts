import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionStatus, WaitlistMode } from '@academy/contracts';

/**
 * The enrolment context's copy of a catalogue session (from catalogue.session.*.v1), plus what this context
 * owns about it: the seat counters and the go/no-go decision. The counters are changed only by conditional
 * `UPDATE`s while the row is locked, and always equal the number of enrolments in each state.
 */
@Entity({ name: 'enrolment_sessions' })
export class EnrolmentSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ name: 'minimum_participants', type: 'int' })
  minimumParticipants!: number;

  @Column({ name: 'go_no_go_at', type: 'datetime', precision: 3, nullable: true })
  goNoGoAt!: Date | null;

  @Column({ name: 'enrolment_opens_at', type: 'datetime', precision: 3, nullable: true })
  enrolmentOpensAt!: Date | null;

  @Column({ name: 'enrolment_closes_at', type: 'datetime', precision: 3, nullable: true })
  enrolmentClosesAt!: Date | null;

  @Column({ name: 'cancellation_deadline_hours', type: 'int' })
  cancellationDeadlineHours!: number;

  @Column({ name: 'waitlist_mode', type: 'varchar', length: 10 })
  waitlistMode!: WaitlistMode;

  @Column({ name: 'offer_hours', type: 'int' })
  offerHours!: number;

  /** The catalogue's status; a local go/no-go cancellation is kept in `goDecision` instead. */
  @Column({ name: 'catalogue_status', type: 'varchar', length: 10 })
  catalogueStatus!: SessionStatus;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'first_starts_at', type: 'datetime', precision: 3 })
  firstStartsAt!: Date;

  @Column({ name: 'last_ends_at', type: 'datetime', precision: 3 })
  lastEndsAt!: Date;

  /** The catalogue's version of the snapshot applied; an older snapshot is ignored. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'go_decision', type: 'varchar', length: 10, nullable: true })
  goDecision!: 'confirmed' | 'cancelled' | null;

  @Column({ name: 'go_decided_at', type: 'datetime', precision: 3, nullable: true })
  goDecidedAt!: Date | null;

  @Column({ type: 'int' })
  confirmed!: number;

  @Column({ type: 'int' })
  offered!: number;

  @Column({ type: 'int' })
  waitlisted!: number;

  /** Bumped with every change of the counters: the version of enrolment.session.seats-changed.v1. */
  @Column({ name: 'seats_version', type: 'int' })
  seatsVersion!: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

/** A meeting of a replicated session; `position` is its index in time order (0 first), used by make-ups. */
@Entity({ name: 'enrolment_meetings' })
export class SessionMeeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt!: Date;

  /** MeetingLocationSnapshot as JSON: shown and passed on, never queried. */
  @Column({ type: 'text' })
  location!: string;
}

@Entity({ name: 'enrolment_session_trainers' })
export class SessionTrainer {
  @PrimaryColumn({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;
}

/**
 * What this context knows of a course. catalogue.course.changed.v1 is authoritative (applied when newer);
 * a session snapshot fills the row only while no course event has arrived (version 0).
 */
@Entity({ name: 'enrolment_courses' })
export class ReplicaCourse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'training' | 'workshop';

  @Column({ type: 'varchar', length: 2 })
  language!: 'nl' | 'fy' | 'en';

  @Column({ name: 'attendance_threshold', type: 'int' })
  attendanceThreshold!: number;

  /** For certificates; from catalogue.course.changed.v1 (null before its first event, or without a provider). */
  @Column({ name: 'provider_name', type: 'varchar', length: 120, nullable: true })
  providerName!: string | null;

  @Column({ type: 'int' })
  version!: number;
}
