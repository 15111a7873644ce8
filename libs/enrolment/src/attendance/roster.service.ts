import { Injectable } from '@nestjs/common';
import type { MeetingLocationSnapshot } from '@academy/contracts';
import type { Principal } from '@academy/platform';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { PeopleRepository } from '../people/people.repository';
import { SessionFactsLoader } from '../sessions/session-facts';
import { isCancelled } from '../sessions/session-rules';
import { AttendanceRepository } from './attendance.repository';
import { ATTENDED } from './completion';
import type { RosterParticipant, RosterResponse } from './dto/attendance.response';
import { rosterCsv } from './roster-csv';
import { SessionAccess } from './session-access';

const placeOf = (location: MeetingLocationSnapshot) =>
  location.online ? `${location.name} (online)` : [location.name, location.place].filter(Boolean).join(', ');

/** Who is coming to a session and who came, for its trainers (and administrators). */
@Injectable()
export class RosterService {
  constructor(
    private readonly access: SessionAccess,
    private readonly enrolments: EnrolmentsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly people: PeopleRepository,
    private readonly facts: SessionFactsLoader,
  ) {}

  async roster(principal: Principal, sessionId: string): Promise<RosterResponse> {
    const session = await this.access.assertTrains(principal, sessionId);
    const facts = await this.facts.load(session);
    const active = await this.enrolments.activeOfSession(sessionId);
    const records = await this.attendance.forSession(sessionId);
    const names = await this.people.namesOf(active.flatMap((e) => (e.userId ? [e.userId] : [])));
    const toParticipant = (e: (typeof active)[number]): RosterParticipant => {
      const mine = new Map(records.filter((r) => r.enrolmentId === e.id).map((r) => [r.meetingId, r.status]));
      return {
        enrolmentId: e.id,
        userId: e.userId,
        displayName: e.userId ? (names.get(e.userId) ?? null) : null,
        status: e.status,
        waitlistPosition: e.waitlistPosition,
        attendance: facts.meetings.map((m) => ({
          meetingId: m.meetingId,
          status: mine.get(m.meetingId) ?? null,
        })),
        attended: [...mine.values()].filter((status) => ATTENDED.has(status)).length,
        completed: e.completedAt !== null,
      };
    };
    const byName = (a: RosterParticipant, b: RosterParticipant) =>
      (a.displayName ?? '').localeCompare(b.displayName ?? '', 'nl');
    return {
      sessionId,
      courseTitle: facts.courseTitle,
      attendanceThreshold: facts.attendanceThreshold,
      cancelled: isCancelled(session),
      meetings: facts.meetings.map((m, index) => ({
        id: m.meetingId,
        index,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        place: placeOf(m.location),
      })),
      participants: active
        .filter((e) => e.status === 'confirmed')
        .map(toParticipant)
        .sort(byName),
      waitlist: active.filter((e) => e.status !== 'confirmed').map(toParticipant),
    };
  }

  async csv(principal: Principal, sessionId: string): Promise<string> {
    return rosterCsv(await this.roster(principal, sessionId));
  }
}
