import type { MeetingSnapshot } from '@academy/contracts';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** WARNING: part of every calendar entry's UID; changing it makes calendars keep the old entries beside new ones. */
export const UID_DOMAIN = 'vrijwilligersacademie.frl';

/** Alarms on every meeting: a day before and an hour before (seconds). */
export const MEETING_ALARMS_SECONDS = [24 * 3600, 3600];

export interface SessionCalendarInput {
  /** REQUEST: an invitation (or its update); CANCEL: take the meetings out; PUBLISH: a read-only feed. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  courseTitle: string;
  meetings: Array<Pick<MeetingSnapshot, 'meetingId' | 'startsAt' | 'endsAt' | 'location'>>;
  /** The session's version: each revision a calendar must prefer over the last has a higher one. */
  sequence: number;
  organizer: { name: string; email: string };
  attendee?: { name?: string | null; email: string };
  /** A line for the description (where to see or cancel the enrolment). */
  description?: string;
  url?: string;
  /** DTSTAMP; default now. */
  stamp?: Date;
}

/** The UID of a meeting's calendar entry: the same in the invitation, every update and the cancellation. */
export const meetingUid = (meetingId: string) => `${meetingId}@${UID_DOMAIN}`;

export function locationText(location: MeetingSnapshot['location']): string {
  if (location.online) return location.url ? `Online: ${location.url}` : 'Online';
  return [location.name, location.address, location.place].filter(Boolean).join(', ');
}

/**
 * An iCalendar (RFC 5545/5546) object with one VEVENT per meeting of a session. Mail clients match entries by
 * UID and keep the one with the highest SEQUENCE, so a changed session is sent with the same UIDs and a higher
 * SEQUENCE, and a cancellation as METHOD:CANCEL with the same UIDs.
 */
export function sessionCalendar(input: SessionCalendarInput): string {
  const method = ICalCalendarMethod[input.method];
  const calendar = ical({
    prodId: { company: 'Vrijwilligersacademie', product: 'academy', language: 'NL' },
    method,
    name: input.courseTitle,
  });
  for (const meeting of input.meetings) {
    const event = calendar.createEvent({
      id: meetingUid(meeting.meetingId),
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      stamp: input.stamp ?? new Date(),
      sequence: input.sequence,
      summary: input.courseTitle,
      location: locationText(meeting.location),
      description: input.description ?? null,
      url: input.url ?? null,
      status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: input.method === 'PUBLISH' ? null : input.organizer,
    });
    if (input.attendee && input.method !== 'PUBLISH') {
      event.createAttendee({
        email: input.attendee.email,
        name: input.attendee.name ?? undefined,
        rsvp: false,
      });
    }
    if (input.method !== 'CANCEL') {
      for (const seconds of MEETING_ALARMS_SECONDS) {
        event.createAlarm({
          type: ICalAlarmType.display,
          triggerBefore: seconds,
          description: input.courseTitle,
        });
      }
    }
  }
  return calendar.toString();
}
