import { join } from 'node:path';
import type { Locale, PageRenderer } from '@academy/web';
import type { Level, RuleLevel } from '../rules';
import type { SignalView } from '../reading/wellbeing-views';
import { registerEnrolmentPages, type Translate } from '../../pages/enrolment-pages';

const WELLBEING_DIR = join(__dirname, '..');

/**
 * The load-signal pages' views live beside the module (`wellbeing/views`, rendered as `wellbeing/<name>`); their
 * texts are the enrolment context's (`enrolment.wellbeing-pages.…`), registered with the other enrolment pages.
 */
export function registerWellbeingPages(pages: PageRenderer): void {
  registerEnrolmentPages(pages);
  pages.registerViews('wellbeing', join(WELLBEING_DIR, 'views'));
}

export const translator =
  (pages: PageRenderer, locale: Locale): Translate =>
  (key, params) =>
    pages.t(locale, key, params);

/** Message-key slug of a rule code ("VOL-1" → "vol-1"): keys are lower case. */
export const ruleSlug = (code: string): string => code.toLowerCase();

export const ruleTitle = (code: string, t: Translate): string =>
  t(`enrolment.wellbeing-pages.rule.${ruleSlug(code)}`);

/** A level in words, never as a number or a colour alone. */
export const levelWords = (level: Level | RuleLevel | null, t: Translate): string =>
  t(`enrolment.wellbeing-pages.level.${(level ?? 'none').replace('_', '-')}`);

/** One fired (or quiet) signal with the four parts of its explanation, as both audiences' pages show it. */
export function signalView(signal: SignalView, t: Translate) {
  return {
    code: signal.code,
    slug: ruleSlug(signal.code),
    title: ruleTitle(signal.code, t),
    level: signal.level,
    levelWords: levelWords(signal.level, t),
    held: signal.held,
    whatWeSee: signal.explanation.whatWeSee,
    whyWeLook: signal.explanation.whyWeLook,
    whatItIsNot: signal.explanation.whatItIsNot,
    whatYouCanDo: signal.explanation.whatYouCanDo,
  };
}

export const FIRED_LEVELS: ReadonlySet<RuleLevel> = new Set(['amber', 'red', 'info']);

/** Dutch-style decimals ("2,5") and dots both read as a number; anything else is not one. */
export function parseHours(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (text: string | undefined): text is string => {
  if (!text || !DAY.test(text)) return false;
  const at = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === text;
};

/** "1 mrt 2026" for a `YYYY-MM-DD` day, in the reader's language, without a time zone shift. */
export function dayWords(day: string, locale: Locale): string {
  const intl = { nl: 'nl-NL', fy: 'fy-NL', en: 'en-GB' }[locale];
  const text = new Intl.DateTimeFormat(intl, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
  return locale === 'fy' ? text.toLowerCase() : text;
}
