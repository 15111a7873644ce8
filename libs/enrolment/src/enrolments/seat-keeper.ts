import { Injectable } from '@nestjs/common';
import type { EnrolmentCancelReason } from '@academy/contracts';
import { appendManyToOutbox, type OutboxEntry } from '@academy/messaging';
import type { DomainError } from '@academy/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type ActiveStatus, ENROLMENT } from '../enrolment.constants';
import { type SessionFacts, SessionFactsLoader, sessionFacts } from '../sessions/session-facts';
import { cancellationDeadline, enrolmentRefusal, fillsFromWaitlist } from '../sessions/session-rules';
import type { EnrolmentSession, ReplicaCourse } from '../sessions/session.entity';
import { type SeatCounts, SessionsRepository } from '../sessions/sessions.repository';
import { activeKey, type Enrolment } from './enrolment.entity';
import { EnrolmentEvents } from './enrolment-events';
import { alreadyEnrolled, ruleViolated, sessionNotFound } from './enrolments.errors';
import { EnrolmentsRepository } from './enrolments.repository';

/** One person asking for a place: who, who asks for them, and when. */
export interface SeatRequest {
  userId: string;
  enrolledBy: string;
  now: Date;
}

/** A new enrolment, or why there is none. */
export type SeatOutcome = { enrolment: Enrolment } | { refused: DomainError };

export interface SeatBatch {
  /** The session as it stood under the lock; null when there is no such session. */
  session: EnrolmentSession | null;
  course: ReplicaCourse | null;
  outcomes: SeatOutcome[];
}

export interface Cancellation {
  reason: EnrolmentCancelReason;
  cancelledBy: string | null;
  sessionCancelReason?: string | null;
}

/**
 * The seat and waitlist mechanics, inside the caller's transaction. Every method expects the session row to be
 * locked already (the first lock every writer takes), changes the counters only with conditional updates, and
 * ends by announcing the new counts once (enrolment.session.seats-changed.v1, next version).
 *
 * Invariants kept here: `confirmed`, `offered` and `waitlisted` on the session row equal the number of
 * enrolments in each state; confirmed + offered never exceeds the capacity; waitlist positions are 1..n.
 */
@Injectable()
export class SeatKeeper {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly events: EnrolmentEvents,
    private readonly facts: SessionFactsLoader,
  ) {}

  /**
   * Places of several people in one session, in the order given (first come, first served): a seat while seats
   * last and nobody waits, otherwise the next place on the waitlist. Made for a rush: the session row is locked
   * once, the counters change in one conditional update, and the enrolments and their events are written in
   * one insert each, with one seats-changed event for all of them. A request the rules refuse (session
   * cancelled, started, enrolment not open, already enrolled) gets its own refusal and does not stop the others.
   */
  async enrolMany(manager: EntityManager, sessionId: string, requests: SeatRequest[]): Promise<SeatBatch> {
    const session = await this.sessions.lock(sessionId, manager);
    if (!session)
      return { session, course: null, outcomes: requests.map(() => ({ refused: sessionNotFound() })) };
    const keys = requests.map((request) => activeKey(session.id, request.userId));
    const [course, meetings, taken] = await Promise.all([
      this.sessions.findCourse(session.courseId, manager),
      this.sessions.meetingsOf(session.id, manager),
      this.enrolments.takenActiveKeys(
        keys.filter((_, i) => !enrolmentRefusal(session, requests[i].now)),
        manager,
      ),
    ]);
    const facts = sessionFacts(session, course, meetings);
    let { confirmed, waitlisted } = session;
    const enrolments: Enrolment[] = [];
    const entries: OutboxEntry[] = [];
    let last = requests[0].now;
    const outcomes = requests.map((request, i): SeatOutcome => {
      const refusal = enrolmentRefusal(session, request.now);
      if (refusal) return { refused: ruleViolated(refusal) };
      if (taken.has(keys[i])) return { refused: alreadyEnrolled() };
      taken.add(keys[i]);
      const seated = confirmed + session.offered < session.capacity && waitlisted === 0;
      if (seated) confirmed++;
      else waitlisted++;
      const enrolment: Enrolment = {
        id: uuidv7(),
        sessionId: session.id,
        userId: request.userId,
        status: seated ? 'confirmed' : 'waitlisted',
        activeKey: keys[i],
        waitlistPosition: seated ? null : waitlisted,
        offerExpiresAt: null,
        late: false,
        cancelReason: null,
        enrolledBy: request.enrolledBy,
        createdAt: request.now,
        confirmedAt: seated ? request.now : null,
        cancelledAt: null,
        completedAt: null,
        updatedAt: request.now,
      };
      enrolments.push(enrolment);
      entries.push(
        seated
          ? this.events.confirmedEntry(session, facts, enrolment, request.now)
          : this.events.waitlistedEntry(facts, enrolment, request.now),
      );
      if (request.now > last) last = request.now;
      return { enrolment };
    });
    if (!enrolments.length) return { session, course, outcomes };
    const counts: SeatCounts = {
      capacity: session.capacity,
      confirmed,
      offered: session.offered,
      waitlisted,
      seatsVersion: session.seatsVersion + 1,
    };
    entries.push(this.events.seatsEntry(session.id, counts, last));
    // Issued together: the connection runs them one after the other without waiting for this process in
    // between, which keeps the row lock short when the event loop is busy.
    const [moved] = await Promise.all([
      this.sessions.takePlaces(
        session.id,
        { confirmed: session.confirmed, offered: session.offered, waitlisted: session.waitlisted },
        { confirmed, waitlisted },
        manager,
      ),
      this.enrolments.insertMany(enrolments, manager),
      appendManyToOutbox(manager, ENROLMENT, entries),
    ]);
    // Cannot happen while the lock is held; if it does, the transaction must not commit.
    if (!moved) throw new Error(`seat counters of session ${session.id} changed under its row lock`);
    return { session, course, outcomes };
  }

  /** Ends an active enrolment; a freed seat goes to the waitlist at once (or is offered). */
  async cancel(
    manager: EntityManager,
    session: EnrolmentSession,
    enrolment: Enrolment,
    cancellation: Cancellation,
    now: Date,
  ): Promise<Enrolment> {
    const facts = await this.facts.load(session, manager);
    const cancelled = await this.release(manager, session, facts, enrolment, cancellation, now);
    await this.events.seatsChanged(manager, session.id, now);
    return cancelled;
  }

  /** The person takes up an offered seat. */
  async accept(
    manager: EntityManager,
    session: EnrolmentSession,
    enrolment: Enrolment,
    now: Date,
  ): Promise<Enrolment> {
    await this.sessions.adjust(session.id, { offered: -1, confirmed: 1 }, manager);
    const accepted: Enrolment = {
      ...enrolment,
      status: 'confirmed',
      offerExpiresAt: null,
      confirmedAt: now,
      updatedAt: now,
    };
    await this.enrolments.update(
      enrolment.id,
      { status: 'confirmed', offerExpiresAt: null, confirmedAt: now, updatedAt: now },
      manager,
    );
    const facts = await this.facts.load(session, manager);
    await this.events.promoted(manager, session, facts, accepted, 'offer-accepted', now);
    await this.events.seatsChanged(manager, session.id, now);
    return accepted;
  }

  /** Offers whose time ran out lapse; each seat is offered to the next in line. Returns how many lapsed. */
  async expireOffers(manager: EntityManager, session: EnrolmentSession, now: Date): Promise<number> {
    const due = await this.enrolments.dueOffers(session.id, now, manager);
    if (!due.length) return 0;
    const facts = await this.facts.load(session, manager);
    for (const offer of due) {
      await this.release(manager, session, facts, offer, { reason: 'offer-expired', cancelledBy: null }, now);
    }
    await this.events.seatsChanged(manager, session.id, now);
    return due.length;
  }

  /** Seats came free without anyone leaving (a larger capacity): fill them from the waitlist. */
  async refill(manager: EntityManager, session: EnrolmentSession, now: Date): Promise<number> {
    const facts = await this.facts.load(session, manager);
    const filled = await this.fill(manager, session, facts, now);
    if (filled) await this.events.seatsChanged(manager, session.id, now);
    return filled;
  }

  /** The session will not take place: every active enrolment, waitlist included, ends. Returns them as they were. */
  async cancelAll(
    manager: EntityManager,
    session: EnrolmentSession,
    cancellation: Cancellation,
    now: Date,
  ): Promise<Enrolment[]> {
    const active = await this.enrolments.activeOfSession(session.id, manager);
    const facts = await this.facts.load(session, manager);
    for (const enrolment of active) {
      const cancelled = await this.markCancelled(manager, enrolment, cancellation, false, now);
      if (cancelled.userId) {
        await this.events.cancelled(
          manager,
          facts,
          cancelled,
          {
            previousStatus: enrolment.status as ActiveStatus,
            reason: cancellation.reason,
            cancelledBy: cancellation.cancelledBy,
            sessionCancelReason: cancellation.sessionCancelReason ?? null,
          },
          now,
        );
      }
    }
    await this.sessions.clearCounters(session.id, manager);
    await this.events.seatsChanged(manager, session.id, now);
    return active;
  }

  /**
   * An erased person's active enrolment ends without an event that names them; the seat still goes to the next
   * in line, who is told.
   */
  async forget(
    manager: EntityManager,
    session: EnrolmentSession,
    enrolment: Enrolment,
    now: Date,
  ): Promise<void> {
    const facts = await this.facts.load(session, manager);
    await this.release(
      manager,
      session,
      facts,
      enrolment,
      { reason: 'participant', cancelledBy: null },
      now,
      false,
    );
    await this.events.seatsChanged(manager, session.id, now);
  }

  private async release(
    manager: EntityManager,
    session: EnrolmentSession,
    facts: SessionFacts,
    enrolment: Enrolment,
    cancellation: Cancellation,
    now: Date,
    announce = true,
  ): Promise<Enrolment> {
    const previous = enrolment.status as ActiveStatus;
    const late = previous === 'confirmed' && now.getTime() > cancellationDeadline(session).getTime();
    const cancelled = await this.markCancelled(manager, enrolment, cancellation, late, now);
    if (previous === 'waitlisted') {
      await this.sessions.adjust(session.id, { waitlisted: -1 }, manager);
      await this.enrolments.closeUpWaitlist(session.id, enrolment.waitlistPosition!, manager);
    } else {
      await this.sessions.adjust(session.id, { [previous]: -1 }, manager);
    }
    if (announce && cancelled.userId) {
      await this.events.cancelled(
        manager,
        facts,
        cancelled,
        {
          previousStatus: previous,
          reason: cancellation.reason,
          cancelledBy: cancellation.cancelledBy,
          sessionCancelReason: cancellation.sessionCancelReason ?? null,
        },
        now,
      );
    }
    if (previous !== 'waitlisted') await this.fill(manager, session, facts, now);
    return cancelled;
  }

  private async markCancelled(
    manager: EntityManager,
    enrolment: Enrolment,
    cancellation: Cancellation,
    late: boolean,
    now: Date,
  ): Promise<Enrolment> {
    const changes = {
      status: 'cancelled' as const,
      activeKey: null,
      waitlistPosition: null,
      offerExpiresAt: null,
      late,
      cancelReason: cancellation.reason,
      cancelledAt: now,
      updatedAt: now,
    };
    await this.enrolments.update(enrolment.id, changes, manager);
    return { ...enrolment, ...changes };
  }

  /** Moves the first in line into free seats (mode `auto`) or offers them the seat (mode `offer`). */
  private async fill(
    manager: EntityManager,
    session: EnrolmentSession,
    facts: SessionFacts,
    now: Date,
  ): Promise<number> {
    if (!fillsFromWaitlist(session, now)) return 0;
    const to: 'offered' | 'confirmed' = session.waitlistMode === 'offer' ? 'offered' : 'confirmed';
    let filled = 0;
    for (;;) {
      const next = await this.enrolments.firstWaitlisted(session.id, manager);
      if (!next || !(await this.sessions.seatFromWaitlist(session.id, to, manager))) return filled;
      const offerExpiresAt =
        to === 'offered'
          ? new Date(
              Math.min(now.getTime() + session.offerHours * 3_600_000, session.firstStartsAt.getTime()),
            )
          : null;
      const changes: Partial<Enrolment> = {
        status: to,
        waitlistPosition: null,
        offerExpiresAt,
        confirmedAt: to === 'confirmed' ? now : null,
        updatedAt: now,
      };
      await this.enrolments.update(next.id, changes, manager);
      await this.enrolments.closeUpWaitlist(session.id, next.waitlistPosition!, manager);
      const moved: Enrolment = { ...next, ...changes };
      if (moved.userId) {
        if (to === 'confirmed') await this.events.promoted(manager, session, facts, moved, 'auto', now);
        else await this.events.offered(manager, session, facts, moved, now);
      }
      filled++;
    }
  }
}
