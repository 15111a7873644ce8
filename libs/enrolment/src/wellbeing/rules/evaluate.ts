import { withMargin, type RuleConfig } from './rule-config';
import type {
  Assessment,
  Level,
  RuleCode,
  RuleHistory,
  RuleLevel,
  RuleResult,
  VolunteerInputs,
} from './rule-model';
import { RULE_CODES } from './rule-model';
import type { Rule } from './rule-support';
import { dur1 } from './dur-1.rule';
import { rel1 } from './rel-1.rule';
import { rest1 } from './rest-1.rule';
import { rest2 } from './rest-2.rule';
import { role1 } from './role-1.rule';
import { spike1 } from './spike-1.rule';
import { train1 } from './train-1.rule';
import { vol1 } from './vol-1.rule';
import { vol2 } from './vol-2.rule';
import { wd1 } from './wd-1.rule';
import { weekStartOf } from './week';

export const RULES: Readonly<Record<RuleCode, Rule>> = {
  'VOL-1': vol1,
  'VOL-2': vol2,
  'DUR-1': dur1,
  'SPIKE-1': spike1,
  'REST-1': rest1,
  'REST-2': rest2,
  'ROLE-1': role1,
  'REL-1': rel1,
  'WD-1': wd1,
  'TRAIN-1': train1,
};

/** How far a level raises the overall level; `info` and `insufficient_data` never do. */
const RANK: Record<RuleLevel, number> = { insufficient_data: -1, info: -1, green: 0, amber: 1, red: 2 };

/**
 * The overall level from the rules' levels, without any score: red when a rule is red, or when at least
 * `level.amberRules` rules are amber and they come from at least `level.amberFamilies` families; amber when any
 * rule is amber; else green.
 */
export function overallLevel(config: RuleConfig, results: readonly RuleResult[]): Level {
  if (results.some((r) => r.level === 'red')) return 'red';
  const amber = results.filter((r) => r.level === 'amber');
  const families = new Set(amber.map((r) => r.family));
  if (amber.length >= config.level.amberRules && families.size >= config.level.amberFamilies) return 'red';
  return amber.length > 0 ? 'amber' : 'green';
}

function thresholdOf(config: RuleConfig, code: RuleCode, level: 'amber' | 'red'): number | undefined {
  return (config[code] as Record<string, number>)[level];
}

/**
 * Hysteresis: a rule at amber/red that now comes in lower keeps its level until `hysteresis.clearWeeks` weekly
 * evaluations in a row were below its threshold by the margin (its level under `withMargin(config)` is lower
 * than the held level). "Weekly" is the calendar week of `now` (Monday, Europe/Amsterdam): the first clear
 * evaluation in a week counts and stores that week's Monday in `clearWeekStart`; later ones in the same week
 * (an event, then the nightly run) do not count again. An evaluation that is not clear starts the count over.
 * While held, `insufficient_data` (say, check-ins stopped) counts as clear: we hold a signal for a missed
 * week, but do not keep it on without figures. Rising or staying at the same level never waits.
 */
function withHysteresis(
  config: RuleConfig,
  raw: RuleResult,
  previous: RuleHistory | undefined,
  atMargin: () => RuleResult,
  week: string,
): { result: RuleResult; history: RuleHistory } {
  const settle = (r: RuleResult) => ({
    result: r,
    history: { code: r.code, level: r.level, clearWeeks: 0, clearWeekStart: null },
  });
  const heldLevel = previous?.level;
  if (heldLevel !== 'amber' && heldLevel !== 'red') return settle(raw);
  if (RANK[raw.level] >= RANK[heldLevel]) return settle(raw);

  const held = (clearWeeks: number, clearWeekStart: string | null) => ({
    result: {
      ...raw,
      level: heldLevel,
      threshold: thresholdOf(config, raw.code, heldLevel) ?? raw.threshold,
      details: { ...raw.details, clearWeeks: config.hysteresis.clearWeeks, currentLevel: raw.level },
      held: true,
    },
    history: { code: raw.code, level: heldLevel, clearWeeks, clearWeekStart },
  });
  const clear = raw.level === 'insufficient_data' || RANK[atMargin().level] < RANK[heldLevel];
  if (!clear) return held(0, null);
  if (previous?.clearWeekStart === week) return held(previous.clearWeeks, week);
  const clearWeeks = (previous?.clearWeeks ?? 0) + 1;
  if (clearWeeks >= config.hysteresis.clearWeeks) return settle(raw);
  return held(clearWeeks, week);
}

/**
 * Every rule of WELLBEING.md for one volunteer, with hysteresis over `previous` (the `history` of the last
 * assessment; empty for the first) and the overall level. Pure: same arguments, same assessment.
 */
export function evaluate(
  config: RuleConfig,
  inputs: VolunteerInputs,
  previous: readonly RuleHistory[],
  now: Date,
): Assessment {
  const week = weekStartOf(now);
  const before = new Map(previous.map((h) => [h.code, h]));
  let margin: RuleConfig | undefined;
  const results: RuleResult[] = [];
  const history: RuleHistory[] = [];
  for (const code of RULE_CODES) {
    const rule = RULES[code];
    const outcome = withHysteresis(
      config,
      rule(config, inputs, now),
      before.get(code),
      () => rule((margin ??= withMargin(config)), inputs, now),
      week,
    );
    results.push(outcome.result);
    history.push(outcome.history);
  }
  return {
    ruleVersion: config.version,
    level: overallLevel(config, results),
    results,
    history,
    evaluatedAt: now.toISOString(),
  };
}
