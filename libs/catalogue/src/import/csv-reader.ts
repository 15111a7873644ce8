import { parse } from 'csv-parse/sync';

/** One data row of the spreadsheet, numbered as the spreadsheet numbers it (the header is row 1). */
export interface CsvRow {
  row: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  separator: ';' | ',' | '\t';
  /** The header cells as written. */
  header: string[];
  rows: CsvRow[];
}

export class CsvFormatError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

/**
 * Excel in a Dutch locale writes `;`, most other tools `,`, some a tab: the header line decides, counting
 * only separators outside quotes.
 */
export function detectSeparator(text: string): CsvTable['separator'] {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[';'] >= counts[','] && counts[';'] > 0 ? ';' : ',';
}

/**
 * Reads a spreadsheet export: UTF-8 with or without the byte-order mark Excel writes, `;`, `,` or tab
 * separated, quoted cells with line breaks inside. Rows that are entirely empty (Excel's `;;;;` tail) are
 * skipped but still counted, so row numbers match what the spreadsheet shows.
 */
export function readCsv(input: string | Buffer): CsvTable {
  let text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new CsvFormatError(1, 'The file is empty: expected a header row and data rows.');
  const separator = detectSeparator(text);
  let records: Array<{ record: string[]; info: { records: number } }>;
  try {
    records = parse(text, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as Array<{ record: string[]; info: { records: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, '') : String(error);
    throw new CsvFormatError(line, `The file is not valid CSV near line ${line}: ${reason}`);
  }
  const [first, ...data] = records;
  const header = first.record.map((cell) => cell.trim());
  const rows: CsvRow[] = [];
  for (const { record, info } of data) {
    if (record.every((cell) => !cell.trim())) continue;
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim())) {
      throw new CsvFormatError(
        info.records,
        `Row ${info.records} has ${record.length} cells but the header has ${header.length}: ` +
          'is a separator missing from the header, or a cell not quoted?',
      );
    }
    const cells: Record<string, string> = {};
    header.forEach((name, index) => {
      cells[name] = (record[index] ?? '').trim();
    });
    rows.push({ row: info.records, cells });
  }
  return { separator, header, rows };
}
