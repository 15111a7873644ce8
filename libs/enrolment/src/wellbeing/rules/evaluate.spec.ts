import fc from 'fast-check';
import { evaluate, overallLevel } from './evaluate';
import { DEFAULT_RULE_CONFIG as config, resolveRuleConfig } from './rule-config';
import type { RuleCode, RuleHistory, RuleLevel, RuleResult } from './rule-model';
import { RULE_CODES, RULE_FAMILY } from './rule-model';
import { NOW, repeat, volunteer } from './testing/volunteer-inputs.builder';
import { vol1 } from './vol-1.rule';

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const steady = (hours: number, now = NOW) =>
  volunteer(now)
    .hours(...repeat(4, hours))
    .build();
const vol1Of = (assessment: ReturnType<typeof evaluate>) =>
  assessment.results.find((r) => r.code === 'VOL-1')!;
const historyOf = (assessment: ReturnType<typeof evaluate>) => assessment.history;
const was = (code: RuleCode, level: RuleLevel, clearWeeks = 0, clearWeekStart: string | null = null) =>
  [{ code, level, clearWeeks, clearWeekStart }] satisfies RuleHistory[];

const stub = (code: RuleCode, level: RuleLevel): RuleResult => ({
  code,
  family: RULE_FAMILY[code],
  level,
  value: null,
  threshold: null,
  details: {},
});

describe('evaluate', () => {
  it('runs every rule once, in the order of WELLBEING.md, and keeps the rule version', () => {
    const assessment = evaluate(config, steady(10), [], NOW);
    expect(assessment.results.map((r) => r.code)).toEqual(RULE_CODES);
    expect(assessment.history.map((h) => h.code)).toEqual(RULE_CODES);
    expect(assessment).toMatchObject({
      ruleVersion: '2026-11.1',
      level: 'amber',
      evaluatedAt: NOW.toISOString(),
    });
  });

  it('makes a volunteer with 4 weeks of 20 h red on VOL-1 alone', () => {
    const assessment = evaluate(config, steady(20), [], NOW);
    expect(assessment.level).toBe('red');
    expect(assessment.results.filter((r) => r.level === 'red').map((r) => r.code)).toEqual(['VOL-1']);
  });

  it("keeps an organisation's version on the assessment and applies its thresholds", () => {
    const strict = resolveRuleConfig({ 'VOL-1': { amber: 10 } });
    const assessment = evaluate(strict, steady(9), [], NOW);
    expect(assessment.ruleVersion).toMatch(/^2026-11\.1\+org:[0-9a-f]{10}$/);
    expect(assessment.level).toBe('green');
  });
});

describe('hysteresis', () => {
  it('holds amber while the value is below the threshold but within the 10% margin', () => {
    const assessment = evaluate(config, steady(7.5), was('VOL-1', 'amber'), NOW);
    expect(vol1Of(assessment)).toMatchObject({ level: 'amber', value: 7.5, threshold: 8, held: true });
    expect(historyOf(assessment)[0]).toEqual({
      code: 'VOL-1',
      level: 'amber',
      clearWeeks: 0,
      clearWeekStart: null,
    });
    expect(assessment.level).toBe('amber');
  });

  it('leaves amber after 2 weekly evaluations below the threshold by the margin, not before', () => {
    const first = evaluate(config, steady(7.19), was('VOL-1', 'amber'), NOW);
    expect(vol1Of(first)).toMatchObject({ level: 'amber', held: true });
    expect(first.history[0]).toMatchObject({ clearWeeks: 1, clearWeekStart: '2026-11-23' });

    const sameWeek = evaluate(config, steady(7.19, at(3)), first.history, at(3));
    expect(vol1Of(sameWeek)).toMatchObject({ level: 'amber', held: true });
    expect(sameWeek.history[0]).toMatchObject({ clearWeeks: 1, clearWeekStart: '2026-11-23' });

    const nextWeek = evaluate(config, steady(7.19, at(7)), sameWeek.history, at(7));
    expect(vol1Of(nextWeek).level).toBe('green');
    expect(vol1Of(nextWeek).held).toBeUndefined();
    expect(nextWeek.history[0]).toEqual({
      code: 'VOL-1',
      level: 'green',
      clearWeeks: 0,
      clearWeekStart: null,
    });
    expect(nextWeek.level).toBe('green');
  });

  it('counts exactly at the margin as not clear (7.2 is not below 8 by 10%)', () => {
    const assessment = evaluate(config, steady(7.2), was('VOL-1', 'amber', 1, '2026-11-16'), NOW);
    expect(assessment.history[0]).toMatchObject({ level: 'amber', clearWeeks: 0 });
  });

  it('starts counting over when a week comes in within the margin again', () => {
    const clear = evaluate(config, steady(7), was('VOL-1', 'amber'), NOW);
    const within = evaluate(config, steady(7.5, at(7)), clear.history, at(7));
    expect(within.history[0]).toMatchObject({ level: 'amber', clearWeeks: 0 });
    const clearAgain = evaluate(config, steady(7, at(14)), within.history, at(14));
    expect(vol1Of(clearAgain)).toMatchObject({ level: 'amber', held: true });
  });

  it('steps down from red only after 2 clear weeks below the red threshold by the margin', () => {
    const within = evaluate(config, steady(14.5), was('VOL-1', 'red'), NOW);
    expect(vol1Of(within)).toMatchObject({ level: 'red', threshold: 16, held: true });
    const clear = evaluate(config, steady(14.39, at(7)), within.history, at(7));
    expect(vol1Of(clear).level).toBe('red');
    const down = evaluate(config, steady(14.39, at(14)), clear.history, at(14));
    expect(vol1Of(down)).toMatchObject({ level: 'amber', value: 14.39 });
  });

  it('rises at once, without waiting', () => {
    const assessment = evaluate(config, steady(16), was('VOL-1', 'amber', 1, '2026-11-16'), NOW);
    expect(vol1Of(assessment).level).toBe('red');
    expect(assessment.history[0]).toEqual({
      code: 'VOL-1',
      level: 'red',
      clearWeeks: 0,
      clearWeekStart: null,
    });
  });

  it('counts weeks by the Monday in Friesland: Sunday 23:30 and Monday 00:30 are different weeks', () => {
    const sunday = new Date('2026-11-29T22:30:00Z');
    const monday = new Date('2026-11-29T23:30:00Z');
    const first = evaluate(config, steady(7, sunday), was('VOL-1', 'amber'), sunday);
    expect(first.history[0]).toMatchObject({ clearWeeks: 1, clearWeekStart: '2026-11-23' });
    const second = evaluate(config, steady(7, monday), first.history, monday);
    expect(vol1Of(second).level).toBe('green');
  });

  it('holds through a missing check-in and lets go after 2 weeks without figures', () => {
    const silent = (now: Date) => volunteer(now).build();
    const first = evaluate(config, silent(NOW), was('VOL-1', 'red'), NOW);
    expect(vol1Of(first)).toMatchObject({ level: 'red', value: null, held: true });
    const second = evaluate(config, silent(at(7)), first.history, at(7));
    expect(vol1Of(second).level).toBe('insufficient_data');
  });

  it('applies to every rule, e.g. ROLE-1: 3 roles held as amber until 2 clear weeks with 2', () => {
    const inputs = (now: Date) => volunteer(now).activeRoles(2).build();
    const prior = [{ code: 'ROLE-1', level: 'amber', clearWeeks: 0 }] satisfies RuleHistory[];
    const first = evaluate(config, inputs(NOW), prior, NOW);
    expect(first.results.find((r) => r.code === 'ROLE-1')).toMatchObject({ level: 'amber', held: true });
    const second = evaluate(config, inputs(at(7)), first.history, at(7));
    expect(second.results.find((r) => r.code === 'ROLE-1')?.level).toBe('green');
  });
});

describe('the overall level (no score: only which rules fired)', () => {
  it.each<[string, [RuleCode, RuleLevel][], string]>([
    ['a single red rule', [['REST-2', 'red']], 'red'],
    [
      '3 amber rules from 2 families',
      [
        ['VOL-1', 'amber'],
        ['DUR-1', 'amber'],
        ['REST-1', 'amber'],
      ],
      'red',
    ],
    [
      '3 amber rules from 3 families',
      [
        ['VOL-1', 'amber'],
        ['ROLE-1', 'amber'],
        ['REL-1', 'amber'],
      ],
      'red',
    ],
    [
      '3 amber rules from one family',
      [
        ['VOL-1', 'amber'],
        ['DUR-1', 'amber'],
        ['SPIKE-1', 'amber'],
      ],
      'amber',
    ],
    [
      '2 amber rules from 2 families',
      [
        ['VOL-1', 'amber'],
        ['REST-1', 'amber'],
      ],
      'amber',
    ],
    ['one amber rule', [['WD-1', 'amber']], 'amber'],
    ['info only', [['TRAIN-1', 'info']], 'green'],
    [
      'insufficient data only',
      RULE_CODES.map((c) => [c, 'insufficient_data'] as [RuleCode, RuleLevel]),
      'green',
    ],
    [
      '2 amber and info',
      [
        ['VOL-1', 'amber'],
        ['REST-1', 'amber'],
        ['TRAIN-1', 'info'],
      ],
      'amber',
    ],
    ['all green', RULE_CODES.map((c) => [c, 'green'] as [RuleCode, RuleLevel]), 'green'],
  ])('%s is %s', (_, levels, expected) => {
    expect(
      overallLevel(
        config,
        levels.map(([code, level]) => stub(code, level)),
      ),
    ).toBe(expected);
  });

  it('turns red from 3 amber rules of 2 families in a real evaluation', () => {
    const inputs = volunteer()
      .hours(...repeat(14, 9))
      .activeRoles(3)
      .build();
    const assessment = evaluate(config, inputs, [], NOW);
    expect(assessment.results.filter((r) => r.level === 'amber').map((r) => r.code)).toEqual([
      'VOL-1',
      'DUR-1',
      'ROLE-1',
    ]);
    expect(assessment.level).toBe('red');
  });
});

describe('properties', () => {
  const levels: RuleLevel[] = ['green', 'amber', 'red', 'info', 'insufficient_data'];
  const results = fc.array(
    fc.record({ code: fc.constantFrom(...RULE_CODES), level: fc.constantFrom(...levels) }),
    { maxLength: 12 },
  );

  it('the level never depends on the order of the rules', () => {
    fc.assert(
      fc.property(results, fc.infiniteStream(fc.nat()), (drawn, seeds) => {
        const list = drawn.map(({ code, level }) => stub(code, level));
        const shuffled = list
          .map((r) => ({ r, key: seeds.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map(({ r }) => r);
        expect(overallLevel(config, shuffled)).toBe(overallLevel(config, list));
      }),
    );
  });

  it('info and insufficient data never raise the level', () => {
    fc.assert(
      fc.property(
        results,
        fc.array(fc.constantFrom<RuleLevel>('info', 'insufficient_data')),
        (drawn, extra) => {
          const list = drawn.map(({ code, level }) => stub(code, level));
          const more = [...list, ...extra.map((level) => stub('TRAIN-1', level))];
          expect(overallLevel(config, more)).toBe(overallLevel(config, list));
        },
      ),
    );
  });

  const RANK: Record<RuleLevel, number> = { insufficient_data: -1, info: -1, green: 0, amber: 1, red: 2 };
  const hours = fc.oneof(fc.constant(null), fc.double({ min: 0, max: 60, noNaN: true }));

  it('raising any input hours never lowers VOL-1', () => {
    fc.assert(
      fc.property(
        fc.array(hours, { minLength: 4, maxLength: 6 }),
        fc.nat(5),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (perWeek, index, rise) => {
          const i = index % perWeek.length;
          const raised = perWeek.map((h, j) => (j === i && h !== null ? h + rise : h));
          const before = vol1(
            config,
            volunteer()
              .hours(...perWeek)
              .build(),
            NOW,
          );
          const after = vol1(
            config,
            volunteer()
              .hours(...raised)
              .build(),
            NOW,
          );
          expect(RANK[after.level]).toBeGreaterThanOrEqual(RANK[before.level]);
        },
      ),
    );
  });

  it('never lets a rule drop below amber/red without a held week before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 2, maxLength: 10 }),
        (means) => {
          let history: RuleHistory[] = [];
          let before: RuleResult | undefined;
          means.forEach((hours, week) => {
            const now = at(week * 7);
            const assessment = evaluate(config, steady(hours, now), history, now);
            const current = vol1Of(assessment);
            history = assessment.history;
            if (before && RANK[before.level] >= 1 && RANK[current.level] < RANK[before.level]) {
              expect(before.held).toBe(true);
            }
            before = current;
          });
        },
      ),
    );
  });

  it('evaluates any weekly history without throwing, to a level and one result per rule', () => {
    fc.assert(
      fc.property(fc.array(hours, { maxLength: 52 }), fc.option(fc.nat(6)), (perWeek, roles) => {
        const assessment = evaluate(
          config,
          volunteer()
            .hours(...perWeek)
            .activeRoles(roles)
            .build(),
          [],
          NOW,
        );
        expect(['green', 'amber', 'red']).toContain(assessment.level);
        expect(assessment.results).toHaveLength(RULE_CODES.length);
      }),
    );
  });
});
