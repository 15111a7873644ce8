import { DomainError } from '@academy/platform';

/** A text field of a posted form; anything else (missing, repeated, an object) counts as empty. */
export function textField(body: unknown, name: string): string {
  if (!body || typeof body !== 'object') return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** The same shape the API accepts; the service decides the rest. */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Password length as people count it: characters, not UTF-16 units. */
export function characters(text: string): number {
  return [...text].length;
}

/** Error codes are compared as text: the pages handle codes the platform may add later. */
export function hasCode(error: unknown, ...codes: string[]): error is DomainError {
  return error instanceof DomainError && codes.includes(error.code);
}

/** Whole minutes to wait, at least one, for a `rate.limited` error. */
export function minutesToWait(error: DomainError): number {
  return Math.max(1, Math.ceil((error.details.retryAfterSeconds ?? 60) / 60));
}
