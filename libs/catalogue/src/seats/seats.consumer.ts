import { Injectable, Logger } from '@nestjs/common';
import { type EventEnvelope, SESSION_SEATS_CHANGED_V1, type SessionSeatsChangedV1 } from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { SearchCache } from '../search/search-cache';
import { SeatCount } from './seat-count.entity';
import { SeatsRepository } from './seats.repository';

/** Keeps the catalogue's copy of seat counts ("seats left", the has-seats filter) as enrolment reports them. */
@Injectable()
export class SeatsConsumer {
  private readonly logger = new Logger('SeatsConsumer');

  constructor(
    private readonly seats: SeatsRepository,
    private readonly cache: SearchCache,
  ) {}

  // WARNING: the consumer name is persisted with every processed event id; never rename it.
  @OnEvent(SESSION_SEATS_CHANGED_V1, { context: CATALOGUE, consumer: 'catalogue.seats' })
  async onSeatsChanged(
    event: EventEnvelope<string, SessionSeatsChangedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const { sessionId, confirmed, waitlisted, version, occurredAt } = event.payload;
    // Added to v1 later: a producer that does not send it has no offers.
    const offered = event.payload.offered ?? 0;
    const stored = await this.seats.storeIfNewer(
      Object.assign(new SeatCount(), {
        sessionId,
        confirmed,
        waitlisted,
        offered,
        version,
        updatedAt: new Date(occurredAt),
      }),
      manager,
    );
    if (stored) this.cache.seatsChanged({ sessionId, confirmed, offered, version }, manager);
    else this.logger.debug(`ignored seats of ${sessionId} version ${version}: a newer one is stored`);
  }
}
