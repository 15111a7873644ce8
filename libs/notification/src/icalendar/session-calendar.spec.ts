import ICAL from 'ical.js';
import { sessionCalendar, meetingUid } from './session-calendar';

const meetings = [
  {
    meetingId: '0190f5a6-0000-7000-8000-000000000001',
    startsAt: '2026-12-03T18:30:00.000Z',
    endsAt: '2026-12-03T20:30:00.000Z',
    location: {
      name: 'Dorpshuis De Skalm',
      place: 'Drachten',
      address: 'Moleneind 1',
      online: false,
      url: null,
    },
  },
  {
    meetingId: '0190f5a6-0000-7000-8000-000000000002',
    startsAt: '2026-12-10T18:30:00.000Z',
    endsAt: '2026-12-10T20:30:00.000Z',
    location: { name: 'Online', place: null, address: null, online: true, url: 'https://meet.example.org/x' },
  },
];
const organizer = { name: 'Vrijwilligersacademie', email: 'academie@example.org' };

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({
    event: new ICAL.Event(vevent),
    vevent,
  }));
  return { method: calendar.getFirstPropertyValue('method'), events };
}

describe('sessionCalendar', () => {
  it('invites to every meeting, with alarms, a stable UID and the session version as SEQUENCE', () => {
    const ics = sessionCalendar({
      method: 'REQUEST',
      courseTitle: 'Grenzen stellen',
      meetings,
      sequence: 3,
      organizer,
      attendee: { name: 'Anna', email: 'anna@example.org' },
    });
    const { method, events } = parse(ics);
    expect(method).toBe('REQUEST');
    expect(events).toHaveLength(2);
    expect(events.map(({ event }) => event.uid)).toEqual(meetings.map((m) => meetingUid(m.meetingId)));
    expect(events[0].event.startDate.toJSDate().toISOString()).toBe(meetings[0].startsAt);
    expect(events[0].event.endDate.toJSDate().toISOString()).toBe(meetings[0].endsAt);
    expect(events[0].event.sequence).toBe(3);
    expect(events[0].event.location).toBe('Dorpshuis De Skalm, Moleneind 1, Drachten');
    expect(events[1].event.location).toBe('Online: https://meet.example.org/x');
    const alarms = events[0].vevent.getAllSubcomponents('valarm');
    expect(alarms.map((alarm) => String(alarm.getFirstPropertyValue('trigger')))).toEqual(['-P1D', '-PT1H']);
    expect(String(events[0].vevent.getFirstPropertyValue('organizer'))).toContain('academie@example.org');
    expect(String(events[0].vevent.getFirstPropertyValue('attendee'))).toContain('anna@example.org');
  });

  it('replaces an invitation with the same UIDs and a higher SEQUENCE, and cancels with METHOD:CANCEL', () => {
    const first = parse(
      sessionCalendar({ method: 'REQUEST', courseTitle: 'X', meetings, sequence: 1, organizer }),
    );
    const moved = meetings.map((m) => ({ ...m, startsAt: m.startsAt.replace('18:30', '17:00') }));
    const update = parse(
      sessionCalendar({ method: 'REQUEST', courseTitle: 'X', meetings: moved, sequence: 2, organizer }),
    );
    const cancel = parse(
      sessionCalendar({ method: 'CANCEL', courseTitle: 'X', meetings, sequence: 3, organizer }),
    );
    expect(update.events.map(({ event }) => event.uid)).toEqual(first.events.map(({ event }) => event.uid));
    expect(update.events[0].event.sequence).toBeGreaterThan(first.events[0].event.sequence);
    expect(update.events[0].event.startDate.toJSDate().toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events.map(({ event }) => event.uid)).toEqual(first.events.map(({ event }) => event.uid));
    expect(cancel.events[0].vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancel.events[0].vevent.getAllSubcomponents('valarm')).toHaveLength(0);
  });
});
