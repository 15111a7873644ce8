import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { FlagRaiser } from '../flags/flag-raiser';
import {
  type Assessment,
  DEFAULT_RULE_CONFIG,
  evaluate,
  type RuleConfig,
  tryResolveRuleConfig,
  type VolunteerInputs,
  weekStartOf,
} from '../rules';
import { AssessmentsRepository } from './assessments.repository';
import { WeeklyAggregatesRepository } from './weekly-aggregates.repository';

/** Changes to a volunteer's facts wait this long for more before they are evaluated. */
export const DEBOUNCE_MS = 5_000;
/** How long a claimed pending evaluation stays with the replica that claimed it. */
const LEASE_MS = 120_000;
export const DEFAULT_BATCH_SIZE = 1_000;

export interface RecomputeReport {
  volunteers: number;
  batches: number;
  flagsRaised: number;
  ms: number;
}

/**
 * Turns facts into assessments: gathers a batch of volunteers' weekly aggregates (set-based, see
 * WeeklyAggregatesRepository), runs the pure rules per volunteer, and writes the batch's assessments, weekly
 * history, flags and outbox events in one transaction. The same path serves one volunteer (a check-in), the
 * debounced queue of changed volunteers and the nightly run over everyone in id-ordered batches.
 */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger('WellbeingEvaluation');

  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly aggregates: WeeklyAggregatesRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly flags: FlagRaiser,
  ) {}

  /** Evaluates these volunteers now and stores the outcome; returns each one's assessment. */
  async evaluateVolunteers(volunteerIds: string[], now = new Date()): Promise<Map<string, Assessment>> {
    const { assessments } = await this.evaluateBatch(volunteerIds, now);
    return assessments;
  }

  /**
   * The nightly recompute for everyone, streamed: keyset pages of `batchSize` people, each gathered, evaluated
   * and written before the next is read, so memory holds one batch at a time whatever the population.
   */
  async recomputeAll(now = new Date(), batchSize = DEFAULT_BATCH_SIZE): Promise<RecomputeReport> {
    const started = Date.now();
    let after = '';
    let volunteers = 0;
    let batches = 0;
    let flagsRaised = 0;
    for (;;) {
      const ids = await this.aggregates.volunteerIdsAfter(after, batchSize);
      if (!ids.length) break;
      const outcome = await this.evaluateBatch(ids, now, { from: ids[0], to: ids[ids.length - 1] });
      volunteers += ids.length;
      flagsRaised += outcome.flagsRaised;
      batches++;
      after = ids[ids.length - 1]!;
      if (ids.length < batchSize) break;
    }
    const report = { volunteers, batches, flagsRaised, ms: Date.now() - started };
    this.logger.log(`recomputed ${volunteers} volunteers in ${batches} batches (${report.ms} ms)`);
    return report;
  }

  /** Queues an evaluation of these volunteers a few seconds from now, in the caller's transaction. */
  async markChanged(volunteerIds: string[], manager: EntityManager, now = new Date()): Promise<void> {
    await this.assessments.markPending(volunteerIds, new Date(now.getTime() + DEBOUNCE_MS), manager);
  }

  /** Evaluates the volunteers whose changes have settled; returns how many. */
  async drainPending(now = new Date(), limit = 200): Promise<number> {
    const lease = new Date(now.getTime() + LEASE_MS);
    const ids = await inTransaction(this.dataSource, (manager) =>
      this.assessments.claimDue(now, lease, limit, manager),
    );
    if (!ids.length) return 0;
    await this.evaluateBatch(ids, now);
    await inTransaction(this.dataSource, (manager) => this.assessments.release(ids, lease, manager));
    return ids.length;
  }

  /** What the rules read for one volunteer, as the batch would gather it (for tests and the benchmark). */
  async inputsOf(
    volunteerIds: string[],
    now = new Date(),
    range?: { from: string; to: string },
  ): Promise<VolunteerInputs[]> {
    return this.aggregates.gather(volunteerIds, now, range);
  }

  /**
   * The rule configuration each volunteer is evaluated with (their organisation's overrides, else the defaults).
   * `range`: the ids are a whole keyset page of people, read as an id range.
   */
  async configsFor(
    volunteerIds: string[],
    range?: { from: string; to: string },
  ): Promise<Map<string, RuleConfig>> {
    const overrides = await this.assessments.overridesFor(volunteerIds, range);
    const configs = new Map<string, RuleConfig>();
    const cache = new Map<string, RuleConfig>();
    for (const id of volunteerIds) {
      const stored = overrides.get(id);
      if (!stored) {
        configs.set(id, DEFAULT_RULE_CONFIG);
        continue;
      }
      let config = cache.get(stored);
      if (!config) {
        const resolved = tryResolveRuleConfig(JSON.parse(stored) as unknown);
        // Overrides are validated when stored; a set that no longer validates falls back to the defaults.
        config = resolved.ok ? resolved.config : DEFAULT_RULE_CONFIG;
        cache.set(stored, config);
      }
      configs.set(id, config);
    }
    return configs;
  }

  /** `range`: the batch is a whole keyset page of people, read as an id range. */
  private async evaluateBatch(
    volunteerIds: string[],
    now: Date,
    range?: { from: string; to: string },
  ): Promise<{ assessments: Map<string, Assessment>; flagsRaised: number }> {
    const ids = [...new Set(volunteerIds)].sort();
    const inputs = await this.aggregates.gather(ids, now, range);
    const configs = await this.configsFor(ids, range);
    const weekStart = weekStartOf(now);
    return inTransaction(this.dataSource, async (manager) => {
      const previous = await this.assessments.lockPrevious(ids, manager, range);
      const assessments = new Map<string, Assessment>();
      for (const input of inputs) {
        const config = configs.get(input.volunteerId) ?? DEFAULT_RULE_CONFIG;
        assessments.set(
          input.volunteerId,
          evaluate(config, input, previous.get(input.volunteerId)?.history ?? [], now),
        );
      }
      await this.assessments.save(
        [...assessments].map(([volunteerId, assessment]) => ({ volunteerId, weekStart, assessment })),
        manager,
      );
      const flagsRaised = await this.flags.onLevelChanges(
        manager,
        [...assessments].map(([volunteerId, assessment]) => ({
          volunteerId,
          previous: previous.get(volunteerId)?.level ?? 'green',
          assessment,
        })),
        now,
      );
      return { assessments, flagsRaised };
    });
  }
}
