import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { DeliveryService } from '../deliveries/delivery.service';
import { NOTIFICATION } from '../notification.constants';
import type { DigestCadence } from '../preferences/preference.entity';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { PreferencesService } from '../preferences/preferences.service';
import { Poller } from '../reminders/poller';
import { wholeOption } from '../reminders/reminder.options';
import { addDays, atLocalTime, localDate } from '../roster/local-time';
import { flagPath } from './digest.consumer';
import { DigestItemsRepository } from './digest-items.repository';

export interface DigestOptions {
  /** Local hour (Europe/Amsterdam) of the digest: weekly on Monday, or daily (`DIGEST_HOUR`, default 8). */
  hour: number;
  /** How often waiting digests are looked for (`DIGEST_POLL_MS`, default 60 s; 0 = off). */
  pollMs: number;
}
export const DIGEST_OPTIONS = Symbol('DIGEST_OPTIONS');

export function digestOptionsFrom(env: Record<string, string | undefined> = process.env): DigestOptions {
  return {
    hour: wholeOption(env, 'DIGEST_HOUR', 8, 23),
    pollMs: wholeOption(env, 'DIGEST_POLL_MS', 60_000, 3_600_000),
  };
}

/** The latest scheduled digest moment at or before `now`: today's (daily) or this Monday's (weekly) hour. */
export function periodStart(cadence: Exclude<DigestCadence, 'off'>, now: Date, hour: number): Date {
  const today = localDate(now);
  const back = cadence === 'daily' ? 0 : (today.weekday + 6) % 7;
  const step = cadence === 'daily' ? 1 : 7;
  const at = atLocalTime(addDays(today, -back), hour);
  return at.getTime() <= now.getTime() ? at : atLocalTime(addDays(today, -back - step), hour);
}

/**
 * Sends each coordinator one digest per period (their preference: weekly, daily or off) listing the flags raised
 * since the last one, and nothing when nothing is new. Items are taken (and deleted) in the transaction that
 * writes the delivery, whose dedup key `<coordinatorId>:<periodStart>` keeps it to one per period.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly poller: Poller;

  constructor(
    @InjectDataSource(NOTIFICATION) private readonly dataSource: DataSource,
    private readonly items: DigestItemsRepository,
    private readonly preferences: PreferencesService,
    private readonly preferenceRows: PreferencesRepository,
    private readonly deliveries: DeliveryService,
    @Inject(DIGEST_OPTIONS) private readonly options: DigestOptions,
  ) {
    this.poller = new Poller('sending digests', new Logger('DigestScheduler'), (now) => this.runDue(now));
  }

  onApplicationBootstrap(): void {
    this.poller.start(this.options.pollMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  /** Sends the digests due at `now`; returns how many went out. */
  async runDue(now = new Date()): Promise<number> {
    let sent = 0;
    for (const coordinatorId of await this.items.coordinatorsWaiting()) {
      if (await this.sendTo(coordinatorId, now)) sent++;
    }
    return sent;
  }

  private sendTo(coordinatorId: string, now: Date): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const preferences = await this.preferences.effective(coordinatorId, manager);
      if (preferences.digest === 'off') return false;
      const start = periodStart(preferences.digest, now, this.options.hour);
      const row = await this.preferenceRows.find(coordinatorId, manager);
      if (row?.digestSentAt && row.digestSentAt.getTime() >= start.getTime()) return false;
      // Flags raised after this period's moment wait for the next digest.
      const items = (await this.items.takeFor(coordinatorId, manager)).filter(
        (item) => item.raisedAt.getTime() <= start.getTime(),
      );
      if (!items.length) return false;
      // Written at the real time (the scheduler's `now` may be a test's), so the dispatcher sends it at once.
      const result = await this.deliveries.enqueue(manager, {
        dedupKey: `${coordinatorId}:${start.toISOString()}`,
        recipientId: coordinatorId,
        kind: 'coordinator-digest',
        optional: 'digest',
        params: {
          periodStart: start.toISOString(),
          count: items.length,
          red: items.filter((item) => item.level === 'red').length,
          amber: items.filter((item) => item.level === 'amber').length,
          flags: items.map((item) => ({
            levelKey: `mail.coordinator-digest.level.${item.level}`,
            raisedAt: item.raisedAt.toISOString(),
            path: flagPath(item.flagId),
          })),
        },
        link: '/coordinator/flags',
      });
      await this.items.removeFor(
        coordinatorId,
        items.map((item) => item.flagId),
        manager,
      );
      await this.preferenceRows.change(coordinatorId, { digestSentAt: now }, now, manager);
      return result.outcome === 'queued';
    });
  }
}
