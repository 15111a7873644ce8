import { activeFilterCount, catalogueUrl, readFilters } from './catalogue-filters';

describe('catalogue filters in the URL', () => {
  it('reads every filter the form sends', () => {
    const { filters, problems } = readFilters({
      q: '  dementie ',
      category: 'mantelzorg',
      kind: 'workshop',
      language: 'fy',
      audience: 'carers',
      theme: 'stress',
      place: 'Drachten',
      online: 'false',
      from: '2026-03-01',
      to: '2026-03-31',
      hasSeats: 'true',
      page: '2',
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      q: 'dementie',
      category: 'mantelzorg',
      kind: 'workshop',
      language: 'fy',
      audience: 'carers',
      theme: 'stress',
      place: 'Drachten',
      online: false,
      from: '2026-03-01',
      to: '2026-03-31',
      hasSeats: true,
      page: 2,
    });
    expect(activeFilterCount(filters)).toBe(10);
  });

  it('leaves out what no form of ours sends, and treats empty fields as no filter', () => {
    const { filters, problems } = readFilters({
      q: '',
      kind: 'lecture',
      language: 'de',
      audience: '',
      online: 'maybe',
      page: '-3',
      hasSeats: 'false',
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual(expect.objectContaining({ page: 1 }));
    expect(activeFilterCount(filters)).toBe(0);
    expect(catalogueUrl(filters)).toBe('/catalogue');
  });

  it('reports dates that do not exist, so the page can say so', () => {
    const { filters, problems } = readFilters({ from: '2026-02-30', to: 'morgen' });
    expect(problems).toEqual(['from', 'to']);
    expect(filters.from).toBeUndefined();
  });

  it('takes the first of repeated parameters', () => {
    expect(readFilters({ q: ['een', 'twee'] }).filters.q).toBe('een');
  });

  it('builds shareable links in a fixed order, keeping every filter when paging', () => {
    const { filters } = readFilters({ page: '3', place: 'Snits', q: 'EHBO', hasSeats: 'true' });
    expect(catalogueUrl(filters)).toBe('/catalogue?q=EHBO&place=Snits&hasSeats=true&page=3');
    expect(catalogueUrl(filters, 1)).toBe('/catalogue?q=EHBO&place=Snits&hasSeats=true');
    expect(catalogueUrl(filters, 1, '/catalogue.ics')).toBe(
      '/catalogue.ics?q=EHBO&place=Snits&hasSeats=true',
    );
  });
});
