import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The catalogue's copy of a session's seat counts, as the enrolment context last told them. */
@Entity({ name: 'catalogue_session_seats' })
export class SeatCount {
  @PrimaryColumn({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'int' })
  confirmed!: number;

  @Column({ type: 'int' })
  waitlisted!: number;

  /** Seats held by an open waitlist offer: taken until the offer is accepted or lapses. */
  @Column({ type: 'int', default: 0 })
  offered!: number;

  /** The enrolment context's version of these counts; an older one never replaces a newer one. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
