import { Injectable } from '@nestjs/common';
import {
  ENROLMENT_CANCELLED_V1,
  ENROLMENT_CONFIRMED_V1,
  ENROLMENT_OFFERED_V1,
  ENROLMENT_PROMOTED_V1,
  ENROLMENT_WAITLISTED_V1,
  type EnrolmentCancelReason,
  type EnrolmentFacts,
  SESSION_SEATS_CHANGED_V1,
} from '@academy/contracts';
import { appendToOutbox, type OutboxEntry, outboxEntry } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { type ActiveStatus, ENROLMENT } from '../enrolment.constants';
import type { SessionFacts } from '../sessions/session-facts';
import { cancellationDeadline } from '../sessions/session-rules';
import type { EnrolmentSession } from '../sessions/session.entity';
import { type SeatCounts, SessionsRepository } from '../sessions/sessions.repository';
import type { Enrolment } from './enrolment.entity';

const iso = (date: Date) => date.toISOString();

function facts(session: SessionFacts, enrolment: Enrolment): EnrolmentFacts {
  const { attendanceThreshold: _threshold, ...shared } = session;
  if (!enrolment.userId) throw new Error(`enrolment ${enrolment.id} has no person; it cannot be announced`);
  return { ...shared, enrolmentId: enrolment.id, userId: enrolment.userId };
}

/**
 * Writes the enrolment events into the outbox, in the transaction of the change they announce. Each carries
 * what notification needs: who, the course and the meetings with their times and places.
 */
@Injectable()
export class EnrolmentEvents {
  constructor(private readonly sessions: SessionsRepository) {}

  /** The confirmed.v1 event of a new enrolment, to be written with others in one insert. */
  confirmedEntry(session: EnrolmentSession, f: SessionFacts, e: Enrolment, at: Date): OutboxEntry {
    return outboxEntry(ENROLMENT_CONFIRMED_V1, {
      ...facts(f, e),
      enrolledBy: e.enrolledBy ?? e.userId!,
      cancellationDeadline: iso(cancellationDeadline(session)),
      confirmedAt: iso(at),
    });
  }

  /** The waitlisted.v1 event of a new enrolment, to be written with others in one insert. */
  waitlistedEntry(f: SessionFacts, e: Enrolment, at: Date): OutboxEntry {
    return outboxEntry(ENROLMENT_WAITLISTED_V1, {
      ...facts(f, e),
      enrolledBy: e.enrolledBy ?? e.userId!,
      waitlistPosition: e.waitlistPosition!,
      waitlistedAt: iso(at),
    });
  }

  async promoted(
    manager: EntityManager,
    session: EnrolmentSession,
    f: SessionFacts,
    e: Enrolment,
    via: 'auto' | 'offer-accepted',
    at: Date,
  ) {
    await appendToOutbox(manager, ENROLMENT, ENROLMENT_PROMOTED_V1, {
      ...facts(f, e),
      via,
      cancellationDeadline: iso(cancellationDeadline(session)),
      promotedAt: iso(at),
    });
  }

  async offered(manager: EntityManager, session: EnrolmentSession, f: SessionFacts, e: Enrolment, at: Date) {
    await appendToOutbox(manager, ENROLMENT, ENROLMENT_OFFERED_V1, {
      ...facts(f, e),
      offerExpiresAt: iso(e.offerExpiresAt!),
      offerHours: session.offerHours,
      offeredAt: iso(at),
    });
  }

  async cancelled(
    manager: EntityManager,
    f: SessionFacts,
    e: Enrolment,
    change: {
      previousStatus: ActiveStatus;
      reason: EnrolmentCancelReason;
      cancelledBy: string | null;
      sessionCancelReason: string | null;
    },
    at: Date,
  ) {
    await appendToOutbox(manager, ENROLMENT, ENROLMENT_CANCELLED_V1, {
      ...facts(f, e),
      ...change,
      late: e.late,
      cancelledAt: iso(at),
    });
  }

  /** Bumps the seats version and announces the counts as they stand in this transaction. */
  async seatsChanged(manager: EntityManager, sessionId: string, at: Date) {
    const counts = await this.sessions.nextSeatsVersion(sessionId, manager);
    await this.seatsAre(manager, sessionId, counts, at);
    return counts;
  }

  /** Announces counts whose version the caller bumped with the change itself. */
  async seatsAre(manager: EntityManager, sessionId: string, counts: SeatCounts, at: Date) {
    const { definition, payload } = this.seatsEntry(sessionId, counts, at);
    await appendToOutbox(manager, ENROLMENT, definition, payload);
  }

  /** The seats-changed.v1 event for counts whose version the caller bumped with the change itself. */
  seatsEntry(sessionId: string, counts: SeatCounts, at: Date): OutboxEntry {
    return outboxEntry(SESSION_SEATS_CHANGED_V1, {
      sessionId,
      capacity: counts.capacity,
      confirmed: counts.confirmed,
      waitlisted: counts.waitlisted,
      offered: counts.offered,
      version: counts.seatsVersion,
      occurredAt: iso(at),
    });
  }
}
