import type { Level } from '../rules';

export type SelfCheckScore =
  | { ok: true; score: number; band: Level }
  | { ok: false; field: 'instrument' | 'answer' | 'answers'; message: string };

/**
 * Scores a self-check with its instrument. Only the score and the band leave this function: the answers are
 * never stored.
 */
export function scoreSelfCheck(instrument: string, answer: number | number[] | undefined): SelfCheckScore {
  if (instrument !== 'single-item') {
    return { ok: false, field: 'instrument', message: `instrument must be one of: single-item` };
  }
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > 5) {
    return { ok: false, field: 'answer', message: 'answer must be a whole number from 1 to 5' };
  }
  return { ok: true, score: answer, band: answer <= 2 ? 'green' : answer === 3 ? 'amber' : 'red' };
}
