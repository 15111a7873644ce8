import type { FieldError } from '@academy/platform';
import { translateFieldErrors } from '@academy/web';
import type { Audience, CourseKind, CourseLanguage, Theme } from '../catalogue.constants';
import type { CourseResponse } from '../courses/dto/course.response';
import type { CreateCourseRequest } from '../courses/dto/create-course.request';
import { listField, textField, wholeNumber } from './form-input';
import type { Translate } from './labels';

/** The fields of the course form, top to bottom: the error summary lists problems in this order. */
export const COURSE_FIELDS = [
  'kind',
  'title',
  'summary',
  'description',
  'category',
  'language',
  'audiences',
  'themes',
  'providerId',
  'attendanceThreshold',
] as const;
type CourseField = (typeof COURSE_FIELDS)[number];

/** What the form shows: exactly what was typed, so nothing is lost when it comes back with an error. */
export interface CourseFormValues {
  kind: string;
  title: string;
  summary: string;
  description: string;
  category: string;
  language: string;
  audiences: string[];
  themes: string[];
  providerId: string;
  attendanceThreshold: string;
}

export const EMPTY_COURSE: CourseFormValues = {
  kind: '',
  title: '',
  summary: '',
  description: '',
  category: '',
  language: 'nl',
  audiences: [],
  themes: [],
  providerId: '',
  attendanceThreshold: '75',
};

export function courseValuesFromForm(body: unknown): CourseFormValues {
  return {
    kind: textField(body, 'kind'),
    title: textField(body, 'title').trim(),
    summary: textField(body, 'summary').trim(),
    description: textField(body, 'description').replace(/\r\n/g, '\n').trim(),
    category: textField(body, 'category'),
    language: textField(body, 'language'),
    audiences: listField(body, 'audiences'),
    themes: listField(body, 'themes'),
    providerId: textField(body, 'providerId'),
    attendanceThreshold: textField(body, 'attendanceThreshold').trim(),
  };
}

export function courseValuesFrom(course: CourseResponse): CourseFormValues {
  return {
    kind: course.kind,
    title: course.title,
    summary: course.summary,
    description: course.description ?? '',
    category: course.category.slug,
    language: course.language,
    audiences: [...course.audiences],
    themes: [...course.themes],
    providerId: course.provider?.id ?? '',
    attendanceThreshold: String(course.attendanceThreshold),
  };
}

/**
 * The request for the service. Values go through as typed (the service checks them all and reports each
 * broken rule per field); only empty optional fields are left out. For a change the form holds the whole
 * course, so every field is sent, and an emptied description or list is emptied.
 */
export function courseRequest(values: CourseFormValues, change: boolean): CreateCourseRequest {
  const threshold = wholeNumber(values.attendanceThreshold);
  return {
    kind: values.kind as CourseKind,
    title: values.title,
    summary: values.summary,
    description: values.description || (change ? '' : undefined),
    category: values.category,
    language: values.language as CourseLanguage,
    audiences: values.audiences as Audience[],
    themes: values.themes as Theme[],
    providerId: values.providerId || undefined,
    attendanceThreshold: threshold,
  };
}

/** The form's own words for each field the service refused (its messages are English, for developers). */
const COURSE_ERRORS: Record<CourseField, string> = {
  kind: 'catalogue.course-form.errors.kind',
  title: 'catalogue.course-form.errors.title',
  summary: 'catalogue.course-form.errors.summary',
  description: 'catalogue.course-form.errors.description',
  category: 'catalogue.course-form.errors.category',
  language: 'catalogue.course-form.errors.language',
  audiences: 'catalogue.course-form.errors.audiences',
  themes: 'catalogue.course-form.errors.themes',
  providerId: 'catalogue.course-form.errors.provider',
  attendanceThreshold: 'catalogue.course-form.errors.attendance-threshold',
};

export function courseErrors(errors: FieldError[] | undefined, t: Translate) {
  return translateFieldErrors(errors, (field) =>
    Object.hasOwn(COURSE_ERRORS, field)
      ? t(COURSE_ERRORS[field as CourseField])
      : t('catalogue.course-form.errors.general'),
  );
}
