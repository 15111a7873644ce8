import { Injectable } from '@nestjs/common';
import {
  ENROLMENT_CANCELLED_V1,
  ENROLMENT_COMPLETED_V1,
  ENROLMENT_CONFIRMED_V1,
  ENROLMENT_OFFERED_V1,
  ENROLMENT_PROMOTED_V1,
  ENROLMENT_WAITLISTED_V1,
  type EnrolmentCancelledV1,
  type EnrolmentCompletedV1,
  type EnrolmentConfirmedV1,
  type EnrolmentOfferedV1,
  type EnrolmentPromotedV1,
  type EnrolmentWaitlistedV1,
  type EventEnvelope,
  SESSION_GO_DECIDED_V1,
  type SessionGoDecidedV1,
} from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { NOTIFICATION } from '../notification.constants';
import { EnrolmentMessagesService } from './enrolment-messages.service';

/**
 * Enrolment's events, each telling the person concerned (once per event id).
 * WARNING: the consumer names are persisted with every processed event id; never rename them.
 */
@Injectable()
export class EnrolmentMessagesConsumer {
  constructor(private readonly messages: EnrolmentMessagesService) {}

  @OnEvent(ENROLMENT_CONFIRMED_V1, { context: NOTIFICATION, consumer: 'notification.enrolments.confirmed' })
  async confirmed(event: EventEnvelope<string, EnrolmentConfirmedV1>, manager: EntityManager): Promise<void> {
    await this.messages.confirmed(event, manager);
  }

  @OnEvent(ENROLMENT_WAITLISTED_V1, { context: NOTIFICATION, consumer: 'notification.enrolments.waitlisted' })
  async waitlisted(
    event: EventEnvelope<string, EnrolmentWaitlistedV1>,
    manager: EntityManager,
  ): Promise<void> {
    await this.messages.waitlisted(event, manager);
  }

  @OnEvent(ENROLMENT_PROMOTED_V1, { context: NOTIFICATION, consumer: 'notification.enrolments.promoted' })
  async promoted(event: EventEnvelope<string, EnrolmentPromotedV1>, manager: EntityManager): Promise<void> {
    await this.messages.promoted(event, manager);
  }

  @OnEvent(ENROLMENT_OFFERED_V1, { context: NOTIFICATION, consumer: 'notification.enrolments.offered' })
  async offered(event: EventEnvelope<string, EnrolmentOfferedV1>, manager: EntityManager): Promise<void> {
    await this.messages.offered(event, manager);
  }

  @OnEvent(ENROLMENT_CANCELLED_V1, { context: NOTIFICATION, consumer: 'notification.enrolments.cancelled' })
  async cancelled(event: EventEnvelope<string, EnrolmentCancelledV1>, manager: EntityManager): Promise<void> {
    await this.messages.cancelled(event, manager);
  }

  @OnEvent(ENROLMENT_COMPLETED_V1, { context: NOTIFICATION, consumer: 'notification.enrolments.completed' })
  async completed(event: EventEnvelope<string, EnrolmentCompletedV1>, manager: EntityManager): Promise<void> {
    await this.messages.completed(event, manager);
  }

  @OnEvent(SESSION_GO_DECIDED_V1, { context: NOTIFICATION, consumer: 'notification.sessions.go-decided' })
  async goDecided(event: EventEnvelope<string, SessionGoDecidedV1>, manager: EntityManager): Promise<void> {
    await this.messages.goDecided(event, manager);
  }
}
