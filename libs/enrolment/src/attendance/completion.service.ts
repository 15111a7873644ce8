import { Injectable } from '@nestjs/common';
import { ENROLMENT_COMPLETED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { ENROLMENT } from '../enrolment.constants';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { SessionFactsLoader } from '../sessions/session-facts';
import { SessionsRepository } from '../sessions/sessions.repository';
import { AttendanceRepository } from './attendance.repository';
import { ATTENDED, completion, type CompletionResult } from './completion';

/**
 * Decides completion for one person and course after their attendance changed, and announces it once.
 * Make-ups: an enrolment of the same person in another session of the same course, attended at the same place
 * of the series (meeting position), covers a missed meeting. A course is completed once per person: when
 * several enrolments reach the threshold together, the one with most meetings attended in its own session
 * completes, so making up a meeting in another session does not complete that session as well.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly facts: SessionFactsLoader,
  ) {}

  /** Returns the enrolment completed now, if any. */
  async check(manager: EntityManager, userId: string, courseId: string, now: Date): Promise<string | null> {
    const enrolments = await this.enrolments.ofUserInCourse(userId, courseId, manager);
    if (enrolments.some((e) => e.completedAt)) return null;
    const records = await this.attendance.positioned(
      enrolments.map((e) => e.id),
      manager,
    );
    const candidates: Array<{ enrolment: Enrolment; result: CompletionResult; own: number }> = [];
    for (const enrolment of enrolments.filter((e) => e.status === 'confirmed')) {
      const session = await this.sessions.findById(enrolment.sessionId, manager);
      if (!session) continue;
      const facts = await this.facts.load(session, manager);
      const mine = records.filter((r) => r.enrolmentId === enrolment.id);
      const result = completion({
        totalMeetings: facts.meetings.length,
        threshold: facts.attendanceThreshold,
        own: new Map(mine.map((r) => [r.position, r.status])),
        madeUpElsewhere: new Set(
          records
            .filter((r) => r.enrolmentId !== enrolment.id && ATTENDED.has(r.status))
            .map((r) => r.position),
        ),
      });
      if (result.completed) {
        candidates.push({ enrolment, result, own: result.attended - result.madeUp });
      }
    }
    const best = candidates.sort((a, b) => b.own - a.own)[0];
    if (!best || !(await this.enrolments.markCompleted(best.enrolment.id, now, manager))) return null;
    const session = (await this.sessions.findById(best.enrolment.sessionId, manager))!;
    const { attendanceThreshold, ...facts } = await this.facts.load(session, manager);
    await appendToOutbox(manager, ENROLMENT, ENROLMENT_COMPLETED_V1, {
      ...facts,
      enrolmentId: best.enrolment.id,
      userId,
      attendedMeetings: best.result.attended,
      madeUpMeetings: best.result.madeUp,
      totalMeetings: facts.meetings.length,
      excusedMeetings: best.result.excused,
      attendanceThreshold,
      completedAt: now.toISOString(),
    });
    return best.enrolment.id;
  }
}
