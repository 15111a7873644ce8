import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ATTENDANCE_RECORDED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { DomainError, type FieldError, inTransaction, notFound, type Principal } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { ATTENDANCE_OPENS_BEFORE_MS, ENROLMENT } from '../enrolment.constants';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { ruleViolated } from '../enrolments/enrolments.errors';
import { SessionFactsLoader } from '../sessions/session-facts';
import { isCancelled } from '../sessions/session-rules';
import { SessionsRepository } from '../sessions/sessions.repository';
import { AttendanceRecord } from './attendance.entity';
import { AttendanceRepository } from './attendance.repository';
import { CompletionService } from './completion.service';
import type { RecordedAttendanceResponse } from './dto/attendance.response';
import type { RecordAttendanceRequest } from './dto/record-attendance.request';
import { SessionAccess } from './session-access';

const invalid = (errors: FieldError[]) =>
  new DomainError('validation.failed', 'Some records are not valid; nothing was saved.', { errors });

/** Attendance per meeting, taken by a session's trainer for the whole list at once (all or nothing). */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly completion: CompletionService,
    private readonly facts: SessionFactsLoader,
    private readonly access: SessionAccess,
  ) {}

  async record(
    principal: Principal,
    meetingId: string,
    request: RecordAttendanceRequest,
    now = new Date(),
  ): Promise<RecordedAttendanceResponse> {
    const meeting = await this.sessions.findMeeting(meetingId);
    if (!meeting) throw notFound('The meeting');
    await this.access.assertTrains(principal, meeting.sessionId);
    const seen = new Set<string>();
    const duplicates: FieldError[] = [];
    request.records.forEach((record, index) => {
      if (seen.has(record.enrolmentId)) {
        duplicates.push({
          field: `records.${index}.enrolmentId`,
          messages: ['This person is in the list twice.'],
        });
      }
      seen.add(record.enrolmentId);
    });
    if (duplicates.length) throw invalid(duplicates);

    return inTransaction(this.dataSource, async (manager) => {
      const session = await this.sessions.lock(meeting.sessionId, manager);
      if (!session) throw notFound('The meeting');
      if (isCancelled(session))
        throw ruleViolated('This session is cancelled; there is no attendance to take.');
      if (now.getTime() < meeting.startsAt.getTime() - ATTENDANCE_OPENS_BEFORE_MS) {
        throw ruleViolated('Attendance can be taken from an hour before the meeting starts.');
      }
      const enrolments = new Map((await this.enrolments.findByIds([...seen], manager)).map((e) => [e.id, e]));
      const errors: FieldError[] = [];
      request.records.forEach((record, index) => {
        const enrolment = enrolments.get(record.enrolmentId);
        if (!enrolment || enrolment.sessionId !== session.id) {
          errors.push({
            field: `records.${index}.enrolmentId`,
            messages: ['This is not an enrolment of this session.'],
          });
        } else if (enrolment.status !== 'confirmed') {
          errors.push({
            field: `records.${index}.enrolmentId`,
            messages: ['Only confirmed participants can be marked; this person has no seat.'],
          });
        }
      });
      if (errors.length) throw invalid(errors);

      await this.attendance.save(
        request.records.map((record) =>
          Object.assign(new AttendanceRecord(), {
            enrolmentId: record.enrolmentId,
            meetingId,
            sessionId: session.id,
            status: record.status,
            recordedBy: principal.userId,
            recordedAt: now,
          }),
        ),
        manager,
      );
      const { attendanceThreshold: _threshold, ...facts } = await this.facts.load(session, manager);
      await appendToOutbox(manager, ENROLMENT, ATTENDANCE_RECORDED_V1, {
        ...facts,
        meetingId,
        meetingIndex: meeting.position,
        records: request.records.map((record) => ({
          enrolmentId: record.enrolmentId,
          userId: enrolments.get(record.enrolmentId)!.userId,
          status: record.status,
        })),
        recordedBy: principal.userId,
        recordedAt: now.toISOString(),
      });
      const completed: string[] = [];
      const people = new Set(request.records.map((r) => enrolments.get(r.enrolmentId)!.userId));
      for (const userId of people) {
        if (!userId) continue;
        const enrolmentId = await this.completion.check(manager, userId, session.courseId, now);
        if (enrolmentId) completed.push(enrolmentId);
      }
      return {
        meetingId,
        sessionId: session.id,
        saved: request.records.length,
        completedEnrolmentIds: completed,
      };
    });
  }
}
