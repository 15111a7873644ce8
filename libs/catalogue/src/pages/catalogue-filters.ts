import type { Audience, CourseKind, CourseLanguage, Theme } from '../catalogue.constants';
import { isAudience, isCourseLanguage, isKind, isTheme } from './labels';
import { isDay } from './local-time';

/**
 * What the catalogue page was asked for, from its URL. The URL is the state: the search form is a GET form,
 * so a search can be bookmarked, shared in a WhatsApp group or sent back with the browser's back button.
 */
export interface CatalogueFilters {
  q?: string;
  category?: string;
  kind?: CourseKind;
  language?: CourseLanguage;
  audience?: Audience;
  theme?: Theme;
  place?: string;
  /** true: online only; false: at a venue only. */
  online?: boolean;
  from?: string;
  to?: string;
  hasSeats?: boolean;
  page: number;
}

/** Fields of the form that narrow the list down, in the order of the form (the search text excluded). */
export const FILTER_FIELDS = [
  'category',
  'kind',
  'language',
  'audience',
  'theme',
  'place',
  'online',
  'from',
  'to',
  'hasSeats',
] as const;

/** A date the reader typed that is not one; the page says so next to the field. */
export type DateProblem = 'from' | 'to';

const MAX_PAGE = 10_000;

/** The first value of a query parameter, trimmed, when it is text ("?q=a&q=b" counts as "a"). */
function param(query: Record<string, unknown>, name: string, max: number): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/**
 * Reads the URL leniently: a value no form of ours sends (an old link, a typo) is left out rather than
 * answered with an error page. Dates that do not exist are reported, as a person may have typed them.
 */
export function readFilters(query: Record<string, unknown>): {
  filters: CatalogueFilters;
  problems: DateProblem[];
} {
  const problems: DateProblem[] = [];
  const day = (name: DateProblem): string | undefined => {
    const value = param(query, name, 20);
    if (value === undefined) return undefined;
    if (isDay(value)) return value;
    problems.push(name);
    return undefined;
  };
  const kind = param(query, 'kind', 20);
  const language = param(query, 'language', 5);
  const audience = param(query, 'audience', 40);
  const theme = param(query, 'theme', 40);
  const online = param(query, 'online', 5);
  const page = Number(param(query, 'page', 6) ?? '1');
  const filters: CatalogueFilters = {
    q: param(query, 'q', 200),
    category: param(query, 'category', 60),
    kind: isKind(kind) ? kind : undefined,
    language: isCourseLanguage(language) ? language : undefined,
    audience: isAudience(audience) ? audience : undefined,
    theme: isTheme(theme) ? theme : undefined,
    place: param(query, 'place', 100),
    online: online === 'true' ? true : online === 'false' ? false : undefined,
    from: day('from'),
    to: day('to'),
    hasSeats: param(query, 'hasSeats', 5) === 'true' ? true : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
  return { filters, problems };
}

/** How many of the filters (not the search text, not the page) are in use: shown on the filter toggle. */
export function activeFilterCount(filters: CatalogueFilters): number {
  return FILTER_FIELDS.filter((field) => filters[field] !== undefined).length;
}

/** The filters as a query string, in a fixed order, without empty values; `page` only when past the first. */
export function filterQuery(filters: CatalogueFilters, page = filters.page): string {
  const query = new URLSearchParams();
  if (filters.q) query.set('q', filters.q);
  for (const field of FILTER_FIELDS) {
    const value = filters[field];
    if (value !== undefined) query.set(field, String(value));
  }
  if (page > 1) query.set('page', String(page));
  return query.toString();
}

/** A link to the catalogue with these filters (on another page of results, when given). */
export function catalogueUrl(filters: CatalogueFilters, page = filters.page, path = '/catalogue'): string {
  const query = filterQuery(filters, page);
  return query ? `${path}?${query}` : path;
}
