import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnrolmentCancelReason } from '@academy/contracts';
import type { EnrolmentStatus } from '../enrolment.constants';

/** One person's place in a session: a seat, a waitlist place, an offered seat, or a cancelled one. */
@Entity({ name: 'enrolment_enrolments' })
export class Enrolment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  /** Null once the person erased their account: the attendance stays, the person is forgotten. */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: EnrolmentStatus;

  /**
   * `<sessionId>:<userId>` while the enrolment is active, null otherwise. Its unique index is what makes
   * "one active enrolment per person and session" hold whatever the concurrency.
   */
  @Column({ name: 'active_key', type: 'varchar', length: 80, nullable: true })
  activeKey!: string | null;

  /** 1 is next in line; gap-free among the session's waitlisted enrolments. */
  @Column({ name: 'waitlist_position', type: 'int', nullable: true })
  waitlistPosition!: number | null;

  @Column({ name: 'offer_expires_at', type: 'datetime', precision: 3, nullable: true })
  offerExpiresAt!: Date | null;

  @Column({ type: 'boolean' })
  late!: boolean;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 30, nullable: true })
  cancelReason!: EnrolmentCancelReason | null;

  /** Who made the enrolment (the person, or a coordinator or admin for them). */
  @Column({ name: 'enrolled_by', type: 'varchar', length: 36, nullable: true })
  enrolledBy!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

export const activeKey = (sessionId: string, userId: string) => `${sessionId}:${userId}`;
