import type { RuleResult } from '../rules';

export type Audience = 'volunteer' | 'coordinator';

export interface SignalExplanation {
  whatWeSee: string;
  whyWeLook: string;
  whatItIsNot: string;
  whatYouCanDo: string;
}

/** The explanation of one signal for its reader (W1's explanations, see ../explanations). */
export function explainSignal(
  result: RuleResult,
  reader: { audience: Audience; locale: string; name?: string },
): SignalExplanation {
  void reader;
  return {
    whatWeSee: `${result.code}: ${result.value ?? '-'} (${result.threshold ?? '-'})`,
    whyWeLook: '',
    whatItIsNot: '',
    whatYouCanDo: '',
  };
}
