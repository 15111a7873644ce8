/** WARNING: names the DataSource, the SQLite file, the outbox and the migrations table; never rename it. */
export const CATALOGUE = 'catalogue' as const;

export const COURSE_KINDS = ['training', 'workshop'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_LANGUAGES = ['nl', 'fy', 'en'] as const;
export type CourseLanguage = (typeof COURSE_LANGUAGES)[number];

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const SESSION_STATUSES = ['scheduled', 'confirmed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const WAITLIST_MODES = ['auto', 'offer'] as const;
export type WaitlistMode = (typeof WAITLIST_MODES)[number];

/** Who a course is for. WARNING: stored in catalogue_course_audiences; renaming one orphans the rows. */
export const AUDIENCES = ['volunteers', 'carers', 'board-members', 'coordinators'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What a course is about. WARNING: stored in catalogue_course_themes; renaming one orphans the rows. */
export const THEMES = [
  'boundaries',
  'stress',
  'self-care',
  'time-management',
  'dementia',
  'first-aid',
  'digital',
  'communication',
  'grief',
  'meetings',
  'finance',
  'safety',
  'inclusion',
  'youth',
] as const;
export type Theme = (typeof THEMES)[number];

/** Times of day and dates in the catalogue are meant as in Friesland. */
export const CATALOGUE_TIME_ZONE = 'Europe/Amsterdam';
