/**
 * The columns of a catalogue import file. One row per meeting: the rows of one session share its `session`
 * reference, the sessions of one course share its `course` reference. Course and session cells need filling
 * only on the first row of their course or session; a later row may repeat them, but not contradict them.
 * Headers are matched without regard to case, spaces or accents, in English or Dutch.
 *
 * | column | Dutch header | level | meaning |
 * |---|---|---|---|
 * | `course` | `cursus` | course | your reference for the course (any text); rows with the same one are one course |
 * | `kind` | `soort` | course | `training` or `workshop` |
 * | `title` | `titel` | course | |
 * | `summary` | `samenvatting` | course | one or two plain sentences |
 * | `description` | `beschrijving` | course | Markdown; line breaks inside a quoted cell are kept |
 * | `category` | `categorie` | course | a category slug, e.g. `mantelzorg` |
 * | `language` | `taal` | course | `nl`, `fy` or `en` |
 * | `audiences` | `doelgroepen` | course | list: `volunteers\|carers` (or separated by commas inside quotes) |
 * | `themes` | `themas` | course | list: `boundaries\|stress` |
 * | `provider` | `aanbieder` | course | the provider's exact name or id |
 * | `attendance_threshold` | `aanwezigheidsdrempel` | course | as the API takes it |
 * | `publish` | `publiceren` | course | `ja`/`nee` (default `ja`): publish the course and its sessions |
 * | `session` | `sessie` | session | your reference for a session within the course; empty: the row is a session of its own |
 * | `capacity` | `capaciteit` | session | seats |
 * | `trainers` | `trainers` | session | trainer user ids, separated by `\|` |
 * | `minimum_participants` | `minimum_deelnemers` | session | |
 * | `go_no_go_at` | `go_no_go` | session | date (and time; noon when left out) the session is confirmed or cancelled |
 * | `enrolment_opens_at` | `inschrijving_open` | session | date and time |
 * | `enrolment_closes_at` | `inschrijving_sluit` | session | date and time |
 * | `cancellation_deadline_hours` | `annuleren_uren` | session | hours before the start |
 * | `waitlist_mode` | `wachtlijst` | session | `auto` or `offer` |
 * | `offer_hours` | `aanbod_uren` | session | hours a freed seat is held for the next on the waitlist (`offer`) |
 * | `date` | `datum` | meeting | `28-11-2026` or `2026-11-28`; may be left out when `start` holds a date |
 * | `start` | `begintijd` | meeting | `19:30`, or a full date and time (`28-11-2026 19:30`, ISO 8601) |
 * | `end` | `eindtijd` | meeting | as `start` |
 * | `venue` | `locatie` | meeting | the venue's name (`Dorpshuis De Miente`; `Online` for an online meeting) |
 * | `address` | `adres` | meeting | street and number |
 * | `place` | `plaats` | meeting | the village or town |
 * | `online` | `online` | meeting | `ja` for an online meeting |
 * | `url` | `link` | meeting | the meeting link of an online meeting |
 *
 * Dates without a UTC offset are Dutch time (Europe/Amsterdam).
 */
export type ColumnLevel = 'course' | 'session' | 'meeting';

export interface ImportColumn {
  name: string;
  dutch: string;
  level: ColumnLevel;
  /** Where the value goes in the API request; undefined for references and import-only columns. */
  field?: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'course', dutch: 'cursus', level: 'course' },
  { name: 'kind', dutch: 'soort', level: 'course', field: 'kind' },
  { name: 'title', dutch: 'titel', level: 'course', field: 'title' },
  { name: 'summary', dutch: 'samenvatting', level: 'course', field: 'summary' },
  { name: 'description', dutch: 'beschrijving', level: 'course', field: 'description' },
  { name: 'category', dutch: 'categorie', level: 'course', field: 'category' },
  { name: 'language', dutch: 'taal', level: 'course', field: 'language' },
  { name: 'audiences', dutch: 'doelgroepen', level: 'course', field: 'audiences' },
  { name: 'themes', dutch: 'themas', level: 'course', field: 'themes' },
  { name: 'provider', dutch: 'aanbieder', level: 'course', field: 'providerId' },
  {
    name: 'attendance_threshold',
    dutch: 'aanwezigheidsdrempel',
    level: 'course',
    field: 'attendanceThreshold',
  },
  { name: 'publish', dutch: 'publiceren', level: 'course' },
  { name: 'session', dutch: 'sessie', level: 'session' },
  { name: 'capacity', dutch: 'capaciteit', level: 'session', field: 'capacity' },
  { name: 'trainers', dutch: 'trainers', level: 'session', field: 'trainerIds' },
  {
    name: 'minimum_participants',
    dutch: 'minimum_deelnemers',
    level: 'session',
    field: 'minimumParticipants',
  },
  { name: 'go_no_go_at', dutch: 'go_no_go', level: 'session', field: 'goNoGoAt' },
  { name: 'enrolment_opens_at', dutch: 'inschrijving_open', level: 'session', field: 'enrolmentOpensAt' },
  {
    name: 'enrolment_closes_at',
    dutch: 'inschrijving_sluit',
    level: 'session',
    field: 'enrolmentClosesAt',
  },
  {
    name: 'cancellation_deadline_hours',
    dutch: 'annuleren_uren',
    level: 'session',
    field: 'cancellationDeadlineHours',
  },
  { name: 'waitlist_mode', dutch: 'wachtlijst', level: 'session', field: 'waitlistMode' },
  { name: 'offer_hours', dutch: 'aanbod_uren', level: 'session', field: 'offerHours' },
  { name: 'date', dutch: 'datum', level: 'meeting' },
  { name: 'start', dutch: 'begintijd', level: 'meeting', field: 'startsAt' },
  { name: 'end', dutch: 'eindtijd', level: 'meeting', field: 'endsAt' },
  { name: 'venue', dutch: 'locatie', level: 'meeting', field: 'location.name' },
  { name: 'address', dutch: 'adres', level: 'meeting', field: 'location.address' },
  { name: 'place', dutch: 'plaats', level: 'meeting', field: 'location.place' },
  { name: 'online', dutch: 'online', level: 'meeting', field: 'location.online' },
  { name: 'url', dutch: 'link', level: 'meeting', field: 'location.url' },
];

/** "Thema's", " Go/No-Go ", "Begin tijd" → "themas", "go_no_go", "begin_tijd". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const BY_HEADER = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => [
    [column.name, column],
    [column.dutch, column],
  ]),
);

export function columnForHeader(header: string): ImportColumn | undefined {
  return BY_HEADER.get(normaliseHeader(header));
}

/** The column a field error of the API belongs to: `meetings.2.location.place` → `place`. */
export function columnForField(level: ColumnLevel, field: string): string {
  const path = level === 'meeting' ? field.replace(/^meetings\.\d+\.?/, '') : field;
  const exact = IMPORT_COLUMNS.find((c) => c.level === level && c.field === path);
  if (exact) return exact.name;
  // `trainerIds.0`, `location` as a whole, `meetings` as a whole.
  const prefix = IMPORT_COLUMNS.find((c) => c.level === level && c.field && path.startsWith(`${c.field}.`));
  if (prefix) return prefix.name;
  if (path === 'location') return 'venue';
  if (field === 'meetings') return 'start';
  return path;
}
