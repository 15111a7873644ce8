import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { amsterdamOffsetMs } from '../evaluation/amsterdam-time';
import { EvaluationService, type RecomputeReport } from '../evaluation/evaluation.service';
import { RetentionService } from '../retention/retention.service';
import { localDay } from '../rules';
import { JobRun } from '../wellbeing.entities';

export const WELLBEING_SCHEDULER_OPTIONS = Symbol('WELLBEING_SCHEDULER_OPTIONS');
export interface WellbeingSchedulerOptions {
  /** How often the queue of changed volunteers is drained; 0 switches the poller off (tests drive it). */
  intervalMs: number;
  /** The local hour (Europe/Amsterdam) from which the nightly run may start. */
  nightlyHour: number;
}
export const DEFAULT_WELLBEING_SCHEDULER_OPTIONS: WellbeingSchedulerOptions = {
  intervalMs: 3_000,
  nightlyHour: 3,
};

/** WARNING: persisted in wellbeing_job_runs.name; renaming one runs the job again the same night. */
const NIGHTLY_JOB = 'nightly-recompute';

/**
 * The load signals' time-driven work, kept in the database so restarts lose nothing: the debounced evaluations
 * queued by changes (every few seconds), and once a night (from 03:00 in Amsterdam) the recompute for everyone
 * followed by retention. The night's run is claimed with a conditional update, so one replica runs it.
 */
@Injectable()
export class WellbeingScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WellbeingScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationService,
    private readonly retention: RetentionService,
    @Inject(WELLBEING_SCHEDULER_OPTIONS) private readonly options: WellbeingSchedulerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops the poller (tests drive `runDue` with the moments they want). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runDue(new Date())
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.warn(`load-signal work failed, retrying next round: ${(error as Error).message}`);
      })
      .finally(() => (this.running = undefined));
  }

  /** Everything due at `now`: the settled changes, and the nightly run when its hour has come. */
  async runDue(now: Date): Promise<{ evaluated: number; nightly: RecomputeReport | null }> {
    let evaluated = 0;
    for (;;) {
      const drained = await this.evaluation.drainPending(now);
      evaluated += drained;
      if (drained < 200) break;
    }
    const nightly = (await this.claimNightly(now)) ? await this.nightly(now) : null;
    return { evaluated, nightly };
  }

  /** The nightly work, callable on its own (the benchmark, an operator). */
  async nightly(now = new Date()): Promise<RecomputeReport> {
    const report = await this.evaluation.recomputeAll(now);
    await this.retention.purgeExpired(now);
    return report;
  }

  private async claimNightly(now: Date): Promise<boolean> {
    const localHour = new Date(now.getTime() + amsterdamOffsetMs(now)).getUTCHours();
    if (localHour < this.options.nightlyHour) return false;
    const today = localDay(now);
    const runs = this.dataSource.getRepository(JobRun);
    if (!(await runs.existsBy({ name: NIGHTLY_JOB }))) {
      await runs
        .createQueryBuilder()
        .insert()
        .values({ name: NIGHTLY_JOB, lastRunOn: '', updatedAt: now })
        .orIgnore()
        .execute();
    }
    const claimed = await runs
      .createQueryBuilder()
      .update()
      .set({ lastRunOn: today, updatedAt: now })
      .where('name = :name AND last_run_on < :today', { name: NIGHTLY_JOB, today })
      .execute();
    return (claimed.affected ?? 0) > 0;
  }
}
