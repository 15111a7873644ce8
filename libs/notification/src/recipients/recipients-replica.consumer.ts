import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  USER_ERASED_V1,
  USER_REGISTERED_V1,
  USER_UPDATED_V1,
  type UserErasedV1,
  type UserRegisteredV1,
  type UserUpdatedV1,
} from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { NOTIFICATION } from '../notification.constants';
import { RecipientsReplicaService } from './recipients-replica.service';

/**
 * Identity's user events, applied to the recipients replica once per event id.
 * WARNING: the consumer names are persisted with every processed event id; never rename them.
 */
@Injectable()
export class RecipientsReplicaConsumer {
  constructor(private readonly recipients: RecipientsReplicaService) {}

  @OnEvent(USER_REGISTERED_V1, { context: NOTIFICATION, consumer: 'notification.recipients.registered' })
  async registered(event: EventEnvelope<string, UserRegisteredV1>, manager: EntityManager): Promise<void> {
    await this.recipients.apply(event.payload, new Date(event.payload.registeredAt), manager);
  }

  @OnEvent(USER_UPDATED_V1, { context: NOTIFICATION, consumer: 'notification.recipients.updated' })
  async updated(event: EventEnvelope<string, UserUpdatedV1>, manager: EntityManager): Promise<void> {
    await this.recipients.apply(event.payload, new Date(event.payload.updatedAt), manager);
  }

  @OnEvent(USER_ERASED_V1, { context: NOTIFICATION, consumer: 'notification.recipients.erased' })
  async erased(event: EventEnvelope<string, UserErasedV1>, manager: EntityManager): Promise<void> {
    await this.recipients.erase(event.payload.userId, new Date(event.payload.erasedAt), manager);
  }
}
