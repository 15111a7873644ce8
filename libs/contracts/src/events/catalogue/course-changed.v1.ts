import { check, defineEvent } from '../../event';
import type { CourseKind, CourseLanguage } from './session-snapshot';

export type CourseStatus = 'draft' | 'published' | 'archived';

export interface CourseChangedV1 {
  courseId: string;
  kind: CourseKind;
  title: string;
  summary: string;
  language: CourseLanguage;
  categorySlug: string;
  providerId: string | null;
  /** The provider's name, for certificates. Added to v1 later: consumers must cope without it. */
  providerName?: string | null;
  audiences: string[];
  themes: string[];
  attendanceThreshold: number;
  trainerIds: string[];
  status: CourseStatus;
  /** Bumped on every change of the course; consumers ignore a snapshot older than the one they hold. */
  version: number;
  changedAt: string;
}

/** A course was published, changed after publication, or archived; carries the whole new snapshot. */
export const COURSE_CHANGED_V1 = defineEvent<CourseChangedV1>()('catalogue.course.changed.v1', (payload) =>
  check.fields(payload, {
    courseId: 'string',
    kind: 'string',
    title: 'string',
    summary: 'string',
    language: 'string',
    categorySlug: 'string',
    providerId: 'string?',
    providerName: 'string?',
    audiences: 'array',
    themes: 'array',
    attendanceThreshold: 'number',
    trainerIds: 'array',
    status: 'string',
    version: 'number',
    changedAt: 'string',
  }),
);
