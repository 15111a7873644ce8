import type { RuleCode } from '../rules';

/**
 * Which catalogue themes help with what fired. Volume and breadth rules point to setting boundaries and planning
 * time; the recovery rules to self-care and stress; the withdrawal rules (which may also be good news) to
 * self-care and stress; the combined care load to the carers' own themes. TRAIN-1 recommends nothing: its
 * nudge is a catch-up of the training already followed.
 * WARNING: the theme slugs are the catalogue's (course `themes`); renaming one there silently drops a match.
 */
export const THEMES_FOR_RULE: Readonly<Record<RuleCode, readonly string[]>> = {
  'VOL-1': ['boundaries', 'time-management'],
  'DUR-1': ['boundaries', 'time-management'],
  'ROLE-1': ['boundaries', 'time-management'],
  'SPIKE-1': ['time-management', 'stress'],
  'VOL-2': ['self-care', 'boundaries'],
  'REST-1': ['self-care', 'stress'],
  'REST-2': ['self-care', 'stress'],
  'REL-1': ['self-care', 'stress'],
  'WD-1': ['self-care', 'stress'],
  'TRAIN-1': [],
};

export function themesFor(codes: readonly RuleCode[]): string[] {
  return [...new Set(codes.flatMap((code) => THEMES_FOR_RULE[code] ?? []))];
}
