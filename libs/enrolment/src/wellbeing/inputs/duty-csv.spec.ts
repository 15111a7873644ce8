import { parseDutyCsv } from './duty-csv';

describe('the duties CSV', () => {
  it('reads comma or semicolon files, names rows by their line and validates each like the JSON endpoint', () => {
    const rows = parseDutyCsv(
      '\uFEFFdate;startsAt;endsAt;role\r\n2026-11-24;09:00;12:00;Maatje\r\n\r\n2026-11-25;9 uur;12:00;\r\n2026-11-26;10:00;11:00;Chauffeur;extra\r\n',
    );
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(rows[0]).toMatchObject({
      request: { date: '2026-11-24', startsAt: '09:00', role: 'Maatje' },
      errors: [],
    });
    expect(rows[1].errors.map((e) => e.field)).toEqual(['startsAt']);
    expect(rows[2].errors).toEqual([]);
  });

  it('refuses a file without the expected header, or no text at all, as a whole', () => {
    expect(() => parseDutyCsv('wanneer,uren\n2026-11-24,3')).toThrow(
      expect.objectContaining({ code: 'rule.violated' }) as Error,
    );
    expect(() => parseDutyCsv('')).toThrow(expect.objectContaining({ code: 'rule.violated' }) as Error);
    expect(() => parseDutyCsv({ csv: 'x' })).toThrow(
      expect.objectContaining({ code: 'rule.violated' }) as Error,
    );
    expect(() => parseDutyCsv('date,startsAt,endsAt\n"2026-11-24,09:00')).toThrow(
      expect.objectContaining({ code: 'rule.violated' }) as Error,
    );
  });
});
