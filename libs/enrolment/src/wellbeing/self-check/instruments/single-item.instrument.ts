import { sumInstrument } from './instrument';

/**
 * The shipped instrument: one question with five options, from "I enjoy my volunteering and have no signs of
 * overload" (1) to "I feel completely exhausted and may need help" (5); 1–2 green, 3 amber, 4–5 red. An
 * adaptation of the non-proprietary single-item burnout measure, hence "adapted, not validated".
 */
export const SINGLE_ITEM = sumInstrument({
  id: 'single-item',
  itemCount: 1,
  answerRange: { min: 1, max: 5 },
  amberFrom: 3,
  redFrom: 4,
  validated: false,
});
