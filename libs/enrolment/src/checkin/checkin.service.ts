import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ATTENDANCE_RECORDED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { APP_CONFIG, type AppConfig, inTransaction, notFound, type Principal } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { AttendanceRecord } from '../attendance/attendance.entity';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { CompletionService } from '../attendance/completion.service';
import { SessionAccess } from '../attendance/session-access';
import { ENROLMENT } from '../enrolment.constants';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { SessionFactsLoader } from '../sessions/session-facts';
import { isCancelled } from '../sessions/session-rules';
import type { SessionMeeting } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';
import { checkinCode, checkinWindow, type CheckinVerdict, verifyCheckin } from './checkin-code';
import { publicUrlProblem } from './public-url';

export type CheckinOutcome =
  | { done: true; status: 'present' | 'late' | 'excused' | 'absent'; already: boolean }
  | { done: false; reason: 'not-open-yet' | 'over' | 'code-expired' | 'not-enrolled' | 'cancelled' };

export interface CheckinMeetingFacts {
  meetingId: string;
  sessionId: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * QR self check-in: the trainer's phone shows a code that rotates every minute; a confirmed participant who
 * opens it during the meeting is marked present (late after ten minutes). A record the trainer already made
 * is left as it is.
 */
@Injectable()
export class CheckinService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly completion: CompletionService,
    private readonly facts: SessionFactsLoader,
    private readonly access: SessionAccess,
  ) {}

  /** A QR code that points where phones cannot go fails only in the trainer's hands: say so at start. */
  onApplicationBootstrap(): void {
    const problem = publicUrlProblem(this.config.publicUrl);
    if (problem) new Logger('Checkin').warn(problem);
  }

  /** The URL the QR shows now, for a trainer of the meeting's session. */
  async currentUrl(
    principal: Principal,
    meetingId: string,
    now = new Date(),
  ): Promise<{ url: string; meeting: CheckinMeetingFacts }> {
    const meeting = await this.meeting(meetingId);
    await this.access.assertTrains(principal, meeting.sessionId);
    const code = checkinCode(this.config.jwtSecret, meeting.id, checkinWindow(now));
    const url = new URL(`/checkin/${meeting.id}`, this.config.publicUrl);
    url.searchParams.set('code', code);
    return { url: url.toString(), meeting: await this.describe(meeting) };
  }

  async describe(meeting: SessionMeeting): Promise<CheckinMeetingFacts> {
    const session = await this.sessions.findById(meeting.sessionId);
    const course = session ? await this.sessions.findCourse(session.courseId) : null;
    return {
      meetingId: meeting.id,
      sessionId: meeting.sessionId,
      courseTitle: course?.title ?? '',
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
    };
  }

  async meeting(meetingId: string): Promise<SessionMeeting> {
    const meeting = await this.sessions.findMeeting(meetingId);
    if (!meeting) throw notFound('The meeting');
    return meeting;
  }

  async checkIn(
    principal: Principal,
    meetingId: string,
    code: string,
    now = new Date(),
  ): Promise<CheckinOutcome> {
    const meeting = await this.meeting(meetingId);
    const verdict: CheckinVerdict = verifyCheckin(this.config.jwtSecret, meeting, code, now);
    if (!verdict.ok) return { done: false, reason: verdict.reason };
    return inTransaction(this.dataSource, async (manager) => {
      const session = await this.sessions.lock(meeting.sessionId, manager);
      if (!session) throw notFound('The meeting');
      if (isCancelled(session)) return { done: false, reason: 'cancelled' } as const;
      const enrolment = await this.enrolments.findActive(session.id, principal.userId, manager);
      if (!enrolment || enrolment.status !== 'confirmed')
        return { done: false, reason: 'not-enrolled' } as const;
      const existing = (await this.attendance.forSession(session.id, manager)).find(
        (r) => r.enrolmentId === enrolment.id && r.meetingId === meeting.id,
      );
      if (existing) return { done: true, status: existing.status, already: true } as const;
      await this.attendance.save(
        [
          Object.assign(new AttendanceRecord(), {
            enrolmentId: enrolment.id,
            meetingId: meeting.id,
            sessionId: session.id,
            status: verdict.status,
            recordedBy: principal.userId,
            recordedAt: now,
          }),
        ],
        manager,
      );
      const { attendanceThreshold: _threshold, ...facts } = await this.facts.load(session, manager);
      await appendToOutbox(manager, ENROLMENT, ATTENDANCE_RECORDED_V1, {
        ...facts,
        meetingId: meeting.id,
        meetingIndex: meeting.position,
        records: [{ enrolmentId: enrolment.id, userId: principal.userId, status: verdict.status }],
        recordedBy: principal.userId,
        recordedAt: now.toISOString(),
      });
      await this.completion.check(manager, principal.userId, session.courseId, now);
      return { done: true, status: verdict.status, already: false } as const;
    });
  }
}
