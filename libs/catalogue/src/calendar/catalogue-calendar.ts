import ical, { ICalEventStatus } from 'ical-generator';
import type { CourseDetailResponse } from '../courses/dto/course.response';
import type { MeetingResponse, SessionResponse } from '../sessions/dto/session.response';
import { textKey } from '../shared/text-key';
import { AmsterdamTime, FEED_TIME_ZONE, vtimezone } from './amsterdam-zone';

/** WARNING: calendar apps recognise a meeting by this UID on every refresh; never change its shape. */
export const meetingUid = (meetingId: string): string => `meeting-${meetingId}@vrijwilligersacademie`;

/** The session filters of the catalogue page, applied to each session of the courses found. */
export interface FeedSessionFilters {
  place?: string;
  online?: boolean;
  /** Instants (ISO): the first meeting starts on or after `from` and before `to`. */
  from?: string;
  to?: string;
  hasSeats?: boolean;
}

export interface FeedTexts {
  name: string;
  description: string;
  online: string;
  /** "meeting 2 of 4", for trainings with several meetings. */
  meetingOf(number: number, count: number): string;
}

export function sessionMatches(session: SessionResponse, filters: FeedSessionFilters): boolean {
  const meetings = sortedMeetings(session);
  const first = meetings[0];
  if (!first) return false;
  if (filters.place) {
    // As the search does: the place of the first meeting at a venue.
    const venue = meetings.find((m) => !m.location.online)?.location.place;
    if (!venue || textKey(venue) !== textKey(filters.place)) return false;
  }
  if (filters.online !== undefined && first.location.online !== filters.online) return false;
  if (filters.from && Date.parse(first.startsAt) < Date.parse(filters.from)) return false;
  if (filters.to && Date.parse(first.startsAt) >= Date.parse(filters.to)) return false;
  if (filters.hasSeats && (session.status === 'cancelled' || session.seats.left <= 0)) return false;
  return true;
}

function sortedMeetings(session: SessionResponse): MeetingResponse[] {
  return [...session.meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function locationOf(meeting: MeetingResponse, texts: FeedTexts): string {
  const { location } = meeting;
  if (location.online) return texts.online;
  return [location.name, location.address, location.place].filter((part) => !!part).join(', ');
}

/**
 * The published catalogue as iCalendar: one VEVENT per meeting, in Friesland time (TZID Europe/Amsterdam,
 * with its VTIMEZONE), linking to the course page. A cancelled session stays in the feed as CANCELLED, so
 * calendars that had it take it out; SEQUENCE follows the session's version, so a change replaces the old.
 */
export function catalogueCalendar(
  courses: CourseDetailResponse[],
  filters: FeedSessionFilters,
  baseUrl: string,
  texts: FeedTexts,
  now = new Date(),
): string {
  const calendar = ical({
    name: texts.name,
    description: texts.description,
    prodId: { company: 'Vrijwilligersacademie', product: 'catalogue', language: 'NL' },
    timezone: { name: FEED_TIME_ZONE, generator: vtimezone },
    url: `${baseUrl}/catalogue`,
    ttl: 60 * 60,
  });
  for (const course of courses) {
    const url = `${baseUrl}/catalogue/courses/${course.id}`;
    for (const session of course.sessions) {
      if (!sessionMatches(session, filters)) continue;
      const meetings = sortedMeetings(session);
      meetings.forEach((meeting, index) => {
        const summary =
          meetings.length > 1
            ? `${course.title} (${texts.meetingOf(index + 1, meetings.length)})`
            : course.title;
        calendar.createEvent({
          id: meetingUid(meeting.id),
          sequence: session.version,
          stamp: now,
          start: new AmsterdamTime(new Date(meeting.startsAt)),
          end: new AmsterdamTime(new Date(meeting.endsAt)),
          timezone: FEED_TIME_ZONE,
          summary,
          description: `${course.summary}\n\n${url}`,
          location: locationOf(meeting, texts),
          url,
          status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      });
    }
  }
  return calendar.toString();
}
