import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { In } from 'typeorm';
import type { EnrolmentContext } from '../../testing/enrolment-context';
import { type Assessment, RULE_CODES, RULE_FAMILY } from '../rules';
import { startWellbeingContext } from '../testing/wellbeing-fixtures';
import { AssessmentRow, SignalHistory } from '../wellbeing.entities';
import { AssessmentsRepository } from './assessments.repository';

const WEEK = '2026-11-23';
// Quotes, a backslash, a line break and letters outside ASCII: what a course title may hold, stored verbatim.
const TITLE = `Earste help "EHBO" foar 't doarpshûs \\ Fryslân\n😀`;

function assessmentOf(level: 'amber' | 'red', value: number): Assessment {
  const results = RULE_CODES.map((code) => ({
    code,
    family: RULE_FAMILY[code],
    level,
    value,
    threshold: 16,
    details: { weeks: 4, maxWeek: value + 1, courseTitle: TITLE },
  }));
  return {
    ruleVersion: 'default-1',
    level,
    results,
    history: RULE_CODES.map((code) => ({ code, level, clearWeeks: 0, clearWeekStart: null })),
    evaluatedAt: '2026-11-25T02:00:00.000Z',
  };
}

describeEachDatabase('load signals: storing a batch of assessments', (kind) => {
  let ctx: EnrolmentContext;
  let repository: AssessmentsRepository;

  beforeAll(async () => {
    ctx = await startWellbeingContext(kind);
    repository = ctx.get(AssessmentsRepository);
  }, 60_000);
  afterAll(() => ctx.close());

  const save = (ids: string[], assessment: Assessment) =>
    ctx.dataSource.transaction((manager) =>
      repository.save(
        ids.map((volunteerId) => ({ volunteerId, weekStart: WEEK, assessment })),
        manager,
      ),
    );

  it('stores every assessment and weekly history row of a large batch, text verbatim, and replaces them on a re-run', async () => {
    // 2,500 volunteers: 30,000 history rows (210,000 values) and some 6 MB of JSON: more than one statement may carry.
    const ids = Array.from({ length: 2_500 }, () => randomUUID());
    await save(ids, assessmentOf('amber', 9.25));

    const history = ctx.dataSource.getRepository(SignalHistory);
    expect(await history.countBy({ volunteerId: In(ids) })).toBe(ids.length * (RULE_CODES.length + 1));
    const stored = await ctx.dataSource.getRepository(AssessmentRow).findBy({ volunteerId: In(ids) });
    expect(stored).toHaveLength(ids.length);
    const last = stored.find((row) => row.volunteerId === ids[ids.length - 1])!;
    expect(last).toMatchObject({ level: 'amber', weekStart: WEEK, ruleVersion: 'default-1' });
    expect(JSON.parse(last.results)).toEqual(assessmentOf('amber', 9.25).results);
    expect(new Date(last.evaluatedAt).toISOString()).toBe('2026-11-25T02:00:00.000Z');

    // The nightly run after an evaluation in the same week overwrites that week's rows, never adds to them.
    await save(ids, assessmentOf('red', 17.5));
    expect(await history.countBy({ volunteerId: In(ids) })).toBe(ids.length * (RULE_CODES.length + 1));
    const vol1 = await history.findOneByOrFail({ volunteerId: ids[0], weekStart: WEEK, ruleCode: 'VOL-1' });
    expect(vol1).toMatchObject({ level: 'red', value: 17.5 });
    const overall = await history.findOneByOrFail({
      volunteerId: ids[0],
      weekStart: WEEK,
      ruleCode: 'overall',
    });
    expect(overall).toMatchObject({ level: 'red', value: null });
    const again = await ctx.dataSource.getRepository(AssessmentRow).findOneByOrFail({ volunteerId: ids[0] });
    expect(again.level).toBe('red');
    expect(JSON.parse(again.results)).toEqual(assessmentOf('red', 17.5).results);
  });
});
