import { explain, type Explanation, type ExplanationAudience } from '../explanations';
import type { RuleResult } from '../rules';

export type Audience = ExplanationAudience;
export type SignalExplanation = Explanation;

/** One signal explained for its reader, in their locale (see ../explanations). */
export function explainSignal(
  result: RuleResult,
  reader: { audience: Audience; locale: string; name?: string },
): SignalExplanation {
  return explain(result, reader);
}
