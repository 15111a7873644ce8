import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { DomainError } from '@academy/platform';
import { DutyRequest } from './dto/inputs.requests';

export const MAX_IMPORT_ROWS = 5_000;
const COLUMNS = ['date', 'startsAt', 'endsAt', 'role', 'volunteerId'] as const;
const REQUIRED = ['date', 'startsAt', 'endsAt'];

export interface ParsedDutyRow {
  line: number;
  request: DutyRequest;
  errors: Array<{ field: string; messages: string[] }>;
}

const flatten = (errors: ValidationError[]) =>
  errors.map((e) => ({ field: e.property, messages: Object.values(e.constraints ?? {}) }));

/**
 * Reads a duties CSV (header `date,startsAt,endsAt,role,volunteerId`; `role` and `volunteerId` optional; comma
 * or semicolon separated, as spreadsheets in NL export) and validates each row like the JSON endpoint would. A file
 * that cannot be read at all is refused whole (422); a bad row is reported by its line and left out.
 */
export function parseDutyCsv(text: unknown): ParsedDutyRow[] {
  if (typeof text !== 'string' || !text.trim()) {
    throw new DomainError('rule.violated', 'Send the duties as CSV text (Content-Type: text/csv).');
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (error) {
    throw new DomainError('rule.violated', `The CSV could not be read: ${(error as Error).message}`);
  }
  const header = records[0]
    ? Object.keys(records[0].record)
    : firstLine.split(delimiter).map((h) => h.trim());
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (unknown.length || missing.length) {
    throw new DomainError('rule.violated', 'The CSV header is not as expected.', {
      errors: [
        {
          field: 'header',
          messages: [
            `expected columns: ${COLUMNS.join(', ')}` +
              (missing.length ? `; missing: ${missing.join(', ')}` : '') +
              (unknown.length ? `; unknown: ${unknown.join(', ')}` : ''),
          ],
        },
      ],
    });
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new DomainError('rule.violated', `At most ${MAX_IMPORT_ROWS} rows per import.`);
  }
  return records.map(({ record, info }) => {
    const plain = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
    const request = plainToInstance(DutyRequest, plain);
    const errors = flatten(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }));
    return { line: info.lines, request, errors };
  });
}
