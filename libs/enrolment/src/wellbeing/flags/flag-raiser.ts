import { Injectable } from '@nestjs/common';
import { WELLBEING_FLAG_RAISED_V1 } from '@academy/contracts';
import { appendManyToOutbox, type OutboxEntry, outboxEntry } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT } from '../../enrolment.constants';
import { type Assessment, type Level, raisesLevel } from '../evaluation/levels';
import { SharingRepository } from '../inputs/sharing.repository';
import { Flag, FlagNote } from '../wellbeing.entities';
import { FlagsRepository } from './flags.repository';

/** After a coordinator logged a check-in on a red flag, a new red waits for the digest this long. */
export const QUIET_PERIOD_MS = 14 * 24 * 3_600_000;
/** Rows per multi-row INSERT of flags, notes and events. */
const WRITE_CHUNK = 500;

export interface LevelChange {
  volunteerId: string;
  previous: Level;
  assessment: Assessment;
}

/**
 * Opens flags when volunteers turn amber or red: one per organisation they volunteer for and did not object to,
 * announced through the outbox in the caller's transaction. An open flag that turns from amber to red escalates
 * (and is told at once); the 14-day quiet period after a coordinator's check-in holds back only a red that
 * follows a red already seen.
 */
@Injectable()
export class FlagRaiser {
  constructor(
    private readonly flags: FlagsRepository,
    private readonly sharing: SharingRepository,
  ) {}

  async onLevelChanges(manager: EntityManager, changes: LevelChange[], now: Date): Promise<number> {
    const rising = changes.filter(
      (c) => c.assessment.level !== 'green' && raisesLevel(c.previous, c.assessment.level),
    );
    if (!rising.length) return 0;
    const ids = rising.map((c) => c.volunteerId);
    const organisations = await this.sharing.sharedOrganisationsOf(ids, manager);
    const active = await this.flags.activeOf(ids, manager);
    const acts = await this.flags.coordinatorActsSince(
      ids,
      new Date(now.getTime() - QUIET_PERIOD_MS),
      manager,
    );
    // Written together after the loop (a multi-row INSERT each): the first nightly run, or a day when many turn
    // amber at once, must not cost three round trips per flag (bench/wellbeing-recompute.mjs).
    const newFlags: Flag[] = [];
    const notes: FlagNote[] = [];
    const events: OutboxEntry[] = [];
    let raised = 0;
    for (const change of rising) {
      const level = change.assessment.level as 'amber' | 'red';
      const ruleCodes = change.assessment.results
        .filter((r) => r.level === 'amber' || r.level === 'red')
        .map((r) => r.code);
      for (const organisationId of organisations.get(change.volunteerId) ?? []) {
        const existing = active.find(
          (f) => f.volunteerId === change.volunteerId && f.organisationId === organisationId,
        );
        if (existing) {
          if (existing.level === 'amber' && level === 'red') {
            await this.flags.update(
              existing.id,
              { level, ruleCodes: ruleCodes.join(','), status: 'open', updatedAt: now },
              manager,
            );
            notes.push(this.note(existing.id, 'escalated', now));
            events.push(this.announcement(existing.id, change, organisationId, ruleCodes, now, true));
            raised++;
          }
          continue;
        }
        const quiet = acts.some(
          (a) =>
            a.volunteerId === change.volunteerId && a.organisationId === organisationId && a.level === 'red',
        );
        const flag = Object.assign(new Flag(), {
          id: uuidv7(),
          volunteerId: change.volunteerId,
          organisationId,
          level,
          ruleCodes: ruleCodes.join(','),
          status: 'open' as const,
          raisedAt: now,
          acknowledgedAt: null,
          closedAt: null,
          updatedAt: now,
        });
        newFlags.push(flag);
        notes.push(this.note(flag.id, 'raised', now));
        events.push(
          this.announcement(flag.id, change, organisationId, ruleCodes, now, level === 'red' && !quiet),
        );
        raised++;
      }
    }
    for (let i = 0; i < newFlags.length; i += WRITE_CHUNK) {
      await this.flags.insertMany(newFlags.slice(i, i + WRITE_CHUNK), manager);
    }
    for (let i = 0; i < notes.length; i += WRITE_CHUNK) {
      await this.flags.addNotes(notes.slice(i, i + WRITE_CHUNK), manager);
    }
    for (let i = 0; i < events.length; i += WRITE_CHUNK) {
      await appendManyToOutbox(manager, ENROLMENT, events.slice(i, i + WRITE_CHUNK));
    }
    return raised;
  }

  private note(flagId: string, kind: 'raised' | 'escalated', now: Date): FlagNote {
    return Object.assign(new FlagNote(), {
      id: uuidv7(),
      flagId,
      kind,
      authorId: null,
      note: null,
      createdAt: now,
    });
  }

  private announcement(
    flagId: string,
    change: LevelChange,
    organisationId: string,
    ruleCodes: string[],
    now: Date,
    notifyNow: boolean,
  ): OutboxEntry {
    return outboxEntry(WELLBEING_FLAG_RAISED_V1, {
      flagId,
      organisationId,
      volunteerId: change.volunteerId,
      level: change.assessment.level as 'amber' | 'red',
      previousLevel: change.previous,
      ruleCodes,
      raisedAt: now.toISOString(),
      notifyNow,
    });
  }
}
