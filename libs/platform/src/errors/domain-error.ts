/**
 * Every error a service means to tell the user about. The code decides the HTTP status in one
 * place (problem-details.filter.ts); the message is for people, in English, without internals.
 */
export const ERROR_STATUS = {
  // generic
  'validation.failed': 400,
  'request.malformed': 400,
  'auth.unauthenticated': 401,
  'auth.invalid-credentials': 401,
  'auth.token-invalid': 401,
  'auth.forbidden': 403,
  'auth.csrf-invalid': 403,
  'resource.not-found': 404,
  'resource.conflict': 409,
  'request.too-large': 413,
  'request.unsupported-media-type': 415,
  'rule.violated': 422,
  'rate.limited': 429,
  'service.unavailable': 503,
  // identity
  'identity.email-taken': 409,
  'identity.join-code-unknown': 422,
  'identity.password-rejected': 422,
  'identity.organisation-name-taken': 409,
  'identity.password-incorrect': 403,
  // enrolment
  'enrolment.already-enrolled': 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  messages: string[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('resource.not-found', `${what} was not found.`);
export const forbidden = (why = 'You may not do this.'): DomainError =>
  new DomainError('auth.forbidden', why);
