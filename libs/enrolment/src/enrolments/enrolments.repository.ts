import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { forUpdate } from '@academy/platform';
import { ACTIVE_STATUSES, ENROLMENT } from '../enrolment.constants';
import { PersonMembership } from '../people/person.entity';
import { EnrolmentSession } from '../sessions/session.entity';
import { insertRows } from '../shared/bulk-insert';

import { activeKey, Enrolment } from './enrolment.entity';

export type EnrolmentChanges = Partial<Omit<Enrolment, 'id' | 'sessionId' | 'createdAt'>>;

@Injectable()
export class EnrolmentsRepository {
  constructor(@InjectRepository(Enrolment, ENROLMENT) private readonly repository: Repository<Enrolment>) {}

  private repo(manager?: EntityManager): Repository<Enrolment> {
    return manager ? manager.getRepository(Enrolment) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<Enrolment | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the enrolment row; callers hold its session's row lock already (session first, always). */
  lock(id: string, manager: EntityManager): Promise<Enrolment | null> {
    return forUpdate(
      manager.getRepository(Enrolment).createQueryBuilder('e').where('e.id = :id', { id }),
      manager,
    ).getOne();
  }

  findActive(sessionId: string, userId: string, manager?: EntityManager): Promise<Enrolment | null> {
    return this.repo(manager).findOneBy({ activeKey: activeKey(sessionId, userId) });
  }

  /** New enrolments in one statement. Nothing to read back: every column is given. */
  async insertMany(enrolments: Enrolment[], manager: EntityManager): Promise<void> {
    await insertRows(manager, Enrolment, enrolments);
  }

  /**
   * Which of these active keys are taken. Authoritative for a session while its row lock is held: every
   * enrolment that takes an active key is written under that lock.
   */
  async takenActiveKeys(keys: string[], manager: EntityManager): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await manager
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .select('e.active_key', 'key')
      .where('e.active_key IN (:...keys)', { keys })
      .getRawMany<{ key: string }>();
    return new Set(rows.map((row) => row.key));
  }

  async update(id: string, changes: EnrolmentChanges, manager: EntityManager): Promise<void> {
    await manager.getRepository(Enrolment).update({ id }, changes);
  }

  /** The next in line (position 1), or null when nobody waits. */
  firstWaitlisted(sessionId: string, manager: EntityManager): Promise<Enrolment | null> {
    return forUpdate(
      manager
        .getRepository(Enrolment)
        .createQueryBuilder('e')
        .where("e.session_id = :sessionId AND e.status = 'waitlisted'", { sessionId })
        .orderBy('e.waitlist_position', 'ASC')
        .limit(1),
      manager,
    ).getOne();
  }

  /** Everyone behind `position` moves up one place. */
  async closeUpWaitlist(sessionId: string, position: number, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Enrolment)
      .set({ waitlistPosition: () => 'waitlist_position - 1' })
      .where("session_id = :sessionId AND status = 'waitlisted' AND waitlist_position > :position", {
        sessionId,
        position,
      })
      .execute();
  }

  /**
   * Active enrolments of a session: confirmed first, then offers, then the waitlist in order. With a manager the
   * rows are read with a lock (the caller holds the session's lock), so they are the latest whatever snapshot
   * the transaction opened earlier.
   */
  async activeOfSession(sessionId: string, manager?: EntityManager): Promise<Enrolment[]> {
    const query = this.repo(manager)
      .createQueryBuilder('e')
      .where('e.session_id = :sessionId AND e.status IN (:...statuses)', {
        sessionId,
        statuses: [...ACTIVE_STATUSES],
      })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC');
    const rows = await (manager ? forUpdate(query, manager) : query).getMany();
    const rank = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3 } as const;
    return rows.sort(
      (a, b) => rank[a.status] - rank[b.status] || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
    );
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Enrolment[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In(ids) });
  }

  /** Offers of a session whose time ran out. */
  dueOffers(sessionId: string, now: Date, manager: EntityManager): Promise<Enrolment[]> {
    return forUpdate(
      manager
        .getRepository(Enrolment)
        .createQueryBuilder('e')
        .where('e.session_id = :sessionId', { sessionId })
        .andWhere("e.status = 'offered'")
        .andWhere('e.offer_expires_at <= :now', { now })
        .orderBy('e.offer_expires_at', 'ASC'),
      manager,
    ).getMany();
  }

  /** Sessions with an offer whose time ran out. */
  async sessionsWithDueOffers(now: Date, limit: number): Promise<string[]> {
    const rows = await this.repository
      .createQueryBuilder('e')
      .select('DISTINCT e.session_id', 'sessionId')
      .where("e.status = 'offered'")
      .andWhere('e.offer_expires_at <= :now', { now })
      .limit(limit)
      .getRawMany<{ sessionId: string }>();
    return rows.map((row) => row.sessionId);
  }

  /** A person's enrolments, newest first. */
  pageOfUser(userId: string, skip: number, take: number): Promise<[Enrolment[], number]> {
    return this.repository.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }

  activeOfUser(userId: string, manager: EntityManager): Promise<Enrolment[]> {
    return manager.getRepository(Enrolment).find({ where: { userId, status: In([...ACTIVE_STATUSES]) } });
  }

  /**
   * Forgets who held the ended enrolments (erasure): attendance and counts stay, the person does not. Only ended
   * ones: an active enrolment without a person would hold a seat nobody can give up.
   */
  async anonymise(userId: string, manager: EntityManager): Promise<number> {
    await manager.getRepository(Enrolment).update({ enrolledBy: userId }, { enrolledBy: null });
    await manager.getRepository(Enrolment).update({ userId, status: 'cancelled' }, { userId: null });
    return manager.getRepository(Enrolment).countBy({ userId });
  }

  /** A person's enrolments in the sessions of a course (make-ups count across them). */
  async ofUserInCourse(userId: string, courseId: string, manager: EntityManager): Promise<Enrolment[]> {
    return manager
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .innerJoin(EnrolmentSession, 's', 's.id = e.session_id')
      .where('e.user_id = :userId', { userId })
      .andWhere('s.course_id = :courseId', { courseId })
      .getMany();
  }

  /** Marks completion once: false when it was marked already. */
  async markCompleted(id: string, at: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Enrolment)
      .set({ completedAt: at, updatedAt: at })
      .where('id = :id AND completed_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /** Confirmed enrolments per session of volunteers of an organisation. */
  async confirmedFromOrganisation(
    sessionIds: string[],
    organisationId: string,
  ): Promise<Map<string, number>> {
    if (!sessionIds.length) return new Map();
    const rows = await this.repository
      .createQueryBuilder('e')
      .innerJoin(PersonMembership, 'm', "m.user_id = e.user_id AND m.role = 'volunteer'")
      .select('e.session_id', 'sessionId')
      .addSelect('COUNT(*)', 'count')
      .where('e.session_id IN (:...sessionIds)', { sessionIds })
      .andWhere("e.status = 'confirmed'")
      .andWhere('m.organisation_id = :organisationId', { organisationId })
      .groupBy('e.session_id')
      .getRawMany<{ sessionId: string; count: string | number }>();
    return new Map(rows.map((row) => [row.sessionId, Number(row.count)]));
  }
}
