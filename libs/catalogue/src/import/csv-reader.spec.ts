import { CsvFormatError, detectSeparator, readCsv } from './csv-reader';

describe('reading a spreadsheet export', () => {
  it('reads what Excel writes in a Dutch locale: a byte-order mark, semicolons, CRLF, quoted line breaks', () => {
    const text =
      '\uFEFFcourse;title;description\r\nA;Grinzen stelle;"Rigel ien\nrigel twa; mei in puntkomma"\r\n';
    const table = readCsv(Buffer.from(text, 'utf8'));
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['course', 'title', 'description']);
    expect(table.rows).toEqual([
      {
        row: 2,
        cells: {
          course: 'A',
          title: 'Grinzen stelle',
          description: 'Rigel ien\nrigel twa; mei in puntkomma',
        },
      },
    ]);
  });

  it('reads comma- and tab-separated files, deciding by the header only', () => {
    expect(detectSeparator('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
    expect(detectSeparator('"a;b",c,d\n')).toBe(',');
    expect(readCsv('course,title\nA,"Koffie, thee"\n').rows[0].cells.title).toBe('Koffie, thee');
  });

  it('numbers rows as the spreadsheet does, skipping empty rows without losing count', () => {
    const table = readCsv('course;title\nA;Een\n;\n\nB;Twee\n;;;\n');
    expect(table.rows.map((r) => [r.row, r.cells.course])).toEqual([
      [2, 'A'],
      [5, 'B'],
    ]);
  });

  it('trims cells and fills missing trailing cells with empty text', () => {
    const table = readCsv('course;title;place\n A ;  Een  \n');
    expect(table.rows[0].cells).toEqual({ course: 'A', title: 'Een', place: '' });
  });

  it('says plainly when a file is empty, broken or has more cells than the header', () => {
    expect(() => readCsv('\uFEFF  \n')).toThrow(CsvFormatError);
    expect(() => readCsv('course;title\nA;"open quote\n')).toThrow(/not valid CSV/);
    expect(() => readCsv('course;title\nA;Een;extra\n')).toThrow(/Row 2 has 3 cells but the header has 2/);
  });
});
