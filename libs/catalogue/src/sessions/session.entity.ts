import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionStatus, WaitlistMode } from '../catalogue.constants';

/** What one enrols in: a workshop's one meeting or a training's series of meetings. */
@Entity({ name: 'catalogue_sessions' })
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ name: 'minimum_participants', type: 'int', default: 0 })
  minimumParticipants!: number;

  @Column({ name: 'go_no_go_at', type: 'datetime', precision: 3, nullable: true })
  goNoGoAt!: Date | null;

  @Column({ name: 'enrolment_opens_at', type: 'datetime', precision: 3, nullable: true })
  enrolmentOpensAt!: Date | null;

  @Column({ name: 'enrolment_closes_at', type: 'datetime', precision: 3, nullable: true })
  enrolmentClosesAt!: Date | null;

  @Column({ name: 'cancellation_deadline_hours', type: 'int', default: 48 })
  cancellationDeadlineHours!: number;

  @Column({ name: 'waitlist_mode', type: 'varchar', length: 10, default: 'auto' })
  waitlistMode!: WaitlistMode;

  @Column({ name: 'offer_hours', type: 'int', default: 24 })
  offerHours!: number;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status!: SessionStatus;

  @Column({ type: 'boolean', default: false })
  published!: boolean;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  // Denormalised from the meetings, kept by the repository on every write, so search never aggregates meetings.
  @Column({ name: 'first_starts_at', type: 'datetime', precision: 3 })
  firstStartsAt!: Date;

  @Column({ name: 'last_ends_at', type: 'datetime', precision: 3 })
  lastEndsAt!: Date;

  /** Place of the first meeting at a venue, as shown; null when every meeting is online. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  place!: string | null;

  /** `place` lower-cased without diacritics: what the place filter compares, the same on every database. */
  @Column({ name: 'place_key', type: 'varchar', length: 100, nullable: true })
  placeKey!: string | null;

  /** Whether the first meeting is online. */
  @Column({ type: 'boolean', default: false })
  online!: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

@Entity({ name: 'catalogue_session_trainers' })
export class SessionTrainer {
  @PrimaryColumn({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;
}
