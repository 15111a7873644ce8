import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  SESSION_CHANGED_V1,
  USER_ERASED_V1,
  type UserErasedV1,
} from '@academy/contracts';
import { appendToOutbox, OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { SearchCache } from '../search/search-cache';
import { sessionSnapshot } from '../sessions/session-snapshot';
import { SessionsRepository } from '../sessions/sessions.repository';
import { CatalogueViews } from './catalogue-views';
import { announceCourse } from './course-events';
import type { Course } from './course.entity';
import { CoursesRepository } from './courses.repository';

/** Stands in for an erased user where a user id is required (who created a course). */
export const ERASED_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A user who erased their account is forgotten here too: taken off the courses and sessions they taught.
 * Sessions still to take place and courses others can see announce their new trainers.
 */
@Injectable()
export class TrainerErasureConsumer {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly sessions: SessionsRepository,
    private readonly views: CatalogueViews,
    private readonly cache: SearchCache,
  ) {}

  // WARNING: the consumer name is persisted with every processed event id; never rename it.
  @OnEvent(USER_ERASED_V1, { context: CATALOGUE, consumer: 'catalogue.trainer-erasure' })
  async onUserErased(event: EventEnvelope<string, UserErasedV1>, manager: EntityManager): Promise<void> {
    const { userId } = event.payload;
    const courseIds = await this.courses.idsTaughtBy(userId, manager);
    const sessionIds = await this.sessions.idsTaughtBy(userId, manager);
    const sessions = await this.sessions.findByIds(sessionIds, manager);
    // Courses before sessions, in id order: the order every writer locks in.
    const allCourseIds = [...new Set([...courseIds, ...sessions.map((s) => s.courseId)])].sort();
    const locked = new Map<string, Course>();
    for (const id of allCourseIds) {
      const course = await this.courses.lock(id, manager);
      if (course) locked.set(id, course);
    }
    await this.courses.forgetUser(userId, ERASED_USER_ID, manager);
    await this.sessions.removeTrainer(userId, manager);
    if (!courseIds.length && !sessionIds.length) return;

    const now = new Date();
    const [meetings, trainers] = await Promise.all([
      this.sessions.meetingsOf(sessionIds, manager),
      this.sessions.trainersOf(sessionIds, manager),
    ]);
    for (const session of sessions) {
      const course = locked.get(session.courseId);
      if (!course || !session.published || session.status === 'cancelled' || session.lastEndsAt <= now)
        continue;
      const next = { ...session, version: session.version + 1, updatedAt: now };
      await this.sessions.update(session.id, { version: next.version, updatedAt: now }, manager);
      await appendToOutbox(manager, CATALOGUE, SESSION_CHANGED_V1, {
        ...sessionSnapshot(course, next, meetings.get(session.id) ?? [], trainers.get(session.id) ?? []),
        changes: ['trainers'],
        changedAt: now.toISOString(),
      });
    }
    for (const id of courseIds) {
      const course = locked.get(id);
      if (!course || course.status === 'draft') continue;
      const next: Course = { ...course, version: course.version + 1, updatedAt: now };
      await this.courses.update(id, { version: next.version, updatedAt: now }, manager);
      await announceCourse(await this.views.course(next, manager), manager, now);
    }
    this.cache.changed(manager);
  }
}
