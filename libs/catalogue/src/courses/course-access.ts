import { forbidden, hasRole, type Principal } from '@academy/platform';
import type { EntityManager } from 'typeorm';
import type { CoursesRepository } from './courses.repository';

/** Administrators manage every course; trainers the courses they teach. */
export async function managesCourse(
  courses: CoursesRepository,
  principal: Principal | undefined,
  courseId: string,
  manager?: EntityManager,
): Promise<boolean> {
  if (!principal) return false;
  if (principal.admin) return true;
  return hasRole(principal, 'trainer') && courses.isTrainer(courseId, principal.userId, manager);
}

export async function assertManagesCourse(
  courses: CoursesRepository,
  principal: Principal,
  courseId: string,
  manager?: EntityManager,
): Promise<void> {
  if (!(await managesCourse(courses, principal, courseId, manager))) {
    throw forbidden('Only the trainers of this course and administrators can change it.');
  }
}

export function assertMayCreateCourses(principal: Principal): void {
  if (!principal.admin && !hasRole(principal, 'trainer')) {
    throw forbidden('Only trainers and administrators can manage courses.');
  }
}
