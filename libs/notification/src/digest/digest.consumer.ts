import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  WELLBEING_FLAG_CLOSED_V1,
  WELLBEING_FLAG_RAISED_V1,
  WELLBEING_SHARING_CHANGED_V1,
  type WellbeingFlagClosedV1,
  type WellbeingFlagRaisedV1,
  type WellbeingSharingChangedV1,
} from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { DeliveryService } from '../deliveries/delivery.service';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { DigestItem } from './digest-item.entity';
import { DigestItemsRepository } from './digest-items.repository';

/** The flag page of the coordinator's pages (built by the load-signal pages). */
export const flagPath = (flagId: string) => `/coordinator/flags/${flagId}`;

/**
 * Feeds the coordinators' digests from the load-signal events. WARNING: the consumer names are persisted with
 * every processed event id; never rename them.
 */
@Injectable()
export class DigestConsumer {
  constructor(
    private readonly items: DigestItemsRepository,
    private readonly recipients: RecipientsRepository,
    private readonly deliveries: DeliveryService,
  ) {}

  /** Every coordinator of the organisation gets the flag in their next digest; `notifyNow` tells them at once. */
  @OnEvent(WELLBEING_FLAG_RAISED_V1, { context: 'notification', consumer: 'notification.digest.flag-raised' })
  async raised(event: EventEnvelope<string, WellbeingFlagRaisedV1>, manager: EntityManager): Promise<void> {
    const flag = event.payload;
    const coordinators = (await this.recipients.withRole(flag.organisationId, 'coordinator', manager)).filter(
      // A coordinator is never told about their own signals.
      (id) => id !== flag.volunteerId,
    );
    for (const coordinatorId of coordinators) {
      await this.items.add(
        Object.assign(new DigestItem(), {
          coordinatorId,
          flagId: flag.flagId,
          organisationId: flag.organisationId,
          volunteerId: flag.volunteerId,
          level: flag.level,
          ruleCodes: flag.ruleCodes,
          raisedAt: new Date(flag.raisedAt),
        }),
        manager,
      );
      if (flag.notifyNow) {
        // Not optional: this one asks for a conversation soon. No name, no score: the page shows who and why.
        await this.deliveries.enqueue(manager, {
          dedupKey: `${event.id}:${coordinatorId}:flag-now`,
          recipientId: coordinatorId,
          kind: 'coordinator-digest',
          params: { variant: 'now', level: flag.level, flagUrl: flagPath(flag.flagId) },
          link: flagPath(flag.flagId),
        });
      }
    }
  }

  @OnEvent(WELLBEING_FLAG_CLOSED_V1, { context: 'notification', consumer: 'notification.digest.flag-closed' })
  async closed(event: EventEnvelope<string, WellbeingFlagClosedV1>, manager: EntityManager): Promise<void> {
    await this.items.removeFlag(event.payload.flagId, manager);
  }

  /** An objection is honoured at once: nothing about the volunteer waits in any digest of that organisation. */
  @OnEvent(WELLBEING_SHARING_CHANGED_V1, {
    context: 'notification',
    consumer: 'notification.digest.sharing-changed',
  })
  async sharingChanged(
    event: EventEnvelope<string, WellbeingSharingChangedV1>,
    manager: EntityManager,
  ): Promise<void> {
    if (!event.payload.objectToSharing) return;
    await this.items.removeVolunteer(event.payload.volunteerId, event.payload.organisationId, manager);
  }
}
