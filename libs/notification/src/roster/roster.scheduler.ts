import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeetingSnapshot } from '@academy/contracts';
import { inTransaction } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { DeliveryService } from '../deliveries/delivery.service';
import { NOTIFICATION } from '../notification.constants';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { Poller } from '../reminders/poller';
import { wholeOption } from '../reminders/reminder.options';
import type { NotificationSession } from '../sessions/session.entity';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';
import { addDays, atLocalTime, localDate } from './local-time';
import { RosterSent } from './roster-sent.entity';
import { RosterRepository } from './roster.repository';

const DAY = 86_400_000;

export interface RosterOptions {
  /** The local hour (Europe/Amsterdam) on the day before a meeting at which its roster goes out (`ROSTER_HOUR`). */
  hour: number;
  /** How often due rosters are looked for (`ROSTER_POLL_MS`, default 60 s; 0 = off). */
  pollMs: number;
}
export const ROSTER_OPTIONS = Symbol('ROSTER_OPTIONS');

export function rosterOptionsFrom(env: Record<string, string | undefined> = process.env): RosterOptions {
  return {
    hour: wholeOption(env, 'ROSTER_HOUR', 18, 23),
    pollMs: wholeOption(env, 'ROSTER_POLL_MS', 60_000, 3_600_000),
  };
}

/** When the roster of a meeting goes out: at the hour, local time, on the day before it. */
export function rosterDueAt(meetingStartsAt: Date, hour: number): Date {
  return atLocalTime(addDays(localDate(meetingStartsAt), -1), hour);
}

/**
 * Sends each trainer of a session the names of its confirmed participants the day before each meeting. The
 * `notification_rosters` row (meeting, start) is inserted in the same transaction as the deliveries, so a
 * roster goes out once across replicas and restarts; a meeting that moves gets a roster for its new time.
 */
@Injectable()
export class RosterScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly poller: Poller;

  constructor(
    @InjectDataSource(NOTIFICATION) private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
    private readonly replica: SessionsReplicaRepository,
    private readonly recipients: RecipientsRepository,
    private readonly deliveries: DeliveryService,
    @Inject(ROSTER_OPTIONS) private readonly options: RosterOptions,
  ) {
    this.poller = new Poller('sending rosters', new Logger('RosterScheduler'), (now) => this.runDue(now));
  }

  onApplicationBootstrap(): void {
    this.poller.start(this.options.pollMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  /** Sends every roster due at `now`; returns how many meetings' rosters went out. */
  async runDue(now = new Date()): Promise<number> {
    let rosters = 0;
    for (const session of await this.rosters.upcoming(now, new Date(now.getTime() + 2 * DAY))) {
      for (const meeting of session.meetings) {
        const startsAt = new Date(meeting.startsAt);
        if (startsAt.getTime() <= now.getTime()) continue;
        if (rosterDueAt(startsAt, this.options.hour).getTime() > now.getTime()) continue;
        if (await this.rosters.wasSent(meeting.meetingId, startsAt)) continue;
        if (await this.send(session, meeting, startsAt, now)) rosters++;
      }
    }
    return rosters;
  }

  private send(
    session: NotificationSession,
    meeting: MeetingSnapshot,
    startsAt: Date,
    now: Date,
  ): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const claimed = await this.rosters.claim(
        Object.assign(new RosterSent(), {
          meetingId: meeting.meetingId,
          meetingStartsAt: startsAt,
          sessionId: session.id,
          sentAt: now,
        }),
        manager,
      );
      if (!claimed) return false;
      const confirmed = await this.replica.enrolmentsOf(session.id, ['confirmed'], manager);
      const people = await this.recipients.findActive(
        confirmed.map((e) => e.userId),
        manager,
      );
      const participants = [...people.values()]
        .map((person) => person.displayName ?? '')
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, 'nl'));
      for (const trainerId of session.trainerIds) {
        await this.deliveries.enqueue(manager, {
          dedupKey: `roster:${meeting.meetingId}:${startsAt.toISOString()}:${trainerId}`,
          recipientId: trainerId,
          kind: 'trainer-roster',
          params: {
            courseTitle: session.title,
            startsAt: startsAt.toISOString(),
            meetings: [meeting],
            participants,
            count: participants.length,
            sessionUrl: `/trainer/sessions/${session.id}`,
          },
          link: `/trainer/sessions/${session.id}`,
        });
      }
      return true;
    });
  }
}
