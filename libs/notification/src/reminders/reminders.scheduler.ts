import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { DeliveryService } from '../deliveries/delivery.service';
import { NOTIFICATION } from '../notification.constants';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';
import { Poller } from './poller';
import type { Reminder } from './reminder.entity';
import { REMINDER_OPTIONS, type ReminderOptions } from './reminder.options';
import { RemindersRepository } from './reminders.repository';

const BATCH = 100;
const DAY = 86_400_000;
/** Settled reminders are kept this long after their meeting (the delivery log keeps the messages). */
const KEEP_SETTLED_DAYS = 30;

export interface ReminderRound {
  sent: number;
  dropped: number;
}

/**
 * Turns due reminders into deliveries (email + inbox) through DeliveryService, in one transaction per batch:
 * the claim, the status and the delivery row commit together. Replicas claim different rows (`SKIP LOCKED`), the
 * status change is conditional, and the delivery's dedup key `<reminderId>:<meetingStartsAt>` is unique — three
 * locks on the same door, so a reminder is never sent twice, whatever restarts in between. A reminder whose
 * meeting has begun is dropped: late is worse than not at all.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly poller: Poller;
  private lastHousekeeping = 0;

  constructor(
    @InjectDataSource(NOTIFICATION) private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly replica: SessionsReplicaRepository,
    private readonly deliveries: DeliveryService,
    @Inject(REMINDER_OPTIONS) private readonly options: ReminderOptions,
  ) {
    this.poller = new Poller('sending reminders', new Logger('RemindersScheduler'), (now) =>
      this.runDue(now),
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start(this.options.pollMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  /** Sends (or drops) every reminder due at `now`. */
  async runDue(now = new Date()): Promise<ReminderRound> {
    const round: ReminderRound = { sent: 0, dropped: 0 };
    if (now.getTime() - this.lastHousekeeping > DAY) {
      this.lastHousekeeping = now.getTime();
      await this.reminders.deleteSettledBefore(new Date(now.getTime() - KEEP_SETTLED_DAYS * DAY));
    }
    for (;;) {
      const claimed = await inTransaction(this.dataSource, async (manager) => {
        const rows = await this.reminders.claimDue(now, BATCH, manager);
        for (const row of rows) await this.settle(manager, row, rows, now, round);
        return rows.length;
      });
      if (claimed < BATCH) return round;
    }
  }

  private async settle(
    manager: EntityManager,
    row: Reminder,
    batch: Reminder[],
    now: Date,
    round: ReminderRound,
  ): Promise<void> {
    const drop = async () => {
      if (await this.reminders.settle(row.id, 'dropped', now, manager)) round.dropped++;
    };
    if (row.meetingStartsAt.getTime() <= now.getTime()) return drop();
    // Two reminders of one meeting due at once (the service was down for days): the nearer one says it all.
    const nearer = batch.some(
      (other) =>
        other.enrolmentId === row.enrolmentId &&
        other.meetingId === row.meetingId &&
        other.offsetMinutes < row.offsetMinutes,
    );
    if (nearer) return drop();
    const [enrolment, session] = await Promise.all([
      this.replica.findEnrolment(row.enrolmentId, manager),
      this.replica.findSession(row.sessionId, manager),
    ]);
    if ((enrolment && enrolment.status !== 'confirmed') || session?.status === 'cancelled') return drop();
    if (!(await this.reminders.settle(row.id, 'sent', now, manager))) return;
    const meeting = session?.meetings.find((m) => m.meetingId === row.meetingId);
    const startsAt = row.meetingStartsAt.toISOString();
    const result = await this.deliveries.enqueue(manager, {
      dedupKey: `${row.id}:${startsAt}`,
      recipientId: row.userId,
      kind: 'meeting-reminder',
      optional: 'reminder',
      params: {
        courseTitle: session?.title ?? row.courseTitle,
        startsAt,
        ...(meeting ? { meetings: [{ ...meeting, startsAt }] } : {}),
      },
      link: '/my/trainings',
    });
    if (result.outcome === 'skipped') {
      await this.reminders.mark(row.id, 'dropped', now, manager);
      round.dropped++;
    } else round.sent++;
  }
}
