/** A self-check's outcome: the only thing stored with the score (WELLBEING.md); the answers never are. */
export type SelfCheckBand = 'green' | 'amber' | 'red';

/**
 * A self-check instrument: its scoring lives in code, its item texts in a resource file per locale, so an
 * organisation licensed for a validated instrument can add the texts locally and none are shipped.
 */
export interface Instrument {
  /** WARNING: stored with every self-check; never rename one. */
  id: string;
  /** Where its name is in the texts (`instruments.<id>.label`). */
  labelKey: string;
  itemCount: number;
  /** Every item's answer is a whole number in this range. */
  answerRange: { min: number; max: number };
  /** Validated instruments carry their licence's name; an adaptation says "adapted, not validated". */
  validated: boolean;
  /** Valid answers only (see `answerErrors`). */
  score(answers: readonly number[]): number;
  band(score: number): SelfCheckBand;
}

export interface AnswerError {
  field: 'answers';
  message: string;
}

/** Why answers do not fit an instrument (empty when they do): count, whole numbers, range. */
export function answerErrors(instrument: Instrument, answers: unknown): AnswerError[] {
  const { min, max } = instrument.answerRange;
  if (!Array.isArray(answers)) return [{ field: 'answers', message: 'must be a list of answers' }];
  if (answers.length !== instrument.itemCount) {
    return [{ field: 'answers', message: `must hold ${instrument.itemCount} answers` }];
  }
  const bad = answers.some((a) => typeof a !== 'number' || !Number.isInteger(a) || a < min || a > max);
  return bad
    ? [{ field: 'answers', message: `each answer must be a whole number from ${min} to ${max}` }]
    : [];
}

/** Bands by score: amber from `amberFrom`, red from `redFrom` (inclusive). */
export interface SumInstrumentSpec {
  id: string;
  itemCount: number;
  answerRange: { min: number; max: number };
  amberFrom: number;
  redFrom: number;
  validated: boolean;
}

/** The common shape: the score is the sum of the answers, banded by two cut-offs. */
export function sumInstrument(spec: SumInstrumentSpec): Instrument {
  if (!(spec.amberFrom <= spec.redFrom)) throw new Error(`${spec.id}: amberFrom must not exceed redFrom`);
  if (!/^[a-z][a-z0-9-]*$/.test(spec.id))
    throw new Error(`${spec.id}: an id is lower-case letters, digits and -`);
  return {
    id: spec.id,
    labelKey: `instruments.${spec.id}.label`,
    itemCount: spec.itemCount,
    answerRange: { ...spec.answerRange },
    validated: spec.validated,
    score: (answers) => answers.reduce((sum, a) => sum + a, 0),
    band: (score) => (score >= spec.redFrom ? 'red' : score >= spec.amberFrom ? 'amber' : 'green'),
  };
}
