import { Injectable } from '@nestjs/common';
import type {
  EnrolmentCancelledV1,
  EnrolmentCompletedV1,
  EnrolmentConfirmedV1,
  EnrolmentFacts,
  EnrolmentOfferedV1,
  EnrolmentPromotedV1,
  EnrolmentWaitlistedV1,
  EventEnvelope,
  SessionGoDecidedV1,
} from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import type { AttachmentSpec } from '../deliveries/delivery.entity';
import { DeliveryService } from '../deliveries/delivery.service';
import type { MessageKind } from '../notification.constants';
import { NotificationEnrolment, type ReplicaEnrolmentStatus } from '../sessions/session.entity';
import { eventKey, MY_TRAININGS, sessionCancelledKey, sessionParams } from '../sessions/session-params';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';

/**
 * Enrolment's events: the enrolment replica, and the message each one means for the person. Event ids are
 * time-ordered, so an event older than the one the replica holds (a delivery out of order) changes nothing and
 * tells nobody — a late "you are on the waitlist" after "you have a seat" would only confuse.
 */
@Injectable()
export class EnrolmentMessagesService {
  constructor(
    private readonly replicas: SessionsReplicaRepository,
    private readonly delivery: DeliveryService,
  ) {}

  /** Records the enrolment's new state unless a newer event was applied already; true when applied. */
  private async track(
    event: EventEnvelope<string, EnrolmentFacts>,
    status: ReplicaEnrolmentStatus | null,
    manager: EntityManager,
    completedAt: Date | null = null,
  ): Promise<boolean> {
    const facts = event.payload;
    const stored = await this.replicas.findEnrolment(facts.enrolmentId, manager);
    if (stored && stored.lastEventId >= event.id) return false;
    const enrolment = Object.assign(new NotificationEnrolment(), {
      id: facts.enrolmentId,
      userId: facts.userId,
      sessionId: facts.sessionId,
      status: status ?? stored?.status ?? 'confirmed',
      completedAt: completedAt ?? stored?.completedAt ?? null,
      lastEventId: event.id,
      updatedAt: new Date(),
    });
    await this.replicas.saveEnrolment(enrolment, stored !== null, manager);
    return true;
  }

  private async sequenceOf(sessionId: string, manager: EntityManager): Promise<number> {
    return (await this.replicas.findSession(sessionId, manager))?.version ?? 0;
  }

  private async tell(
    manager: EntityManager,
    event: EventEnvelope<string, EnrolmentFacts>,
    kind: MessageKind,
    extra: Record<string, unknown>,
    attachment?: AttachmentSpec,
    dedupKey = eventKey(event.id, event.payload.userId, kind),
  ): Promise<void> {
    const facts = event.payload;
    await this.delivery.enqueue(manager, {
      dedupKey,
      recipientId: facts.userId,
      kind,
      params: {
        ...sessionParams(facts, await this.sequenceOf(facts.sessionId, manager)),
        enrolmentId: facts.enrolmentId,
        ...extra,
      },
      attachment,
      link: MY_TRAININGS,
    });
  }

  async confirmed(event: EventEnvelope<string, EnrolmentConfirmedV1>, manager: EntityManager): Promise<void> {
    if (!(await this.track(event, 'confirmed', manager))) return;
    await this.tell(
      manager,
      event,
      'enrolment-confirmed',
      { cancellationDeadline: event.payload.cancellationDeadline },
      { type: 'invitation' },
    );
  }

  async waitlisted(
    event: EventEnvelope<string, EnrolmentWaitlistedV1>,
    manager: EntityManager,
  ): Promise<void> {
    if (!(await this.track(event, 'waitlisted', manager))) return;
    await this.tell(manager, event, 'enrolment-waitlisted', {
      waitlistPosition: event.payload.waitlistPosition,
    });
  }

  async promoted(event: EventEnvelope<string, EnrolmentPromotedV1>, manager: EntityManager): Promise<void> {
    if (!(await this.track(event, 'confirmed', manager))) return;
    await this.tell(
      manager,
      event,
      'enrolment-promoted',
      { cancellationDeadline: event.payload.cancellationDeadline, via: event.payload.via },
      { type: 'invitation' },
    );
  }

  async offered(event: EventEnvelope<string, EnrolmentOfferedV1>, manager: EntityManager): Promise<void> {
    if (!(await this.track(event, 'offered', manager))) return;
    await this.tell(manager, event, 'enrolment-offered', { offerExpiresAt: event.payload.offerExpiresAt });
  }

  async cancelled(event: EventEnvelope<string, EnrolmentCancelledV1>, manager: EntityManager): Promise<void> {
    if (!(await this.track(event, 'cancelled', manager))) return;
    const cancel = event.payload;
    const hadInvitation = cancel.previousStatus === 'confirmed';
    const calendar = hadInvitation ? ({ type: 'cancellation' } as const) : undefined;
    switch (cancel.reason) {
      case 'minimum-not-reached':
        return; // enrolment.session.go-decided.v1 tells everyone at once.
      case 'session-cancelled':
        // The catalogue's own event may be here first, or later: one key, one message.
        return this.tell(
          manager,
          event,
          'session-cancelled',
          { reason: cancel.sessionCancelReason ?? '', calendar: hadInvitation },
          calendar,
          sessionCancelledKey(cancel.sessionId, cancel.userId),
        );
      default:
        return this.tell(
          manager,
          event,
          'enrolment-cancelled',
          { variant: cancel.reason, late: cancel.late, calendar: hadInvitation },
          calendar,
        );
    }
  }

  async completed(event: EventEnvelope<string, EnrolmentCompletedV1>, manager: EntityManager): Promise<void> {
    await this.track(event, null, manager, new Date(event.payload.completedAt));
    const done = event.payload;
    // Sent once per enrolment whatever the order of events: completion is announced only once.
    await this.tell(
      manager,
      event,
      'enrolment-completed',
      { attendedMeetings: done.attendedMeetings, totalMeetings: done.totalMeetings },
      undefined,
      `enrolment-completed:${done.enrolmentId}`,
    );
  }

  async goDecided(event: EventEnvelope<string, SessionGoDecidedV1>, manager: EntityManager): Promise<void> {
    const decision = event.payload;
    const params = sessionParams(decision, await this.sequenceOf(decision.sessionId, manager));
    for (const participant of decision.participants) {
      const seated = participant.status === 'confirmed';
      const variant =
        decision.decision === 'cancelled' ? 'cancelled' : seated ? 'confirmed' : 'confirmed-waitlist';
      const cancelsInvitation = decision.decision === 'cancelled' && seated;
      await this.delivery.enqueue(manager, {
        dedupKey: eventKey(event.id, participant.userId, 'session-go-decided'),
        recipientId: participant.userId,
        kind: 'session-go-decided',
        params: { ...params, enrolmentId: participant.enrolmentId, variant, calendar: cancelsInvitation },
        attachment: cancelsInvitation ? { type: 'cancellation' } : undefined,
        link: MY_TRAININGS,
      });
    }
  }
}
