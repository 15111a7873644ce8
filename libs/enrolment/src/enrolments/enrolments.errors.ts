import { DomainError, notFound } from '@academy/platform';

export const sessionNotFound = () => notFound('The session');
export const enrolmentNotFound = () => notFound('The enrolment');
export const alreadyEnrolled = () =>
  new DomainError(
    'enrolment.already-enrolled',
    'You are already enrolled in this session (or on its waitlist).',
  );
export const ruleViolated = (reason: string) => new DomainError('rule.violated', reason);
