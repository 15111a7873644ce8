import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import type { Assessment, Level, RuleHistory } from '../rules';
import { AssessmentRow, PendingEvaluation, RuleOverrides, SignalHistory } from '../wellbeing.entities';
import { upsertRows } from '../../shared/bulk-insert';
import { dbTime } from './amsterdam-time';
import { dialectOf, placeholders, scopeParams, type VolunteerScope, within } from './sql-dialect';

type Row = Record<string, unknown>;

export interface PreviousAssessment {
  level: Level;
  history: RuleHistory[];
}

/** The stored assessments, their weekly history and the queue of volunteers waiting for an evaluation. */
@Injectable()
export class AssessmentsRepository {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  /**
   * The previous level and hysteresis history of these volunteers, locked for this transaction on MariaDB. With
   * `range` (a whole keyset page of people), the page's id range is read and locked.
   */
  async lockPrevious(
    volunteerIds: string[],
    manager: EntityManager,
    range?: { from: string; to: string },
  ): Promise<Map<string, PreviousAssessment>> {
    const map = new Map<string, PreviousAssessment>();
    if (!volunteerIds.length) return map;
    const scope: VolunteerScope = { ids: volunteerIds, range };
    const rows: Row[] = await manager.query(
      `SELECT volunteer_id, level, history FROM wellbeing_assessments
        WHERE ${within('volunteer_id', scope)} ORDER BY volunteer_id${dialectOf(this.dataSource).forUpdate}`,
      [...scopeParams(scope)],
    );
    for (const row of rows) {
      map.set(String(row.volunteer_id), {
        level: String(row.level) as Level,
        history: JSON.parse(String(row.history)) as RuleHistory[],
      });
    }
    return map;
  }

  /**
   * The batch's assessments and one weekly history row per rule (and `overall`), each as raw multi-row upserts
   * (upsertRows): at 1,000 volunteers that is 1,000 + ~11,000 rows, which TypeORM's `upsert` turned into query
   * builder objects per value (bench/wellbeing-recompute.mjs).
   */
  async save(
    assessments: Array<{ volunteerId: string; weekStart: string; assessment: Assessment }>,
    manager: EntityManager,
  ): Promise<void> {
    const rows: AssessmentRow[] = [];
    const history: SignalHistory[] = [];
    for (const { volunteerId, weekStart, assessment } of assessments) {
      const { ruleVersion, level } = assessment;
      const evaluatedAt = new Date(assessment.evaluatedAt);
      rows.push({
        volunteerId,
        ruleVersion,
        level,
        results: JSON.stringify(assessment.results),
        history: JSON.stringify(assessment.history),
        weekStart,
        evaluatedAt,
      });
      history.push({
        volunteerId,
        weekStart,
        ruleCode: 'overall',
        level,
        value: null,
        ruleVersion,
        evaluatedAt,
      });
      for (const result of assessment.results) {
        history.push({
          volunteerId,
          weekStart,
          ruleCode: result.code,
          level: result.level,
          value: result.value,
          ruleVersion,
          evaluatedAt,
        });
      }
    }
    await upsertRows(manager, AssessmentRow, rows, ['volunteerId']);
    await upsertRows(manager, SignalHistory, history, ['volunteerId', 'weekStart', 'ruleCode']);
  }

  findOne(volunteerId: string): Promise<AssessmentRow | null> {
    return this.dataSource.getRepository(AssessmentRow).findOneBy({ volunteerId });
  }

  findMany(volunteerIds: string[]): Promise<AssessmentRow[]> {
    if (!volunteerIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(AssessmentRow).findBy({ volunteerId: In(volunteerIds) });
  }

  /** Overall levels per week since `fromWeek`, oldest first, for trends. */
  async overallTrend(
    volunteerIds: string[],
    fromWeek: string,
  ): Promise<Map<string, Array<{ weekStart: string; level: Level }>>> {
    const map = new Map<string, Array<{ weekStart: string; level: Level }>>();
    if (!volunteerIds.length) return map;
    const rows: Row[] = await this.dataSource.query(
      `SELECT volunteer_id, week_start, level FROM wellbeing_signal_history
        WHERE volunteer_id IN (${placeholders(volunteerIds.length)}) AND rule_code = 'overall' AND week_start >= ?
        ORDER BY volunteer_id, week_start`,
      [...volunteerIds, fromWeek],
    );
    for (const row of rows) {
      const v = String(row.volunteer_id);
      map.set(v, [
        ...(map.get(v) ?? []),
        { weekStart: String(row.week_start), level: String(row.level) as Level },
      ]);
    }
    return map;
  }

  /** Weekly history of every rule of one volunteer since `fromWeek` (their own view). */
  history(volunteerId: string, fromWeek: string): Promise<SignalHistory[]> {
    return this.dataSource
      .getRepository(SignalHistory)
      .createQueryBuilder('h')
      .where('h.volunteer_id = :volunteerId AND h.week_start >= :fromWeek', { volunteerId, fromWeek })
      .orderBy('h.week_start', 'ASC')
      .addOrderBy('h.rule_code', 'ASC')
      .getMany();
  }

  /**
   * Per volunteer, the overrides of the first of their organisations (by id) that has any; with `range`, for
   * everyone in that id range.
   */
  async overridesFor(
    volunteerIds: string[],
    range?: { from: string; to: string },
  ): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (!volunteerIds.length) return map;
    const scope: VolunteerScope = { ids: volunteerIds, range };
    const rows: Row[] = await this.dataSource.query(
      `SELECT m.user_id AS v, r.overrides AS o
         FROM enrolment_memberships m JOIN wellbeing_rule_overrides r ON r.organisation_id = m.organisation_id
        WHERE m.role = 'volunteer' AND ${within('m.user_id', scope)}
        ORDER BY m.user_id, m.organisation_id`,
      [...scopeParams(scope)],
    );
    for (const row of rows) if (!map.has(String(row.v))) map.set(String(row.v), String(row.o));
    return map;
  }

  /** Every volunteer of an organisation (for re-evaluation after its thresholds change). */
  async volunteersOf(organisationId: string): Promise<string[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT user_id FROM enrolment_memberships WHERE organisation_id = ? AND role = 'volunteer'`,
      [organisationId],
    );
    return rows.map((row) => String(row.user_id));
  }

  async overridesOf(organisationId: string): Promise<RuleOverrides | null> {
    return this.dataSource.getRepository(RuleOverrides).findOneBy({ organisationId });
  }

  async saveOverrides(row: RuleOverrides): Promise<void> {
    await this.dataSource.getRepository(RuleOverrides).upsert(row, ['organisationId']);
  }

  /** Asks for an evaluation of these volunteers at `dueAt` (a later change moves it later: debounced). */
  async markPending(volunteerIds: string[], dueAt: Date, manager: EntityManager): Promise<void> {
    const unique = [...new Set(volunteerIds)];
    if (!unique.length) return;
    await manager.getRepository(PendingEvaluation).upsert(
      unique.map((volunteerId) => ({ volunteerId, dueAt })),
      ['volunteerId'],
    );
  }

  /**
   * Claims up to `limit` volunteers whose evaluation is due by pushing their due time to `leaseUntil` (other
   * replicas skip them meanwhile; a crash lets the lease run out and the work is picked up again).
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number, manager: EntityManager): Promise<string[]> {
    const rows: Row[] = await manager.query(
      `SELECT volunteer_id FROM wellbeing_pending WHERE due_at <= ? ORDER BY due_at LIMIT ${Math.floor(limit)}${dialectOf(this.dataSource).forUpdateSkipLocked}`,
      [dbTime(now)],
    );
    const ids = rows.map((row) => String(row.volunteer_id));
    if (ids.length) {
      await manager.getRepository(PendingEvaluation).update({ volunteerId: In(ids) }, { dueAt: leaseUntil });
    }
    return ids;
  }

  /** Done: only rows still holding this very lease go (a change meanwhile set a new due time and stays). */
  async release(volunteerIds: string[], leaseUntil: Date, manager: EntityManager): Promise<void> {
    if (!volunteerIds.length) return;
    await manager
      .getRepository(PendingEvaluation)
      .delete({ volunteerId: In(volunteerIds), dueAt: leaseUntil });
  }
}
