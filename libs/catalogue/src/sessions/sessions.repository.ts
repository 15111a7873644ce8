import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { Meeting } from './meeting.entity';
import { Session, SessionTrainer } from './session.entity';

export type SessionChanges = Partial<Omit<Session, 'id' | 'courseId' | 'createdAt'>>;

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(Session, CATALOGUE) private readonly repository: Repository<Session>) {}

  private repo(manager?: EntityManager): Repository<Session> {
    return manager ? manager.getRepository(Session) : this.repository;
  }

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.repository.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Session | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the session row for the rest of the transaction (MariaDB); SQLite transactions are serial anyway. */
  async lock(id: string, manager: EntityManager): Promise<Session | null> {
    const query = manager.getRepository(Session).createQueryBuilder('s').where('s.id = :id', { id });
    if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
    return query.getOne();
  }

  /**
   * A course's sessions in time order. `visibleAfter`: only published ones whose last meeting ends after it
   * (what the public sees); otherwise all.
   */
  forCourse(courseId: string, visibleAfter?: Date, manager?: EntityManager): Promise<Session[]> {
    const query = this.repo(manager)
      .createQueryBuilder('s')
      .where('s.course_id = :courseId', { courseId })
      .orderBy('s.first_starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (visibleAfter) {
      query.andWhere('s.published = :published', { published: true }).andWhere('s.last_ends_at > :after', {
        after: visibleAfter,
      });
    }
    return query.getMany();
  }

  /** The sessions the public sees of several courses at once (see `forCourse`), in time order. */
  forCourses(courseIds: string[], visibleAfter: Date): Promise<Session[]> {
    if (!courseIds.length) return Promise.resolve([]);
    return this.repository
      .createQueryBuilder('s')
      .where('s.course_id IN (:...courseIds)', { courseIds })
      .andWhere('s.published = :published', { published: true })
      .andWhere('s.last_ends_at > :after', { after: visibleAfter })
      .orderBy('s.first_starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Session[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In(ids) });
  }

  async insert(session: Session, manager: EntityManager): Promise<void> {
    await manager.getRepository(Session).insert(session);
  }

  async update(id: string, changes: SessionChanges, manager: EntityManager): Promise<void> {
    await manager.getRepository(Session).update({ id }, changes);
  }

  /** Unpublished, not cancelled sessions of a course, to publish with it. */
  unpublishedOf(courseId: string, manager: EntityManager): Promise<Session[]> {
    return manager
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.course_id = :courseId', { courseId })
      .andWhere('s.published = :published', { published: false })
      .andWhere("s.status <> 'cancelled'")
      .orderBy('s.first_starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Published sessions of a course still to end and not cancelled (they keep a course from being archived). */
  countRunning(courseId: string, now: Date, manager: EntityManager): Promise<number> {
    return manager
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.course_id = :courseId', { courseId })
      .andWhere("s.status <> 'cancelled'")
      .andWhere('s.last_ends_at > :now', { now })
      .getCount();
  }

  /** Meetings per session id, in time order. */
  async meetingsOf(sessionIds: string[], manager?: EntityManager): Promise<Map<string, Meeting[]>> {
    const result = new Map<string, Meeting[]>(sessionIds.map((id) => [id, []]));
    if (!sessionIds.length) return result;
    const rows = await this.manager(manager)
      .getRepository(Meeting)
      .find({ where: { sessionId: In(sessionIds) }, order: { startsAt: 'ASC', id: 'ASC' } });
    for (const row of rows) result.get(row.sessionId)?.push(row);
    return result;
  }

  /** Trainers per session id, each list sorted. */
  async trainersOf(sessionIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
    if (!sessionIds.length) return result;
    const rows = await this.manager(manager)
      .getRepository(SessionTrainer)
      .find({ where: { sessionId: In(sessionIds) }, order: { userId: 'ASC' } });
    for (const row of rows) result.get(row.sessionId)?.push(row.userId);
    return result;
  }

  async setTrainers(sessionId: string, userIds: string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(SessionTrainer);
    await repo.delete({ sessionId });
    if (userIds.length) await repo.insert([...new Set(userIds)].map((userId) => ({ sessionId, userId })));
  }

  /** Ids of the sessions a user teaches. */
  async idsTaughtBy(userId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(SessionTrainer).findBy({ userId });
    return rows.map((row) => row.sessionId);
  }

  async removeTrainer(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(SessionTrainer).delete({ userId });
  }

  /** Writes the session's meetings as given: updates kept ones, inserts new ones, deletes the rest. */
  async replaceMeetings(sessionId: string, meetings: Meeting[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(Meeting);
    const existing = await repo.find({ where: { sessionId }, select: { id: true } });
    const keep = new Set(meetings.map((m) => m.id));
    const gone = existing.filter((m) => !keep.has(m.id)).map((m) => m.id);
    if (gone.length) await repo.delete({ id: In(gone) });
    const known = new Set(existing.map((m) => m.id));
    for (const meeting of meetings) {
      if (known.has(meeting.id)) await repo.update({ id: meeting.id }, meeting);
      else await repo.insert(meeting);
    }
  }
}
