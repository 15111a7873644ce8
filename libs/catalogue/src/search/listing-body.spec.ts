import fc from 'fast-check';
import { ListingBody } from './catalogue-search.service';

describe('a listing body', () => {
  it('is, byte for byte, the JSON of its page (any texts, any page)', () => {
    const item = fc.record({
      title: fc.string({ unit: 'grapheme' }),
      place: fc.option(fc.string({ unit: 'binary' })),
      seatsLeft: fc.integer(),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 25 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 100 }),
        (items, total, page, pageSize) => {
          const body = ListingBody.of({
            items: items.map((value) => Buffer.from(JSON.stringify(value), 'utf8')),
            total,
            page,
            pageSize,
          });
          const expected = Buffer.from(JSON.stringify({ items, total, page, pageSize }), 'utf8');
          expect(body.length).toBe(expected.length);
          expect(body.bytes().equals(expected)).toBe(true);
        },
      ),
    );
  });

  it('is put together afresh for every send, from the same texts', () => {
    const text = Buffer.from('{"title":"Omgaan met dementie"}');
    const body = ListingBody.of({ items: [text, text], total: 2, page: 1, pageSize: 20 });
    const first = body.bytes();
    const second = body.bytes();
    expect(second).not.toBe(first);
    expect(second.toString()).toBe(
      '{"items":[{"title":"Omgaan met dementie"},{"title":"Omgaan met dementie"}],"total":2,"page":1,"pageSize":20}',
    );
    // Sending one does not change the other (a socket may still hold the first when the second is made).
    first.fill(0);
    expect(body.bytes().equals(second)).toBe(true);
  });
});
