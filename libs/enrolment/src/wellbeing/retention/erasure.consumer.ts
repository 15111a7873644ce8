import { Injectable } from '@nestjs/common';
import { type EventEnvelope, USER_ERASED_V1, type UserErasedV1 } from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { RetentionService } from './retention.service';

/**
 * A user erased their account: every load signal of theirs goes.
 * WARNING: the consumer name is persisted with every processed event id; never rename it.
 */
@Injectable()
export class WellbeingErasureConsumer {
  constructor(private readonly retention: RetentionService) {}

  @OnEvent(USER_ERASED_V1, { context: ENROLMENT, consumer: 'enrolment.wellbeing.erased' })
  async erased(event: EventEnvelope<string, UserErasedV1>, manager: EntityManager): Promise<void> {
    await this.retention.erase(event.payload.userId, manager, new Date(event.payload.erasedAt));
  }
}
