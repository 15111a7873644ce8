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
import { ENROLMENT } from '../enrolment.constants';
import { EnrolmentsRepository } from '../enrolments/enrolments.repository';
import { SeatKeeper } from '../enrolments/seat-keeper';
import { SessionsRepository } from '../sessions/sessions.repository';
import { GoNoGoService } from './go-no-go.service';

export const SCHEDULER_OPTIONS = Symbol('ENROLMENT_SCHEDULER_OPTIONS');
export interface SchedulerOptions {
  /** How often due work is looked for; 0 switches the poller off (tests drive runDue themselves). */
  intervalMs: number;
}
export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { intervalMs: 5_000 };

const BATCH = 50;

/**
 * Time-driven work of the enrolment context, kept in the database so it survives restarts: offers that lapse and
 * go/no-go moments that pass. A poller looks for due rows every few seconds; each session is claimed with
 * `FOR UPDATE SKIP LOCKED` on MariaDB, so several replicas never handle the same one and none waits on another.
 */
@Injectable()
export class EnrolmentScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EnrolmentScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly keeper: SeatKeeper,
    private readonly goNoGo: GoNoGoService,
    @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runDue(new Date())
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.warn(`scheduled work failed, retrying next round: ${(error as Error).message}`);
      })
      .finally(() => (this.running = undefined));
  }

  /** Handles everything due at `now`; returns what it did. */
  async runDue(now: Date): Promise<{ offersLapsed: number; decided: number }> {
    let offersLapsed = 0;
    let decided = 0;
    for (const id of await this.sessions.dueGoNoGo(now, BATCH)) {
      const decision = await inTransaction(this.dataSource, async (manager) => {
        const session = await this.sessions.claimDueGoNoGo(id, now, manager);
        return session ? this.goNoGo.decide(manager, session, now) : null;
      });
      if (decision) decided++;
    }
    for (const id of await this.enrolments.sessionsWithDueOffers(now, BATCH)) {
      offersLapsed += await inTransaction(this.dataSource, async (manager) => {
        const session = await this.sessions.claim(id, manager);
        return session ? this.keeper.expireOffers(manager, session, now) : 0;
      });
    }
    return { offersLapsed, decided };
  }
}
