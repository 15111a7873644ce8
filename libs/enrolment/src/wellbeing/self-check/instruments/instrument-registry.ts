import { answerErrors, type Instrument, type SelfCheckBand } from './instrument';
import {
  INSTRUMENT_LOCALES,
  INSTRUMENT_RESOURCES,
  instrumentLocale,
  type InstrumentLocale,
  type InstrumentTexts,
} from './instrument-texts';
import { SINGLE_ITEM } from './single-item.instrument';

/**
 * Instruments whose item texts may never be shipped (proprietary or licensed). Registering one of these needs
 * the organisation's own texts; the check below refuses them from the shipped resource files.
 */
export const UNSHIPPABLE_INSTRUMENTS = ['ediz-plus', 'zbi', 'mbi', 'ubos', 'bat'] as const;

export type SelfCheckOutcome =
  | { ok: true; instrument: string; score: number; band: SelfCheckBand }
  | { ok: false; field: 'instrument' | 'answers'; message: string };

/** Why texts do not fit an instrument: every locale, one text per item, and options matching the answer range. */
export function textErrors(
  instrument: Instrument,
  texts: Partial<Record<InstrumentLocale, InstrumentTexts>>,
): string[] {
  const errors: string[] = [];
  const options = instrument.answerRange.max - instrument.answerRange.min + 1;
  for (const locale of INSTRUMENT_LOCALES) {
    const own = texts[locale];
    if (!own) {
      errors.push(`${locale}: texts are missing`);
      continue;
    }
    if (!own.label.trim()) errors.push(`${locale}: the label is empty`);
    if (own.items.length !== instrument.itemCount) {
      errors.push(`${locale}: ${instrument.itemCount} items expected, ${own.items.length} given`);
    }
    own.items.forEach((item, i) => {
      if (!item.text.trim()) errors.push(`${locale}: item ${i + 1} has no text`);
      if (item.options && item.options.length !== options) {
        errors.push(`${locale}: item ${i + 1} needs ${options} options, has ${item.options.length}`);
      }
    });
  }
  return errors;
}

/**
 * The instruments a volunteer can choose from. Starts with the shipped single-item instrument; an organisation
 * licensed for another one registers its scoring with its own texts (`register`), which never live in this
 * repository.
 */
export class InstrumentRegistry {
  private readonly entries = new Map<
    string,
    { instrument: Instrument; texts: Record<InstrumentLocale, InstrumentTexts> }
  >();

  constructor(options: { withShipped?: boolean } = {}) {
    if (options.withShipped ?? true) {
      const texts = Object.fromEntries(
        INSTRUMENT_LOCALES.map((l) => [l, INSTRUMENT_RESOURCES[l].instruments[SINGLE_ITEM.id]]),
      ) as Record<InstrumentLocale, InstrumentTexts>;
      this.register(SINGLE_ITEM, texts);
    }
  }

  /** Adds an instrument with its texts in nl, fy and en; throws when either does not fit. */
  register(instrument: Instrument, texts: Partial<Record<InstrumentLocale, InstrumentTexts>>): void {
    if (this.entries.has(instrument.id)) throw new Error(`Instrument ${instrument.id} is registered twice`);
    const errors = textErrors(instrument, texts);
    if (errors.length > 0) throw new Error(`Instrument ${instrument.id}: ${errors.join('; ')}`);
    this.entries.set(instrument.id, {
      instrument,
      texts: texts as Record<InstrumentLocale, InstrumentTexts>,
    });
  }

  get(id: string): Instrument | undefined {
    return this.entries.get(id)?.instrument;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** The instrument's texts in a locale (Dutch for an unknown one), with its status line. */
  texts(id: string, locale: string): InstrumentTexts | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const chosen = instrumentLocale(locale);
    const own = entry.texts[chosen];
    const status =
      own.status ?? (entry.instrument.validated ? INSTRUMENT_RESOURCES[chosen].validated : undefined);
    return { ...own, status };
  }

  /**
   * Scores a self-check; only the score and band come out, never the answers (they are not to be stored). A
   * single answer may be given as a number.
   */
  assess(id: string, answers: unknown): SelfCheckOutcome {
    const instrument = this.get(id);
    if (!instrument)
      return {
        ok: false,
        field: 'instrument',
        message: `instrument must be one of: ${this.ids().join(', ')}`,
      };
    const list = typeof answers === 'number' ? [answers] : answers;
    const errors = answerErrors(instrument, list);
    if (errors.length > 0) return { ok: false, field: 'answers', message: errors[0].message };
    const score = instrument.score(list as number[]);
    return { ok: true, instrument: id, score, band: instrument.band(score) };
  }
}
