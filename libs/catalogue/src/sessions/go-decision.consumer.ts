import { Injectable } from '@nestjs/common';
import { type EventEnvelope, SESSION_GO_DECIDED_V1, type SessionGoDecidedV1 } from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { CoursesRepository } from '../courses/courses.repository';
import { SearchCache } from '../search/search-cache';
import { SessionsRepository } from './sessions.repository';

/** Shown with a session the go/no-go moment cancelled (people-facing, like a trainer's own reason). */
export const TOO_FEW_PARTICIPANTS = 'Te weinig aanmeldingen op het beslismoment.';

/**
 * Enrolment decides at a session's go/no-go moment whether it goes ahead; the catalogue shows the outcome
 * (`confirmed`, or `cancelled` and out of the listings). Enrolment announced the decision itself and tells
 * everyone concerned, so no catalogue event follows: people would hear it twice.
 */
@Injectable()
export class GoDecisionConsumer {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly courses: CoursesRepository,
    private readonly cache: SearchCache,
  ) {}

  // WARNING: the consumer name is persisted with every processed event id; never rename it.
  @OnEvent(SESSION_GO_DECIDED_V1, { context: CATALOGUE, consumer: 'catalogue.go-decisions' })
  async onGoDecided(event: EventEnvelope<string, SessionGoDecidedV1>, manager: EntityManager): Promise<void> {
    const { sessionId, courseId, decision } = event.payload;
    // Course before session: the order every writer locks in.
    await this.courses.lock(courseId, manager);
    const session = await this.sessions.lock(sessionId, manager);
    if (!session || session.status === 'cancelled' || session.status === decision) return;
    const now = new Date();
    await this.sessions.update(
      sessionId,
      {
        status: decision,
        cancelReason: decision === 'cancelled' ? TOO_FEW_PARTICIPANTS : session.cancelReason,
        version: session.version + 1,
        updatedAt: now,
      },
      manager,
    );
    this.cache.changed(manager);
  }
}
