import { MESSAGE_LOCALES, type MessageKind } from '../notification.constants';
import { MessageRenderer, MissingMessageError } from './message-renderer';

const meetings = [
  {
    meetingId: 'a8c0b8f8-5d7e-4c59-9d38-1d6f3c0e0001',
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
    meetingId: 'a8c0b8f8-5d7e-4c59-9d38-1d6f3c0e0002',
    startsAt: '2026-12-10T18:30:00.000Z',
    endsAt: '2026-12-10T20:30:00.000Z',
    location: { name: 'Online', place: null, address: null, online: true, url: 'https://meet.example.org/x' },
  },
];
const base = {
  courseTitle: 'Grenzen stellen',
  meetings,
  firstStartsAt: meetings[0].startsAt,
  cancellationDeadline: '2026-12-01T18:30:00.000Z',
};

/** Sample parameters for every kind and variant that is sent as an email; a new kind must be added here. */
export const SAMPLES: Array<[MessageKind, Record<string, unknown>]> = [
  ['enrolment-confirmed', base],
  ['enrolment-waitlisted', { ...base, waitlistPosition: 3 }],
  ['enrolment-promoted', base],
  ['enrolment-offered', { ...base, offerExpiresAt: '2026-11-30T12:00:00.000Z' }],
  ['enrolment-cancelled', { ...base, variant: 'participant', late: true, calendar: true }],
  ['enrolment-cancelled', { ...base, variant: 'on-behalf', late: false, calendar: true }],
  ['enrolment-cancelled', { ...base, variant: 'offer-expired', late: false, calendar: false }],
  ['enrolment-completed', { ...base, attendedMeetings: 2, totalMeetings: 2 }],
  ['session-changed', base],
  ['session-cancelled', { ...base, reason: 'De trainer is ziek.', calendar: true }],
  ['session-go-decided', { ...base, variant: 'confirmed' }],
  ['session-go-decided', { ...base, variant: 'confirmed-waitlist' }],
  ['session-go-decided', { ...base, variant: 'cancelled', calendar: true }],
  ['meeting-reminder', { ...base, startsAt: meetings[0].startsAt }],
  [
    'trainer-roster',
    {
      ...base,
      startsAt: meetings[0].startsAt,
      count: 2,
      participants: ['Anna', 'Bea'],
      sessionUrl: '/trainer/sessions/x',
    },
  ],
  [
    'coordinator-digest',
    {
      count: 1,
      red: 1,
      amber: 0,
      flags: [
        {
          levelKey: 'mail.coordinator-digest.level.red',
          raisedAt: base.firstStartsAt,
          path: '/coordinator/flags/1',
        },
      ],
    },
  ],
  ['coordinator-digest', { variant: 'now', flagUrl: '/coordinator/flags/1' }],
];

/** What a rendered message must show of its parameters (the course, where there is one). */
const shown = (params: Record<string, unknown>) =>
  typeof params.courseTitle === 'string' ? params.courseTitle : undefined;

describe('MessageRenderer', () => {
  const renderer = new MessageRenderer({ publicUrl: 'https://academie.example.org' });

  it('has a sample for every kind that has templates', () => {
    const sampled = new Set(SAMPLES.map(([kind]) => kind));
    expect(renderer.kinds().filter((kind) => !sampled.has(kind))).toEqual([]);
  });

  describe.each(MESSAGE_LOCALES)('in %s', (locale) => {
    it.each(
      SAMPLES.map(
        ([kind, params]) =>
          [`${kind}${typeof params.variant === 'string' ? `/${params.variant}` : ''}`, kind, params] as const,
      ),
    )('renders %s with every text present', (_label, kind, params) => {
      const message = renderer.render(kind, locale, params, { name: 'Anna' }, true);
      const title = shown(params);
      if (title) expect(message.subject).toContain(title);
      expect(message.html).toContain(`<html lang="${locale}">`);
      if (title) expect(message.html).toContain(title);
      expect(message.text).toContain('Anna');
      expect(message.text).not.toMatch(/mail\.[a-z-]+\./);
      expect(message.html).not.toMatch(/mail\.[a-z-]+\./);
      const inbox = renderer.inbox(kind, locale, params, true);
      if (title) expect(inbox.title).toContain(title);
      expect(inbox.body.length).toBeGreaterThan(5);
    });
  });

  it('fails on a text missing in the message language', () => {
    // A kind/variant pair with no texts at all.
    expect(() =>
      renderer.render('session-go-decided', 'fy', { ...base, variant: 'nonexistent' }, {}, true),
    ).toThrow(MissingMessageError);
  });

  it('writes dates and times in the reader language and in Friesland', () => {
    const nl = renderer.render('enrolment-confirmed', 'nl', base, { name: 'Anna' });
    const en = renderer.render('enrolment-confirmed', 'en', base, { name: 'Anna' });
    // 18:30 UTC is 19:30 in Drachten in December.
    expect(nl.text).toContain('donderdag 3 december 2026, 19:30–21:30');
    expect(en.text).toContain('Thursday, December 3, 2026, 19:30–21:30');
  });

  it('escapes names, titles and places in HTML, and leaves plain text as written', () => {
    const hostile = {
      ...base,
      courseTitle: '<script>alert(1)</script> & "Zorg"',
      meetings: [
        { ...meetings[0], location: { ...meetings[0].location, name: '<img src=x onerror=alert(1)>' } },
      ],
    };
    const message = renderer.render('enrolment-confirmed', 'nl', hostile, { name: '<b>Piet</b>' });
    expect(message.html).not.toContain('<script>');
    expect(message.html).not.toContain('<img src=x');
    expect(message.html).not.toContain('<b>Piet</b>');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zorg&quot;');
    expect(message.html).toContain('&lt;b&gt;Piet&lt;/b&gt;');
    expect(message.text).toContain('<script>alert(1)</script> & "Zorg"');
    expect(message.subject).toBe('Je bent ingeschreven: <script>alert(1)</script> & "Zorg"');
  });
});
