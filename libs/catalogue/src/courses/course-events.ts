import { COURSE_CHANGED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import type { CourseResponse } from './dto/course.response';

/** Writes catalogue.course.changed.v1 with the course's whole new state, in the transaction of the change. */
export async function announceCourse(
  course: CourseResponse,
  manager: EntityManager,
  now: Date,
): Promise<void> {
  await appendToOutbox(manager, CATALOGUE, COURSE_CHANGED_V1, {
    courseId: course.id,
    kind: course.kind,
    title: course.title,
    summary: course.summary,
    language: course.language,
    categorySlug: course.category.slug,
    providerId: course.provider?.id ?? null,
    providerName: course.provider?.name ?? null,
    audiences: course.audiences,
    themes: course.themes,
    attendanceThreshold: course.attendanceThreshold,
    trainerIds: course.trainerIds,
    status: course.status,
    version: course.version,
    changedAt: now.toISOString(),
  });
}
