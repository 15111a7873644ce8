import type { FieldError } from '@academy/platform';

/** What a form shows when it is sent back: a summary at the top linking to each field, and per-field texts. */
export interface FormErrors {
  summary: Array<{ field: string; message: string }>;
  fields: Record<string, string[]>;
}

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

/** Builds errors in the order the fields appear on the form, so the summary reads top to bottom. */
export function formErrors(
  errors: Array<{ field: string; message: string }>,
  fieldOrder: string[] = [],
): FormErrors {
  const rank = (field: string): number => {
    const index = fieldOrder.indexOf(field);
    return index === -1 ? fieldOrder.length : index;
  };
  const summary = [...errors].sort((a, b) => rank(a.field) - rank(b.field));
  const fields: Record<string, string[]> = {};
  for (const { field, message } of summary) (fields[field] ??= []).push(message);
  return { summary, fields };
}

export function hasErrors(errors: FormErrors | undefined): boolean {
  return !!errors && errors.summary.length > 0;
}

/**
 * Field errors from a service (`validation.failed`) in the reader's language: each field gets the form's
 * own text for it, as the service's messages are English and written for developers.
 */
export function translateFieldErrors(
  errors: FieldError[] | undefined,
  messageFor: (field: string) => string | undefined,
): Array<{ field: string; message: string }> {
  const seen = new Set<string>();
  const result: Array<{ field: string; message: string }> = [];
  for (const error of errors ?? []) {
    const field = error.field.split('.')[0] ?? error.field;
    if (seen.has(field)) continue;
    seen.add(field);
    result.push({ field, message: messageFor(field) ?? error.messages.join(' ') });
  }
  return result;
}
