import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { edizPlusInstrument } from './ediz-plus.instrument';
import { answerErrors, sumInstrument } from './instrument';
import { InstrumentRegistry, UNSHIPPABLE_INSTRUMENTS } from './instrument-registry';
import { INSTRUMENT_LOCALES, INSTRUMENT_RESOURCES, selfCheckHelp, shareTexts } from './instrument-texts';
import { SINGLE_ITEM } from './single-item.instrument';

const LICENSED_TEXTS = (items: number) => ({
  label: 'Lokaal gelicenseerde vragenlijst',
  items: Array.from({ length: items }, (_, i) => ({ text: `Uitspraak ${i + 1}`, options: ['nee', 'ja'] })),
});

describe('the single-item instrument', () => {
  it.each([
    [1, 'green'],
    [2, 'green'],
    [3, 'amber'],
    [4, 'red'],
    [5, 'red'],
  ])('answer %p is %s', (answer, band) => {
    expect(SINGLE_ITEM.band(SINGLE_ITEM.score([answer]))).toBe(band);
  });

  it('is one item answered 1 to 5, and says it is adapted, not validated', () => {
    expect(SINGLE_ITEM).toMatchObject({
      id: 'single-item',
      labelKey: 'instruments.single-item.label',
      itemCount: 1,
      answerRange: { min: 1, max: 5 },
      validated: false,
    });
    expect(new InstrumentRegistry().texts('single-item', 'en')?.status).toBe('Adapted, not validated');
    expect(new InstrumentRegistry().texts('single-item', 'nl')?.status).toBe('Aangepast, niet gevalideerd');
  });

  it.each(INSTRUMENT_LOCALES)('has its question and five options in %s', (locale) => {
    const texts = new InstrumentRegistry().texts('single-item', locale)!;
    expect(texts.items).toHaveLength(1);
    expect(texts.items[0].options).toHaveLength(5);
    for (const text of [texts.label, texts.about ?? '', texts.items[0].text, ...texts.items[0].options!]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  it('runs from enjoying the work to complete exhaustion', () => {
    const options = new InstrumentRegistry().texts('single-item', 'en')!.items[0].options!;
    expect(options[0]).toBe('I enjoy my volunteering and have no signs of overload.');
    expect(options[4]).toBe('I feel completely exhausted and may need help.');
  });
});

describe('answers', () => {
  it.each<[unknown, RegExp]>([
    [[], /1 answers/],
    [[1, 2], /1 answers/],
    [[0], /1 to 5/],
    [[6], /1 to 5/],
    [[2.5], /1 to 5/],
    [['3'], /1 to 5/],
    ['3', /list/],
  ])('refuses %p', (answers, message) => {
    expect(answerErrors(SINGLE_ITEM, answers)).toEqual([
      { field: 'answers', message: expect.stringMatching(message) as string },
    ]);
  });

  it('scores through the registry to a score and band only', () => {
    const registry = new InstrumentRegistry();
    expect(registry.assess('single-item', 3)).toEqual({
      ok: true,
      instrument: 'single-item',
      score: 3,
      band: 'amber',
    });
    expect(registry.assess('single-item', [5])).toEqual({
      ok: true,
      instrument: 'single-item',
      score: 5,
      band: 'red',
    });
    expect(registry.assess('single-item', 9)).toMatchObject({ ok: false, field: 'answers' });
    expect(registry.assess('mbi', [1])).toEqual({
      ok: false,
      field: 'instrument',
      message: 'instrument must be one of: single-item',
    });
  });
});

describe('the registry', () => {
  it('lets an organisation add a licensed instrument by supplying its texts (EDIZ-plus: 15 items, 0–15, 9+ heavy)', () => {
    const registry = new InstrumentRegistry();
    const ediz = edizPlusInstrument({ amberFrom: 6 });
    const texts = { nl: LICENSED_TEXTS(15), fy: LICENSED_TEXTS(15), en: LICENSED_TEXTS(15) };
    registry.register(ediz, texts);
    expect(registry.ids()).toEqual(['single-item', 'ediz-plus']);
    const answers = (yes: number) => Array.from({ length: 15 }, (_, i) => (i < yes ? 1 : 0));
    expect(registry.assess('ediz-plus', answers(5))).toMatchObject({ score: 5, band: 'green' });
    expect(registry.assess('ediz-plus', answers(6))).toMatchObject({ score: 6, band: 'amber' });
    expect(registry.assess('ediz-plus', answers(8))).toMatchObject({ score: 8, band: 'amber' });
    expect(registry.assess('ediz-plus', answers(9))).toMatchObject({ score: 9, band: 'red' });
    expect(registry.assess('ediz-plus', answers(15))).toMatchObject({ score: 15, band: 'red' });
    expect(registry.texts('ediz-plus', 'fy')?.status).toBe('Falidearre fragelist');
  });

  it('without an amber cut-off, EDIZ-plus only tells heavy from not heavy', () => {
    const ediz = edizPlusInstrument();
    expect([0, 8, 9].map((score) => ediz.band(score))).toEqual(['green', 'green', 'red']);
  });

  it('refuses an instrument without texts in every locale, or with the wrong number of items or options', () => {
    const registry = new InstrumentRegistry();
    expect(() => registry.register(edizPlusInstrument(), {})).toThrow(/nl: texts are missing/);
    expect(() =>
      registry.register(edizPlusInstrument(), {
        nl: LICENSED_TEXTS(14),
        fy: LICENSED_TEXTS(15),
        en: LICENSED_TEXTS(15),
      }),
    ).toThrow(/15 items expected, 14 given/);
    const threeOptions = { label: 'x', items: [{ text: 'y', options: ['a', 'b', 'c'] }] };
    const one = sumInstrument({
      id: 'one',
      itemCount: 1,
      answerRange: { min: 0, max: 1 },
      amberFrom: 1,
      redFrom: 1,
      validated: true,
    });
    expect(() => registry.register(one, { nl: threeOptions, fy: threeOptions, en: threeOptions })).toThrow(
      /needs 2 options/,
    );
    expect(() => registry.register(SINGLE_ITEM, {})).toThrow(/twice/);
  });

  it('refuses bands that are out of order', () => {
    expect(() =>
      sumInstrument({
        id: 'odd',
        itemCount: 1,
        answerRange: { min: 0, max: 5 },
        amberFrom: 4,
        redFrom: 3,
        validated: false,
      }),
    ).toThrow(/amberFrom/);
  });

  it('ships no texts of EDIZ-plus, ZBI, MBI, UBOS or BAT', () => {
    const files = readdirSync(__dirname).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(['instruments.en.json', 'instruments.fy.json', 'instruments.nl.json']);
    for (const locale of INSTRUMENT_LOCALES) {
      expect(Object.keys(INSTRUMENT_RESOURCES[locale].instruments)).toEqual(['single-item']);
    }
    for (const file of files) {
      const source = readFileSync(join(__dirname, file), 'utf8').toLowerCase();
      for (const id of UNSHIPPABLE_INSTRUMENTS)
        expect({ file, id, shipped: source.includes(`"${id}"`) }).toEqual({ file, id, shipped: false });
    }
  });
});

describe('help with a band', () => {
  it.each(INSTRUMENT_LOCALES)('names municipal carer support and the GP in %s', (locale) => {
    expect(selfCheckHelp('amber', locale).where.join(' ')).toMatch(/mantelzorg|mantelsoarch|carer support/);
    expect(selfCheckHelp('red', locale).where.join(' ')).toMatch(/huisarts|húsdokter|GP/);
    expect(selfCheckHelp('green', locale).text.length).toBeGreaterThan(0);
  });

  it('has the same structure in every locale', () => {
    const shape = (locale: (typeof INSTRUMENT_LOCALES)[number]) =>
      JSON.stringify(INSTRUMENT_RESOURCES[locale], (_, v: unknown) => (typeof v === 'string' ? '' : v));
    expect(shape('fy')).toBe(shape('nl'));
    expect(shape('en')).toBe(shape('nl'));
  });

  it('says a red outcome notifies nobody and that sharing shows only the band', () => {
    expect(selfCheckHelp('red', 'nl').text).toContain('Niemand krijgt bericht');
    expect(shareTexts('en').note).toContain('not your answer');
    expect(shareTexts('xx').label).toBe('Deel mijn uitkomst met mijn coördinator');
  });
});
