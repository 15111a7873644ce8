import { randomUUID } from 'node:crypto';
import {
  COURSE_CHANGED_V1,
  USER_ERASED_V1,
  USER_REGISTERED_V1,
  type WellbeingFlagClosedV1,
  type WellbeingFlagRaisedV1,
  type WellbeingSharingChangedV1,
} from '@academy/contracts';
import { inTransaction, type Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import type { EnrolmentContext } from '../testing/enrolment-context';
import { EvaluationService } from './evaluation/evaluation.service';
import { RuleOverridesService } from './evaluation/rule-overrides.service';
import { FlagRaiser } from './flags/flag-raiser';
import { FlagsService } from './flags/flags.service';
import { InputsService } from './inputs/inputs.service';
import { VisibilityService } from './inputs/visibility.service';
import { InsightsService } from './reading/insights.service';
import { RetentionService } from './retention/retention.service';
import { DEFAULT_RULE_CONFIG, evaluate } from './rules';
import { principalOf, startWellbeingContext } from './testing/wellbeing-fixtures';
import {
  AssessmentRow,
  AuditEntry,
  CheckIn,
  Flag,
  SelfCheckResult,
  SignalHistory,
} from './wellbeing.entities';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEKS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];

describeEachDatabase('load signals: who sees what, flags, retention', (kind) => {
  let ctx: EnrolmentContext;
  let inputs: InputsService;
  let insights: InsightsService;
  let flags: FlagsService;
  let visibility: VisibilityService;

  beforeAll(async () => {
    ctx = await startWellbeingContext(kind);
    inputs = ctx.get(InputsService);
    insights = ctx.get(InsightsService);
    flags = ctx.get(FlagsService);
    visibility = ctx.get(VisibilityService);
  }, 60_000);
  afterAll(() => ctx.close());

  /** A volunteer of these organisations, as identity announces them. */
  async function volunteerOf(...organisationIds: string[]): Promise<Principal> {
    const userId = randomUUID();
    const memberships = organisationIds.map((organisationId) => ({
      organisationId,
      role: 'volunteer' as const,
    }));
    await ctx.deliver(USER_REGISTERED_V1, {
      userId,
      email: `${userId}@example.org`,
      displayName: `Anna ${userId.slice(0, 4)}`,
      locale: 'nl',
      admin: false,
      memberships,
      registeredAt: new Date().toISOString(),
    });
    return { ...principalOf(userId, memberships), displayName: `Anna ${userId.slice(0, 4)}` };
  }

  async function coordinatorOf(organisationId: string): Promise<Principal> {
    return ctx.person('coordinator', organisationId);
  }

  async function heavyWeeks(volunteer: Principal, hours = 20) {
    for (const weekStart of WEEKS) await inputs.checkIn(volunteer, { weekStart, volunteerHours: hours }, NOW);
  }

  it('shows a red volunteer to their coordinator, refuses another organisation, and audits every view', async () => {
    const organisation = randomUUID();
    const volunteer = await volunteerOf(organisation);
    const coordinator = await coordinatorOf(organisation);
    const stranger = await coordinatorOf(randomUUID());
    await heavyWeeks(volunteer);

    const overview = await insights.overview(coordinator, organisation, 1, 20, NOW);
    expect(overview.items).toHaveLength(1);
    const seen = overview.items[0];
    expect(seen).toMatchObject({ volunteerId: volunteer.userId, level: 'red' });
    expect(seen.signals.map((s) => s.code)).toContain('VOL-1');
    expect(seen.signals.every((s) => ['amber', 'red', 'info'].includes(s.level))).toBe(true);
    expect(seen.trend).toHaveLength(8);
    expect(seen.trend[7]).toEqual({ weekStart: '2026-11-23', level: 'red' });
    expect(overview.counts).toBeNull(); // a group of one: never counted

    await expect(insights.overview(stranger, organisation, 1, 20, NOW)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const audit = await insights.myAudit(volunteer, 1, 20);
    expect(audit.items).toEqual([
      expect.objectContaining({
        viewerName: coordinator.displayName,
        organisationId: organisation,
        what: 'overview',
      }),
    ]);
  });

  it('raises one flag per organisation shared with, told at once for red, and none where the volunteer objected', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const volunteer = await volunteerOf(a, b);
    await visibility.set(volunteer, b, true, NOW);
    await heavyWeeks(volunteer);

    const raised = (await ctx.events<WellbeingFlagRaisedV1>('enrolment.wellbeing-flag.raised.v1')).filter(
      (e) => e.payload.volunteerId === volunteer.userId,
    );
    // The first heavy weeks make them amber, then red: one flag that escalates, for organisation A only.
    expect(raised.map((e) => [e.payload.organisationId, e.payload.level, e.payload.notifyNow])).toEqual(
      expect.arrayContaining([[a, 'red', true]]),
    );
    expect(raised.every((e) => e.payload.organisationId === a)).toBe(true);
    expect(raised.at(-1)!.payload.ruleCodes).toContain('VOL-1');
    const stored = await ctx.dataSource.getRepository(Flag).findBy({ volunteerId: volunteer.userId });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organisationId: a, level: 'red', status: 'open' });
  });

  it('lets a coordinator acknowledge and resolve a flag with notes; another organisation gets 404', async () => {
    const organisation = randomUUID();
    const volunteer = await volunteerOf(organisation);
    const coordinator = await coordinatorOf(organisation);
    const stranger = await coordinatorOf(randomUUID());
    await heavyWeeks(volunteer);
    const page = await flags.list(coordinator, organisation, 'open', 1, 20, NOW);
    expect(page.total).toBe(1);
    const flagId = page.items[0].id;

    await expect(flags.get(stranger, flagId, NOW)).rejects.toMatchObject({ code: 'resource.not-found' });
    await expect(flags.acknowledge(stranger, flagId, 'hoi', NOW)).rejects.toMatchObject({
      code: 'resource.not-found',
    });
    await expect(flags.list(stranger, organisation, undefined, 1, 20, NOW)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });

    await flags.acknowledge(coordinator, flagId, 'Gebeld; ze neemt twee weken rust.', NOW);
    await flags.resolve(coordinator, flagId, 'Planning aangepast.', NOW);
    const flag = await flags.get(coordinator, flagId, NOW);
    expect(flag.status).toBe('resolved');
    expect(flag.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['raised', 'acknowledged', 'resolved']),
    );
    expect(flag.timeline.find((t) => t.kind === 'acknowledged')!.note).toBe(
      'Gebeld; ze neemt twee weken rust.',
    );
    const closed = (await ctx.events<WellbeingFlagClosedV1>('enrolment.wellbeing-flag.closed.v1')).filter(
      (e) => e.payload.flagId === flagId,
    );
    expect(closed.map((e) => e.payload.reason)).toEqual(['resolved']);
    await expect(flags.resolve(coordinator, flagId, undefined, NOW)).rejects.toMatchObject({
      code: 'rule.violated',
    });

    const audit = await ctx.dataSource.getRepository(AuditEntry).findBy({ volunteerId: volunteer.userId });
    expect(audit.map((a) => a.what)).toEqual(expect.arrayContaining(['flags', 'flag']));
  });

  it('keeps a new red quiet for 14 days after a coordinator logged a check-in on a red flag, unless it escalates', async () => {
    const organisation = randomUUID();
    const volunteer = await volunteerOf(organisation);
    const coordinator = await coordinatorOf(organisation);
    await heavyWeeks(volunteer);
    const [flag] = await ctx.dataSource.getRepository(Flag).findBy({ volunteerId: volunteer.userId });
    await flags.acknowledge(coordinator, flag.id, undefined, NOW);
    await flags.resolve(coordinator, flag.id, undefined, NOW);

    const raiser = ctx.get(FlagRaiser);
    const [inputsNow] = await ctx.get(EvaluationService).inputsOf([volunteer.userId], NOW);
    const red = evaluate(DEFAULT_RULE_CONFIG, inputsNow, [], NOW);
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    await inTransaction(ctx.dataSource, (manager) =>
      raiser.onLevelChanges(
        manager,
        [{ volunteerId: volunteer.userId, previous: 'green', assessment: red }],
        later,
      ),
    );
    const raised = (await ctx.events<WellbeingFlagRaisedV1>('enrolment.wellbeing-flag.raised.v1')).filter(
      (e) => e.payload.volunteerId === volunteer.userId,
    );
    expect(raised.at(-1)!.payload).toMatchObject({ level: 'red', notifyNow: false });

    // Three weeks on, the quiet period is over.
    const [second] = await ctx.dataSource
      .getRepository(Flag)
      .findBy({ volunteerId: volunteer.userId, status: 'open' });
    await flags.resolve(coordinator, second.id, undefined, later);
    const muchLater = new Date(NOW.getTime() + 21 * 86_400_000);
    await inTransaction(ctx.dataSource, (manager) =>
      raiser.onLevelChanges(
        manager,
        [{ volunteerId: volunteer.userId, previous: 'amber', assessment: red }],
        muchLater,
      ),
    );
    const after = (await ctx.events<WellbeingFlagRaisedV1>('enrolment.wellbeing-flag.raised.v1')).filter(
      (e) => e.payload.volunteerId === volunteer.userId,
    );
    expect(after.at(-1)!.payload).toMatchObject({ level: 'red', previousLevel: 'amber', notifyNow: true });
  });

  it('honours an objection at once: the coordinator sees nothing, open flags are withdrawn and told', async () => {
    const organisation = randomUUID();
    const volunteer = await volunteerOf(organisation);
    const coordinator = await coordinatorOf(organisation);
    await heavyWeeks(volunteer);
    const [flag] = await ctx.dataSource.getRepository(Flag).findBy({ volunteerId: volunteer.userId });

    const outcome = await visibility.set(volunteer, organisation, true, NOW);
    expect(outcome.flagsWithdrawn).toBe(1);
    expect((await insights.overview(coordinator, organisation, 1, 20, NOW)).items).toEqual([]);
    await expect(flags.get(coordinator, flag.id, NOW)).rejects.toMatchObject({ code: 'resource.not-found' });
    expect((await flags.list(coordinator, organisation, undefined, 1, 20, NOW)).items).toEqual([]);
    const closed = (await ctx.events<WellbeingFlagClosedV1>('enrolment.wellbeing-flag.closed.v1')).filter(
      (e) => e.payload.flagId === flag.id,
    );
    expect(closed.map((e) => e.payload.reason)).toEqual(['withdrawn']);
    const sharing = (
      await ctx.events<WellbeingSharingChangedV1>('enrolment.wellbeing-sharing.changed.v1')
    ).filter((e) => e.payload.volunteerId === volunteer.userId);
    expect(sharing.map((e) => e.payload.objectToSharing)).toEqual([true]);
    const me = await insights.me(volunteer, NOW);
    expect(me.sharing).toEqual([
      expect.objectContaining({ organisationId: organisation, objectToSharing: true, coordinatorsSee: null }),
    ]);

    // The volunteer's own view, and the objection withdrawn again: visible once more.
    await visibility.set(volunteer, organisation, false, NOW);
    expect((await insights.overview(coordinator, organisation, 1, 20, NOW)).items).toHaveLength(1);
    await expect(visibility.set(volunteer, randomUUID(), true, NOW)).rejects.toMatchObject({
      code: 'resource.not-found',
    });
  });

  it('shows a shared self-check band to the coordinator and never an unshared one; red notifies nobody', async () => {
    const organisation = randomUUID();
    const sharer = await volunteerOf(organisation);
    const keeper = await volunteerOf(organisation);
    const coordinator = await coordinatorOf(organisation);
    const before = (await ctx.events()).length;
    expect(
      await inputs.selfCheck(sharer, { instrument: 'single-item', answer: 3, share: true }, NOW),
    ).toEqual({
      band: 'amber',
    });
    expect(await inputs.selfCheck(keeper, { instrument: 'single-item', answer: 5 }, NOW)).toEqual({
      band: 'red',
    });
    expect((await ctx.events()).length).toBe(before);
    await expect(
      inputs.selfCheck(keeper, { instrument: 'single-item', answer: 9 }, NOW),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      details: { errors: [{ field: 'answer' }] },
    });
    await expect(inputs.selfCheck(keeper, { instrument: 'mbi', answer: 2 }, NOW)).rejects.toMatchObject({
      details: { errors: [{ field: 'instrument' }] },
    });

    const overview = await insights.overview(coordinator, organisation, 1, 20, NOW);
    const byId = new Map(overview.items.map((v) => [v.volunteerId, v]));
    expect(byId.get(sharer.userId)!.selfCheck).toEqual({
      band: 'amber',
      takenAt: NOW.toISOString(),
      instrument: 'single-item',
    });
    expect(byId.get(keeper.userId)!.selfCheck).toBeNull();
    const stored = await ctx.dataSource
      .getRepository(SelfCheckResult)
      .findOneByOrFail({ volunteerId: keeper.userId });
    expect(Object.keys(stored).sort()).toEqual([
      'band',
      'id',
      'instrument',
      'score',
      'shared',
      'takenAt',
      'volunteerId',
    ]);

    expect(await inputs.deleteSelfChecks(sharer)).toEqual({ deleted: 1 });
    const again = await insights.overview(coordinator, organisation, 1, 20, NOW);
    expect(again.items.find((v) => v.volunteerId === sharer.userId)!.selfCheck).toBeNull();
  });

  it('shows counts only for groups of 5 or more, and shows VOL-2 to coordinators only as fired', async () => {
    const organisation = randomUUID();
    const coordinator = await coordinatorOf(organisation);
    const carer = await volunteerOf(organisation);
    await inputs.checkIn(
      carer,
      { weekStart: '2026-11-23', volunteerHours: 2, caring: { hoursBand: '>=8', durationBand: '>=3m' } },
      NOW,
    );
    for (let i = 0; i < 4; i++) {
      const volunteer = await volunteerOf(organisation);
      await inputs.checkIn(volunteer, { weekStart: '2026-11-23', volunteerHours: 1 }, NOW);
    }
    const overview = await insights.overview(coordinator, organisation, 1, 2, NOW);
    expect(overview.total).toBe(5);
    expect(overview.counts).toMatchObject({ amber: 1 });
    expect(overview.counts!.green + overview.counts!.amber + overview.counts!.red).toBe(5);
    const all = await insights.overview(coordinator, organisation, 1, 20, NOW);
    const vol2 = all.items
      .find((v) => v.volunteerId === carer.userId)!
      .signals.find((s) => s.code === 'VOL-2')!;
    expect(vol2).toMatchObject({ level: 'amber', value: null, threshold: null });
    expect(JSON.stringify(vol2)).not.toMatch(/>=8|>=3m/);
    // The volunteer sees their own band.
    expect((await insights.me(carer, NOW)).caring).toEqual({ hoursBand: '>=8', durationBand: '>=3m' });
  });

  it("evaluates with the organisation's validated thresholds, keeping the version that made it", async () => {
    const organisation = randomUUID();
    const coordinator = await coordinatorOf(organisation);
    const rules = ctx.get(RuleOverridesService);
    await expect(
      rules.set(coordinator, organisation, { 'VOL-1': { amber: 30, red: 20 }, 'NOPE-1': {} }, NOW),
    ).rejects.toMatchObject({
      code: 'validation.failed',
      details: {
        errors: expect.arrayContaining([expect.objectContaining({ field: 'overrides.NOPE-1' })]),
      },
    });
    await expect(rules.set(await coordinatorOf(randomUUID()), organisation, {}, NOW)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const set = await rules.set(
      coordinator,
      organisation,
      { 'VOL-1': { amber: 25, red: 30, redAnyWeek: 40 } },
      NOW,
    );
    expect(set.effective.version).toMatch(/\+org:/);
    const volunteer = await volunteerOf(organisation);
    await heavyWeeks(volunteer);
    const stored = await ctx.dataSource
      .getRepository(AssessmentRow)
      .findOneByOrFail({ volunteerId: volunteer.userId });
    expect(stored.ruleVersion).toBe(set.effective.version);
    const vol1 = (JSON.parse(stored.results) as Array<{ code: string; level: string }>).find(
      (r) => r.code === 'VOL-1',
    );
    expect(vol1!.level).toBe('green');
    expect((await rules.get(coordinator, organisation)).overrides).toEqual({
      'VOL-1': { amber: 25, red: 30, redAnyWeek: 40 },
    });
  });

  it('recommends published trainings by theme for what fired', async () => {
    const courseId = randomUUID();
    await ctx.deliver(COURSE_CHANGED_V1, {
      courseId,
      kind: 'training',
      title: 'Nee zeggen zonder schuldgevoel',
      summary: 'Grenzen stellen als vrijwilliger',
      language: 'nl',
      categorySlug: 'zorg',
      providerId: null,
      audiences: ['volunteers'],
      themes: ['boundaries'],
      attendanceThreshold: 75,
      trainerIds: [],
      status: 'published',
      version: 3,
      changedAt: new Date().toISOString(),
    });
    const volunteer = await volunteerOf(randomUUID());
    await heavyWeeks(volunteer);
    const me = await insights.me(volunteer, NOW);
    expect(me.level).toBe('red');
    expect(me.recommendedCourses).toEqual(
      expect.arrayContaining([expect.objectContaining({ courseId, themes: ['boundaries'] })]),
    );
    expect(me.signals.find((s) => s.code === 'VOL-1')!.explanation.whatWeSee).toMatch(/20/);
    expect(me.history.at(-1)).toMatchObject({ weekStart: '2026-11-23', level: 'red' });
  });

  it('deletes signals after 12 months and self-checks after 24, and everything of an erased volunteer', async () => {
    const organisation = randomUUID();
    const volunteer = await volunteerOf(organisation);
    const coordinator = await coordinatorOf(organisation);
    await heavyWeeks(volunteer);
    await inputs.selfCheck(volunteer, { instrument: 'single-item', answer: 2, share: true }, NOW);
    await insights.overview(coordinator, organisation, 1, 20, NOW);
    const history = ctx.dataSource.getRepository(SignalHistory);
    expect(await history.countBy({ volunteerId: volunteer.userId })).toBeGreaterThan(0);

    const retention = ctx.get(RetentionService);
    const inThirteenMonths = new Date(NOW.getTime() + 400 * 86_400_000);
    await retention.purgeExpired(inThirteenMonths);
    expect(await history.countBy({ volunteerId: volunteer.userId })).toBe(0);
    expect(
      await ctx.dataSource.getRepository(SelfCheckResult).countBy({ volunteerId: volunteer.userId }),
    ).toBe(1);
    await retention.purgeExpired(new Date(NOW.getTime() + 731 * 86_400_000));
    expect(
      await ctx.dataSource.getRepository(SelfCheckResult).countBy({ volunteerId: volunteer.userId }),
    ).toBe(0);

    const other = await volunteerOf(organisation);
    await heavyWeeks(other);
    await inputs.selfCheck(other, { instrument: 'single-item', answer: 4 }, NOW);
    await insights.overview(coordinator, organisation, 1, 20, NOW);
    const [openFlag] = await ctx.dataSource.getRepository(Flag).findBy({ volunteerId: other.userId });
    await ctx.deliver(USER_ERASED_V1, { userId: other.userId, erasedAt: new Date().toISOString() });
    for (const entity of [CheckIn, AssessmentRow, SignalHistory, SelfCheckResult, Flag, AuditEntry]) {
      expect(await ctx.dataSource.getRepository(entity).countBy({ volunteerId: other.userId })).toBe(0);
    }
    const closed = (await ctx.events<WellbeingFlagClosedV1>('enrolment.wellbeing-flag.closed.v1')).filter(
      (e) => e.payload.flagId === openFlag.id,
    );
    expect(closed.map((e) => e.payload.reason)).toEqual(['withdrawn']);
  });
});
