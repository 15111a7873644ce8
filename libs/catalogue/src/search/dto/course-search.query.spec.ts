import fc from 'fast-check';
import { createValidationPipe } from '@academy/platform';
import { CourseSearchQuery, readPlainQuery } from './course-search.query';

const pipe = createValidationPipe();

/** What the API's validation pipe makes of a query string's values, or 'refused'. */
async function piped(raw: Record<string, unknown>): Promise<Record<string, unknown> | 'refused'> {
  try {
    return defined((await pipe.transform(raw, { type: 'query', metatype: CourseSearchQuery })) as object);
  } catch {
    return 'refused';
  }
}

/** Fields set to undefined and fields left out mean the same to the search. */
function defined(query: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

/** Per field, values the pipe takes. */
const PLAIN: Record<string, string[]> = {
  q: ['', 'dementie', 'zorg en welzijn', 'c'.repeat(200), ' '],
  category: ['', 'mantelzorg', 'a'.repeat(60)],
  kind: ['', 'training', 'workshop'],
  language: ['', 'nl', 'fy', 'en'],
  audience: ['', 'carers', 'volunteers'],
  theme: ['', 'dementia', 'stress'],
  place: ['', 'Drachten', 'Easterwâlde', 'b'.repeat(100)],
  online: ['true', 'false', '1', '0'],
  hasSeats: ['true', 'false', '1', '0'],
  from: ['', '2026-03-01', '2026-02-30'],
  to: ['', '2026-03-31', '9999-99-99'],
  page: ['1', '2', '99999', '100000'],
  pageSize: ['1', '20', '99', '100'],
};
/** Per field, values just past its rule's edges, or written in ways a plain reading must not guess at. */
const text = (limit: number) => ['x'.repeat(limit + 1), '😀'.repeat(limit / 2), '😀'.repeat(limit / 2 + 1)];
const number = (limit: number) => ['0', '-1', '01', '2.0', ' 2', '1e2', '0x10', String(limit + 1), ''];
const flag = ['TRUE', 'yes', '', ' true', '2'];
const day = ['2026-3-1', '２０２６-03-01', '2026-03-01T00:00', ' '];
const ODD: Record<string, string[]> = {
  q: text(200),
  category: text(60),
  kind: ['lecture', 'Training', ' '],
  language: ['de', 'NL'],
  audience: ['everyone'],
  theme: ['Dementia'],
  place: text(100),
  online: flag,
  hasSeats: flag,
  from: day,
  to: day,
  page: number(100_000),
  pageSize: number(100),
};

const value = (field: string) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...PLAIN[field]) },
    { weight: 4, arbitrary: fc.constantFrom(...ODD[field]) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...PLAIN[field]), { minLength: 2, maxLength: 2 }) },
  );
const rawQuery = fc
  .tuple(
    fc.record(Object.fromEntries(Object.keys(PLAIN).map((field) => [field, value(field)])), {
      requiredKeys: [],
    }),
    fc.option(fc.tuple(fc.constantFrom('unknown', 'sort', '__proto__', 'constructor'), fc.string()), {
      freq: 10,
    }),
  )
  .map(([fields, extra]) => {
    const raw: Record<string, unknown> = { ...fields };
    if (extra) Object.defineProperty(raw, extra[0], { value: extra[1], enumerable: true });
    return raw;
  });

describe('readPlainQuery (the listing query without class-validator)', () => {
  it('accepts only what the validation pipe accepts, and reads it the same way', async () => {
    let accepted = 0;
    let refusedByBoth = 0;
    await fc.assert(
      fc.asyncProperty(rawQuery, async (raw) => {
        const plain = readPlainQuery(raw);
        const expected = await piped(raw);
        if (plain === undefined) {
          if (expected === 'refused') refusedByBoth++;
          return;
        }
        accepted++;
        expect(plain).toBeInstanceOf(CourseSearchQuery);
        expect(defined(plain)).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
    // Not vacuous: both the plain forms and the pipe's refusals came up often.
    expect(accepted).toBeGreaterThan(30);
    expect(refusedByBoth).toBeGreaterThan(30);
  });

  it('reads the catalogue page’s own links', () => {
    expect(
      defined(readPlainQuery({ category: 'mantelzorg', place: 'Drachten', from: '2026-12-28', page: '2' })!),
    ).toEqual({ category: 'mantelzorg', place: 'Drachten', from: '2026-12-28', page: 2, pageSize: 20 });
    expect(defined(readPlainQuery({ online: '1', hasSeats: 'false', kind: '' })!)).toEqual({
      online: true,
      hasSeats: false,
      page: 1,
      pageSize: 20,
    });
  });
});
