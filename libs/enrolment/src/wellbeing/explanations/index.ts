export {
  EXPLANATION_AUDIENCES,
  EXPLANATION_LOCALES,
  EXPLANATION_TEXTS,
  explain,
  explainLevel,
  ruleTitle,
  type ExplainOptions,
  type Explanation,
  type ExplanationAudience,
  type ExplanationLocale,
  type ExplanationTexts,
} from './explain';
