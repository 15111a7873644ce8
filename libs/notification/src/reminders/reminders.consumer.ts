import { Injectable } from '@nestjs/common';
import {
  ENROLMENT_CANCELLED_V1,
  ENROLMENT_CONFIRMED_V1,
  ENROLMENT_PROMOTED_V1,
  type EnrolmentCancelledV1,
  type EnrolmentConfirmedV1,
  type EnrolmentPromotedV1,
  type EventEnvelope,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  type SessionCancelledV1,
  type SessionChangedV1,
} from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { RemindersPlanner } from './reminders.planner';

/**
 * Keeps reminders in step with enrolments and sessions. Its own consumers (WARNING: the names are persisted
 * with every processed event id; never rename them), so it runs beside the messages about the same events.
 */
@Injectable()
export class RemindersConsumer {
  constructor(private readonly planner: RemindersPlanner) {}

  @OnEvent(ENROLMENT_CONFIRMED_V1, { context: 'notification', consumer: 'notification.reminders.confirmed' })
  async confirmed(event: EventEnvelope<string, EnrolmentConfirmedV1>, manager: EntityManager): Promise<void> {
    await this.planner.plan(manager, event.payload, new Date());
  }

  @OnEvent(ENROLMENT_PROMOTED_V1, { context: 'notification', consumer: 'notification.reminders.promoted' })
  async promoted(event: EventEnvelope<string, EnrolmentPromotedV1>, manager: EntityManager): Promise<void> {
    await this.planner.plan(manager, event.payload, new Date());
  }

  @OnEvent(ENROLMENT_CANCELLED_V1, { context: 'notification', consumer: 'notification.reminders.cancelled' })
  async cancelled(event: EventEnvelope<string, EnrolmentCancelledV1>, manager: EntityManager): Promise<void> {
    await this.planner.forgetEnrolment(manager, event.payload.enrolmentId);
  }

  @OnEvent(SESSION_CHANGED_V1, {
    context: 'notification',
    consumer: 'notification.reminders.session-changed',
  })
  async sessionChanged(
    event: EventEnvelope<string, SessionChangedV1>,
    manager: EntityManager,
  ): Promise<void> {
    if (event.payload.status === 'cancelled') {
      await this.planner.forgetSession(manager, event.payload.sessionId);
      return;
    }
    await this.planner.reschedule(manager, event.payload, new Date());
  }

  @OnEvent(SESSION_CANCELLED_V1, {
    context: 'notification',
    consumer: 'notification.reminders.session-cancelled',
  })
  async sessionCancelled(
    event: EventEnvelope<string, SessionCancelledV1>,
    manager: EntityManager,
  ): Promise<void> {
    await this.planner.forgetSession(manager, event.payload.sessionId);
  }
}
