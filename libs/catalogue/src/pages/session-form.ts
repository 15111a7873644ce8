import type { FieldError } from '@academy/platform';
import type { CourseKind, WaitlistMode } from '../catalogue.constants';
import type { CreateSessionRequest, MeetingRequest } from '../sessions/dto/create-session.request';
import type { SessionResponse } from '../sessions/dto/session.response';
import { textField, wholeNumber } from './form-input';
import type { Translate } from './labels';
import { isDay, localDateTime, localInstant, parseTime, wallClock } from './local-time';

/** A session has at most this many meetings on the form (the service allows 60; no course here has more). */
export const MAX_MEETINGS = 30;

/** One meeting as the form shows it: a day and two times in Friesland, and a venue or a link. */
export interface MeetingRow {
  /** Kept when changing a session, so its attendance stays with it. */
  id: string;
  date: string;
  start: string;
  end: string;
  online: boolean;
  venue: string;
  address: string;
  place: string;
  url: string;
}

export interface SessionFormValues {
  capacity: string;
  minimumParticipants: string;
  goNoGoAt: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
  cancellationDeadlineHours: string;
  waitlistMode: string;
  offerHours: string;
  meetings: MeetingRow[];
}

export const EMPTY_MEETING: MeetingRow = {
  id: '',
  date: '',
  start: '',
  end: '',
  online: false,
  venue: '',
  address: '',
  place: '',
  url: '',
};

export const EMPTY_SESSION: SessionFormValues = {
  capacity: '',
  minimumParticipants: '',
  goNoGoAt: '',
  enrolmentOpensAt: '',
  enrolmentClosesAt: '',
  cancellationDeadlineHours: '48',
  waitlistMode: 'auto',
  offerHours: '24',
  meetings: [EMPTY_MEETING],
};

/** The top fields of the form, in order; the meetings follow. */
export const SESSION_FIELDS = [
  'capacity',
  'minimumParticipants',
  'goNoGoAt',
  'enrolmentOpensAt',
  'enrolmentClosesAt',
  'cancellationDeadlineHours',
  'waitlistMode',
  'offerHours',
  'meetings',
];
const MEETING_PARTS = ['date', 'start', 'end', 'online', 'venue', 'address', 'place', 'url'] as const;
export type MeetingPart = (typeof MEETING_PARTS)[number];

/** Name (and id, as `field-<name>`) of a meeting's field on the form. */
export const meetingField = (index: number, part: MeetingPart): string => `meeting-${index}-${part}`;

/** Every field in the order of the form, for an error summary that reads top to bottom. */
export function sessionFieldOrder(meetingCount: number): string[] {
  const meetings = Array.from({ length: meetingCount }, (_, index) =>
    MEETING_PARTS.map((part) => meetingField(index, part)),
  ).flat();
  return [...SESSION_FIELDS, ...meetings];
}

/** What the buttons of the form ask for: save, or (without JavaScript) one more meeting or one fewer. */
export type SessionFormAction = { type: 'save' } | { type: 'add' } | { type: 'remove'; index: number };

export function sessionFormAction(body: unknown): SessionFormAction {
  const action = textField(body, 'action');
  if (action === 'add-meeting') return { type: 'add' };
  const remove = /^remove-(\d{1,2})$/.exec(action);
  if (remove) return { type: 'remove', index: Number(remove[1]) };
  return { type: 'save' };
}

export function sessionValuesFromForm(body: unknown): SessionFormValues {
  const count = Math.min(MAX_MEETINGS, Math.max(1, wholeNumber(textField(body, 'meetingCount')) || 1));
  const meetings = Array.from({ length: count }, (_, index): MeetingRow => {
    const field = (part: MeetingPart | 'id') => textField(body, `meeting-${index}-${part}`).trim();
    return {
      id: field('id'),
      date: field('date'),
      start: field('start'),
      end: field('end'),
      online: field('online') === 'true',
      venue: field('venue'),
      address: field('address'),
      place: field('place'),
      url: field('url'),
    };
  });
  const text = (name: string) => textField(body, name).trim();
  return {
    capacity: text('capacity'),
    minimumParticipants: text('minimumParticipants'),
    goNoGoAt: text('goNoGoAt'),
    enrolmentOpensAt: text('enrolmentOpensAt'),
    enrolmentClosesAt: text('enrolmentClosesAt'),
    cancellationDeadlineHours: text('cancellationDeadlineHours'),
    waitlistMode: text('waitlistMode'),
    offerHours: text('offerHours'),
    meetings,
  };
}

/** `<input type="datetime-local">` value of an instant, in Friesland time. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const { date, time } = wallClock(iso);
  return `${date}T${time}`;
}

export function sessionValuesFrom(session: SessionResponse): SessionFormValues {
  return {
    capacity: String(session.capacity),
    minimumParticipants: String(session.minimumParticipants),
    goNoGoAt: localInput(session.goNoGoAt),
    enrolmentOpensAt: localInput(session.enrolmentOpensAt),
    enrolmentClosesAt: localInput(session.enrolmentClosesAt),
    cancellationDeadlineHours: String(session.cancellationDeadlineHours),
    waitlistMode: session.waitlistMode,
    offerHours: String(session.offerHours),
    meetings: [...session.meetings]
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((meeting) => ({
        id: meeting.id,
        date: wallClock(meeting.startsAt).date,
        start: wallClock(meeting.startsAt).time,
        end: wallClock(meeting.endsAt).time,
        online: meeting.location.online,
        venue: meeting.location.online && meeting.location.name === 'Online' ? '' : meeting.location.name,
        address: meeting.location.address ?? '',
        place: meeting.location.place ?? '',
        url: meeting.location.url ?? '',
      })),
  };
}

/** A problem the page finds itself, before asking the service: a date or time it cannot read. */
export interface FormProblem {
  field: string;
  key: string;
  meeting?: number;
}

/**
 * The request for the service, and what the page could not read. A meeting is one day: it ends on the day
 * it starts. Numbers go through as typed (the service names each broken rule); empty optional fields are
 * left out, so the service's defaults apply.
 */
export function sessionRequest(values: SessionFormValues): {
  request: CreateSessionRequest;
  problems: FormProblem[];
} {
  const problems: FormProblem[] = [];
  const moment = (field: keyof SessionFormValues): string | undefined => {
    const value = values[field];
    if (typeof value !== 'string' || !value) return undefined;
    const instant = localDateTime(value);
    if (!instant) problems.push({ field, key: 'moment-invalid' });
    return instant;
  };
  const meetings = values.meetings.map((row, index): MeetingRequest => {
    const meeting = index + 1;
    if (!row.date) problems.push({ field: meetingField(index, 'date'), key: 'date-missing', meeting });
    else if (!isDay(row.date))
      problems.push({ field: meetingField(index, 'date'), key: 'date-invalid', meeting });
    if (!row.start) problems.push({ field: meetingField(index, 'start'), key: 'start-missing', meeting });
    else if (!parseTime(row.start)) {
      problems.push({ field: meetingField(index, 'start'), key: 'time-invalid', meeting });
    }
    if (!row.end) problems.push({ field: meetingField(index, 'end'), key: 'end-missing', meeting });
    else if (!parseTime(row.end))
      problems.push({ field: meetingField(index, 'end'), key: 'time-invalid', meeting });
    return {
      id: row.id || undefined,
      startsAt: localInstant(row.date, row.start) ?? '',
      endsAt: localInstant(row.date, row.end) ?? '',
      location: {
        name: row.venue || (row.online ? 'Online' : ''),
        place: row.place || undefined,
        address: row.address || undefined,
        online: row.online,
        url: row.url || undefined,
      },
    };
  });
  const request: CreateSessionRequest = {
    capacity: wholeNumber(values.capacity) as number,
    minimumParticipants: wholeNumber(values.minimumParticipants),
    goNoGoAt: moment('goNoGoAt'),
    enrolmentOpensAt: moment('enrolmentOpensAt'),
    enrolmentClosesAt: moment('enrolmentClosesAt'),
    cancellationDeadlineHours: wholeNumber(values.cancellationDeadlineHours),
    waitlistMode: (values.waitlistMode || undefined) as WaitlistMode | undefined,
    offerHours: wholeNumber(values.offerHours),
    meetings,
  };
  return { request, problems };
}

/** Where on the form a field the service names lives: `meetings.1.location.place` → `meeting-1-place`. */
export function formFieldOf(serviceField: string): { field: string; meeting?: number } {
  const match = /^meetings\.(\d+)(?:\.(.+))?$/.exec(serviceField);
  if (!match) return { field: serviceField.split('.')[0] ?? serviceField };
  const index = Number(match[1]);
  const rest = match[2] ?? '';
  const part: MeetingPart =
    rest === 'endsAt'
      ? 'end'
      : rest === 'location.place'
        ? 'place'
        : rest === 'location.url'
          ? 'url'
          : rest === 'location.address'
            ? 'address'
            : rest === 'location.online'
              ? 'online'
              : rest.startsWith('location')
                ? 'venue'
                : 'date';
  return { field: meetingField(index, part), meeting: index + 1 };
}

/**
 * The form's words for a rule the service says was broken: the field picks the text, and for a field with
 * several rules the service's (English) message picks among them. An unknown message still gets the
 * field's general text, so a rule added to the service later is never shown in English.
 */
const SERVICE_TEXTS: Array<{ field: RegExp; message?: RegExp; key: string }> = [
  { field: /^capacity$/, message: /already confirmed/i, key: 'capacity-confirmed' },
  { field: /^capacity$/, key: 'capacity' },
  { field: /^minimumParticipants$/, key: 'minimum' },
  { field: /^goNoGoAt$/, message: /past/i, key: 'go-no-go-past' },
  { field: /^goNoGoAt$/, key: 'go-no-go' },
  { field: /^enrolmentOpensAt$/, key: 'opens' },
  { field: /^enrolmentClosesAt$/, message: /past/i, key: 'closes-past' },
  { field: /^enrolmentClosesAt$/, key: 'closes' },
  { field: /^cancellationDeadlineHours$/, key: 'deadline' },
  { field: /^waitlistMode$/, key: 'waitlist-mode' },
  { field: /^offerHours$/, key: 'offer-hours' },
  { field: /^meetings$/, message: /workshop/i, key: 'workshop-one-meeting' },
  { field: /^meetings$/, key: 'meetings' },
  { field: /^meetings\.\d+\.startsAt$/, message: /past/i, key: 'meeting-past' },
  { field: /^meetings\.\d+\.startsAt$/, message: /overlap/i, key: 'meeting-overlap' },
  { field: /^meetings\.\d+\.startsAt$/, key: 'start-invalid' },
  { field: /^meetings\.\d+\.endsAt$/, message: /at most/i, key: 'meeting-too-long' },
  { field: /^meetings\.\d+\.endsAt$/, key: 'meeting-end' },
  { field: /^meetings\.\d+\.location\.url$/, message: /https/i, key: 'url-https' },
  { field: /^meetings\.\d+\.location\.url$/, key: 'url-missing' },
  { field: /^meetings\.\d+\.location\.place$/, key: 'place' },
  { field: /^meetings\.\d+\.location\.address$/, key: 'address' },
  { field: /^meetings\.\d+\.location/, key: 'venue' },
];

export function serviceProblems(errors: FieldError[] | undefined): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const error of errors ?? []) {
    const { field, meeting } = formFieldOf(error.field);
    for (const message of error.messages.length ? error.messages : ['']) {
      const rule = SERVICE_TEXTS.find(
        (r) => r.field.test(error.field) && (!r.message || r.message.test(message)),
      );
      const confirmed = /(\d+) participants are already confirmed/i.exec(message)?.[1];
      problems.push({ field, key: rule?.key ?? 'general', meeting, ...(confirmed ? { confirmed } : {}) });
    }
  }
  return problems;
}

/** Problems as texts for `formErrors`: one text per field and rule, meeting problems named by their number. */
export function problemTexts(
  problems: Array<FormProblem & { confirmed?: string }>,
  t: Translate,
): Array<{ field: string; message: string }> {
  const seen = new Set<string>();
  const texts: Array<{ field: string; message: string }> = [];
  for (const problem of problems) {
    const id = `${problem.field}:${problem.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const text = t(`catalogue.session-form.errors.${problem.key}`, { count: problem.confirmed ?? '' });
    texts.push({
      field: problem.field,
      message: problem.meeting
        ? t('catalogue.session-form.errors.in-meeting', { number: problem.meeting, message: text })
        : text,
    });
  }
  return texts;
}

/** Meetings of a new session by the kind of course: a workshop has one; a training starts with one more to fill. */
export function startingMeetings(kind: CourseKind): MeetingRow[] {
  return kind === 'workshop' ? [EMPTY_MEETING] : [EMPTY_MEETING, EMPTY_MEETING];
}
