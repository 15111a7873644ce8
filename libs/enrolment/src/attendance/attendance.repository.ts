import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AttendanceStatus } from '@academy/contracts';
import { ENROLMENT } from '../enrolment.constants';
import { SessionMeeting } from '../sessions/session.entity';
import { AttendanceRecord } from './attendance.entity';

/** An attendance record with the meeting's place in its session (what make-ups are matched by). */
export interface PositionedRecord {
  enrolmentId: string;
  sessionId: string;
  position: number;
  status: AttendanceStatus;
}

@Injectable()
export class AttendanceRepository {
  constructor(
    @InjectRepository(AttendanceRecord, ENROLMENT) private readonly repository: Repository<AttendanceRecord>,
  ) {}

  forSession(sessionId: string, manager?: EntityManager): Promise<AttendanceRecord[]> {
    return (manager ? manager.getRepository(AttendanceRecord) : this.repository).findBy({ sessionId });
  }

  /** Writes the records (one per enrolment and meeting: a second save replaces the first). */
  async save(records: AttendanceRecord[], manager: EntityManager): Promise<void> {
    if (!records.length) return;
    await manager.getRepository(AttendanceRecord).upsert(records, ['enrolmentId', 'meetingId']);
  }

  /** Records of these enrolments, with each meeting's position in its session. */
  async positioned(enrolmentIds: string[], manager: EntityManager): Promise<PositionedRecord[]> {
    if (!enrolmentIds.length) return [];
    const rows = await manager
      .getRepository(AttendanceRecord)
      .createQueryBuilder('a')
      .innerJoin(SessionMeeting, 'm', 'm.id = a.meeting_id')
      .select('a.enrolment_id', 'enrolmentId')
      .addSelect('a.session_id', 'sessionId')
      .addSelect('m.position', 'position')
      .addSelect('a.status', 'status')
      .where('a.enrolment_id IN (:...ids)', { ids: enrolmentIds })
      .getRawMany<{
        enrolmentId: string;
        sessionId: string;
        position: number | string;
        status: AttendanceStatus;
      }>();
    return rows.map((row) => ({ ...row, position: Number(row.position) }));
  }

  /** An erased trainer is no longer named as the one who recorded attendance. */
  async forgetRecorder(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(AttendanceRecord).update({ recordedBy: userId }, { recordedBy: null });
  }
}
