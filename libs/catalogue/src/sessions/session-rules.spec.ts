import { type MeetingDraft, type RuleContext, type SessionDraft, sessionProblems } from './session-rules';

const now = new Date('2026-03-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

function meeting(overrides: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    startsAt: at('2026-03-10T18:30:00Z'),
    endsAt: at('2026-03-10T20:30:00Z'),
    online: false,
    place: 'Drachten',
    url: null,
    checkPast: true,
    ...overrides,
  };
}

function session(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return {
    capacity: 12,
    minimumParticipants: 4,
    goNoGoAt: null,
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    meetings: [meeting()],
    ...overrides,
  };
}

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  kind: 'workshop',
  now,
  ...overrides,
});
const fields = (draft: SessionDraft, ctx = context()) => sessionProblems(draft, ctx).map((e) => e.field);

describe('session rules', () => {
  it('accept an ordinary evening workshop', () => {
    expect(sessionProblems(session(), context())).toEqual([]);
  });

  it('refuse a meeting that ends before it starts, or at the same moment (0 minutes)', () => {
    expect(fields(session({ meetings: [meeting({ endsAt: at('2026-03-10T18:00:00Z') })] }))).toEqual([
      'meetings.0.endsAt',
    ]);
    expect(fields(session({ meetings: [meeting({ endsAt: at('2026-03-10T18:30:00Z') })] }))).toEqual([
      'meetings.0.endsAt',
    ]);
  });

  it('refuse a meeting longer than 12 hours, allow exactly 12', () => {
    expect(fields(session({ meetings: [meeting({ endsAt: at('2026-03-11T06:31:00Z') })] }))).toEqual([
      'meetings.0.endsAt',
    ]);
    expect(fields(session({ meetings: [meeting({ endsAt: at('2026-03-11T06:30:00Z') })] }))).toEqual([]);
  });

  it('refuse a new meeting in the past, but not an unchanged one of an earlier change', () => {
    const past = { startsAt: at('2026-02-01T18:30:00Z'), endsAt: at('2026-02-01T20:30:00Z') };
    expect(fields(session({ meetings: [meeting(past)] }))).toEqual(['meetings.0.startsAt']);
    expect(
      fields(
        session({ meetings: [meeting({ ...past, checkPast: false }), meeting()] }),
        context({ kind: 'training' }),
      ),
    ).toEqual([]);
  });

  it('want an https link for an online meeting and a place for a venue', () => {
    expect(fields(session({ meetings: [meeting({ online: true, place: null })] }))).toEqual([
      'meetings.0.location.url',
    ]);
    expect(
      fields(
        session({ meetings: [meeting({ online: true, place: null, url: 'http://meet.example.org/a' })] }),
      ),
    ).toEqual(['meetings.0.location.url']);
    expect(
      fields(
        session({ meetings: [meeting({ online: true, place: null, url: 'https://meet.example.org/a' })] }),
      ),
    ).toEqual([]);
    expect(fields(session({ meetings: [meeting({ place: '  ' })] }))).toEqual(['meetings.0.location.place']);
  });

  it('give a workshop exactly one meeting; a training may have several', () => {
    const two = [
      meeting(),
      meeting({ startsAt: at('2026-03-17T18:30:00Z'), endsAt: at('2026-03-17T20:30:00Z') }),
    ];
    expect(fields(session({ meetings: two }))).toEqual(['meetings']);
    expect(fields(session({ meetings: two }), context({ kind: 'training' }))).toEqual([]);
  });

  it('refuse meetings of one session that overlap', () => {
    const overlapping = [
      meeting(),
      meeting({ startsAt: at('2026-03-10T19:30:00Z'), endsAt: at('2026-03-10T21:00:00Z') }),
    ];
    expect(fields(session({ meetings: overlapping }), context({ kind: 'training' }))).toEqual([
      'meetings.1.startsAt',
    ]);
  });

  it('keep capacity ≥ minimum ≥ 0 and capacity within 1..1000', () => {
    expect(fields(session({ capacity: 3, minimumParticipants: 4 }))).toEqual(['minimumParticipants']);
    expect(fields(session({ minimumParticipants: -1 }))).toEqual(['minimumParticipants']);
    expect(fields(session({ capacity: 0, minimumParticipants: 0 }))).toEqual(['capacity']);
    expect(fields(session({ capacity: 1001 }))).toEqual(['capacity']);
    expect(fields(session({ capacity: 4, minimumParticipants: 4 }))).toEqual([]);
  });

  it('never squeeze out participants already confirmed', () => {
    expect(fields(session({ capacity: 8, minimumParticipants: 2 }), context({ confirmed: 9 }))).toEqual([
      'capacity',
    ]);
    expect(fields(session({ capacity: 9, minimumParticipants: 2 }), context({ confirmed: 9 }))).toEqual([]);
  });

  it('open enrolment before it closes, and close it before the first meeting', () => {
    const given = new Set(['enrolmentOpensAt', 'enrolmentClosesAt'] as const);
    expect(
      fields(
        session({
          enrolmentOpensAt: at('2026-03-05T00:00:00Z'),
          enrolmentClosesAt: at('2026-03-04T00:00:00Z'),
        }),
        context({ given }),
      ),
    ).toEqual(['enrolmentClosesAt']);
    expect(fields(session({ enrolmentClosesAt: at('2026-03-10T19:00:00Z') }), context({ given }))).toEqual([
      'enrolmentClosesAt',
    ]);
    expect(fields(session({ enrolmentOpensAt: at('2026-03-11T00:00:00Z') }), context({ given }))).toEqual([
      'enrolmentOpensAt',
    ]);
    expect(
      fields(
        session({
          enrolmentOpensAt: at('2026-03-02T00:00:00Z'),
          enrolmentClosesAt: at('2026-03-09T00:00:00Z'),
        }),
        context({ given }),
      ),
    ).toEqual([]);
  });

  it('put the go/no-go moment before the first meeting and not in the past', () => {
    const given = new Set(['goNoGoAt'] as const);
    expect(fields(session({ goNoGoAt: at('2026-03-10T18:30:00Z') }), context({ given }))).toEqual([
      'goNoGoAt',
    ]);
    expect(fields(session({ goNoGoAt: at('2026-02-28T12:00:00Z') }), context({ given }))).toEqual([
      'goNoGoAt',
    ]);
    expect(fields(session({ goNoGoAt: at('2026-03-07T12:00:00Z') }), context({ given }))).toEqual([]);
  });

  it('report every broken rule at once, each under its own field', () => {
    const problems = sessionProblems(
      session({
        capacity: 2,
        minimumParticipants: 3,
        meetings: [meeting({ endsAt: at('2026-03-10T18:00:00Z'), online: true, place: null })],
      }),
      context(),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'meetings.0.endsAt',
      'meetings.0.location.url',
      'minimumParticipants',
    ]);
    for (const problem of problems) expect(problem.messages[0]).toMatch(/\.$/);
  });
});
