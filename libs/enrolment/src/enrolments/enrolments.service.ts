import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction, isDuplicateKey, type Page, type PageQuery, type Principal } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ENROLMENT } from '../enrolment.constants';
import { ActingFor } from '../people/acting-for';
import { hasEnded, isCancelled } from '../sessions/session-rules';
import type { EnrolmentSession, ReplicaCourse } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';

import type { EnrolRequest } from './dto/enrol.request';
import type { EnrolmentResponse } from './dto/enrolment.response';
import type { Enrolment } from './enrolment.entity';
import { EnrolmentView, toEnrolmentResponse } from './enrolment-view';
import { alreadyEnrolled, enrolmentNotFound, ruleViolated } from './enrolments.errors';
import { EnrolmentsRepository } from './enrolments.repository';
import { SeatKeeper, type SeatRequest } from './seat-keeper';
import { type Outcome, SessionBatches } from './session-batches';

interface Placed {
  enrolment: Enrolment;
  session: EnrolmentSession;
  course: ReplicaCourse | null;
}

/**
 * Enrolling, cancelling, leaving the waitlist and taking up an offered seat. Each change runs in one transaction
 * that locks the session row first, changes the seat counters with conditional updates and writes its events
 * to the outbox; the unique active key refuses a second active enrolment whatever the concurrency.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly keeper: SeatKeeper,
    private readonly actingFor: ActingFor,
    private readonly view: EnrolmentView,
  ) {
    this.batches = new SessionBatches((sessionId, requests) => this.enrolBatch(sessionId, requests));
  }

  private readonly batches: SessionBatches<SeatRequest, Placed>;

  async enrol(principal: Principal, request: EnrolRequest, now = new Date()): Promise<EnrolmentResponse> {
    const userId = request.userId ?? principal.userId;
    await this.actingFor.assertMayEnrol(principal, userId);
    // The session, its rules and the duplicate check are all read under the session's lock, together with
    // the others who enrol at the same moment (see SessionBatches): no query of its own before the lock.
    const placed = await this.batches.submit(request.sessionId, {
      userId,
      enrolledBy: principal.userId,
      now,
    });
    return toEnrolmentResponse(placed.enrolment, placed.session, placed.course);
  }

  /** One transaction for a batch of enrolments in one session; each request gets its own outcome. */
  private async enrolBatch(sessionId: string, requests: SeatRequest[]): Promise<Array<Outcome<Placed>>> {
    try {
      const { session, course, outcomes } = await inTransaction(this.dataSource, (manager) =>
        this.keeper.enrolMany(manager, sessionId, requests),
      );
      return outcomes.map((outcome) =>
        'refused' in outcome
          ? outcome
          : { result: { enrolment: outcome.enrolment, session: session!, course } },
      );
    } catch (error) {
      // Two requests of one person racing past the check (another replica): the unique active key lets one
      // in. Alone in its batch, the other is told so; in a batch, each request is tried again alone.
      if (requests.length === 1 && isDuplicateKey(error)) throw alreadyEnrolled();
      throw error;
    }
  }

  /** Gives up a seat, a waitlist place or an offer. The seat goes to the next in line at once. */
  async cancel(principal: Principal, id: string, now = new Date()): Promise<EnrolmentResponse> {
    const { sessionId } = await this.findVisible(principal, id);
    return inTransaction(this.dataSource, async (manager) => {
      const { session, enrolment } = await this.lockBoth(sessionId, id, manager);
      if (enrolment.status === 'cancelled') throw ruleViolated('This enrolment is already cancelled.');
      if (hasEnded(session, now)) throw ruleViolated('This session has already taken place.');
      const cancelled = await this.keeper.cancel(
        manager,
        session,
        enrolment,
        {
          reason: enrolment.userId === principal.userId ? 'participant' : 'on-behalf',
          cancelledBy: principal.userId,
        },
        now,
      );
      return this.view.one(cancelled, manager);
    });
  }

  /** Takes up an offered seat before the offer lapses. */
  async accept(principal: Principal, id: string, now = new Date()): Promise<EnrolmentResponse> {
    const { sessionId } = await this.findVisible(principal, id);
    return inTransaction(this.dataSource, async (manager) => {
      const { session, enrolment } = await this.lockBoth(sessionId, id, manager);
      if (enrolment.status !== 'offered')
        throw ruleViolated('There is no open offer of a seat on this enrolment.');
      if (isCancelled(session)) throw ruleViolated('This session is cancelled.');
      if (enrolment.offerExpiresAt && enrolment.offerExpiresAt.getTime() <= now.getTime()) {
        throw ruleViolated('This offer has lapsed; the seat goes to the next in line.');
      }
      return this.view.one(await this.keeper.accept(manager, session, enrolment, now), manager);
    });
  }

  async get(principal: Principal, id: string): Promise<EnrolmentResponse> {
    const enrolment = await this.enrolments.findById(id);
    if (!enrolment || !(await this.actingFor.may(principal, enrolment.userId))) throw enrolmentNotFound();
    return this.view.one(enrolment);
  }

  /** The caller's own enrolments, newest first. */
  async mine(principal: Principal, query: PageQuery): Promise<Page<EnrolmentResponse>> {
    const { page, pageSize } = query;
    const [rows, total] = await this.enrolments.pageOfUser(principal.userId, (page - 1) * pageSize, pageSize);
    return { items: await this.view.many(rows), total, page, pageSize };
  }

  /**
   * The enrolment, 404 unless the caller may act for its person. Read before the transaction (see lockBoth); an
   * enrolment never moves to another session, and its state is read again under the lock.
   */
  private async findVisible(principal: Principal, id: string): Promise<Enrolment> {
    const found = await this.enrolments.findById(id);
    if (!found || !(await this.actingFor.may(principal, found.userId))) throw enrolmentNotFound();
    return found;
  }

  /**
   * Locks the enrolment's session row and then the enrolment, in that order, as the first statements of the
   * transaction: on MariaDB the transaction's read snapshot is then taken after the lock, so every later read
   * sees what the previous holder of the lock committed.
   */
  private async lockBoth(
    sessionId: string,
    id: string,
    manager: EntityManager,
  ): Promise<{ session: EnrolmentSession; enrolment: Enrolment }> {
    const session = await this.sessions.lock(sessionId, manager);
    const enrolment = await this.enrolments.lock(id, manager);
    if (!session || !enrolment) throw enrolmentNotFound();
    return { session, enrolment };
  }
}
