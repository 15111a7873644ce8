import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction, type Principal } from '@academy/platform';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT } from '../../enrolment.constants';
import { amsterdamInstant } from '../evaluation/amsterdam-time';
import { EvaluationService } from '../evaluation/evaluation.service';
import { addWeeks, mondayOf, weekStartOf } from '../rules';
import { InstrumentRegistry } from '../self-check/instruments';
import { fieldError, ruleError, WellbeingAccess } from '../shared/wellbeing-access';
import { type AssessmentView, WellbeingViews } from '../reading/wellbeing-views';
import { ActiveRoles, CaringBand, CheckIn, Duty, Leave, SelfCheckResult } from '../wellbeing.entities';
import type { CheckInRequest } from './dto/check-in.request';
import type { DutyRequest, LeaveRequest, RolesRequest, SelfCheckRequest } from './dto/inputs.requests';
import { InputsRepository } from './inputs.repository';

const DAY_MS = 86_400_000;
/** Check-ins and duties may be entered this far back (the rules read a year). */
const MAX_WEEKS_BACK = 52;

const isRealDay = (day: string) => {
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
};

/**
 * The volunteer's inputs. Each change is stored and then the volunteer is evaluated: at once for a check-in (its
 * answer is the new assessment), through the debounced queue for the rest.
 */
@Injectable()
export class InputsService {
  constructor(
    @InjectDataSource(ENROLMENT) private readonly dataSource: DataSource,
    private readonly inputs: InputsRepository,
    private readonly evaluation: EvaluationService,
    private readonly access: WellbeingAccess,
    private readonly views: WellbeingViews,
    private readonly instruments: InstrumentRegistry,
  ) {}

  async checkIn(principal: Principal, request: CheckInRequest, now = new Date()): Promise<AssessmentView> {
    const thisWeek = weekStartOf(now);
    const weekStart = request.weekStart ?? thisWeek;
    if (!isRealDay(weekStart)) throw fieldError('weekStart', 'weekStart is not a date in the calendar');
    if (mondayOf(weekStart) !== weekStart) throw fieldError('weekStart', 'weekStart must be a Monday');
    if (weekStart > thisWeek) throw fieldError('weekStart', 'weekStart cannot be a week in the future');
    if (weekStart < addWeeks(thisWeek, -(MAX_WEEKS_BACK - 1))) {
      throw fieldError('weekStart', 'weekStart can be at most a year ago');
    }
    const volunteerId = principal.userId;
    await inTransaction(this.dataSource, async (manager) => {
      await this.inputs.saveCheckIn(
        Object.assign(new CheckIn(), {
          volunteerId,
          weekStart,
          volunteerHours: request.volunteerHours,
          activeRoles: request.activeRoles ?? null,
          createdAt: now,
        }),
        manager,
      );
      if (request.activeRoles !== undefined && weekStart === thisWeek) {
        await this.inputs.setActiveRoles(
          Object.assign(new ActiveRoles(), {
            volunteerId,
            count: request.activeRoles,
            setBy: volunteerId,
            setAt: now,
          }),
          manager,
        );
      }
      if (request.caring === null) await this.inputs.clearCaring(volunteerId, manager);
      else if (request.caring) {
        await this.inputs.setCaring(
          Object.assign(new CaringBand(), { volunteerId, ...request.caring, consentedAt: now }),
          manager,
        );
      }
    });
    const assessment = (await this.evaluation.evaluateVolunteers([volunteerId], now)).get(volunteerId)!;
    return this.views.assessment(assessment, { audience: 'volunteer', locale: principal.locale }, weekStart);
  }

  /** Stores score and band (never the answers); a red band notifies nobody. */
  async selfCheck(
    principal: Principal,
    request: SelfCheckRequest,
    now = new Date(),
  ): Promise<{ band: 'green' | 'amber' | 'red' }> {
    const single = request.answers === undefined;
    const scored = this.instruments.assess(request.instrument, single ? request.answer : request.answers);
    if (!scored.ok) {
      const field = scored.field === 'answers' && single ? 'answer' : scored.field;
      throw fieldError(field, scored.message);
    }
    await inTransaction(this.dataSource, (manager) =>
      this.inputs.addSelfCheck(
        Object.assign(new SelfCheckResult(), {
          id: uuidv7(),
          volunteerId: principal.userId,
          instrument: request.instrument,
          score: scored.score,
          band: scored.band,
          shared: request.share === true,
          takenAt: now,
        }),
        manager,
      ),
    );
    return { band: scored.band };
  }

  async deleteSelfChecks(principal: Principal): Promise<{ deleted: number }> {
    const deleted = await inTransaction(this.dataSource, (manager) =>
      this.inputs.deleteSelfChecks(principal.userId, manager),
    );
    return { deleted };
  }

  async addDuty(principal: Principal, request: DutyRequest, now = new Date()): Promise<DutyView> {
    const volunteerId = await this.access.volunteerFor(principal, request.volunteerId);
    const duty = this.toDuty(request, volunteerId, principal.userId, now);
    await inTransaction(this.dataSource, async (manager) => {
      await this.inputs.addDuties([duty], manager);
      await this.evaluation.markChanged([volunteerId], manager, now);
    });
    return dutyView(duty);
  }

  /**
   * Validates and stores imported duties: the valid rows are stored together, the invalid ones not; the report
   * names each row by its line in the file (the header is line 1).
   */
  async importDuties(
    principal: Principal,
    rows: Array<{ line: number; request: DutyRequest; errors: Array<{ field: string; messages: string[] }> }>,
    now = new Date(),
  ): Promise<DutyImportReport> {
    const report: DutyImportReport = { stored: 0, rejected: 0, rows: [] };
    const duties: Duty[] = [];
    for (const row of rows) {
      const errors = [...row.errors];
      let duty: Duty | undefined;
      if (!errors.length) {
        try {
          const volunteerId = await this.access.volunteerFor(principal, row.request.volunteerId);
          duty = this.toDuty(row.request, volunteerId, principal.userId, now);
        } catch (error) {
          const details = (error as { details?: { errors?: Array<{ field: string; messages: string[] }> } })
            .details;
          errors.push(
            ...(details?.errors ?? [{ field: 'volunteerId', messages: [(error as Error).message] }]),
          );
        }
      }
      if (duty && !errors.length) {
        duties.push(duty);
        report.rows.push({ row: row.line, ok: true, id: duty.id });
      } else {
        report.rows.push({ row: row.line, ok: false, errors });
      }
    }
    report.stored = duties.length;
    report.rejected = report.rows.length - duties.length;
    if (duties.length) {
      await inTransaction(this.dataSource, async (manager) => {
        await this.inputs.addDuties(duties, manager);
        await this.evaluation.markChanged(
          duties.map((d) => d.volunteerId),
          manager,
          now,
        );
      });
    }
    return report;
  }

  async addLeave(
    principal: Principal,
    request: LeaveRequest,
    now = new Date(),
  ): Promise<{ id: string; from: string; to: string }> {
    if (!isRealDay(request.from)) throw fieldError('from', 'from is not a date in the calendar');
    if (!isRealDay(request.to)) throw fieldError('to', 'to is not a date in the calendar');
    if (request.to < request.from) throw ruleError('to', 'Leave ends before it starts.');
    if (Date.parse(request.to) - Date.parse(request.from) > 366 * DAY_MS) {
      throw ruleError('to', 'Leave can be at most a year at a time.');
    }
    const leave = Object.assign(new Leave(), {
      id: uuidv7(),
      volunteerId: principal.userId,
      fromDate: request.from,
      toDate: request.to,
      createdAt: now,
    });
    await inTransaction(this.dataSource, async (manager) => {
      await this.inputs.addLeave(leave, manager);
      await this.evaluation.markChanged([principal.userId], manager, now);
    });
    return { id: leave.id, from: leave.fromDate, to: leave.toDate };
  }

  /** A coordinator (or the volunteer) sets the number of roles the volunteer holds now. */
  async setRoles(
    principal: Principal,
    request: RolesRequest,
    now = new Date(),
  ): Promise<{ activeRoles: number }> {
    const volunteerId = await this.access.volunteerFor(principal, request.volunteerId);
    await inTransaction(this.dataSource, async (manager) => {
      await this.inputs.setActiveRoles(
        Object.assign(new ActiveRoles(), {
          volunteerId,
          count: request.activeRoles,
          setBy: principal.userId,
          setAt: now,
        }),
        manager,
      );
      await this.evaluation.markChanged([volunteerId], manager, now);
    });
    return { activeRoles: request.activeRoles };
  }

  private toDuty(request: DutyRequest, volunteerId: string, enteredBy: string, now: Date): Duty {
    if (!isRealDay(request.date)) throw fieldError('date', 'date is not a date in the calendar');
    const startsAt = amsterdamInstant(request.date, request.startsAt);
    const endDay =
      request.endsAt <= request.startsAt
        ? new Date(Date.parse(`${request.date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
        : request.date;
    const endsAt = amsterdamInstant(endDay, request.endsAt);
    if (startsAt.getTime() > now.getTime() + DAY_MS) {
      throw fieldError('date', 'A duty is logged once it has started; this one lies in the future.');
    }
    if (weekStartOf(startsAt) < addWeeks(weekStartOf(now), -(MAX_WEEKS_BACK - 1))) {
      throw fieldError('date', 'date can be at most a year ago');
    }
    return Object.assign(new Duty(), {
      id: uuidv7(),
      volunteerId,
      startsAt,
      endsAt,
      role: request.role ?? null,
      enteredBy,
      createdAt: now,
    });
  }
}

export interface DutyView {
  id: string;
  volunteerId: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  role: string | null;
}

const dutyView = (duty: Duty): DutyView => ({
  id: duty.id,
  volunteerId: duty.volunteerId,
  startsAt: duty.startsAt.toISOString(),
  endsAt: duty.endsAt.toISOString(),
  hours: Math.round(((duty.endsAt.getTime() - duty.startsAt.getTime()) / 3_600_000) * 100) / 100,
  role: duty.role,
});

export interface DutyImportReport {
  stored: number;
  rejected: number;
  rows: Array<
    | { row: number; ok: true; id: string }
    | { row: number; ok: false; errors: Array<{ field: string; messages: string[] }> }
  >;
}
