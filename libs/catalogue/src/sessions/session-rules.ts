import type { FieldError } from '@academy/platform';
import type { CourseKind } from '../catalogue.constants';

export const MAX_MEETING_HOURS = 12;

export interface MeetingDraft {
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  place: string | null;
  url: string | null;
  /** New, or moved in this change: only these may not lie in the past (history stays as it was). */
  checkPast: boolean;
}

export interface SessionDraft {
  capacity: number;
  minimumParticipants: number;
  goNoGoAt: Date | null;
  enrolmentOpensAt: Date | null;
  enrolmentClosesAt: Date | null;
  /** In the order the caller gave them; field errors point at these indexes. */
  meetings: MeetingDraft[];
}

export interface RuleContext {
  kind: CourseKind;
  now: Date;
  /** Confirmed participants now (a change may not squeeze them out). */
  confirmed?: number;
  /** Fields set in this change: a date given now may not lie in the past. */
  given?: ReadonlySet<'goNoGoAt' | 'enrolmentOpensAt' | 'enrolmentClosesAt'>;
}

const HOUR = 3_600_000;

/** Every rule a session breaks, as field errors; an empty list means it may be stored. */
export function sessionProblems(draft: SessionDraft, context: RuleContext): FieldError[] {
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => errors.set(field, [...(errors.get(field) ?? []), message]);

  if (context.kind === 'workshop' && draft.meetings.length !== 1) {
    add('meetings', 'A workshop has exactly one meeting.');
  }
  if (draft.capacity < 1 || draft.capacity > 1000) add('capacity', 'The capacity is 1 to 1000 places.');
  if (draft.minimumParticipants < 0) add('minimumParticipants', 'The minimum cannot be negative.');
  else if (draft.minimumParticipants > draft.capacity) {
    add('minimumParticipants', 'The minimum number of participants cannot be more than the capacity.');
  }
  if (context.confirmed !== undefined && draft.capacity < context.confirmed) {
    add(
      'capacity',
      `${context.confirmed} participants are already confirmed; the capacity cannot be lower than that.`,
    );
  }

  draft.meetings.forEach((meeting, index) => {
    const at = (field: string) => `meetings.${index}.${field}`;
    const minutes = (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000;
    if (minutes <= 0) add(at('endsAt'), 'The meeting must end after it starts.');
    else if (minutes > MAX_MEETING_HOURS * 60) {
      add(at('endsAt'), `A meeting lasts at most ${MAX_MEETING_HOURS} hours.`);
    }
    if (meeting.checkPast && meeting.startsAt.getTime() <= context.now.getTime()) {
      add(at('startsAt'), 'This meeting would start in the past.');
    }
    if (meeting.online) {
      if (!meeting.url) add(at('location.url'), 'An online meeting needs the link to join it.');
    } else if (!meeting.place?.trim()) {
      add(at('location.place'), 'Fill in the village or town of the venue.');
    }
    if (meeting.url && !isHttpsUrl(meeting.url)) {
      add(at('location.url'), 'The link must be a web address starting with https://.');
    }
  });
  const ordered = draft.meetings
    .map((meeting, index) => ({ meeting, index }))
    .filter(({ meeting }) => meeting.endsAt > meeting.startsAt)
    .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].meeting.startsAt < ordered[i - 1].meeting.endsAt) {
      add(`meetings.${ordered[i].index}.startsAt`, 'This meeting overlaps another meeting of the session.');
    }
  }

  const firstStart = ordered.length ? ordered[0].meeting.startsAt : undefined;
  const given = context.given ?? new Set();
  const { enrolmentOpensAt: opens, enrolmentClosesAt: closes, goNoGoAt } = draft;
  if (opens && closes && opens >= closes) {
    add('enrolmentClosesAt', 'Enrolment must close after it opens.');
  }
  if (firstStart && closes && closes > firstStart) {
    add('enrolmentClosesAt', 'Enrolment must close before the first meeting starts.');
  }
  if (firstStart && opens && opens >= firstStart) {
    add('enrolmentOpensAt', 'Enrolment must open before the first meeting starts.');
  }
  if (closes && given.has('enrolmentClosesAt') && closes <= context.now) {
    add('enrolmentClosesAt', 'Enrolment would close in the past.');
  }
  if (goNoGoAt) {
    if (firstStart && goNoGoAt >= firstStart) {
      add('goNoGoAt', 'The go/no-go moment must come before the first meeting.');
    }
    if (given.has('goNoGoAt') && goNoGoAt <= context.now)
      add('goNoGoAt', 'The go/no-go moment is in the past.');
    if (opens && goNoGoAt < opens) add('goNoGoAt', 'The go/no-go moment must come after enrolment opens.');
  }
  return [...errors].map(([field, messages]) => ({ field, messages }));
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The cancellation deadline lies this long before the first meeting. */
export const deadlineBefore = (firstStart: Date, hours: number) =>
  new Date(firstStart.getTime() - hours * HOUR);
