import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendanceStatus } from '@academy/contracts';

/** Whether an enrolled person attended one meeting of their session. */
@Entity({ name: 'enrolment_attendance' })
export class AttendanceRecord {
  @PrimaryColumn({ name: 'enrolment_id', type: 'varchar', length: 36 })
  enrolmentId!: string;

  @PrimaryColumn({ name: 'meeting_id', type: 'varchar', length: 36 })
  meetingId!: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: AttendanceStatus;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt!: Date;
}
