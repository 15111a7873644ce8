import {
  DEFAULT_RULE_CONFIG,
  RuleConfigError,
  isRuleConfigOverrides,
  resolveRuleConfig,
  tryResolveRuleConfig,
  validateRuleOverrides,
  withMargin,
} from './rule-config';

describe('rule configuration', () => {
  it('holds every number of WELLBEING.md under a version', () => {
    expect(DEFAULT_RULE_CONFIG).toMatchObject({
      version: '2026-11.1',
      weights: { training: 0.5 },
      hysteresis: { margin: 0.1, clearWeeks: 2 },
      trend: { minHistoryWeeks: 8 },
      'VOL-1': { windowWeeks: 4, amber: 8, red: 16, redAnyWeek: 24 },
      'REL-1': { minPlanned: 4, baselineFloor: 0.05 },
    });
    expect(Object.isFrozen(DEFAULT_RULE_CONFIG['VOL-1'])).toBe(true);
  });

  it('gives the defaults without overrides, or with overrides that restate them', () => {
    expect(resolveRuleConfig()).toBe(DEFAULT_RULE_CONFIG);
    expect(resolveRuleConfig({})).toBe(DEFAULT_RULE_CONFIG);
    expect(resolveRuleConfig({ 'VOL-1': { amber: 8 } }).version).toBe('2026-11.1');
  });

  it("names an organisation's overrides in the version, whatever the order of keys", () => {
    const a = resolveRuleConfig({ 'VOL-1': { amber: 10, red: 20 }, weights: { training: 0.25 } });
    const b = resolveRuleConfig({ weights: { training: 0.25 }, 'VOL-1': { red: 20, amber: 10 } });
    const c = resolveRuleConfig({ 'VOL-1': { amber: 10, red: 21 } });
    expect(a.version).toMatch(/^2026-11\.1\+org:[0-9a-f]{10}$/);
    expect(b.version).toBe(a.version);
    expect(c.version).not.toBe(a.version);
    expect(a).toMatchObject({ 'VOL-1': { amber: 10, red: 20, windowWeeks: 4 }, weights: { training: 0.25 } });
    expect(DEFAULT_RULE_CONFIG['VOL-1'].amber).toBe(8);
  });

  it.each<[string, unknown, { field: string; message: RegExp }]>([
    ['an unknown rule', { 'VOL-9': { amber: 1 } }, { field: 'VOL-9', message: /not a known/ }],
    ['an unknown parameter', { 'VOL-1': { yellow: 1 } }, { field: 'VOL-1.yellow', message: /not a known/ }],
    ['a string', { 'VOL-1': { amber: '10' } }, { field: 'VOL-1.amber', message: /number/ }],
    ['NaN', { 'VOL-1': { amber: Number.NaN } }, { field: 'VOL-1.amber', message: /number/ }],
    ['a negative number', { 'VOL-1': { amber: -1 } }, { field: 'VOL-1.amber', message: /negative/ }],
    ['red below amber', { 'VOL-1': { amber: 20 } }, { field: 'VOL-1.red', message: /below VOL-1\.amber/ }],
    ['a broken window', { 'REST-1': { windowDays: 1.5 } }, { field: 'REST-1.windowDays', message: /whole/ }],
    [
      'a share above 1',
      { 'REL-1': { baselineFloor: 1.5 } },
      { field: 'REL-1.baselineFloor', message: /share/ },
    ],
    ['a margin of 1', { hysteresis: { margin: 1 } }, { field: 'hysteresis.margin', message: /below 1/ }],
    ['a group that is no object', { 'VOL-1': 8 }, { field: 'VOL-1', message: /object/ }],
  ])('refuses %s with a field error', (_, overrides, error) => {
    const errors = validateRuleOverrides(overrides);
    expect(errors).toEqual([{ field: error.field, message: expect.stringMatching(error.message) as string }]);
    expect(isRuleConfigOverrides(overrides)).toBe(false);
    expect(tryResolveRuleConfig(overrides)).toEqual({ ok: false, errors });
    expect(() => resolveRuleConfig(overrides as never)).toThrow(RuleConfigError);
  });

  it('refuses anything but an object, and reports every bad field at once', () => {
    expect(validateRuleOverrides([1])).toHaveLength(1);
    expect(validateRuleOverrides('VOL-1')).toHaveLength(1);
    const errors = validateRuleOverrides({ 'VOL-1': { amber: -1, red: 'x' }, other: {} });
    expect(errors.map((e) => e.field)).toEqual(['VOL-1.amber', 'VOL-1.red', 'other']);
  });

  it('accepts red equal to amber', () => {
    expect(validateRuleOverrides({ 'ROLE-1': { amber: 4, red: 4 } })).toEqual([]);
  });

  it('lowers only thresholds by the margin, never windows or weights', () => {
    const lowered = withMargin(DEFAULT_RULE_CONFIG);
    expect(lowered['VOL-1']).toEqual({ windowWeeks: 4, amber: 7.2, red: 14.4, redAnyWeek: 21.6 });
    expect(lowered.weights).toEqual(DEFAULT_RULE_CONFIG.weights);
    expect(lowered['REL-1'].minPlanned).toBe(4);
  });
});
