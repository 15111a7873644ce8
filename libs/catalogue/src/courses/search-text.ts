import { markdownToText } from '../markdown/render-markdown';
import { words } from '../shared/text-key';
import type { Course } from './course.entity';

/**
 * What free-text search reads: the words of title, summary and description, lower case, without diacritics,
 * separated by single spaces. Both full-text engines then see the very same tokens.
 */
export function courseSearchText(course: Pick<Course, 'title' | 'summary' | 'description'>): string {
  return words(`${course.title} ${course.summary} ${markdownToText(course.description)}`).join(' ');
}
