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
import { ENROLMENT } from '../enrolment.constants';
import { PeopleReplicaService } from './people-replica.service';

/**
 * Identity's user events, applied to the people replica once per event id.
 * WARNING: the consumer names are persisted with every processed event id; never rename them.
 */
@Injectable()
export class PeopleReplicaConsumer {
  constructor(private readonly people: PeopleReplicaService) {}

  @OnEvent(USER_REGISTERED_V1, { context: ENROLMENT, consumer: 'enrolment.people.registered' })
  async registered(event: EventEnvelope<string, UserRegisteredV1>, manager: EntityManager): Promise<void> {
    await this.people.apply(event.payload, new Date(event.payload.registeredAt), manager);
  }

  @OnEvent(USER_UPDATED_V1, { context: ENROLMENT, consumer: 'enrolment.people.updated' })
  async updated(event: EventEnvelope<string, UserUpdatedV1>, manager: EntityManager): Promise<void> {
    await this.people.apply(event.payload, new Date(event.payload.updatedAt), manager);
  }

  @OnEvent(USER_ERASED_V1, { context: ENROLMENT, consumer: 'enrolment.people.erased' })
  async erased(event: EventEnvelope<string, UserErasedV1>, manager: EntityManager): Promise<void> {
    await this.people.erase(event.payload.userId, new Date(event.payload.erasedAt), manager);
  }
}
