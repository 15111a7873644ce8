import { DomainError, type FieldError } from '@academy/platform';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const invalid = (errors: FieldError[]): DomainError =>
  new DomainError('validation.failed', 'Some fields are not valid.', { errors });

/**
 * Checks input the way the global ValidationPipe does (unknown fields refused), so a service is safe whoever
 * calls it: the JSON API, a page form, the CSV import or the demo data.
 */
export async function validateInput<T extends object>(type: new () => T, input: unknown): Promise<T> {
  const instance = input instanceof type ? input : plainToInstance(type, input ?? {});
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length) throw invalid(flatten(errors));
  return instance;
}

/** Collects field errors; throws them all at once. */
export class FieldErrors {
  private readonly byField = new Map<string, string[]>();

  add(field: string, message: string): void {
    this.byField.set(field, [...(this.byField.get(field) ?? []), message]);
  }

  get list(): FieldError[] {
    return [...this.byField].map(([field, messages]) => ({ field, messages }));
  }

  has(field?: string): boolean {
    return field === undefined ? this.byField.size > 0 : this.byField.has(field);
  }

  throwIfAny(): void {
    if (this.byField.size) throw invalid(this.list);
  }
}
