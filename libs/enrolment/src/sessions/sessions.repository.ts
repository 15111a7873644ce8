import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { claim, forUpdate } from '@academy/platform';
import { ENROLMENT } from '../enrolment.constants';

import { EnrolmentSession, ReplicaCourse, SessionMeeting, SessionTrainer } from './session.entity';

export type SessionChanges = Partial<
  Omit<EnrolmentSession, 'id' | 'confirmed' | 'offered' | 'waitlisted' | 'seatsVersion'>
>;

export interface SeatCounts {
  capacity: number;
  confirmed: number;
  offered: number;
  waitlisted: number;
  seatsVersion: number;
}

type Counter = 'confirmed' | 'offered' | 'waitlisted';

/** The session replica. Counters change only through the conditional updates below, never read-check-write. */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(EnrolmentSession, ENROLMENT) private readonly repository: Repository<EnrolmentSession>,
  ) {}

  private repo(manager?: EntityManager): Repository<EnrolmentSession> {
    return manager ? manager.getRepository(EnrolmentSession) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<EnrolmentSession | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<EnrolmentSession[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In(ids) });
  }

  /** Locks the session row for the rest of the transaction: every writer takes this lock first. */
  lock(id: string, manager: EntityManager): Promise<EnrolmentSession | null> {
    return forUpdate(
      manager.getRepository(EnrolmentSession).createQueryBuilder('s').where('s.id = :id', { id }),
      manager,
    ).getOne();
  }

  /** Locks several session rows in id order (the fixed order that keeps two writers from deadlocking). */
  lockMany(ids: string[], manager: EntityManager): Promise<EnrolmentSession[]> {
    if (!ids.length) return Promise.resolve([]);
    return forUpdate(
      manager
        .getRepository(EnrolmentSession)
        .createQueryBuilder('s')
        .where('s.id IN (:...ids)', { ids })
        .orderBy('s.id', 'ASC'),
      manager,
    ).getMany();
  }

  /** Locks the row unless another transaction (another replica's scheduler, an enrolment) holds it. */
  claim(id: string, manager: EntityManager): Promise<EnrolmentSession | null> {
    return claim(
      manager.getRepository(EnrolmentSession).createQueryBuilder('s').where('s.id = :id', { id }),
      manager,
    ).getOne();
  }

  /** Claims a session whose go/no-go moment has passed and is not decided yet. */
  claimDueGoNoGo(id: string, now: Date, manager: EntityManager): Promise<EnrolmentSession | null> {
    return claim(
      manager
        .getRepository(EnrolmentSession)
        .createQueryBuilder('s')
        .where('s.id = :id', { id })
        .andWhere('s.go_decision IS NULL')
        .andWhere('s.go_no_go_at <= :now', { now }),
      manager,
    ).getOne();
  }

  /** Sessions whose go/no-go moment has passed without a decision (cancelled ones are decided already). */
  async dueGoNoGo(now: Date, limit: number): Promise<string[]> {
    const rows = await this.repository
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where('s.go_decision IS NULL')
      .andWhere('s.go_no_go_at <= :now', { now })
      .andWhere("s.catalogue_status <> 'cancelled'")
      .orderBy('s.go_no_go_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** Undecided, not cancelled sessions whose go/no-go falls in [from, until) with fewer confirmed than the minimum. */
  atRisk(from: Date, until: Date, skip: number, take: number): Promise<[EnrolmentSession[], number]> {
    return this.repository
      .createQueryBuilder('s')
      .where('s.go_decision IS NULL')
      .andWhere("s.catalogue_status <> 'cancelled'")
      .andWhere('s.go_no_go_at >= :from AND s.go_no_go_at < :until', { from, until })
      .andWhere('s.confirmed < s.minimum_participants')
      .orderBy('s.go_no_go_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  async insert(session: EnrolmentSession, manager: EntityManager): Promise<void> {
    await manager.getRepository(EnrolmentSession).insert(session);
  }

  async update(id: string, changes: SessionChanges, manager: EntityManager): Promise<void> {
    await manager.getRepository(EnrolmentSession).update({ id }, changes);
  }

  /**
   * New enrolments' places, taken in one statement by the holder of the row lock: the counters move from what
   * the holder read under that lock to what it decided, and the seats version is bumped once. The guard on the
   * old values makes the update a no-op (false) should the row have changed after all.
   */
  async takePlaces(
    id: string,
    from: Pick<SeatCounts, 'confirmed' | 'offered' | 'waitlisted'>,
    to: Pick<SeatCounts, 'confirmed' | 'waitlisted'>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(EnrolmentSession)
      .set({ confirmed: to.confirmed, waitlisted: to.waitlisted, seatsVersion: () => 'seats_version + 1' })
      .where('id = :id AND confirmed = :confirmed AND offered = :offered AND waitlisted = :waitlisted', {
        id,
        ...from,
      })
      .execute();
    return result.affected === 1;
  }

  /** The first on the waitlist takes a free seat (`confirmed`) or is offered it (`offered`). */
  async seatFromWaitlist(id: string, to: 'confirmed' | 'offered', manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(EnrolmentSession)
      .set({ [to]: () => `${to} + 1`, waitlisted: () => 'waitlisted - 1' })
      .where('id = :id AND confirmed + offered < capacity AND waitlisted > 0', { id })
      .execute();
    return result.affected === 1;
  }

  /** Adds to or takes from the counters; a counter never goes below zero (the update then fails loudly). */
  async adjust(id: string, deltas: Partial<Record<Counter, number>>, manager: EntityManager): Promise<void> {
    const set: Record<string, () => string> = {};
    const guards: string[] = [];
    for (const [counter, delta] of Object.entries(deltas) as Array<[Counter, number]>) {
      if (!delta) continue;
      set[counter] = () => `${counter} + (${Math.trunc(delta)})`;
      if (delta < 0) guards.push(`${counter} >= ${Math.trunc(-delta)}`);
    }
    if (!Object.keys(set).length) return;
    const result = await manager
      .createQueryBuilder()
      .update(EnrolmentSession)
      .set(set)
      .where(['id = :id', ...guards].join(' AND '), { id })
      .execute();
    if (result.affected !== 1) throw new Error(`seat counters of session ${id} would go below zero`);
  }

  /** Counters of a cancelled session: nobody holds anything any more. */
  async clearCounters(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(EnrolmentSession).update({ id }, { confirmed: 0, offered: 0, waitlisted: 0 });
  }

  /** Bumps the seats version and reads the counts back, in the transaction that changed them. */
  async nextSeatsVersion(id: string, manager: EntityManager): Promise<SeatCounts> {
    await manager
      .createQueryBuilder()
      .update(EnrolmentSession)
      .set({ seatsVersion: () => 'seats_version + 1' })
      .where('id = :id', { id })
      .execute();
    return this.counts(id, manager);
  }

  /** The counters; with a manager read with the row lock (the caller holds it), so always the latest. */
  async counts(id: string, manager?: EntityManager): Promise<SeatCounts> {
    const query = this.repo(manager)
      .createQueryBuilder('s')
      .select(['s.id', 's.capacity', 's.confirmed', 's.offered', 's.waitlisted', 's.seatsVersion'])
      .where('s.id = :id', { id });
    const row = await (manager ? forUpdate(query, manager) : query).getOneOrFail();
    return {
      capacity: row.capacity,
      confirmed: row.confirmed,
      offered: row.offered,
      waitlisted: row.waitlisted,
      seatsVersion: row.seatsVersion,
    };
  }

  meetingsOf(sessionId: string, manager?: EntityManager): Promise<SessionMeeting[]> {
    return (
      manager ? manager.getRepository(SessionMeeting) : this.repository.manager.getRepository(SessionMeeting)
    ).find({
      where: { sessionId },
      order: { position: 'ASC' },
    });
  }

  findMeeting(id: string, manager?: EntityManager): Promise<SessionMeeting | null> {
    return (manager ?? this.repository.manager).getRepository(SessionMeeting).findOneBy({ id });
  }

  async replaceMeetings(
    sessionId: string,
    meetings: SessionMeeting[],
    manager: EntityManager,
  ): Promise<void> {
    const repo = manager.getRepository(SessionMeeting);
    await repo.delete({ sessionId });
    if (meetings.length) await repo.insert(meetings);
  }

  async trainersOf(sessionId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager ?? this.repository.manager)
      .getRepository(SessionTrainer)
      .find({ where: { sessionId }, order: { userId: 'ASC' } });
    return rows.map((row) => row.userId);
  }

  async setTrainers(sessionId: string, userIds: string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(SessionTrainer);
    await repo.delete({ sessionId });
    if (userIds.length) await repo.insert(userIds.map((userId) => ({ sessionId, userId })));
  }

  findCourse(id: string, manager?: EntityManager): Promise<ReplicaCourse | null> {
    return (manager ?? this.repository.manager).getRepository(ReplicaCourse).findOneBy({ id });
  }

  /** Stores the course unless a newer version is there; `version` 0 only fills a missing row. */
  async storeCourse(course: ReplicaCourse, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(ReplicaCourse);
    const stored = await repo.findOneBy({ id: course.id });
    if (!stored) {
      await repo.insert(course);
    } else if (course.version > stored.version || (course.version === 0 && stored.version === 0)) {
      await repo.update({ id: course.id }, course);
    }
  }
}
