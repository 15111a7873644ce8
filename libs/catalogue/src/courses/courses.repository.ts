import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { Course, CourseTag, CourseTrainer } from './course.entity';

export type CourseChanges = Partial<Omit<Course, 'id' | 'createdAt' | 'createdBy'>>;

export interface CourseTags {
  audiences: string[];
  themes: string[];
}

@Injectable()
export class CoursesRepository {
  constructor(@InjectRepository(Course, CATALOGUE) private readonly repository: Repository<Course>) {}

  private repo(manager?: EntityManager): Repository<Course> {
    return manager ? manager.getRepository(Course) : this.repository;
  }

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.repository.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<Course | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the course row for the rest of the transaction (MariaDB); SQLite transactions are serial anyway. */
  async lock(id: string, manager: EntityManager): Promise<Course | null> {
    const query = manager.getRepository(Course).createQueryBuilder('c').where('c.id = :id', { id });
    if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
    return query.getOne();
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Course[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(manager).findBy({ id: In(ids) });
  }

  async insert(course: Course, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(course);
  }

  async update(id: string, changes: CourseChanges, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  /** Trainers per course id, each list sorted. */
  async trainersOf(courseIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(courseIds.map((id) => [id, []]));
    if (!courseIds.length) return result;
    const rows = await this.manager(manager)
      .getRepository(CourseTrainer)
      .find({ where: { courseId: In(courseIds) }, order: { userId: 'ASC' } });
    for (const row of rows) result.get(row.courseId)?.push(row.userId);
    return result;
  }

  async isTrainer(courseId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    return this.manager(manager).getRepository(CourseTrainer).existsBy({ courseId, userId });
  }

  async setTrainers(courseId: string, userIds: string[], manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CourseTrainer);
    await repo.delete({ courseId });
    if (userIds.length) await repo.insert(userIds.map((userId) => ({ courseId, userId })));
  }

  /** Audiences and themes per course id, each list sorted. */
  async tagsOf(courseIds: string[], manager?: EntityManager): Promise<Map<string, CourseTags>> {
    const result = new Map<string, CourseTags>(courseIds.map((id) => [id, { audiences: [], themes: [] }]));
    if (!courseIds.length) return result;
    const rows = await this.manager(manager)
      .getRepository(CourseTag)
      .find({ where: { courseId: In(courseIds) }, order: { value: 'ASC' } });
    for (const row of rows) {
      const tags = result.get(row.courseId);
      if (tags) (row.kind === 'audience' ? tags.audiences : tags.themes).push(row.value);
    }
    return result;
  }

  async setTags(courseId: string, tags: Partial<CourseTags>, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(CourseTag);
    for (const [kind, values] of [
      ['audience', tags.audiences],
      ['theme', tags.themes],
    ] as const) {
      if (!values) continue;
      await repo.delete({ courseId, kind });
      if (values.length) await repo.insert([...new Set(values)].map((value) => ({ courseId, kind, value })));
    }
  }

  /** Ids of the courses a user teaches. */
  async idsTaughtBy(userId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(CourseTrainer).findBy({ userId });
    return rows.map((row) => row.courseId);
  }

  /** Takes a user off every course, and out of `created_by` (an erased user leaves no trace). */
  async forgetUser(userId: string, placeholder: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(CourseTrainer).delete({ userId });
    await manager.getRepository(Course).update({ createdBy: userId }, { createdBy: placeholder });
  }

  /** Courses a trainer teaches (or all, for `trainerId` undefined), any status, by title. */
  async pageManageable(
    trainerId: string | undefined,
    skip: number,
    take: number,
  ): Promise<[Course[], number]> {
    const query = this.repository.createQueryBuilder('c');
    if (trainerId) {
      query.innerJoin(CourseTrainer, 't', 't.course_id = c.id AND t.user_id = :trainerId', { trainerId });
    }
    return query.orderBy('c.title', 'ASC').addOrderBy('c.id', 'ASC').skip(skip).take(take).getManyAndCount();
  }
}
