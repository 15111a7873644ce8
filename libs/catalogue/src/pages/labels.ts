import type { Locale } from '@academy/web';
import {
  AUDIENCES,
  type Audience,
  COURSE_KINDS,
  COURSE_LANGUAGES,
  type CourseKind,
  type CourseLanguage,
  type CourseStatus,
  THEMES,
  type Theme,
} from '../catalogue.constants';

/*
 * The message key of every value people see: written out (not built from the value), so a search for a key
 * finds where it is used, and a new value that has no text yet fails the type-check instead of showing a key.
 */

export const KIND_LABELS: Record<CourseKind, string> = {
  training: 'catalogue.kind.training',
  workshop: 'catalogue.kind.workshop',
};

export const COURSE_LANGUAGE_LABELS: Record<CourseLanguage, string> = {
  nl: 'catalogue.course-language.nl',
  fy: 'catalogue.course-language.fy',
  en: 'catalogue.course-language.en',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  volunteers: 'catalogue.audience.volunteers',
  carers: 'catalogue.audience.carers',
  'board-members': 'catalogue.audience.board-members',
  coordinators: 'catalogue.audience.coordinators',
};

export const THEME_LABELS: Record<Theme, string> = {
  boundaries: 'catalogue.theme.boundaries',
  stress: 'catalogue.theme.stress',
  'self-care': 'catalogue.theme.self-care',
  'time-management': 'catalogue.theme.time-management',
  dementia: 'catalogue.theme.dementia',
  'first-aid': 'catalogue.theme.first-aid',
  digital: 'catalogue.theme.digital',
  communication: 'catalogue.theme.communication',
  grief: 'catalogue.theme.grief',
  meetings: 'catalogue.theme.meetings',
  finance: 'catalogue.theme.finance',
  safety: 'catalogue.theme.safety',
  inclusion: 'catalogue.theme.inclusion',
  youth: 'catalogue.theme.youth',
};

export const STATUS_LABELS: Record<CourseStatus, string> = {
  draft: 'catalogue.status.draft',
  published: 'catalogue.status.published',
  archived: 'catalogue.status.archived',
};

export const isKind = (value: unknown): value is CourseKind =>
  (COURSE_KINDS as readonly unknown[]).includes(value);
export const isCourseLanguage = (value: unknown): value is CourseLanguage =>
  (COURSE_LANGUAGES as readonly unknown[]).includes(value);
export const isAudience = (value: unknown): value is Audience =>
  (AUDIENCES as readonly unknown[]).includes(value);
export const isTheme = (value: unknown): value is Theme => (THEMES as readonly unknown[]).includes(value);

/** An option of a select, a group of radios or of checkboxes, its text already in the reader's language. */
export interface Option {
  value: string;
  label: string;
  selected?: boolean;
  /** The option's own language, when it is a language's name. */
  lang?: string;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Options from a value → key table, sorted as people read them (in their language), unless told otherwise. */
export function optionsOf<V extends string>(
  labels: Record<V, string>,
  t: Translate,
  chosen: readonly string[] | string | undefined,
  sort = true,
): Option[] {
  const picked = new Set([chosen ?? []].flat());
  const options = (Object.keys(labels) as V[]).map((value) => ({
    value,
    label: t(labels[value]),
    selected: picked.has(value),
  }));
  return sort ? options.sort((a, b) => a.label.localeCompare(b.label)) : options;
}

/** A category's name in the reader's language (the catalogue keeps all three). */
export function categoryName(names: Record<Locale, string>, locale: Locale): string {
  return names[locale] || names.nl;
}
