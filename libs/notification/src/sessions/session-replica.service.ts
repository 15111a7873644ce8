import { Injectable } from '@nestjs/common';
import type {
  EventEnvelope,
  SessionCancelledV1,
  SessionChangedV1,
  SessionSnapshot,
} from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { DeliveryService } from '../deliveries/delivery.service';
import { NotificationSession } from './session.entity';
import { eventKey, MY_TRAININGS, sessionCancelledKey, sessionParams } from './session-params';
import { SessionsReplicaRepository } from './sessions-replica.repository';

/** Changes participants notice in their calendar: they get a new invitation for these. */
const NOTICEABLE = new Set(['time', 'place']);

/**
 * Keeps the session replica (an older version never replaces a newer one) and tells participants what happened
 * to their session: moved meetings with a new invitation (same UIDs, higher SEQUENCE), a cancellation with
 * METHOD:CANCEL.
 */
@Injectable()
export class SessionReplicaService {
  constructor(
    private readonly replicas: SessionsReplicaRepository,
    private readonly delivery: DeliveryService,
  ) {}

  /** Stores the snapshot unless the replica holds this version or a newer one; true when it was applied. */
  async apply(
    snapshot: SessionSnapshot,
    manager: EntityManager,
    cancelReason: string | null = null,
  ): Promise<boolean> {
    const stored = await this.replicas.findSession(snapshot.sessionId, manager);
    if (stored && stored.version >= snapshot.version) return false;
    const starts = snapshot.meetings.map((m) => new Date(m.startsAt).getTime());
    const ends = snapshot.meetings.map((m) => new Date(m.endsAt).getTime());
    const session = Object.assign(new NotificationSession(), {
      id: snapshot.sessionId,
      courseId: snapshot.courseId,
      title: snapshot.courseTitle.slice(0, 150),
      kind: snapshot.courseKind,
      language: snapshot.language,
      meetings: snapshot.meetings,
      trainerIds: snapshot.trainerIds,
      status: snapshot.status,
      cancelReason: cancelReason ?? stored?.cancelReason ?? null,
      version: snapshot.version,
      firstStartsAt: new Date(starts.length ? Math.min(...starts) : 0),
      lastEndsAt: new Date(ends.length ? Math.max(...ends) : 0),
      updatedAt: new Date(),
    });
    await this.replicas.saveSession(session, stored !== null, manager);
    return true;
  }

  async changed(event: EventEnvelope<string, SessionChangedV1>, manager: EntityManager): Promise<number> {
    const session = event.payload;
    if (!(await this.apply(session, manager))) return 0;
    if (!session.changes.some((change) => NOTICEABLE.has(change))) return 0;
    const params = sessionParams(session, session.version);
    let told = 0;
    for (const enrolment of await this.replicas.enrolmentsOf(session.sessionId, ['confirmed'], manager)) {
      const result = await this.delivery.enqueue(manager, {
        dedupKey: eventKey(event.id, enrolment.userId, 'session-changed'),
        recipientId: enrolment.userId,
        kind: 'session-changed',
        params: { ...params, enrolmentId: enrolment.id },
        attachment: { type: 'invitation' },
        link: MY_TRAININGS,
      });
      if (result.outcome === 'queued') told++;
    }
    return told;
  }

  async cancelled(event: EventEnvelope<string, SessionCancelledV1>, manager: EntityManager): Promise<number> {
    const session = event.payload;
    if (!(await this.apply(session, manager, session.reason))) return 0;
    const params = sessionParams(session, session.version);
    let told = 0;
    const concerned = await this.replicas.enrolmentsOf(
      session.sessionId,
      ['confirmed', 'waitlisted', 'offered'],
      manager,
    );
    for (const enrolment of concerned) {
      const hadInvitation = enrolment.status === 'confirmed';
      const result = await this.delivery.enqueue(manager, {
        dedupKey: sessionCancelledKey(session.sessionId, enrolment.userId),
        recipientId: enrolment.userId,
        kind: 'session-cancelled',
        params: { ...params, enrolmentId: enrolment.id, reason: session.reason, calendar: hadInvitation },
        attachment: hadInvitation ? { type: 'cancellation' } : undefined,
        link: MY_TRAININGS,
      });
      if (result.outcome === 'queued') told++;
    }
    return told;
  }
}
