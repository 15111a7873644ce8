import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type Principal } from '@academy/platform';
import type { EnrolmentSession } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';

/** Rosters and attendance belong to a session's trainers (as the catalogue names them) and administrators. */
@Injectable()
export class SessionAccess {
  constructor(private readonly sessions: SessionsRepository) {}

  async assertTrains(principal: Principal, sessionId: string): Promise<EnrolmentSession> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw notFound('The session');
    if (principal.admin) return session;
    const trainers = await this.sessions.trainersOf(sessionId);
    if (!trainers.includes(principal.userId)) {
      throw forbidden(
        'Only the trainers of this session and administrators can see its roster and attendance.',
      );
    }
    return session;
  }
}
