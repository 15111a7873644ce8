import { Injectable } from '@nestjs/common';
import {
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
import { NOTIFICATION } from '../notification.constants';
import { SessionReplicaService } from './session-replica.service';

/**
 * The catalogue's session events: the replica, and messages to the participants of a changed or cancelled one.
 * WARNING: the consumer names are persisted with every processed event id; never rename them.
 */
@Injectable()
export class SessionReplicaConsumer {
  constructor(private readonly sessions: SessionReplicaService) {}

  @OnEvent(SESSION_PUBLISHED_V1, { context: NOTIFICATION, consumer: 'notification.sessions.published' })
  async published(event: EventEnvelope<string, SessionPublishedV1>, manager: EntityManager): Promise<void> {
    await this.sessions.apply(event.payload, manager);
  }

  @OnEvent(SESSION_CHANGED_V1, { context: NOTIFICATION, consumer: 'notification.sessions.changed' })
  async changed(event: EventEnvelope<string, SessionChangedV1>, manager: EntityManager): Promise<void> {
    await this.sessions.changed(event, manager);
  }

  @OnEvent(SESSION_CANCELLED_V1, { context: NOTIFICATION, consumer: 'notification.sessions.cancelled' })
  async cancelled(event: EventEnvelope<string, SessionCancelledV1>, manager: EntityManager): Promise<void> {
    await this.sessions.cancelled(event, manager);
  }
}
