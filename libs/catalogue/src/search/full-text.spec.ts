import { textKey } from '../shared/text-key';
import { fts5Query, mariadbBooleanQuery, searchTerms } from './full-text';

describe('search terms', () => {
  it('keep letters and digits only, so no operator reaches the full-text engines', () => {
    expect(searchTerms('+dementie -"zorg" (omgaan)* ~EHBO @x')).toEqual({
      fullText: ['dementie', 'zorg', 'omgaan', 'ehbo'],
      substring: ['x'],
    });
  });

  it('fold case and diacritics the way the indexed text is folded', () => {
    expect(searchTerms('Fryslân Easterwâlde')).toEqual({
      fullText: ['fryslan', 'easterwalde'],
      substring: [],
    });
    expect(textKey('  Easterwâlde  ')).toBe('easterwalde');
    expect(textKey('Straße')).toBe('strasse');
  });

  it('match terms shorter than the full-text minimum as substrings', () => {
    expect(searchTerms('AI en zorg')).toEqual({ fullText: ['zorg'], substring: ['ai', 'en'] });
  });

  it('drop repeats and anything beyond eight terms', () => {
    expect(searchTerms('zorg Zorg ZORG').fullText).toEqual(['zorg']);
    expect(searchTerms('een twee drie vier vijf zes zeven acht negen tien').fullText).toHaveLength(8);
  });

  it('ask each engine for every term as a word prefix', () => {
    expect(mariadbBooleanQuery(['zorg', 'dementie'])).toBe('+zorg* +dementie*');
    expect(fts5Query(['zorg', 'dementie'])).toBe('"zorg"* "dementie"*');
  });

  it('find nothing searchable in punctuation', () => {
    expect(searchTerms('?!')).toEqual({ fullText: [], substring: [] });
  });
});
