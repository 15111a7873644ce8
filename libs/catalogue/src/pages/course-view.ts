import type { Locale } from '@academy/web';
import type { CourseDetailResponse } from '../courses/dto/course.response';
import type { CourseListItem, NextSession } from '../courses/dto/course-list-item';
import type { MeetingResponse, SessionResponse } from '../sessions/dto/session.response';
import {
  AUDIENCE_LABELS,
  categoryName,
  COURSE_LANGUAGE_LABELS,
  KIND_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
  type Translate,
} from './labels';
import { clockTime, longDate, sameLocalDay, shortDate } from './local-time';

/** What the views show of times, places and seats: already in words, in the reader's language. */

/** Word joiners around the dash of "19:30–21:30": a narrow screen breaks the line elsewhere, not inside it. */
const keepTogether = (text: string): string => text.replace(/(\d)–(\d)/g, '$1\u2060–\u2060$2');

/** "do 5 mrt 2026, 19:30–21:30" for a session on one day, "vanaf do 5 mrt 2026, 19:30" for one that spans days. */
export function when(startsAt: string, endsAt: string, locale: Locale, t: Translate): string {
  const date = shortDate(startsAt, locale);
  const start = clockTime(startsAt, locale);
  if (sameLocalDay(startsAt, endsAt)) {
    return keepTogether(t('catalogue.time.day-range', { date, start, end: clockTime(endsAt, locale) }));
  }
  return t('catalogue.time.from', { date, start });
}

export function seatsText(left: number, cancelled: boolean, t: Translate): string {
  if (cancelled) return t('catalogue.seats-left.cancelled');
  if (left <= 0) return t('catalogue.seats-left.full');
  return left === 1 ? t('catalogue.seats-left.one') : t('catalogue.seats-left.other', { count: left });
}

export interface CourseCard {
  id: string;
  href: string;
  title: string;
  summary: string;
  /** The course's own language, for the `lang` attribute of its title and summary. */
  lang: string;
  kind: string;
  category: string;
  language: string;
  provider?: string;
  status?: string;
  draft: boolean;
  next?: { when: string; where: string; seats: string; full: boolean };
}

export function whereNext(next: NextSession, t: Translate): string {
  if (next.online) return t('catalogue.place.online');
  return next.place ?? t('catalogue.place.unknown');
}

export function courseCard(item: CourseListItem, locale: Locale, t: Translate): CourseCard {
  const next = item.nextSession;
  const cancelled = next?.status === 'cancelled';
  return {
    id: item.id,
    href: `/catalogue/courses/${item.id}`,
    title: item.title,
    summary: item.summary,
    lang: item.language,
    kind: t(KIND_LABELS[item.kind]),
    category: categoryName(item.category.names, locale),
    language: t(COURSE_LANGUAGE_LABELS[item.language]),
    provider: item.provider?.name,
    status: t(STATUS_LABELS[item.status]),
    draft: item.status !== 'published',
    next: next
      ? {
          when: when(next.startsAt, next.endsAt, locale, t),
          where: whereNext(next, t),
          seats: seatsText(next.seatsLeft, cancelled, t),
          full: next.seatsLeft <= 0 && !cancelled,
        }
      : undefined,
  };
}

export interface MeetingView {
  number: number;
  date: string;
  start: string;
  end: string;
  /** "19:30–21:30 uur", kept on one line. */
  time: string;
  /** The venue and where it is, or "online"; the join link is for participants, not the public page. */
  venue: string;
  address?: string;
  place?: string;
  online: boolean;
}

export function meetingView(
  meeting: MeetingResponse,
  index: number,
  locale: Locale,
  t: Translate,
): MeetingView {
  const { location } = meeting;
  return {
    number: index + 1,
    date: longDate(meeting.startsAt, locale),
    start: clockTime(meeting.startsAt, locale),
    end: clockTime(meeting.endsAt, locale),
    time: keepTogether(
      t('catalogue.time.range', {
        start: clockTime(meeting.startsAt, locale),
        end: clockTime(meeting.endsAt, locale),
      }),
    ),
    venue: location.online ? t('catalogue.place.online') : location.name,
    address: location.online ? undefined : (location.address ?? undefined),
    place: location.online ? undefined : (location.place ?? undefined),
    online: location.online,
  };
}

export interface SessionView {
  id: string;
  heading: string;
  cancelled: boolean;
  cancelReason?: string;
  published: boolean;
  meetings: MeetingView[];
  /** Several meetings are named by their number; a single one needs no number. */
  numbered: boolean;
  seats: string;
  seatsDetail: string;
  full: boolean;
  /** Whether the enrol button shows (the session has not been cancelled and has not started). */
  open: boolean;
  /** Why enrolment is not open yet, or no longer; undefined when it is. */
  enrolmentNote?: string;
}

/** Heading of a session: its first day and its place, "do 5 mrt 2026 in Drachten" or "… online". */
function sessionHeading(session: SessionResponse, locale: Locale, t: Translate): string {
  const first = session.meetings[0];
  if (!first) return t('catalogue.session.heading-undated');
  const date = shortDate(first.startsAt, locale);
  const places = [
    ...new Set(session.meetings.map((m) => (m.location.online ? '' : (m.location.place ?? '')))),
  ];
  const several = session.meetings.length > 1;
  if (places.length === 1 && places[0] === '') {
    return capitalised(
      several
        ? t('catalogue.session.heading-online-from', { date })
        : t('catalogue.session.heading-online', { date }),
    );
  }
  const place = places.filter(Boolean).join(', ');
  return capitalised(
    several
      ? t('catalogue.session.heading-from', { date, place })
      : t('catalogue.session.heading', { date, place }),
  );
}

/** "di 5 jan 2027 in Drachten" as a heading: "Di 5 jan 2027 in Drachten". */
function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function sessionView(
  session: SessionResponse,
  locale: Locale,
  t: Translate,
  now = new Date(),
): SessionView {
  const meetings = [...session.meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const cancelled = session.status === 'cancelled';
  const started = meetings.length > 0 && new Date(meetings[0].startsAt) <= now;
  const opens = session.enrolmentOpensAt ? new Date(session.enrolmentOpensAt) : undefined;
  const closes = session.enrolmentClosesAt ? new Date(session.enrolmentClosesAt) : undefined;
  let enrolmentNote: string | undefined;
  if (!cancelled && started) enrolmentNote = t('catalogue.session.started');
  else if (!cancelled && opens && opens > now) {
    enrolmentNote = t('catalogue.session.opens', { date: longDate(opens.toISOString(), locale) });
  } else if (!cancelled && closes && closes <= now) enrolmentNote = t('catalogue.session.closed');
  return {
    id: session.id,
    heading: sessionHeading({ ...session, meetings }, locale, t),
    cancelled,
    cancelReason: session.cancelReason ?? undefined,
    published: session.published,
    meetings: meetings.map((meeting, index) => meetingView(meeting, index, locale, t)),
    numbered: meetings.length > 1,
    seats: seatsText(session.seats.left, cancelled, t),
    seatsDetail: t('catalogue.seats-left.detail', {
      capacity: session.seats.capacity,
      confirmed: session.seats.confirmed,
    }),
    full: session.seats.left <= 0,
    open: !cancelled && enrolmentNote === undefined,
    enrolmentNote,
  };
}

export interface CourseFacts {
  kind: string;
  category: string;
  language: string;
  audiences: string[];
  themes: string[];
  provider?: string;
}

export function courseFacts(course: CourseDetailResponse, locale: Locale, t: Translate): CourseFacts {
  return {
    kind: t(KIND_LABELS[course.kind]),
    category: categoryName(course.category.names, locale),
    language: t(COURSE_LANGUAGE_LABELS[course.language]),
    audiences: course.audiences.map((audience) => t(AUDIENCE_LABELS[audience])),
    themes: course.themes.map((theme) => t(THEME_LABELS[theme])),
    provider: course.provider?.name,
  };
}
