export * from './rule-model';
export {
  DEFAULT_RULE_CONFIG,
  DEFAULT_RULE_VERSION,
  RULE_CONFIG_GROUPS,
  RuleConfigError,
  isRuleConfigOverrides,
  resolveRuleConfig,
  tryResolveRuleConfig,
  validateRuleOverrides,
  type RuleConfig,
  type RuleConfigFieldError,
  type RuleConfigGroup,
  type RuleConfigOverrides,
  type RuleConfigResolution,
} from './rule-config';
export { evaluate, overallLevel, RULES } from './evaluate';
export type { Rule } from './rule-support';
export { WEEK_TIME_ZONE, addWeeks, localDay, mondayOf, weekStartOf } from './week';
