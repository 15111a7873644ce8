import type { CourseDetailResponse } from '../courses/dto/course.response';
import type { SessionResponse } from '../sessions/dto/session.response';
import { catalogueCalendar, meetingUid, sessionMatches } from './catalogue-calendar';

const TEXTS = {
  name: 'Vrijwilligersacademie',
  description: 'Trainingen',
  online: 'Online',
  meetingOf: (number: number, count: number) => `bijeenkomst ${number} van ${count}`,
};

function session(
  id: string,
  meetings: Array<[string, string, string | null]>,
  extra: Partial<SessionResponse> = {},
): SessionResponse {
  return {
    id,
    courseId: 'c1',
    capacity: 12,
    minimumParticipants: 0,
    goNoGoAt: null,
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    cancellationDeadlineHours: 48,
    waitlistMode: 'auto',
    offerHours: 24,
    status: 'scheduled',
    cancelReason: null,
    published: true,
    version: 3,
    trainerIds: [],
    meetings: meetings.map(([startsAt, endsAt, place], index) => ({
      id: `${id}-m${index + 1}`,
      startsAt,
      endsAt,
      location: place
        ? { name: 'Dorpshuis De Skalm', place, address: 'Moleneind 12', online: false, url: null }
        : { name: 'Online', place: null, address: null, online: true, url: 'https://meet.example.org/x' },
    })),
    seats: { capacity: 12, confirmed: 4, waitlisted: 0, left: 8 },
    ...extra,
  };
}

function course(sessions: SessionResponse[]): CourseDetailResponse {
  return {
    id: 'c1',
    title: 'Omgaan met dementie, thuis; en onderweg',
    summary: 'Wat doe je als je naaste vergeetachtig wordt?',
    sessions,
  } as CourseDetailResponse;
}

/** Unfolded lines (RFC 5545 folds lines longer than 75 octets). */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('the catalogue as iCalendar', () => {
  const winter = session('s1', [['2026-03-05T18:30:00.000Z', '2026-03-05T20:30:00.000Z', 'Drachten']]);
  const summer = session('s2', [
    ['2026-06-04T17:30:00.000Z', '2026-06-04T19:30:00.000Z', null],
    ['2026-06-11T17:30:00.000Z', '2026-06-11T19:30:00.000Z', null],
  ]);

  it('writes one event per meeting in Friesland time, with its zone, place and a link to the course', () => {
    const ics = catalogueCalendar([course([winter, summer])], {}, 'https://academie.example', TEXTS);
    const all = lines(ics);
    expect(all[0]).toBe('BEGIN:VCALENDAR');
    expect(all).toContain('BEGIN:VTIMEZONE');
    expect(all).toContain('TZID:Europe/Amsterdam');
    expect(all.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(all).toContain(`UID:${meetingUid('s1-m1')}`);
    expect(all).toContain('UID:meeting-s2-m2@vrijwilligersacademie');
    expect(all).toContain('DTSTART;TZID=Europe/Amsterdam:20260305T193000');
    expect(all).toContain('DTEND;TZID=Europe/Amsterdam:20260305T213000');
    expect(all).toContain('DTSTART;TZID=Europe/Amsterdam:20260604T193000');
    expect(all).toContain('LOCATION:Dorpshuis De Skalm\\, Moleneind 12\\, Drachten');
    expect(all).toContain('LOCATION:Online');
    expect(all).toContain('URL;VALUE=URI:https://academie.example/catalogue/courses/c1');
    expect(all).toContain('SUMMARY:Omgaan met dementie\\, thuis\\; en onderweg');
    expect(all).toContain('SUMMARY:Omgaan met dementie\\, thuis\\; en onderweg (bijeenkomst 2 van 2)');
    expect(all).toContain('SEQUENCE:3');
    expect(all.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
    expect(ics).not.toContain('meet.example.org');
  });

  it('keeps a cancelled session as CANCELLED so subscribed calendars drop it', () => {
    const cancelled = session('s3', [['2026-04-01T08:00:00.000Z', '2026-04-01T10:00:00.000Z', 'Snits']], {
      status: 'cancelled',
    });
    const all = lines(catalogueCalendar([course([cancelled])], {}, 'https://a.example', TEXTS));
    expect(all).toContain('STATUS:CANCELLED');
  });

  it('applies the session filters of the catalogue page', () => {
    expect(sessionMatches(winter, { place: 'drachten' })).toBe(true);
    expect(sessionMatches(winter, { place: 'Dokkum' })).toBe(false);
    expect(sessionMatches(summer, { online: true })).toBe(true);
    expect(sessionMatches(winter, { online: true })).toBe(false);
    expect(
      sessionMatches(winter, { from: '2026-03-05T00:00:00+01:00', to: '2026-03-06T00:00:00+01:00' }),
    ).toBe(true);
    expect(sessionMatches(winter, { from: '2026-03-06T00:00:00+01:00' })).toBe(false);
    const full = { ...winter, seats: { ...winter.seats, confirmed: 12, left: 0 } };
    expect(sessionMatches(full, { hasSeats: true })).toBe(false);
  });
});
