import type { ActivityInterval, VolunteerInputs, WeekAggregate } from '../rule-model';
import { addDays, addWeeks, localDay, weekStartOf } from '../week';

/** Thursday 26 November 2026, 13:00 in Friesland (CET, UTC+1); its week starts Monday 23 November. */
export const NOW = new Date('2026-11-26T12:00:00Z');

type WeekFields = Partial<Omit<WeekAggregate, 'weekStart'>>;

const EMPTY_WEEK: Omit<WeekAggregate, 'weekStart'> = {
  volunteerHours: null,
  trainingHours: 0,
  leaveDays: 0,
  planned: 0,
  lateCancellations: 0,
  noShows: 0,
};

/**
 * Readable inputs for the rule tests. Weeks are addressed by how many weeks before the week of `now` they
 * lie (0: the current week); `hours(…)` lists volunteer hours oldest first, ending with the current week.
 */
export class InputsBuilder {
  private readonly weeksBack = new Map<number, WeekAggregate>();
  private readonly activities: ActivityInterval[] = [];
  private roles: number | null = null;
  private caringBand: VolunteerInputs['caring'] = null;
  private readonly streaks: VolunteerInputs['trainingStreaks'] = [];

  constructor(readonly now: Date = NOW) {}

  week(back: number, fields: WeekFields): this {
    const weekStart = addWeeks(weekStartOf(this.now), -back);
    const current = this.weeksBack.get(back) ?? { weekStart, ...EMPTY_WEEK };
    this.weeksBack.set(back, { ...current, ...fields });
    return this;
  }

  /** Volunteer hours per week, oldest first, the last one being the current week's. */
  hours(...perWeek: (number | null)[]): this {
    perWeek.forEach((volunteerHours, i) => this.week(perWeek.length - 1 - i, { volunteerHours }));
    return this;
  }

  /** The same fields for `count` weeks ending `back` weeks before the current one. */
  weeks(count: number, fields: WeekFields, back = 0): this {
    for (let i = 0; i < count; i++) this.week(back + i, fields);
    return this;
  }

  /** An activity on the day `dayOffset` days from today (0: today, -1: yesterday), wall-clock times in CET. */
  activity(dayOffset: number, from: string, to: string, toDayOffset = dayOffset): this {
    const today = localDay(this.now);
    this.activities.push({
      startsAt: new Date(`${addDays(today, dayOffset)}T${from}:00+01:00`).toISOString(),
      endsAt: new Date(`${addDays(today, toDayOffset)}T${to}:00+01:00`).toISOString(),
    });
    return this;
  }

  activeRoles(count: number | null): this {
    this.roles = count;
    return this;
  }

  caring(hoursBand: '<8' | '>=8', durationBand: '<3m' | '>=3m'): this {
    this.caringBand = { hoursBand, durationBand };
    return this;
  }

  streak(consecutiveMissed: number, courseTitle = 'Omgaan met dementie'): this {
    this.streaks.push({ sessionId: `session-${this.streaks.length + 1}`, courseTitle, consecutiveMissed });
    return this;
  }

  /** Weeks oldest first and without holes, from the oldest one set up to the current week. */
  build(): VolunteerInputs {
    const oldest = Math.max(0, ...this.weeksBack.keys());
    const weeks: WeekAggregate[] = [];
    if (this.weeksBack.size > 0) {
      for (let back = oldest; back >= 0; back--) {
        weeks.push(
          this.weeksBack.get(back) ?? { weekStart: addWeeks(weekStartOf(this.now), -back), ...EMPTY_WEEK },
        );
      }
    }
    return {
      volunteerId: 'volunteer-1',
      weeks,
      recentActivities: [...this.activities],
      activeRoles: this.roles,
      caring: this.caringBand,
      trainingStreaks: [...this.streaks],
    };
  }
}

export const volunteer = (now?: Date): InputsBuilder => new InputsBuilder(now);

/** `n` copies of a value, for `hours(...repeat(12, 6), ...repeat(4, 9))`. */
export const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);
