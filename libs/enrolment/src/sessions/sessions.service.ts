import { Injectable } from '@nestjs/common';
import { notFound, type Page, type Principal } from '@academy/platform';
import { AT_RISK_WINDOW_MS } from '../enrolment.constants';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import type { AtRiskQuery, AtRiskSessionResponse, SessionSeatsResponse } from './dto/seats.response';
import { SessionsRepository } from './sessions.repository';

/** What anyone may know of a session's seats, and which sessions may not go ahead. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
  ) {}

  /** Seat counts; a session the catalogue has not announced yet is unknown here (404). */
  async seats(sessionId: string): Promise<SessionSeatsResponse> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw notFound('The session');
    const { capacity, confirmed, waitlisted, offered } = session;
    return { capacity, confirmed, waitlisted, offered };
  }

  /**
   * Sessions whose go/no-go moment is within a week and that are below their minimum. Coordinators ask for their
   * own organisation (another one is not theirs to see: 404); administrators for any.
   */
  async atRisk(
    principal: Principal,
    query: AtRiskQuery,
    now = new Date(),
  ): Promise<Page<AtRiskSessionResponse>> {
    const { page, pageSize, organisationId } = query;
    if (
      organisationId &&
      !principal.admin &&
      !principal.memberships.some((m) => m.role === 'coordinator' && m.organisationId === organisationId)
    ) {
      throw notFound('The organisation');
    }
    const [sessions, total] = await this.sessions.atRisk(
      now,
      new Date(now.getTime() + AT_RISK_WINDOW_MS),
      (page - 1) * pageSize,
      pageSize,
    );
    const fromOrganisation = organisationId
      ? await this.enrolments.confirmedFromOrganisation(
          sessions.map((s) => s.id),
          organisationId,
        )
      : null;
    const items: AtRiskSessionResponse[] = [];
    for (const session of sessions) {
      const course = await this.sessions.findCourse(session.courseId);
      items.push({
        sessionId: session.id,
        courseId: session.courseId,
        courseTitle: course?.title ?? '',
        goNoGoAt: session.goNoGoAt!.toISOString(),
        firstStartsAt: session.firstStartsAt.toISOString(),
        minimumParticipants: session.minimumParticipants,
        confirmed: session.confirmed,
        missing: Math.max(0, session.minimumParticipants - session.confirmed),
        fromOrganisation: fromOrganisation ? (fromOrganisation.get(session.id) ?? 0) : null,
      });
    }
    return { items, total, page, pageSize };
  }
}
