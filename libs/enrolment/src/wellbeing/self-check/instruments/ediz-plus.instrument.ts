import { sumInstrument, type Instrument } from './instrument';

/**
 * EDIZ-plus scoring only (15 items answered 0 or 1, score 0–15, 9 or more is a heavy burden). No item texts
 * are shipped: an organisation licensed for it registers the instrument with its own texts. The amber cut-off
 * is the organisation's to set from its manual; without one, only "heavy" (red) is distinguished.
 */
export function edizPlusInstrument(options: { amberFrom?: number } = {}): Instrument {
  return sumInstrument({
    id: 'ediz-plus',
    itemCount: 15,
    answerRange: { min: 0, max: 1 },
    amberFrom: options.amberFrom ?? 9,
    redFrom: 9,
    validated: true,
  });
}
