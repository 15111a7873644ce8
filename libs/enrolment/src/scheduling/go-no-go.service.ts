import { Injectable } from '@nestjs/common';
import { SESSION_GO_DECIDED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { ENROLMENT } from '../enrolment.constants';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { SeatKeeper } from '../enrolments/seat-keeper';
import { SessionFactsLoader } from '../sessions/session-facts';
import { isCancelled } from '../sessions/session-rules';
import type { EnrolmentSession } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';

/**
 * At a session's go/no-go moment: fewer confirmed participants than its minimum cancels it (every enrolment,
 * the waitlist included, ends); otherwise it is confirmed. enrolment.session.go-decided.v1 names everyone
 * concerned, so notification can tell them all at once.
 */
@Injectable()
export class GoNoGoService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly keeper: SeatKeeper,
    private readonly facts: SessionFactsLoader,
  ) {}

  /** Decides a session whose row the caller has claimed (locked). */
  async decide(
    manager: EntityManager,
    session: EnrolmentSession,
    now: Date,
  ): Promise<'confirmed' | 'cancelled' | null> {
    if (session.goDecision || isCancelled(session) || !session.goNoGoAt) return null;
    const { confirmed } = await this.sessions.counts(session.id, manager);
    const decision = confirmed < session.minimumParticipants ? 'cancelled' : 'confirmed';
    await this.sessions.update(
      session.id,
      { goDecision: decision, goDecidedAt: now, updatedAt: now },
      manager,
    );
    const decided: EnrolmentSession = { ...session, goDecision: decision, goDecidedAt: now };
    const participants = (await this.enrolments.activeOfSession(session.id, manager)).filter((e) => e.userId);
    const { attendanceThreshold: _threshold, ...facts } = await this.facts.load(decided, manager);
    await appendToOutbox(manager, ENROLMENT, SESSION_GO_DECIDED_V1, {
      ...facts,
      decision,
      confirmed,
      minimumParticipants: session.minimumParticipants,
      goNoGoAt: session.goNoGoAt.toISOString(),
      participants: participants.map((e) => ({
        enrolmentId: e.id,
        userId: e.userId!,
        status: e.status as 'confirmed' | 'waitlisted' | 'offered',
      })),
      decidedAt: now.toISOString(),
    });
    if (decision === 'cancelled') {
      await this.keeper.cancelAll(
        manager,
        decided,
        { reason: 'minimum-not-reached', cancelledBy: null },
        now,
      );
    }
    return decision;
  }
}
