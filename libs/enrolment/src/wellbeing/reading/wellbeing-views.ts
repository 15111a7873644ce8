import { Injectable } from '@nestjs/common';
import type { Assessment, Level, RuleCode, RuleFamily, RuleLevel, RuleResult } from '../rules';
import { type Audience, explainSignal, type SignalExplanation } from './explain-signal';

export interface SignalView {
  code: RuleCode;
  family: RuleFamily;
  level: RuleLevel;
  value: number | null;
  threshold: number | null;
  /** Kept at amber/red by hysteresis although this week's figures are lower. */
  held: boolean;
  explanation: SignalExplanation;
}

export interface AssessmentView {
  level: Level;
  ruleVersion: string;
  evaluatedAt: string;
  weekStart: string;
  signals: SignalView[];
}

const FIRED: ReadonlySet<RuleLevel> = new Set(['amber', 'red', 'info']);
export const fired = (result: RuleResult): boolean => FIRED.has(result.level);

/**
 * Assessments as the pages and the API show them, with each signal's explanation for its reader. A coordinator
 * sees only the rules that fired, and of VOL-2 only that it fired: never the caring band behind it.
 */
@Injectable()
export class WellbeingViews {
  assessment(
    assessment: Assessment,
    reader: { audience: Audience; locale: string; name?: string },
    weekStart: string,
  ): AssessmentView {
    const results = reader.audience === 'coordinator' ? assessment.results.filter(fired) : assessment.results;
    return {
      level: assessment.level,
      ruleVersion: assessment.ruleVersion,
      evaluatedAt: assessment.evaluatedAt,
      weekStart,
      signals: results.map((result) => this.signal(result, reader)),
    };
  }

  signal(result: RuleResult, reader: { audience: Audience; locale: string; name?: string }): SignalView {
    const coordinatorSafe: RuleResult =
      reader.audience === 'coordinator' && result.code === 'VOL-2'
        ? { ...result, value: null, threshold: null, details: {} }
        : result;
    return {
      code: coordinatorSafe.code,
      family: coordinatorSafe.family,
      level: coordinatorSafe.level,
      value: coordinatorSafe.value,
      threshold: coordinatorSafe.threshold,
      held: coordinatorSafe.held === true,
      explanation: explainSignal(coordinatorSafe, reader),
    };
  }
}
