import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import type { Principal } from '@academy/platform';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import type { EnrolmentContext } from '../testing/enrolment-context';
import { amsterdamInstant } from './evaluation/amsterdam-time';
import { EvaluationService } from './evaluation/evaluation.service';
import { InputsService } from './inputs/inputs.service';
import { DEFAULT_RULE_CONFIG, evaluate, type VolunteerInputs } from './rules';
import { WellbeingScheduler } from './scheduling/wellbeing-scheduler';
import { seedDuty, seedTraining, startWellbeingContext } from './testing/wellbeing-fixtures';
import { AssessmentRow, PendingEvaluation } from './wellbeing.entities';

// A Wednesday in November: weeks run Monday to Sunday in Amsterdam, this one starts on 2026-11-23.
const NOW = new Date('2026-11-25T12:00:00Z');
const local = (day: string, time: string) => amsterdamInstant(day, time);
const weekOf = (inputs: VolunteerInputs, weekStart: string) =>
  inputs.weeks.find((w) => w.weekStart === weekStart);

describeEachDatabase('load signals: gathering and evaluating', (kind) => {
  let ctx: EnrolmentContext;
  let inputs: InputsService;
  let evaluation: EvaluationService;

  beforeAll(async () => {
    ctx = await startWellbeingContext(kind);
    inputs = ctx.get(InputsService);
    evaluation = ctx.get(EvaluationService);
  }, 60_000);
  afterAll(() => ctx.close());

  async function fourWeeksOf(volunteer: Principal, hours: number) {
    for (const weekStart of ['2026-11-02', '2026-11-09', '2026-11-16']) {
      await inputs.checkIn(volunteer, { weekStart, volunteerHours: hours }, NOW);
    }
    return inputs.checkIn(volunteer, { weekStart: '2026-11-23', volunteerHours: hours }, NOW);
  }

  it('makes a volunteer with 4 weeks of 20 h check-ins red, VOL-1 explained', async () => {
    const volunteer = await ctx.person('volunteer');
    const view = await fourWeeksOf(volunteer, 20);
    expect(view.level).toBe('red');
    const vol1 = view.signals.find((s) => s.code === 'VOL-1')!;
    expect(vol1).toMatchObject({ level: 'red', value: 20, threshold: 16 });
    expect(vol1.explanation.whatWeSee).toBeTruthy();
    const stored = await ctx.dataSource
      .getRepository(AssessmentRow)
      .findOneByOrFail({ volunteerId: volunteer.userId });
    expect(stored).toMatchObject({
      level: 'red',
      weekStart: '2026-11-23',
      ruleVersion: DEFAULT_RULE_CONFIG.version,
    });
  });

  it('replaces a second check-in for the same week and refuses a day that is not a Monday', async () => {
    const volunteer = await ctx.person('volunteer');
    await inputs.checkIn(volunteer, { weekStart: '2026-11-23', volunteerHours: 30 }, NOW);
    await inputs.checkIn(volunteer, { weekStart: '2026-11-23', volunteerHours: 2 }, NOW);
    const [gathered] = await evaluation.inputsOf([volunteer.userId], NOW);
    expect(weekOf(gathered, '2026-11-23')!.volunteerHours).toBe(2);
    await expect(
      inputs.checkIn(volunteer, { weekStart: '2026-11-24', volunteerHours: 2 }, NOW),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      details: { errors: [{ field: 'weekStart', messages: ['weekStart must be a Monday'] }] },
    });
    await expect(
      inputs.checkIn(volunteer, { weekStart: '2026-11-30', volunteerHours: 2 }, NOW),
    ).rejects.toMatchObject({
      code: 'validation.failed',
    });
  });

  it('gathers weekly aggregates in the database: duties over check-ins, training, no-shows, late cancellations, leave', async () => {
    const volunteer = await ctx.person('volunteer');
    const id = volunteer.userId;
    await inputs.checkIn(volunteer, { weekStart: '2026-11-16', volunteerHours: 10 }, NOW);
    await seedDuty(ctx.dataSource, id, local('2026-11-17', '09:00'), 1.5);
    await seedDuty(ctx.dataSource, id, local('2026-11-18', '22:00'), 1.5);
    await inputs.checkIn(volunteer, { weekStart: '2026-11-09', volunteerHours: 6 }, NOW);
    await seedTraining(ctx.dataSource, id, [
      { startsAt: local('2026-10-27', '19:00'), status: 'present' },
      { startsAt: local('2026-11-03', '19:00'), status: 'excused' },
      { startsAt: local('2026-11-10', '19:00'), status: 'absent' },
      { startsAt: local('2026-11-17', '19:00'), status: 'present', hours: 2.5 },
    ]);
    await seedTraining(ctx.dataSource, id, [{ startsAt: local('2026-11-20', '10:00') }], {
      enrolmentStatus: 'cancelled',
      late: true,
      cancelledAt: local('2026-11-19', '08:00'),
    });
    await inputs.addLeave(volunteer, { from: '2026-11-19', to: '2026-11-24' }, NOW);

    const [gathered] = await evaluation.inputsOf([id], NOW);
    expect(gathered.weeks).toHaveLength(52);
    expect(gathered.weeks[51].weekStart).toBe('2026-11-23');
    expect(weekOf(gathered, '2026-11-16')).toEqual({
      weekStart: '2026-11-16',
      volunteerHours: 3,
      trainingHours: 2.5,
      leaveDays: 4,
      planned: 2,
      lateCancellations: 1,
      noShows: 0,
    });
    expect(weekOf(gathered, '2026-11-09')).toMatchObject({
      volunteerHours: 6,
      planned: 1,
      noShows: 1,
      trainingHours: 0,
    });
    expect(weekOf(gathered, '2026-11-02')).toMatchObject({ volunteerHours: null, planned: 1, noShows: 0 });
    expect(weekOf(gathered, '2026-10-26')).toMatchObject({ trainingHours: 2, planned: 1 });
    expect(weekOf(gathered, '2026-11-23')).toMatchObject({ leaveDays: 2, volunteerHours: null });
    expect(gathered.recentActivities.map((a) => a.startsAt)).toEqual([
      local('2026-11-17', '09:00').toISOString(),
      local('2026-11-17', '19:00').toISOString(),
      local('2026-11-18', '22:00').toISOString(),
    ]);
    expect(gathered.trainingStreaks).toEqual([]);
  });

  it('buckets activities into Amsterdam weeks across daylight saving, and finds a training streak', async () => {
    const volunteer = await ctx.person('volunteer');
    const id = volunteer.userId;
    // Just after midnight on Mondays, local time: in UTC these are still the Sunday before.
    await seedDuty(ctx.dataSource, id, local('2026-10-26', '00:30'), 1);
    await seedDuty(ctx.dataSource, id, local('2026-10-25', '23:30'), 2);
    await seedDuty(ctx.dataSource, id, local('2026-06-01', '01:30'), 4);
    await seedDuty(ctx.dataSource, id, local('2026-05-31', '23:30'), 8);
    await seedTraining(
      ctx.dataSource,
      id,
      [
        { startsAt: local('2026-10-20', '19:00'), status: 'present' },
        { startsAt: local('2026-10-27', '19:00'), status: 'absent' },
        { startsAt: local('2026-11-03', '19:00'), status: 'excused' },
        { startsAt: local('2026-11-10', '19:00'), status: 'absent' },
      ],
      { title: 'Omgaan met dementie' },
    );
    const [gathered] = await evaluation.inputsOf([id], NOW);
    expect(weekOf(gathered, '2026-10-26')!.volunteerHours).toBe(1);
    expect(weekOf(gathered, '2026-10-19')!.volunteerHours).toBe(2);
    expect(weekOf(gathered, '2026-06-01')!.volunteerHours).toBe(4);
    expect(weekOf(gathered, '2026-05-25')!.volunteerHours).toBe(8);
    expect(gathered.trainingStreaks).toEqual([
      expect.objectContaining({ courseTitle: 'Omgaan met dementie', consecutiveMissed: 2 }),
    ]);
  });

  it('the batched nightly recompute equals evaluating each volunteer on their own', async () => {
    const people: Principal[] = [];
    for (let i = 0; i < 7; i++) {
      const volunteer = await ctx.person('volunteer');
      people.push(volunteer);
      for (let w = 0; w < 10; w++) {
        const weekStart = new Date(Date.parse('2026-09-21T00:00:00Z') + w * 7 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        if ((w + i) % 3 !== 0) {
          await inputs.checkIn(volunteer, { weekStart, volunteerHours: 2 + ((i * 5 + w * 3) % 22) }, NOW);
        }
      }
      if (i % 2 === 0) await seedDuty(ctx.dataSource, volunteer.userId, local('2026-11-24', '08:00'), 3 + i);
      if (i % 3 === 0) {
        await seedTraining(ctx.dataSource, volunteer.userId, [
          { startsAt: local('2026-11-04', '19:00'), status: 'absent' },
          { startsAt: local('2026-11-11', '19:00'), status: 'absent' },
          { startsAt: local('2026-11-18', '19:00'), status: 'absent' },
        ]);
      }
    }
    const ids = people.map((p) => p.userId);
    // A fresh evaluation for everyone in small batches (what the nightly run does, batch size aside).
    await ctx.dataSource.getRepository(AssessmentRow).clear();
    const report = await evaluation.recomputeAll(NOW, 3);
    expect(report.volunteers).toBeGreaterThanOrEqual(7);
    expect(report.batches).toBeGreaterThanOrEqual(3);

    const together = await evaluation.inputsOf(ids, NOW);
    const stored = await ctx.dataSource.getRepository(AssessmentRow).findBy({});
    const levels = new Set<string>();
    for (const id of ids) {
      const [alone] = await evaluation.inputsOf([id], NOW);
      expect(together.find((i) => i.volunteerId === id)).toEqual(alone);
      const expected = evaluate(DEFAULT_RULE_CONFIG, alone, [], NOW);
      const row = stored.find((r) => r.volunteerId === id)!;
      expect(row.level).toBe(expected.level);
      expect(JSON.parse(row.results)).toEqual(expected.results);
      levels.add(row.level);
    }
    // The fixture is varied enough to mean something.
    expect(levels.size).toBeGreaterThan(1);
  });

  it('queues a volunteer whose enrolment is cancelled and evaluates them once the change has settled', async () => {
    const volunteer = await ctx.person('volunteer');
    const session = await ctx.publishSession();
    const enrolments = ctx.get(EnrolmentsService);
    const enrolment = await enrolments.enrol(volunteer, { sessionId: session.sessionId });
    await enrolments.cancel(volunteer, enrolment.id);
    // The cancellation reaches this context through its own outbox and bus, then waits in the queue.
    const deadline = Date.now() + 10_000;
    let pending: PendingEvaluation | null = null;
    while (!pending && Date.now() < deadline) {
      pending = await ctx.dataSource
        .getRepository(PendingEvaluation)
        .findOneBy({ volunteerId: volunteer.userId });
      if (!pending) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pending).not.toBeNull();
    // Not yet: the debounce holds it a few seconds.
    await evaluation.drainPending(new Date(Date.now() - 1_000));
    expect(
      await ctx.dataSource.getRepository(AssessmentRow).findOneBy({ volunteerId: volunteer.userId }),
    ).toBeNull();
    expect(await evaluation.drainPending(new Date(Date.now() + 10_000))).toBeGreaterThanOrEqual(1);
    expect(
      await ctx.dataSource.getRepository(AssessmentRow).findOneBy({ volunteerId: volunteer.userId }),
    ).not.toBeNull();
    expect(
      await ctx.dataSource.getRepository(PendingEvaluation).findOneBy({ volunteerId: volunteer.userId }),
    ).toBeNull();
  });

  it('runs the nightly recompute once a night, from 03:00 in Amsterdam', async () => {
    const scheduler = ctx.get(WellbeingScheduler);
    expect((await scheduler.runDue(new Date('2027-01-12T01:30:00Z'))).nightly).toBeNull();
    expect((await scheduler.runDue(new Date('2027-01-12T02:05:00Z'))).nightly).not.toBeNull();
    expect((await scheduler.runDue(new Date('2027-01-12T05:00:00Z'))).nightly).toBeNull();
    expect((await scheduler.runDue(new Date('2027-01-13T02:30:00Z'))).nightly).not.toBeNull();
  });
});
