import type { Level, RuleCode, RuleResult } from '../rules/rule-model';
import en from './explanations.en.json';
import fy from './explanations.fy.json';
import nl from './explanations.nl.json';

export type ExplanationAudience = 'volunteer' | 'coordinator';
export type ExplanationLocale = 'nl' | 'fy' | 'en';
export const EXPLANATION_LOCALES: readonly ExplanationLocale[] = ['nl', 'fy', 'en'];
export const EXPLANATION_AUDIENCES: readonly ExplanationAudience[] = ['volunteer', 'coordinator'];

/** The four parts every signal carries (WELLBEING.md), plus the rule's short title. */
export interface Explanation {
  title: string;
  whatWeSee: string;
  whyWeLook: string;
  whatItIsNot: string;
  whatYouCanDo: string;
}

export interface ExplainOptions {
  audience: ExplanationAudience;
  /** `nl`, `fy` or `en`; anything else gets Dutch, the platform's first language. */
  locale: string;
  /** The volunteer's name for the coordinator's wording; without it, "deze vrijwilliger". */
  name?: string;
}

/**
 * A field's texts: the plain one (`whatWeSee`) and variants (`whatWeSee:week`, `whatWeSee:red`) picked by the
 * result, most specific first.
 */
type FieldTexts = Record<string, string>;

/** The shape of `explanations.<locale>.json`; the compiler checks each file against it. */
export interface ExplanationTexts {
  defaults: { name: string };
  titles: Record<RuleCode, string>;
  rules: Record<RuleCode, Record<ExplanationAudience, FieldTexts>>;
  green: Record<ExplanationAudience, { whatItIsNot: string; whatYouCanDo: string }>;
  held: Record<ExplanationAudience, string>;
  heldWithoutFigures: Record<ExplanationAudience, string>;
  insufficient: Record<ExplanationAudience, FieldTexts>;
  levels: Record<Level, Record<ExplanationAudience, { title: string; text: string }>>;
}

export const EXPLANATION_TEXTS: Readonly<Record<ExplanationLocale, ExplanationTexts>> = { nl, fy, en };

const INTL_LOCALE: Record<ExplanationLocale, string> = { nl: 'nl-NL', fy: 'fy-NL', en: 'en-GB' };

const isLocale = (locale: string): locale is ExplanationLocale =>
  (EXPLANATION_LOCALES as readonly string[]).includes(locale);

const localeOf = (locale: string): ExplanationLocale => (isLocale(locale) ? locale : 'nl');

const formats = new Map<string, Intl.NumberFormat>();
/** `11,5` in Dutch and Frisian, `11.5` in English; ratios keep two decimals so 1,48 never reads as 1,5. */
function formatNumber(locale: ExplanationLocale, value: number, digits = 1): string {
  const key = `${locale}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

/** The figures a text may name: the result's details, value and threshold, and derived ones. */
function parameters(
  result: RuleResult,
  locale: ExplanationLocale,
  texts: ExplanationTexts,
  name: string,
): Record<string, string> {
  const digits = result.code === 'SPIKE-1' ? 2 : 1;
  const params: Record<string, string> = { name, title: texts.titles[result.code] };
  for (const [key, value] of Object.entries(result.details)) {
    params[key] = typeof value === 'number' ? formatNumber(locale, value) : value;
  }
  if (result.value !== null) {
    params.value = formatNumber(locale, result.value, digits);
    params.valuePct = formatNumber(locale, Math.round(result.value * 100), 0);
  }
  if (result.threshold !== null) {
    params.threshold = formatNumber(locale, result.threshold, digits);
    params.thresholdPct = formatNumber(locale, Math.round(result.threshold * 100), 0);
  }
  return params;
}

/** Placeholders without a figure stay visible as `{key}`: the tests fail on any, so none reach a reader. */
const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);

function pick(texts: FieldTexts, field: string, variants: (string | undefined)[]): string {
  for (const variant of variants) {
    const text = variant === undefined ? undefined : texts[`${field}:${variant}`];
    if (text !== undefined) return text;
  }
  return texts[field] ?? '';
}

/**
 * One signal explained for its reader: warm and in the second person for the volunteer, neutral and about
 * effort and recovery for the coordinator. Pure; numbers are formatted for the locale.
 */
export function explain(result: RuleResult, options: ExplainOptions): Explanation {
  const locale = localeOf(options.locale);
  const texts = EXPLANATION_TEXTS[locale];
  const audience = options.audience;
  const params = parameters(result, locale, texts, options.name ?? texts.defaults.name);
  const rule = texts.rules[result.code][audience];
  const title = texts.titles[result.code];

  if (result.level === 'insufficient_data') {
    const own = texts.insufficient[audience];
    const variants = ['minHistoryWeeks' in result.details ? 'history' : undefined];
    variants.push('minPlanned' in result.details ? 'planned' : undefined);
    return {
      title,
      whatWeSee: fill(pick(own, 'whatWeSee', variants), params),
      whyWeLook: fill(pick(rule, 'whyWeLook', []), params),
      whatItIsNot: fill(pick(own, 'whatItIsNot', []), params),
      whatYouCanDo: fill(pick(own, 'whatYouCanDo', []), params),
    };
  }

  const redBy = typeof result.details.redBy === 'string' ? result.details.redBy : undefined;
  const variants = [redBy, result.level];
  let whatWeSee = fill(pick(rule, 'whatWeSee', variants), params);
  if (result.held && result.details.currentLevel === 'insufficient_data') {
    whatWeSee = fill(texts.heldWithoutFigures[audience], params);
  } else if (result.held) {
    whatWeSee += ` ${fill(texts.held[audience], params)}`;
  }
  const calm = result.level === 'green' ? texts.green[audience] : undefined;
  return {
    title,
    whatWeSee,
    whyWeLook: fill(pick(rule, 'whyWeLook', variants), params),
    whatItIsNot: fill(calm?.whatItIsNot ?? pick(rule, 'whatItIsNot', variants), params),
    whatYouCanDo: fill(calm?.whatYouCanDo ?? pick(rule, 'whatYouCanDo', variants), params),
  };
}

/** The overall level in words: a short title and one sentence. */
export function explainLevel(level: Level, options: ExplainOptions): { title: string; text: string } {
  const texts = EXPLANATION_TEXTS[localeOf(options.locale)];
  const { title, text } = texts.levels[level][options.audience];
  return { title, text: fill(text, { name: options.name ?? texts.defaults.name }) };
}

/** A rule's short title ("Veel inzet"), for lists and charts. */
export function ruleTitle(code: RuleCode, locale: string): string {
  return EXPLANATION_TEXTS[localeOf(locale)].titles[code];
}
