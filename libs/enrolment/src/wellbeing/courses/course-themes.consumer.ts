import { Injectable } from '@nestjs/common';
import { COURSE_CHANGED_V1, type CourseChangedV1, type EventEnvelope } from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { ThemedCourse } from '../wellbeing.entities';
import { CourseThemesRepository } from './course-themes.repository';

/**
 * Keeps the courses' themes for recommendations (newest snapshot wins).
 * WARNING: the consumer name is persisted with every processed event id; never rename it.
 */
@Injectable()
export class CourseThemesConsumer {
  constructor(private readonly courses: CourseThemesRepository) {}

  @OnEvent(COURSE_CHANGED_V1, { context: ENROLMENT, consumer: 'enrolment.wellbeing.course-themes' })
  async changed(event: EventEnvelope<string, CourseChangedV1>, manager: EntityManager): Promise<void> {
    const course = event.payload;
    const stored = await this.courses.findById(course.courseId, manager);
    if (stored && stored.version >= course.version) return;
    await this.courses.replace(
      Object.assign(new ThemedCourse(), {
        courseId: course.courseId,
        title: course.title.slice(0, 150),
        language: course.language,
        status: course.status,
        version: course.version,
      }),
      course.themes,
      manager,
    );
  }
}
