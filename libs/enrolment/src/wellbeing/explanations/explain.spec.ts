import { evaluate, RULES } from '../rules/evaluate';
import { DEFAULT_RULE_CONFIG as config } from '../rules/rule-config';
import type { RuleCode, RuleResult, VolunteerInputs } from '../rules/rule-model';
import { RULE_CODES } from '../rules/rule-model';
import { NOW, repeat, volunteer } from '../rules/testing/volunteer-inputs.builder';
import {
  EXPLANATION_AUDIENCES,
  EXPLANATION_LOCALES,
  EXPLANATION_TEXTS,
  explain,
  explainLevel,
  ruleTitle,
} from './explain';

const run = (code: RuleCode, inputs: VolunteerInputs) => RULES[code](config, inputs, NOW);
const hours = (...perWeek: (number | null)[]) =>
  volunteer()
    .hours(...perWeek)
    .build();
const days = (count: number) => {
  const b = volunteer();
  for (let d = 0; d < count; d++) b.activity(-d, '09:00', '10:00');
  return b.build();
};
const nights = (count: number) => {
  const b = volunteer();
  for (let i = 0; i < count; i++)
    b.activity(-13 + i * 3, '18:00', '23:00').activity(-12 + i * 3, '08:00', '12:00');
  return b.build();
};
const planned = () => volunteer().weeks(32, { volunteerHours: 4, planned: 1 });

/** Every rule at every level it can reach, each variant of its wording, and held results. */
const SCENARIOS: RuleResult[] = [
  run('VOL-1', hours(5, 5, 5, 5)),
  run('VOL-1', hours(10, 10, 10, 10)),
  run('VOL-1', hours(20, 20, 20, 20)),
  run('VOL-1', hours(0, 0, 0, 30)),
  run('VOL-1', hours()),
  run('VOL-2', hours(5)),
  run('VOL-2', volunteer().hours(5).caring('>=8', '>=3m').build()),
  run('VOL-2', volunteer().hours(10).caring('>=8', '>=3m').build()),
  run('DUR-1', hours(9, 9)),
  run('DUR-1', hours(...repeat(14, 9))),
  run('DUR-1', hours(...repeat(27, 9))),
  run('DUR-1', hours()),
  run('SPIKE-1', hours(...repeat(16, 6))),
  run('SPIKE-1', hours(...repeat(12, 6), ...repeat(4, 10))),
  run('SPIKE-1', hours(...repeat(5, 6))),
  run('SPIKE-1', hours(...repeat(12, 6), ...repeat(4, null))),
  run('REST-1', days(1)),
  run('REST-1', days(12)),
  run('REST-1', days(14)),
  run('REST-1', hours(3)),
  run('REST-2', days(1)),
  run('REST-2', nights(2)),
  run('REST-2', nights(4)),
  run('REST-2', hours(3)),
  run('ROLE-1', volunteer().activeRoles(2).build()),
  run('ROLE-1', volunteer().activeRoles(3).build()),
  run('ROLE-1', volunteer().hours(10).activeRoles(4).build()),
  run('ROLE-1', volunteer().build()),
  run('REL-1', planned().build()),
  run('REL-1', planned().week(7, { lateCancellations: 1 }).week(6, { lateCancellations: 1 }).build()),
  run('REL-1', planned().weeks(3, { noShows: 1 }, 5).build()),
  run('REL-1', planned().weeks(2, { lateCancellations: 1 }).build()),
  run('REL-1', volunteer().weeks(24, { volunteerHours: 4, planned: 1 }, 8).weeks(3, { planned: 1 }).build()),
  run('REL-1', volunteer().weeks(3, { planned: 1 }).build()),
  run('WD-1', hours(...repeat(16, 10))),
  run('WD-1', hours(...repeat(12, 10), ...repeat(4, 2))),
  run('WD-1', hours(...repeat(3, 10))),
  run('TRAIN-1', volunteer().build()),
  run('TRAIN-1', volunteer().streak(3, 'Luisteren naar elkaar').build()),
  ...evaluate(config, hours(7.5, 7.5, 7.5, 7.5), [{ code: 'VOL-1', level: 'amber', clearWeeks: 0 }], NOW)
    .results,
  ...evaluate(config, hours(), [{ code: 'REST-1', level: 'red', clearWeeks: 0 }], NOW).results,
];

const readers = EXPLANATION_LOCALES.flatMap((locale) =>
  EXPLANATION_AUDIENCES.map((audience) => ({ locale, audience })),
);

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      for (const [k, v] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('explanation resource files', () => {
  const flat = Object.fromEntries(EXPLANATION_LOCALES.map((l) => [l, flatten(EXPLANATION_TEXTS[l])]));

  it.each(['fy', 'en'] as const)('%s has exactly the keys of nl', (locale) => {
    expect([...flat[locale].keys()].sort()).toEqual([...flat.nl.keys()].sort());
  });

  it.each(EXPLANATION_LOCALES)(
    '%s names the same figures as nl in every text, and none is empty',
    (locale) => {
      for (const [key, text] of flat.nl) {
        const translated = flat[locale].get(key) ?? '';
        expect({ key, figures: placeholders(translated) }).toEqual({ key, figures: placeholders(text) });
        expect({ key, empty: translated.trim() === '' }).toEqual({ key, empty: false });
      }
    },
  );

  it.each(readers)('$locale has all four parts of every rule for the $audience', ({ locale, audience }) => {
    for (const code of RULE_CODES) {
      const texts = EXPLANATION_TEXTS[locale].rules[code][audience];
      for (const field of ['whatWeSee', 'whyWeLook', 'whatItIsNot', 'whatYouCanDo']) {
        expect({ code, field, text: typeof texts[field] }).toEqual({ code, field, text: 'string' });
      }
    }
  });

  it('never speaks of the volunteer in the third person to the volunteer', () => {
    for (const locale of EXPLANATION_LOCALES) {
      for (const [key, text] of flatten(EXPLANATION_TEXTS[locale])) {
        if (key.includes('.volunteer'))
          expect({ key, text }).toEqual({ key, text: text.replace('{name}', '') });
      }
    }
  });

  it('speaks to coordinators about effort and recovery, never about health (but for saying it is no judgement of it)', () => {
    const healthWords =
      /burn|ziek|siik|sick|\bill\b|overspann|depress|uitgeput|útput|exhaust|stress|gezondheid|sûnens|health/i;
    for (const locale of EXPLANATION_LOCALES) {
      for (const [key, text] of flatten(EXPLANATION_TEXTS[locale])) {
        if (!key.includes('coordinator') || key === 'rules.VOL-1.coordinator.whatItIsNot') continue;
        expect({ key, text, health: healthWords.test(text) }).toEqual({ key, text, health: false });
      }
    }
  });
});

describe('explain', () => {
  it('covers every rule at every level it can reach', () => {
    const seen = new Set(SCENARIOS.map((r) => `${r.code}:${r.level}`));
    for (const code of RULE_CODES) expect(seen).toContain(`${code}:green`);
    for (const expected of [
      'VOL-1:red',
      'VOL-2:red',
      'DUR-1:red',
      'REST-1:red',
      'REST-2:red',
      'ROLE-1:red',
      'REL-1:red',
    ]) {
      expect(seen).toContain(expected);
    }
    for (const code of RULE_CODES.filter((c) => c !== 'TRAIN-1' && c !== 'VOL-2')) {
      expect(seen).toContain(`${code}:insufficient_data`);
    }
    expect(seen).toContain('TRAIN-1:info');
    expect(SCENARIOS.filter((r) => r.held).map((r) => r.code)).toEqual(['VOL-1', 'REST-1']);
  });

  it.each(readers)('fills every placeholder for the $audience in $locale', ({ locale, audience }) => {
    for (const result of SCENARIOS) {
      const explanation = explain(result, { audience, locale, name: 'Anna' });
      for (const [part, text] of Object.entries(explanation)) {
        const where = `${result.code} ${result.level} ${part}`;
        expect({ where, text }).toEqual({ where, text: expect.not.stringMatching(/[{}]|^\s*$/) as string });
      }
    }
  });

  it("follows WELLBEING.md's VOL-1 example for a coordinator, with the Dutch decimal comma", () => {
    const result = run('VOL-1', hours(11, 12, 11.5, 11.5));
    const explanation = explain(result, { audience: 'coordinator', locale: 'nl', name: 'Anna' });
    expect(explanation).toEqual({
      title: 'Veel inzet',
      whatWeSee:
        'Anna heeft de afgelopen 4 weken gemiddeld 11,5 uur per week ingezet (grens: 8 uur per week).',
      whyWeLook:
        '8 uur per week is de grens van intensieve mantelzorg volgens SCP/CBS — een vuistregel, geen norm.',
      whatItIsNot: 'Dit is een planningssignaal, geen oordeel over de gezondheid van Anna.',
      whatYouCanDo: 'Suggestie: vraag in een kort gesprek hoe het gaat en of de planning nog past.',
    });
    expect(explain(result, { audience: 'coordinator', locale: 'en', name: 'Anna' }).whatWeSee).toContain(
      '11.5 hours',
    );
    expect(explain(result, { audience: 'coordinator', locale: 'fy', name: 'Anna' }).whatWeSee).toBe(
      'Anna hat de ôfrûne 4 wiken yn trochsneed 11,5 oeren per wike ynset (grins: 8 oeren per wike).',
    );
  });

  it('speaks warmly to the volunteer, in the second person', () => {
    const result = run('VOL-1', hours(20, 20, 20, 20));
    expect(explain(result, { audience: 'volunteer', locale: 'nl' }).whatWeSee).toBe(
      'U zette de afgelopen 4 weken gemiddeld 20 uur per week in (grens: 8 uur per week; vanaf 16 uur is het signaal rood).',
    );
    expect(explain(result, { audience: 'volunteer', locale: 'fy' }).whatWeSee).toMatch(
      /^Jo hawwe .* 20 oeren per wike/,
    );
  });

  it('names the single heavy week when that made VOL-1 red', () => {
    const result = run('VOL-1', hours(0, 0, 0, 30));
    expect(explain(result, { audience: 'volunteer', locale: 'en' }).whatWeSee).toBe(
      'Over the last 4 weeks you put in 7.5 hours a week on average, and 30 hours in a single week (limit: 24 hours in one week).',
    );
  });

  it.each(readers)('says WD-1 may be good news ($locale, $audience)', ({ locale, audience }) => {
    const result = run('WD-1', hours(...repeat(12, 10), ...repeat(4, 2)));
    const text = explain(result, { audience, locale }).whatItIsNot;
    expect(text).toMatch(/goed nieuws|goed nijs|good news/);
    expect(explain(result, { audience, locale }).whatWeSee).toContain('80');
  });

  it('explains insufficient data by what is missing', () => {
    const young = run('SPIKE-1', hours(...repeat(5, 6)));
    expect(explain(young, { audience: 'volunteer', locale: 'nl' }).whatWeSee).toBe(
      '‘Plotseling meer’ vergelijkt met eerdere weken. Daarvoor zijn 8 weken nodig; we hebben er nu 5.',
    );
    const few = run(
      'REL-1',
      volunteer().weeks(24, { volunteerHours: 4, planned: 1 }, 8).weeks(3, { planned: 1 }).build(),
    );
    expect(explain(few, { audience: 'coordinator', locale: 'en', name: 'Pieter' }).whatWeSee).toBe(
      '‘More cancellations’ needs at least 4 planned meetings; for Pieter there are 3 so far.',
    );
  });

  it('says a held signal is below its limit and how long it stays', () => {
    const held = SCENARIOS.find((r) => r.held && r.code === 'VOL-1')!;
    expect(explain(held, { audience: 'volunteer', locale: 'nl' }).whatWeSee).toMatch(
      /7,5 uur per week .* blijft staan tot het 2 weken duidelijk lager is\.$/,
    );
  });

  it('says so when a held signal has no figures now', () => {
    const held = SCENARIOS.find((r) => r.held && r.code === 'REST-1')!;
    expect(explain(held, { audience: 'coordinator', locale: 'en', name: 'Anna' }).whatWeSee).toBe(
      'There are no new figures for ‘Few rest days’ for Anna right now. The signal stays for now and lapses if that remains so for 2 weeks.',
    );
  });

  it('keeps green calm', () => {
    const green = run('VOL-1', hours(3, 3, 3, 3));
    expect(explain(green, { audience: 'volunteer', locale: 'nl' }).whatYouCanDo).toBe(
      'U hoeft niets te doen.',
    );
  });

  it('names the coordinator\'s volunteer "deze vrijwilliger" without a name, and falls back to Dutch', () => {
    const result = run('ROLE-1', volunteer().activeRoles(3).build());
    expect(explain(result, { audience: 'coordinator', locale: 'de' }).whatWeSee).toBe(
      'deze vrijwilliger heeft nu 3 rollen tegelijk (grens: 3 rollen).',
    );
  });

  it('keeps two decimals for a ratio near its limit', () => {
    const result = run('SPIKE-1', hours(...repeat(12, 6), ...repeat(4, 8.9)));
    expect(explain(result, { audience: 'coordinator', locale: 'nl' }).whatWeSee).toContain(
      '1,48 keer zoveel',
    );
  });
});

describe('explainLevel and ruleTitle', () => {
  it.each(readers)('words every level for the $audience in $locale', ({ locale, audience }) => {
    for (const level of ['green', 'amber', 'red'] as const) {
      const { title, text } = explainLevel(level, {
        audience: audience,
        locale,
        name: 'Anna',
      });
      expect(title.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('gives short titles per locale', () => {
    expect(ruleTitle('VOL-1', 'nl')).toBe('Veel inzet');
    expect(ruleTitle('VOL-1', 'fy')).toBe('Folle ynset');
    expect(ruleTitle('WD-1', 'en')).toBe('Less active');
  });
});
