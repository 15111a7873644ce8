import { DomainError, type FieldError } from '@academy/platform';

/** A text field of a posted form; anything else (missing, an object) counts as empty; of a repeat, the first. */
export function textField(body: unknown, name: string): string {
  if (!body || typeof body !== 'object') return '';
  const raw = (body as Record<string, unknown>)[name];
  const value = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value : '';
}

/** The values of a group of checkboxes with one name: none, one (a string) or several (an array). */
export function listField(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const raw = (body as Record<string, unknown>)[name];
  return [raw ?? []].flat().filter((value): value is string => typeof value === 'string' && value !== '');
}

/** A whole number typed in a form; `undefined` when left empty, NaN when it is not a whole number. */
export function wholeNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /^-?\d{1,7}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The field errors of a `validation.failed` from a service; undefined for any other error. */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (error instanceof DomainError && error.code === 'validation.failed') return error.details.errors ?? [];
  return undefined;
}

export function hasCode(error: unknown, ...codes: string[]): error is DomainError {
  return error instanceof DomainError && codes.includes(error.code);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in a page URL; anything else is a page that does not exist (404), not a bad request. */
export function isId(value: string): boolean {
  return UUID.test(value);
}
