import type { ContextName } from './event';
import type { EventType } from './events';

/**
 * WARNING: every name here is persisted in Redis (BullMQ keys). Renaming one strands every job still queued
 * under the old name. Add a new name and drain the old queue instead.
 *
 * One queue per consuming context: the relay copies each event into the queue of every context that
 * subscribes to it (BullMQ has no fan-out of its own).
 */
export const QUEUES = {
  catalogueEvents: 'catalogue-events',
  enrolmentEvents: 'enrolment-events',
  notificationEvents: 'notification-events',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The context that works each queue: its handlers run for the events routed there. */
export const QUEUE_CONTEXT: Record<QueueName, ContextName> = {
  [QUEUES.catalogueEvents]: 'catalogue',
  [QUEUES.enrolmentEvents]: 'enrolment',
  [QUEUES.notificationEvents]: 'notification',
};

/** The queue of a consuming context (identity consumes nothing). */
export function queueOf(context: ContextName): QueueName | undefined {
  return (Object.keys(QUEUE_CONTEXT) as QueueName[]).find((queue) => QUEUE_CONTEXT[queue] === context);
}

/**
 * Which events each consuming context receives. An app that consumes a queue refuses to start unless it has
 * a handler for every event listed for that queue. Contexts add their subscriptions with their issues.
 */
export const SUBSCRIPTIONS: Record<QueueName, readonly EventType[]> = {
  // Seat counts for "seats left" and the has-seats filter; go/no-go outcomes for the session's status;
  // erased users are taken off the courses they taught.
  [QUEUES.catalogueEvents]: [
    'enrolment.session.seats-changed.v1',
    'enrolment.session.go-decided.v1',
    'identity.user.erased.v1',
  ],
  // The session replica (seats, windows, meetings, trainers) and the people replica (names, memberships).
  [QUEUES.enrolmentEvents]: [
    'catalogue.session.published.v1',
    'catalogue.session.changed.v1',
    'catalogue.session.cancelled.v1',
    'catalogue.course.changed.v1',
    'identity.user.registered.v1',
    'identity.user.updated.v1',
    'identity.user.erased.v1',
    // The context's own: attendance and cancellations queue volunteers for a load-signal evaluation.
    'enrolment.attendance.recorded.v1',
    'enrolment.enrolment.cancelled.v1',
  ],
  // The recipients, sessions and enrolments replicas, and every message those events mean for someone.
  [QUEUES.notificationEvents]: [
    'identity.user.registered.v1',
    'identity.user.updated.v1',
    'identity.user.erased.v1',
    'catalogue.session.published.v1',
    'catalogue.session.changed.v1',
    'catalogue.session.cancelled.v1',
    'enrolment.enrolment.confirmed.v1',
    'enrolment.enrolment.waitlisted.v1',
    'enrolment.enrolment.promoted.v1',
    'enrolment.enrolment.offered.v1',
    'enrolment.enrolment.cancelled.v1',
    'enrolment.enrolment.completed.v1',
    'enrolment.session.go-decided.v1',
    // The coordinators' immediate messages and digests of load signals.
    'enrolment.wellbeing-flag.raised.v1',
    'enrolment.wellbeing-flag.closed.v1',
    'enrolment.wellbeing-sharing.changed.v1',
  ],
};

/**
 * Job queues: work handed from a context's database to its workers, not events.
 * WARNING: persisted in Redis (BullMQ keys). Renaming one strands every job still queued under the old name —
 * for mail, the delivery rows would wait for their lease and be handed over again, but only once the old jobs
 * are gone. Add a new name and drain the old queue instead.
 */
export const JOB_QUEUES = {
  /** One job per delivery attempt of an email (job id: the delivery id, with a suffix for retries). */
  notificationMail: 'notification-mail',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

/** The queues an event is copied into. */
export function queuesFor(
  type: string,
  subscriptions: Record<string, readonly string[]> = SUBSCRIPTIONS,
): string[] {
  return Object.entries(subscriptions)
    .filter(([, types]) => types.includes(type))
    .map(([queue]) => queue);
}
