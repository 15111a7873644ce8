import { createHash } from 'node:crypto';
import type { RuleCode } from './rule-model';

/**
 * Every number of WELLBEING.md's table, as configuration. Groups are the rules plus three shared ones; a field
 * is named `<group>.<parameter>` (`VOL-1.amber`) in overrides and in validation errors.
 *
 * WARNING: organisations store overrides under these group and parameter names; renaming one silently drops
 * a stored override (it would then be refused as an unknown key). Add new names instead, and bump `version`
 * whenever a default changes, so every assessment keeps the version that made it.
 */
export interface RuleConfig {
  /** `2026-11.1` for the defaults; `2026-11.1+org:<hash>` when an organisation's overrides apply. */
  version: string;
  /** Weighted hours per week = volunteer hours + `training` × training hours. */
  weights: { training: number };
  /** A rule leaves amber/red only after `clearWeeks` weekly evaluations below its threshold by `margin`. */
  hysteresis: { margin: number; clearWeeks: number };
  /**
   * Trend rules (SPIKE-1, REL-1, WD-1) need `minHistoryWeeks` of history; a week with at least
   * `leaveWeekDays` days of leave is left out of them.
   */
  trend: { minHistoryWeeks: number; leaveWeekDays: number };
  /** The overall level is red when `amberRules` amber rules come from `amberFamilies` families or more. */
  level: { amberRules: number; amberFamilies: number };
  'VOL-1': { windowWeeks: number; amber: number; red: number; redAnyWeek: number };
  /** The caring band is categorical (care ≥ 8 h/week for ≥ 3 months): nothing to tune. */
  'VOL-2': Record<string, never>;
  /** Consecutive weeks of at least `highWeekHours`; red also needs `red` weeks without a week under `restWeekHours`. */
  'DUR-1': { highWeekHours: number; amber: number; red: number; restWeekHours: number };
  /** Mean of the last `recentWeeks` ÷ mean of the `baselineWeeks` before; the baseline counts at least `baselineFloorHours`. */
  'SPIKE-1': {
    recentWeeks: number;
    baselineWeeks: number;
    amber: number;
    minRecentHours: number;
    baselineFloorHours: number;
  };
  'REST-1': { windowDays: number; amber: number; red: number };
  /** Rests between activities on different days shorter than `minRestHours`, counted over `windowDays`. */
  'REST-2': { windowDays: number; minRestHours: number; amber: number; red: number };
  /** Red needs `red` roles and VOL-1 at amber or above. */
  'ROLE-1': { amber: number; red: number };
  /**
   * Missed (late cancellations + no-shows) over `recentWeeks` vs the own rate over the `baselineWeeks` before
   * (at least `baselineFloor` of planned). Amber: `amber` missed and a rate of `amberRatio` × baseline or more.
   * Red: `redNoShows` no-shows in `recentWeeks`, or a share `redShareMissed` of planned missed in the last
   * `redShareWeeks`. Needs `minPlanned` planned activities in `recentWeeks`.
   */
  'REL-1': {
    recentWeeks: number;
    baselineWeeks: number;
    amber: number;
    amberRatio: number;
    baselineFloor: number;
    minPlanned: number;
    redNoShows: number;
    redShareMissed: number;
    redShareWeeks: number;
  };
  /** Drop (share, 0..1) of the mean of the last `recentWeeks` against the `baselineWeeks` before, from a baseline of `minBaselineHours`. */
  'WD-1': { recentWeeks: number; baselineWeeks: number; amber: number; minBaselineHours: number };
  /** Consecutive unexcused missed meetings of one training. */
  'TRAIN-1': { info: number };
}

export type RuleConfigGroup = Exclude<keyof RuleConfig, 'version'>;

/** Per organisation: any subset of the parameters, e.g. `{ 'VOL-1': { amber: 10 } }`. */
export type RuleConfigOverrides = {
  [G in RuleConfigGroup]?: Partial<RuleConfig[G]>;
};

export const DEFAULT_RULE_VERSION = '2026-11.1';

export const DEFAULT_RULE_CONFIG: Readonly<RuleConfig> = deepFreeze({
  version: DEFAULT_RULE_VERSION,
  weights: { training: 0.5 },
  hysteresis: { margin: 0.1, clearWeeks: 2 },
  trend: { minHistoryWeeks: 8, leaveWeekDays: 4 },
  level: { amberRules: 3, amberFamilies: 2 },
  'VOL-1': { windowWeeks: 4, amber: 8, red: 16, redAnyWeek: 24 },
  'VOL-2': {},
  'DUR-1': { highWeekHours: 8, amber: 13, red: 26, restWeekHours: 4 },
  'SPIKE-1': { recentWeeks: 4, baselineWeeks: 12, amber: 1.5, minRecentHours: 8, baselineFloorHours: 1 },
  'REST-1': { windowDays: 14, amber: 12, red: 14 },
  'REST-2': { windowDays: 14, minRestHours: 11, amber: 2, red: 4 },
  'ROLE-1': { amber: 3, red: 4 },
  'REL-1': {
    recentWeeks: 8,
    baselineWeeks: 24,
    amber: 2,
    amberRatio: 2,
    baselineFloor: 0.05,
    minPlanned: 4,
    redNoShows: 3,
    redShareMissed: 0.5,
    redShareWeeks: 4,
  },
  'WD-1': { recentWeeks: 4, baselineWeeks: 12, amber: 0.5, minBaselineHours: 4 },
  'TRAIN-1': { info: 2 },
});

/** How each parameter may be set: whole numbers for counts and windows, shares at most 1. */
type Kind = 'count' | 'positive' | 'share' | 'margin' | 'nonNegative';

const KINDS: { [G in RuleConfigGroup]: { [P in keyof RuleConfig[G]]-?: Kind } } = {
  weights: { training: 'nonNegative' },
  hysteresis: { margin: 'margin', clearWeeks: 'count' },
  trend: { minHistoryWeeks: 'count', leaveWeekDays: 'count' },
  level: { amberRules: 'count', amberFamilies: 'count' },
  'VOL-1': { windowWeeks: 'count', amber: 'positive', red: 'positive', redAnyWeek: 'positive' },
  'VOL-2': {},
  'DUR-1': { highWeekHours: 'positive', amber: 'count', red: 'count', restWeekHours: 'nonNegative' },
  'SPIKE-1': {
    recentWeeks: 'count',
    baselineWeeks: 'count',
    amber: 'positive',
    minRecentHours: 'nonNegative',
    baselineFloorHours: 'positive',
  },
  'REST-1': { windowDays: 'count', amber: 'count', red: 'count' },
  'REST-2': { windowDays: 'count', minRestHours: 'positive', amber: 'count', red: 'count' },
  'ROLE-1': { amber: 'count', red: 'count' },
  'REL-1': {
    recentWeeks: 'count',
    baselineWeeks: 'count',
    amber: 'count',
    amberRatio: 'positive',
    baselineFloor: 'share',
    minPlanned: 'count',
    redNoShows: 'count',
    redShareMissed: 'share',
    redShareWeeks: 'count',
  },
  'WD-1': { recentWeeks: 'count', baselineWeeks: 'count', amber: 'share', minBaselineHours: 'nonNegative' },
  'TRAIN-1': { info: 'count' },
};

export const RULE_CONFIG_GROUPS = Object.keys(KINDS) as RuleConfigGroup[];

/**
 * The parameters that are thresholds a value is compared with (`value ≥ threshold`): hysteresis lowers exactly
 * these by its margin to decide whether a rule is clear. Windows, weights and minimum-history figures stay.
 */
export const THRESHOLD_FIELDS: { [C in RuleCode]: readonly (keyof RuleConfig[C])[] } = {
  'VOL-1': ['amber', 'red', 'redAnyWeek'],
  'VOL-2': [],
  'DUR-1': ['amber', 'red'],
  'SPIKE-1': ['amber', 'minRecentHours'],
  'REST-1': ['amber', 'red'],
  'REST-2': ['amber', 'red'],
  'ROLE-1': ['amber', 'red'],
  'REL-1': ['amber', 'amberRatio', 'redNoShows', 'redShareMissed'],
  'WD-1': ['amber'],
  'TRAIN-1': [],
};

/** Pairs where red must not be below amber (a red that fires before amber makes no sense). */
const ORDERED: readonly [RuleConfigGroup, string, string][] = [
  ['VOL-1', 'amber', 'red'],
  ['VOL-1', 'amber', 'redAnyWeek'],
  ['DUR-1', 'amber', 'red'],
  ['REST-1', 'amber', 'red'],
  ['REST-2', 'amber', 'red'],
  ['ROLE-1', 'amber', 'red'],
];

export interface RuleConfigFieldError {
  /** `VOL-1.amber`, or the group alone for a wrong group. */
  field: string;
  message: string;
}

export class RuleConfigError extends Error {
  constructor(readonly errors: RuleConfigFieldError[]) {
    super(`Invalid rule configuration: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'RuleConfigError';
  }
}

/** A function declaration, hoisted: `DEFAULT_RULE_CONFIG` is frozen with it at module load. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindError(kind: Kind, value: number): string | null {
  if (value < 0) return 'must not be negative';
  switch (kind) {
    case 'count':
      return Number.isInteger(value) && value >= 1 ? null : 'must be a whole number of at least 1';
    case 'positive':
      return value > 0 ? null : 'must be greater than 0';
    case 'share':
      return value <= 1 ? null : 'must be a share between 0 and 1';
    case 'margin':
      return value < 1 ? null : 'must be below 1';
    case 'nonNegative':
      return null;
  }
}

/**
 * Field errors of an organisation's overrides (empty when valid): unknown groups or parameters, anything but a
 * finite number, negatives, counts that are not whole, shares above 1, a margin of 1 or more, and red below amber once merged
 * with the defaults.
 */
export function validateRuleOverrides(input: unknown): RuleConfigFieldError[] {
  if (input === undefined || input === null) return [];
  if (!isRecord(input)) return [{ field: '', message: 'must be an object of rule groups' }];
  const errors: RuleConfigFieldError[] = [];
  for (const [group, params] of Object.entries(input)) {
    if (!(group in KINDS)) {
      errors.push({ field: group, message: 'is not a known rule or setting' });
      continue;
    }
    if (!isRecord(params)) {
      errors.push({ field: group, message: 'must be an object of parameters' });
      continue;
    }
    const kinds = KINDS[group as RuleConfigGroup] as Record<string, Kind>;
    for (const [param, value] of Object.entries(params)) {
      const field = `${group}.${param}`;
      const kind = kinds[param];
      if (!kind) errors.push({ field, message: 'is not a known parameter' });
      else if (typeof value !== 'number' || !Number.isFinite(value))
        errors.push({ field, message: 'must be a number' });
      else {
        const message = kindError(kind, value);
        if (message) errors.push({ field, message });
      }
    }
  }
  if (errors.length > 0) return errors;
  const merged = merge(DEFAULT_RULE_CONFIG, input);
  for (const [group, amber, red] of ORDERED) {
    const values = merged[group] as Record<string, number>;
    if ((values[red] ?? 0) < (values[amber] ?? 0)) {
      errors.push({ field: `${group}.${red}`, message: `must not be below ${group}.${amber}` });
    }
  }
  return errors;
}

export function isRuleConfigOverrides(input: unknown): input is RuleConfigOverrides {
  return validateRuleOverrides(input).length === 0;
}

function merge(base: Readonly<RuleConfig>, overrides: RuleConfigOverrides): RuleConfig {
  const config = structuredClone(base) as RuleConfig;
  for (const group of RULE_CONFIG_GROUPS) {
    const params = overrides[group];
    if (params) Object.assign(config[group], params);
  }
  return config;
}

/** Keys sorted at every level, so the same overrides always hash alike. */
function canonical(value: unknown): string {
  if (!isRecord(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

/** Only the parameters that differ from the defaults name a version, so `{}` and re-stated defaults change nothing. */
function effectiveOverrides(overrides: RuleConfigOverrides): RuleConfigOverrides {
  const effective: Record<string, Record<string, number>> = {};
  for (const group of RULE_CONFIG_GROUPS) {
    const params = overrides[group] as Record<string, number> | undefined;
    const defaults = DEFAULT_RULE_CONFIG[group] as Record<string, number>;
    for (const [param, value] of Object.entries(params ?? {})) {
      if (defaults[param] !== value) (effective[group] ??= {})[param] = value;
    }
  }
  return effective;
}

export type RuleConfigResolution =
  { ok: true; config: RuleConfig } | { ok: false; errors: RuleConfigFieldError[] };

/** The configuration for an organisation, or its field errors; never throws. */
export function tryResolveRuleConfig(overrides?: unknown): RuleConfigResolution {
  const errors = validateRuleOverrides(overrides);
  if (errors.length > 0) return { ok: false, errors };
  const effective = effectiveOverrides(overrides ?? {});
  if (Object.keys(effective).length === 0) return { ok: true, config: DEFAULT_RULE_CONFIG };
  const hash = createHash('sha256').update(canonical(effective)).digest('hex').slice(0, 10);
  const config = merge(DEFAULT_RULE_CONFIG, effective);
  config.version = `${DEFAULT_RULE_VERSION}+org:${hash}`;
  return { ok: true, config: deepFreeze(config) };
}

/**
 * The defaults with an organisation's overrides applied; its version names them (`2026-11.1+org:<hash>`).
 * Throws a `RuleConfigError` carrying the field errors when the overrides are invalid.
 */
export function resolveRuleConfig(overrides?: RuleConfigOverrides | null): RuleConfig {
  const resolution = tryResolveRuleConfig(overrides);
  if (!resolution.ok) throw new RuleConfigError(resolution.errors);
  return resolution.config;
}

/**
 * The configuration hysteresis compares with: every threshold lowered by the margin (`8` → `7.2` at 10%), so a
 * rule whose level under it is below its held level is "below its threshold by the margin".
 */
export function withMargin(config: RuleConfig): RuleConfig {
  const lowered = structuredClone<RuleConfig>(config);
  const factor = 1 - config.hysteresis.margin;
  for (const [code, fields] of Object.entries(THRESHOLD_FIELDS) as [RuleCode, readonly string[]][]) {
    const params = lowered[code] as Record<string, number>;
    for (const field of fields) params[field] = (params[field] ?? 0) * factor;
  }
  return lowered;
}

function deepFreeze<T>(value: T): T {
  if (isRecord(value)) for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
