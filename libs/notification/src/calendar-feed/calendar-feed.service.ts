import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notFound } from '@academy/platform';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { locationText, meetingUid } from '../icalendar/session-calendar';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';
import { MessageRenderer } from '../templates/message-renderer';

export interface CalendarFeed {
  body: string;
  etag: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A person's confirmed meetings as one iCalendar feed, found by the secret token in its address. The entries
 * carry the same UIDs (and SEQUENCE, the session's version) as the invitation emails, so a calendar that has
 * both shows each meeting once. DTSTAMP is the session's last change, so an unchanged feed has the same ETag.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly replica: SessionsReplicaRepository,
    private readonly renderer: MessageRenderer,
  ) {}

  async feed(token: string): Promise<CalendarFeed> {
    const owner = TOKEN.test(token) ? await this.preferences.findByCalendarToken(token) : null;
    // One answer for a malformed and an unknown token: nothing to learn by trying.
    if (!owner) throw notFound('The calendar');
    const enrolments = await this.replica.enrolmentsOfUser(owner.userId, ['confirmed']);
    const calendar = ical({
      prodId: { company: 'Vrijwilligersacademie', product: 'academy-feed', language: 'NL' },
      method: ICalCalendarMethod.PUBLISH,
      name: 'Vrijwilligersacademie',
      ttl: 3600,
    });
    const url = this.renderer.url('/my/trainings');
    for (const enrolment of enrolments) {
      const session = await this.replica.findSession(enrolment.sessionId);
      if (!session || session.status === 'cancelled') continue;
      for (const meeting of session.meetings) {
        calendar.createEvent({
          id: meetingUid(meeting.meetingId),
          start: new Date(meeting.startsAt),
          end: new Date(meeting.endsAt),
          stamp: session.updatedAt,
          sequence: session.version,
          summary: session.title,
          location: locationText(meeting.location),
          url,
          status: ICalEventStatus.CONFIRMED,
        });
      }
    }
    const body = calendar.toString();
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }
}
