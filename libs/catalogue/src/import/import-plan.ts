import { columnForHeader, IMPORT_COLUMNS, type ColumnLevel, type ImportColumn } from './import-columns';
import type { CsvRow, CsvTable } from './csv-reader';
import { parseMoment, toBoolean, toIsoDateTime, toList, toNumber } from './import-values';

/** What is wrong, where: the spreadsheet row, the column, and a message for the person who fills it in. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export type RequestBody = Record<string, unknown>;

export interface PlannedMeeting {
  row: number;
  body: RequestBody;
}

export interface PlannedSession {
  /** The row the session's cells were first given on. */
  row: number;
  /** The row each session column's value came from (for reporting). */
  sources: Record<string, number>;
  /** The JSON body of POST /api/catalogue/courses/:id/sessions, meetings excluded. */
  body: RequestBody;
  meetings: PlannedMeeting[];
}

export interface PlannedCourse {
  ref: string;
  row: number;
  sources: Record<string, number>;
  /** The JSON body of POST /api/catalogue/courses, without `providerId` (resolved from `provider`). */
  body: RequestBody;
  /** The `provider` cell as written: a provider's id or name. */
  provider?: string;
  publish: boolean;
  sessions: PlannedSession[];
}

export interface ImportPlan {
  courses: PlannedCourse[];
  problems: ImportProblem[];
  /** Data rows read (empty rows not counted). */
  rows: number;
  /** Cells (see cellKey) whose trouble another problem already tells: the API's complaint about them is not repeated. */
  explained: Set<string>;
}

/** Session cells read with a default time when only a date is given. */
const DEFAULT_TIMES: Record<string, string> = {
  go_no_go_at: '12:00',
  enrolment_opens_at: '00:00',
  enrolment_closes_at: '23:59',
};

type Report = (message: string) => void;

/** A cell as the API takes it; a cell that cannot be read is reported and passed on as written. */
function convert(column: ImportColumn, text: string, report: Report): unknown {
  switch (column.name) {
    case 'audiences':
    case 'themes':
    case 'trainers':
      return toList(text);
    case 'attendance_threshold':
    case 'capacity':
    case 'minimum_participants':
    case 'cancellation_deadline_hours':
    case 'offer_hours': {
      const value = toNumber(text);
      if (value === undefined) report(`${quote(text)} is not a number.`);
      return value ?? text;
    }
    case 'go_no_go_at':
    case 'enrolment_opens_at':
    case 'enrolment_closes_at':
      return dateTime(toIsoDateTime(text, { defaultTime: DEFAULT_TIMES[column.name] }), text, report);
    default:
      return text;
  }
}

function dateTime(parsed: ReturnType<typeof toIsoDateTime>, text: string, report: Report): string {
  if ('value' in parsed) return parsed.value;
  report(parsed.problem);
  return text;
}

function setPath(target: RequestBody, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (!rest.length) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as RequestBody;
  setPath(child, rest.join('.'), value);
}

function quote(text: string): string {
  return text.length > 40 ? `“${text.slice(0, 37)}…”` : `“${text}”`;
}

/** Collects the cells of one level over the rows that share it; a later row may repeat a value, not change it. */
class Cells {
  readonly values = new Map<string, { text: string; row: number }>();

  constructor(
    private readonly what: string,
    private readonly problems: ImportProblem[],
  ) {}

  take(row: CsvRow, columns: Array<[string, ImportColumn]>): void {
    for (const [header, column] of columns) {
      const text = row.cells[header];
      if (!text) continue;
      const earlier = this.values.get(column.name);
      if (!earlier) {
        this.values.set(column.name, { text, row: row.row });
      } else if (earlier.text !== text) {
        this.problems.push({
          row: row.row,
          column: column.name,
          message: `${quote(text)} differs from row ${earlier.row} of ${this.what}, which says ${quote(earlier.text)}.`,
        });
      }
    }
  }

  sources(): Record<string, number> {
    return Object.fromEntries([...this.values].map(([name, { row }]) => [name, row]));
  }
}

/** Key of a cell whose trouble is already told by another cell's problem. */
export const cellKey = (row: number, column: string) => `${row}\u0000${column}`;

function meetingBody(
  row: CsvRow,
  columns: Map<string, string>,
  problems: ImportProblem[],
  explained: Set<string>,
): RequestBody {
  const cell = (name: string) => {
    const header = columns.get(name);
    return header ? row.cells[header] : '';
  };
  const report = (column: string) => (message: string) => {
    problems.push({ row: row.row, column, message });
  };
  const start = cell('start');
  const end = cell('end');
  const dateText = cell('date');
  let day = parseMoment(start)?.day;
  let timeReport = report;
  if (dateText) {
    const date = parseMoment(dateText);
    if (date?.day === undefined || date.time !== undefined || date.instant) {
      report('date')(`${quote(dateText)} is not a date: write it as 28-11-2026.`);
      // The times may be fine: that they lack a date is the date cell's problem, told once.
      timeReport = () => () => undefined;
      explained.add(cellKey(row.row, 'start'));
      explained.add(cellKey(row.row, 'end'));
    } else {
      day ??= date.day;
    }
  }
  const body: RequestBody = {};
  // Without a start the API says what is missing; a date alone has no time to start at.
  if (start) body.startsAt = dateTime(toIsoDateTime(start, { fallbackDay: day }), start, timeReport('start'));
  if (end) body.endsAt = dateTime(toIsoDateTime(end, { fallbackDay: day }), end, timeReport('end'));
  const location: RequestBody = {};
  for (const name of ['venue', 'address', 'place', 'url'] as const) {
    const text = cell(name);
    const column = IMPORT_COLUMNS.find((c) => c.name === name)!;
    if (text) setPath(location, column.field!.replace(/^location\./, ''), text);
  }
  const online = cell('online');
  if (online) {
    const value = toBoolean(online);
    if (value === undefined) report('online')(`${quote(online)}: write “ja” or “nee”.`);
    location.online = value ?? online;
  }
  if (Object.keys(location).length) body.location = location;
  return body;
}

/**
 * Groups the rows of a spreadsheet into courses, their sessions and their meetings, as the JSON bodies the
 * catalogue API takes. Problems of the file itself (unknown columns, contradicting cells) are collected; the
 * API's rules are checked afterwards by its own validation.
 */
export function planImport(table: CsvTable): ImportPlan {
  const problems: ImportProblem[] = [];
  const explained = new Set<string>();
  const known = new Map<string, string>(); // column name → header as written
  for (const header of table.header) {
    if (!header) continue;
    const column = columnForHeader(header);
    if (!column) {
      problems.push({
        row: 1,
        column: header,
        message: `Unknown column. Known columns: ${IMPORT_COLUMNS.map((c) => c.name).join(', ')}.`,
      });
    } else if (known.has(column.name)) {
      problems.push({
        row: 1,
        column: header,
        message: `Appears twice (also as “${known.get(column.name)}”).`,
      });
    } else {
      known.set(column.name, header);
    }
  }
  if (!known.has('course')) {
    problems.push({
      row: 1,
      column: 'course',
      message: 'Missing: every row needs a course reference (the same for the rows of one course).',
    });
    return { courses: [], problems, rows: table.rows.length, explained: new Set() };
  }
  const columnsOf = (level: ColumnLevel, except: string[] = []): Array<[string, ImportColumn]> =>
    IMPORT_COLUMNS.filter((c) => c.level === level && !except.includes(c.name) && known.has(c.name)).map(
      (c) => [known.get(c.name)!, c],
    );
  const courseColumns = columnsOf('course', ['course']);
  const sessionColumns = columnsOf('session', ['session']);

  const courses = new Map<string, { row: number; cells: Cells; sessions: Map<string, SessionDraft> }>();
  interface SessionDraft {
    row: number;
    cells: Cells;
    meetings: PlannedMeeting[];
  }
  for (const row of table.rows) {
    const ref = row.cells[known.get('course')!];
    if (!ref) {
      problems.push({
        row: row.row,
        column: 'course',
        message: 'Empty: every row needs a course reference (the same for the rows of one course).',
      });
      continue;
    }
    let course = courses.get(ref);
    if (!course) {
      course = { row: row.row, cells: new Cells(`course ${quote(ref)}`, problems), sessions: new Map() };
      courses.set(ref, course);
    }
    course.cells.take(row, courseColumns);

    const sessionRef = known.has('session') ? row.cells[known.get('session')!] : '';
    // Without a session reference a row is a session with one meeting.
    const key = sessionRef || `\u0000row ${row.row}`;
    let session = course.sessions.get(key);
    if (!session) {
      const what = sessionRef ? `session ${quote(sessionRef)}` : 'this session';
      session = { row: row.row, cells: new Cells(what, problems), meetings: [] };
      course.sessions.set(key, session);
    }
    session.cells.take(row, sessionColumns);
    session.meetings.push({ row: row.row, body: meetingBody(row, known, problems, explained) });
  }

  const planned: PlannedCourse[] = [];
  for (const [ref, course] of courses) {
    const body: RequestBody = {};
    let provider: string | undefined;
    let publish = true;
    for (const [name, { text, row }] of course.cells.values) {
      const column = IMPORT_COLUMNS.find((c) => c.name === name)!;
      if (name === 'provider') provider = text;
      else if (name === 'publish') {
        const value = toBoolean(text);
        if (value !== undefined) publish = value;
        else problems.push({ row, column: name, message: `${quote(text)}: write “ja” or “nee”.` });
      } else {
        body[column.field!] = convert(column, text, (message) =>
          problems.push({ row, column: name, message }),
        );
      }
    }
    const sessions: PlannedSession[] = [...course.sessions.values()].map((session) => {
      const sessionBody: RequestBody = {};
      for (const [name, { text, row }] of session.cells.values) {
        const column = IMPORT_COLUMNS.find((c) => c.name === name)!;
        sessionBody[column.field!] = convert(column, text, (message) =>
          problems.push({ row, column: name, message }),
        );
      }
      return {
        row: session.row,
        sources: session.cells.sources(),
        body: sessionBody,
        meetings: session.meetings,
      };
    });
    planned.push({
      ref,
      row: course.row,
      sources: course.cells.sources(),
      body,
      provider,
      publish,
      sessions,
    });
  }
  return { courses: planned, problems, rows: table.rows.length, explained };
}
