import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import {
  ENROLMENT_CONFIRMED_V1,
  type EnrolmentConfirmedV1,
  type EventEnvelope,
  QUEUES,
  SESSION_PUBLISHED_V1,
  type SessionPublishedV1,
  USER_REGISTERED_V1,
  type UserRegisteredV1,
} from '@academy/contracts';
import { JOB_POLICY } from '@academy/messaging';
import { v7 as uuidv7 } from 'uuid';

const HOUR = 3_600_000;

/**
 * Events for the notification service's queue, as the other services' outbox relays publish them (same
 * queue, job name = event type, job id = event id, the bus's job policy). The services use BullMQ's default
 * prefix of this codebase, `academy`, on their own Redis.
 */
export class NotificationEvents {
  private readonly connection: IORedis;
  private readonly queue: Queue;

  constructor(redisUrl: string) {
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUES.notificationEvents, { connection: this.connection, prefix: 'academy' });
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    for (let i = 0; i < envelopes.length; i += 500) {
      await this.queue.addBulk(
        envelopes.slice(i, i + 500).map((envelope) => ({
          name: envelope.type,
          data: envelope,
          opts: { ...JOB_POLICY, jobId: envelope.id },
        })),
      );
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}

function envelope<P>(type: string, source: EventEnvelope['source'], payload: P): EventEnvelope<string, P> {
  return { id: uuidv7(), type, source, occurredAt: new Date().toISOString(), payload };
}

export function userRegistered(
  locale: 'nl' | 'fy' | 'en',
  label: string,
): EventEnvelope<string, UserRegisteredV1> {
  const userId = randomUUID();
  return envelope(USER_REGISTERED_V1.type, 'identity', {
    userId,
    email: `${label}-${randomBytes(5).toString('hex')}@example.org`,
    displayName: `Frijwilliger ${label}`,
    locale,
    admin: false,
    memberships: [],
    registeredAt: new Date().toISOString(),
  });
}

export function sessionPublished(): EventEnvelope<string, SessionPublishedV1> {
  const start = Math.floor(Date.now() / HOUR) * HOUR + 10 * 24 * HOUR;
  return envelope(SESSION_PUBLISHED_V1.type, 'catalogue', {
    sessionId: randomUUID(),
    courseId: randomUUID(),
    courseTitle: 'Omgaan met dementie',
    courseKind: 'workshop',
    language: 'nl',
    attendanceThreshold: 75,
    capacity: 2000,
    minimumParticipants: 0,
    goNoGoAt: null,
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    cancellationDeadlineHours: 48,
    waitlistMode: 'auto',
    offerHours: 24,
    trainerIds: [],
    meetings: [
      {
        meetingId: randomUUID(),
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * HOUR).toISOString(),
        location: {
          name: 'It Bolwerk',
          place: 'Snits',
          address: 'Kleine Kerkstraat 1',
          online: false,
          url: null,
        },
      },
    ],
    status: 'scheduled',
    version: 1,
    publishedAt: new Date().toISOString(),
  });
}

export function enrolmentConfirmed(
  session: SessionPublishedV1,
  userId: string,
): EventEnvelope<string, EnrolmentConfirmedV1> {
  const now = new Date().toISOString();
  return envelope(ENROLMENT_CONFIRMED_V1.type, 'enrolment', {
    enrolmentId: randomUUID(),
    userId,
    sessionId: session.sessionId,
    courseId: session.courseId,
    courseTitle: session.courseTitle,
    courseKind: session.courseKind,
    language: session.language,
    meetings: session.meetings,
    enrolledBy: userId,
    cancellationDeadline: new Date(Date.parse(session.meetings[0].startsAt) - 48 * HOUR).toISOString(),
    confirmedAt: now,
  });
}
