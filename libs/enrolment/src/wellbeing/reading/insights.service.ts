import { Injectable } from '@nestjs/common';
import type { Page, Principal } from '@academy/platform';
import { CourseThemesRepository, type RecommendedCourse } from '../courses/course-themes.repository';
import { themesFor } from '../courses/course-themes';
import { AssessmentsRepository } from '../evaluation/assessments.repository';
import { EvaluationService } from '../evaluation/evaluation.service';
import { FlagsRepository } from '../flags/flags.repository';
import { InputsRepository } from '../inputs/inputs.repository';
import { SharingRepository } from '../inputs/sharing.repository';
import { addWeeks, type Assessment, type Level, type RuleResult, weekStartOf } from '../rules';
import { WellbeingAccess } from '../shared/wellbeing-access';
import type { AssessmentRow } from '../wellbeing.entities';
import { AuditRepository } from './audit.repository';
import type { SessionAtRiskDto } from './sessions-at-risk.dto';
import { SessionsAtRiskService } from './sessions-at-risk.service';
import { type AssessmentView, fired, type SignalView, WellbeingViews } from './wellbeing-views';

/** Aggregate counts are never shown for a group smaller than this (WELLBEING.md: who sees what). */
export const MIN_GROUP_FOR_COUNTS = 5;
const TREND_WEEKS = 8;
const HISTORY_WEEKS = 12;

export interface MyWellbeingView extends AssessmentView {
  recommendedCourses: RecommendedCourse[];
  history: Array<{
    weekStart: string;
    level: Level;
    rules: Array<{ code: string; level: string; value: number | null }>;
  }>;
  /** Per organisation: whether its coordinators see the signals, and what exactly. */
  sharing: Array<{
    organisationId: string;
    objectToSharing: boolean;
    coordinatorsSee: { level: Level; rules: string[]; selfCheckBand: Level | null } | null;
  }>;
  selfChecks: Array<{ id: string; instrument: string; band: Level; shared: boolean; takenAt: string }>;
  caring: { hoursBand: string; durationBand: string } | null;
}

export interface OverviewVolunteer {
  volunteerId: string;
  name: string;
  level: Level | null;
  evaluatedAt: string | null;
  signals: SignalView[];
  trend: Array<{ weekStart: string; level: Level | null }>;
  selfCheck: { band: Level; takenAt: string; instrument: string } | null;
  openFlag: { id: string; level: 'amber' | 'red'; status: string } | null;
}

export interface OrganisationOverview extends Page<OverviewVolunteer> {
  organisationId: string;
  /** Counts per level over everyone shown; null for a group under 5. */
  counts: Record<Level, number> | null;
  /** Upcoming sessions of the organisation's volunteers that may not go ahead or where TRAIN-1 fired. */
  sessionsAtRisk: SessionAtRiskDto[];
}

const parse = (row: AssessmentRow): Assessment => ({
  ruleVersion: row.ruleVersion,
  level: row.level,
  results: JSON.parse(row.results) as RuleResult[],
  history: JSON.parse(row.history) as Assessment['history'],
  evaluatedAt: row.evaluatedAt.toISOString(),
});

/**
 * What volunteers and coordinators read. A volunteer sees everything of their own; a coordinator sees only the
 * volunteers of their organisation who did not object, only the rules that fired, shared self-check bands only,
 * and every such view is written to the volunteer's audit log.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly evaluation: EvaluationService,
    private readonly views: WellbeingViews,
    private readonly courses: CourseThemesRepository,
    private readonly sharing: SharingRepository,
    private readonly inputs: InputsRepository,
    private readonly flags: FlagsRepository,
    private readonly audit: AuditRepository,
    private readonly access: WellbeingAccess,
    private readonly sessionsAtRisk: SessionsAtRiskService,
  ) {}

  /** The volunteer's latest assessment (evaluated now when there is none yet). */
  async latest(
    volunteerId: string,
    now = new Date(),
  ): Promise<{ assessment: Assessment; weekStart: string }> {
    const row = await this.assessments.findOne(volunteerId);
    if (row) return { assessment: parse(row), weekStart: row.weekStart };
    const assessment = (await this.evaluation.evaluateVolunteers([volunteerId], now)).get(volunteerId)!;
    return { assessment, weekStart: weekStartOf(now) };
  }

  async me(principal: Principal, now = new Date()): Promise<MyWellbeingView> {
    const volunteerId = principal.userId;
    const { assessment, weekStart } = await this.latest(volunteerId, now);
    const view = this.views.assessment(
      assessment,
      { audience: 'volunteer', locale: principal.locale },
      weekStart,
    );
    const firedCodes = assessment.results
      .filter((r) => r.level === 'amber' || r.level === 'red')
      .map((r) => r.code);
    const [recommendedCourses, history, choices, selfChecks, caring] = await Promise.all([
      this.courses.withThemes(themesFor(firedCodes), principal.locale, 5),
      this.assessments.history(volunteerId, addWeeks(weekStartOf(now), -(HISTORY_WEEKS - 1))),
      this.sharing.choicesOf(volunteerId),
      this.inputs.selfChecksOf(volunteerId),
      this.inputs.caringOf(volunteerId),
    ]);
    const weeks = new Map<string, MyWellbeingView['history'][number]>();
    for (const row of history) {
      const week = weeks.get(row.weekStart) ?? {
        weekStart: row.weekStart,
        level: 'green' as Level,
        rules: [],
      };
      if (row.ruleCode === 'overall') week.level = row.level as Level;
      else week.rules.push({ code: row.ruleCode, level: row.level, value: row.value });
      weeks.set(row.weekStart, week);
    }
    const sharedBand = selfChecks.find((s) => s.shared)?.band ?? null;
    return {
      ...view,
      recommendedCourses,
      history: [...weeks.values()],
      sharing: choices.map((choice) => ({
        organisationId: choice.organisationId,
        objectToSharing: choice.objectToSharing,
        coordinatorsSee: choice.objectToSharing
          ? null
          : {
              level: assessment.level,
              rules: assessment.results.filter(fired).map((r) => r.code),
              selfCheckBand: sharedBand,
            },
      })),
      selfChecks: selfChecks.map((s) => ({
        id: s.id,
        instrument: s.instrument,
        band: s.band,
        shared: s.shared,
        takenAt: s.takenAt.toISOString(),
      })),
      caring: caring ? { hoursBand: caring.hoursBand, durationBand: caring.durationBand } : null,
    };
  }

  async myAudit(
    principal: Principal,
    page: number,
    pageSize: number,
  ): Promise<Page<{ viewerName: string; organisationId: string | null; what: string; viewedAt: string }>> {
    const [rows, total] = await this.audit.pageOf(principal.userId, (page - 1) * pageSize, pageSize);
    return {
      items: rows.map((r) => ({
        viewerName: r.viewerName,
        organisationId: r.organisationId,
        what: r.what,
        viewedAt: r.viewedAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * An organisation's volunteers, ordered by name (no ranking, no score): level, the rules that fired, a trend of
   * the last weeks' levels, a shared self-check band and the open flag. Everyone shown lands in the audit log.
   */
  async overview(
    principal: Principal,
    organisationId: string,
    page: number,
    pageSize: number,
    now = new Date(),
  ): Promise<OrganisationOverview> {
    this.access.assertCoordinatorOf(principal, organisationId);
    const { items, total } = await this.sharing.sharedVolunteersPage(
      organisationId,
      (page - 1) * pageSize,
      pageSize,
    );
    const ids = items.map((v) => v.id);
    const fromWeek = addWeeks(weekStartOf(now), -(TREND_WEEKS - 1));
    const [rows, trends, selfChecks, flags, sessionsAtRisk] = await Promise.all([
      this.assessments.findMany(ids),
      this.assessments.overallTrend(ids, fromWeek),
      this.inputs.latestSharedSelfChecks(ids),
      this.flagsOf(ids, organisationId),
      this.sessionsAtRisk.forOrganisation(organisationId, now),
    ]);
    const byId = new Map(rows.map((row) => [row.volunteerId, row]));
    // A volunteer named under a session at risk had their TRAIN-1 seen, even when not on this page.
    const named = sessionsAtRisk.flatMap((s) => s.interrupted.map((v) => v.volunteerId));
    await this.audit.record(principal, organisationId, [...ids, ...named], 'overview', now);
    const volunteers = items.map((volunteer): OverviewVolunteer => {
      const row = byId.get(volunteer.id);
      const assessment = row ? parse(row) : null;
      const trend = trends.get(volunteer.id) ?? [];
      const selfCheck = selfChecks.get(volunteer.id);
      const flag = flags.get(volunteer.id);
      return {
        volunteerId: volunteer.id,
        name: volunteer.name,
        level: assessment?.level ?? null,
        evaluatedAt: assessment?.evaluatedAt ?? null,
        signals: assessment
          ? assessment.results.filter(fired).map((r) =>
              this.views.signal(r, {
                audience: 'coordinator',
                locale: principal.locale,
                name: volunteer.name,
              }),
            )
          : [],
        trend: Array.from({ length: TREND_WEEKS }, (_, i) => {
          const weekStart = addWeeks(fromWeek, i);
          return { weekStart, level: trend.find((t) => t.weekStart === weekStart)?.level ?? null };
        }),
        selfCheck: selfCheck
          ? {
              band: selfCheck.band,
              takenAt: selfCheck.takenAt.toISOString(),
              instrument: selfCheck.instrument,
            }
          : null,
        openFlag: flag ? { id: flag.id, level: flag.level, status: flag.status } : null,
      };
    });
    const counts = total >= MIN_GROUP_FOR_COUNTS ? await this.sharing.levelCounts(organisationId) : null;
    return { organisationId, items: volunteers, total, page, pageSize, counts, sessionsAtRisk };
  }

  private async flagsOf(ids: string[], organisationId: string) {
    const map = new Map<string, { id: string; level: 'amber' | 'red'; status: string }>();
    if (!ids.length) return map;
    const active = await this.flags.activeOf(ids);
    for (const flag of active) {
      if (flag.organisationId === organisationId) {
        map.set(flag.volunteerId, { id: flag.id, level: flag.level, status: flag.status });
      }
    }
    return map;
  }
}
