import type { RosterResponse } from './dto/attendance.response';

const TIME_ZONE = 'Europe/Amsterdam';

/** Spreadsheets run a cell starting with these as a formula; a leading apostrophe keeps it text. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const local = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/**
 * The roster as CSV for coordinators' spreadsheets: one row per participant, one column per meeting (local time
 * in Friesland), UTF-8 with a byte order mark so Excel reads the accents right.
 */
export function rosterCsv(roster: RosterResponse): string {
  const header = [
    'participant',
    'status',
    ...roster.meetings.map((m) => local(m.startsAt)),
    'attended',
    'completed',
  ];
  const rows = [...roster.participants, ...roster.waitlist].map((p) => [
    p.displayName ?? '(erased)',
    p.status,
    ...p.attendance.map((a) => a.status),
    p.attended,
    p.completed ? 'yes' : 'no',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
