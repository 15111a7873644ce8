import { Injectable } from '@nestjs/common';
import {
  COURSE_CHANGED_V1,
  type CourseChangedV1,
  type EventEnvelope,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  type SessionCancelledV1,
  type SessionChangedV1,
  type SessionPublishedV1,
} from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { ENROLMENT } from '../enrolment.constants';
import { SessionReplicaService } from './session-replica.service';

/**
 * The catalogue's session and course events, applied to the replica. Each runs once per event id, in the
 * enrolment context's own transaction (the messaging module records the id first).
 * WARNING: the consumer names are persisted with every processed event id; never rename them.
 */
@Injectable()
export class SessionReplicaConsumer {
  constructor(private readonly replica: SessionReplicaService) {}

  @OnEvent(SESSION_PUBLISHED_V1, { context: ENROLMENT, consumer: 'enrolment.sessions.published' })
  async published(event: EventEnvelope<string, SessionPublishedV1>, manager: EntityManager): Promise<void> {
    await this.replica.apply(event.payload, manager);
  }

  @OnEvent(SESSION_CHANGED_V1, { context: ENROLMENT, consumer: 'enrolment.sessions.changed' })
  async changed(event: EventEnvelope<string, SessionChangedV1>, manager: EntityManager): Promise<void> {
    await this.replica.apply(event.payload, manager);
  }

  @OnEvent(SESSION_CANCELLED_V1, { context: ENROLMENT, consumer: 'enrolment.sessions.cancelled' })
  async cancelled(event: EventEnvelope<string, SessionCancelledV1>, manager: EntityManager): Promise<void> {
    await this.replica.apply(event.payload, manager, event.payload.reason);
  }

  @OnEvent(COURSE_CHANGED_V1, { context: ENROLMENT, consumer: 'enrolment.courses.changed' })
  async courseChanged(event: EventEnvelope<string, CourseChangedV1>, manager: EntityManager): Promise<void> {
    await this.replica.applyCourse(event.payload, manager);
  }
}
