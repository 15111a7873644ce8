/** The contexts that publish events. */
export type ContextName = 'identity' | 'catalogue' | 'enrolment' | 'notification';

/**
 * What travels on the bus. `id` is the outbox row's id (a time-ordered UUID): consumers record it to act once,
 * BullMQ uses it as the job id so a republished event is not queued twice.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  source: ContextName;
  occurredAt: string;
  payload: TPayload;
}

/** A declared event: its versioned name and a check that a payload has the documented shape. */
export interface EventDefinition<TType extends string, TPayload> {
  readonly type: TType;
  /** Returns the problems with a payload; an empty list means it is valid. */
  readonly validate: (payload: unknown) => string[];
  /** Type-level only: the payload carried. */
  readonly _payload?: TPayload;
}

export function defineEvent<TPayload>() {
  return <TType extends string>(
    type: TType,
    validate: (payload: unknown) => string[],
  ): EventDefinition<TType, TPayload> => ({
    type,
    validate,
  });
}

export type PayloadOf<D> = D extends EventDefinition<string, infer P> ? P : never;

/** Small shape checks for payload validation, so a bad payload is dead-lettered, not retried forever. */
export const check = {
  object(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  },
  fields(
    value: unknown,
    spec: Record<string, 'string' | 'number' | 'boolean' | 'array' | 'string?' | 'object'>,
  ): string[] {
    if (!check.object(value)) return ['payload must be an object'];
    const problems: string[] = [];
    for (const [key, kind] of Object.entries(spec)) {
      const field = value[key];
      if (kind === 'string?') {
        if (field !== undefined && field !== null && typeof field !== 'string')
          problems.push(`${key} must be a string`);
      } else if (kind === 'array') {
        if (!Array.isArray(field)) problems.push(`${key} must be an array`);
      } else if (kind === 'object') {
        if (!check.object(field)) problems.push(`${key} must be an object`);
      } else if (typeof field !== kind) {
        problems.push(`${key} must be a ${kind}`);
      }
    }
    return problems;
  },
};
