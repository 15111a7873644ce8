import { join } from 'node:path';
import type { MessageParams, PageRenderer } from '@academy/web';

const ENROLMENT_DIR = join(__dirname, '..');

/** Makes the enrolment context's views and texts known to the renderer; each of its page controllers calls it. */
export function registerEnrolmentPages(pages: PageRenderer): void {
  pages.registerViews('enrolment', join(ENROLMENT_DIR, 'views'));
  pages.registerMessages('enrolment', join(ENROLMENT_DIR, 'messages'));
}

export type Translate = (key: string, params?: MessageParams) => string;

/** A form field as a string, or undefined: bodies of page forms are whatever a browser (or anyone) sends. */
export function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);
