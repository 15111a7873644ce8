import { Inject, Injectable } from '@nestjs/common';
import type { MeetingSnapshot, SessionSnapshot } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';
import { Reminder } from './reminder.entity';
import { REMINDER_OPTIONS, type ReminderOptions } from './reminder.options';
import { RemindersRepository } from './reminders.repository';

const MINUTE = 60_000;

export interface ConfirmedEnrolment {
  enrolmentId: string;
  userId: string;
  sessionId: string;
  courseTitle: string;
  meetings: MeetingSnapshot[];
}

/**
 * Keeps the `reminders` table in step with enrolments and sessions, inside the transaction of the event that
 * changes them: planned when an enrolment gets a seat, moved when a meeting moves, forgotten when the enrolment
 * or the session ends. A reminder whose moment has already passed when it is planned is dropped: the
 * confirmation or the change message just told the person.
 */
@Injectable()
export class RemindersPlanner {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly replica: SessionsReplicaRepository,
    @Inject(REMINDER_OPTIONS) private readonly options: ReminderOptions,
  ) {}

  /**
   * Plans every reminder of an enrolment's meetings. `snapshot`: the catalogue's own version of the meetings
   * (a session change); without it the session replica is preferred to the enrolment event's copy, which may be
   * older than a change this context already heard of.
   */
  async plan(
    manager: EntityManager,
    enrolment: ConfirmedEnrolment,
    now: Date,
    snapshot?: { version: number },
  ): Promise<number> {
    const session = snapshot ? null : await this.replica.findSession(enrolment.sessionId, manager);
    if (session?.status === 'cancelled') return 0;
    const meetings = session?.meetings ?? enrolment.meetings;
    const version = snapshot?.version ?? session?.version ?? 0;
    const courseTitle = (session?.title ?? enrolment.courseTitle).slice(0, 150);
    let planned = 0;
    for (const meeting of meetings) {
      for (const offset of this.options.offsetsMinutes) {
        const startsAt = new Date(meeting.startsAt);
        const dueAt = new Date(startsAt.getTime() - offset * MINUTE);
        const inserted = await this.reminders.insert(
          Object.assign(new Reminder(), {
            id: uuidv7(),
            enrolmentId: enrolment.enrolmentId,
            userId: enrolment.userId,
            sessionId: enrolment.sessionId,
            meetingId: meeting.meetingId,
            courseTitle,
            offsetMinutes: offset,
            meetingStartsAt: startsAt,
            dueAt,
            status: dueAt.getTime() <= now.getTime() ? 'dropped' : 'pending',
            sessionVersion: version,
            updatedAt: now,
          }),
          manager,
        );
        if (inserted) planned++;
      }
    }
    return planned;
  }

  /** A session changed: meetings that moved get new due times, removed ones lose theirs, new ones gain them. */
  async reschedule(manager: EntityManager, session: SessionSnapshot, now: Date): Promise<void> {
    const existing = await this.reminders.ofSession(session.sessionId, manager);
    if (!existing.length) return;
    if (existing.every((reminder) => reminder.sessionVersion >= session.version)) return;
    const meetings = new Map(session.meetings.map((meeting) => [meeting.meetingId, meeting]));
    const gone: string[] = [];
    for (const reminder of existing) {
      if (reminder.sessionVersion >= session.version) continue;
      const meeting = meetings.get(reminder.meetingId);
      if (!meeting) {
        gone.push(reminder.id);
        continue;
      }
      const startsAt = new Date(meeting.startsAt);
      const moved = startsAt.getTime() !== reminder.meetingStartsAt.getTime();
      const dueAt = new Date(startsAt.getTime() - reminder.offsetMinutes * MINUTE);
      // A moved meeting is a new moment to be reminded of (the dedup key carries the start), even when the
      // reminder of the old moment went out already.
      const status = !moved ? reminder.status : dueAt.getTime() <= now.getTime() ? 'dropped' : 'pending';
      await this.reminders.move(
        reminder.id,
        { meetingStartsAt: startsAt, dueAt, status, sessionVersion: session.version },
        now,
        manager,
      );
    }
    await this.reminders.deleteUnsent({ ids: gone }, manager);
    // Meetings added to the session: everyone already planned for it gets them too.
    const enrolments = new Map(existing.map((r) => [r.enrolmentId, r]));
    const known = new Set(existing.map((r) => r.meetingId));
    const added = session.meetings.filter((meeting) => !known.has(meeting.meetingId));
    if (!added.length) return;
    for (const reminder of enrolments.values()) {
      await this.plan(
        manager,
        {
          enrolmentId: reminder.enrolmentId,
          userId: reminder.userId,
          sessionId: session.sessionId,
          courseTitle: session.courseTitle,
          meetings: added,
        },
        now,
        { version: session.version },
      );
    }
  }

  async forgetEnrolment(manager: EntityManager, enrolmentId: string): Promise<void> {
    await this.reminders.deleteUnsent({ enrolmentId }, manager);
  }

  async forgetSession(manager: EntityManager, sessionId: string): Promise<void> {
    await this.reminders.deleteUnsent({ sessionId }, manager);
  }
}
