import { EVENTS, eventDefinition } from '../index';
import { ATTENDANCE_RECORDED_V1 } from './attendance-recorded.v1';
import { ENROLMENT_CANCELLED_V1 } from './enrolment-cancelled.v1';
import { ENROLMENT_WAITLISTED_V1 } from './enrolment-waitlisted.v1';
import { SESSION_GO_DECIDED_V1 } from './session-go-decided.v1';
import { SESSION_SEATS_CHANGED_V1 } from './session-seats-changed.v1';

const facts = {
  enrolmentId: 'e1',
  userId: 'u1',
  sessionId: 's1',
  courseId: 'c1',
  courseTitle: 'Grenzen stellen',
  courseKind: 'training',
  language: 'nl',
  meetings: [
    {
      meetingId: 'm1',
      startsAt: '2026-03-05T18:30:00.000Z',
      endsAt: '2026-03-05T20:30:00.000Z',
      location: { name: 'De Skalm', place: 'Drachten', address: null, online: false, url: null },
    },
  ],
};

describe('enrolment events', () => {
  it('are all declared, each under its versioned name', () => {
    for (const type of [
      'enrolment.enrolment.confirmed.v1',
      'enrolment.enrolment.waitlisted.v1',
      'enrolment.enrolment.promoted.v1',
      'enrolment.enrolment.offered.v1',
      'enrolment.enrolment.cancelled.v1',
      'enrolment.enrolment.completed.v1',
      'enrolment.session.seats-changed.v1',
      'enrolment.session.go-decided.v1',
      'enrolment.attendance.recorded.v1',
    ]) {
      expect(eventDefinition(type)?.type).toBe(type);
    }
    expect(new Set(EVENTS.map((e) => e.type)).size).toBe(EVENTS.length);
  });

  it('accept a payload with what notification needs and refuse one without', () => {
    const waitlisted = {
      ...facts,
      enrolledBy: 'u1',
      waitlistPosition: 3,
      waitlistedAt: '2026-03-01T10:00:00Z',
    };
    expect(ENROLMENT_WAITLISTED_V1.validate(waitlisted)).toEqual([]);
    expect(ENROLMENT_WAITLISTED_V1.validate({ ...waitlisted, waitlistPosition: '3' })).toEqual([
      'waitlistPosition must be a number',
    ]);
    expect(ENROLMENT_WAITLISTED_V1.validate({ ...waitlisted, meetings: [{ meetingId: 'm1' }] })).toContain(
      'meetings[0]: startsAt must be a string',
    );
  });

  it('check the values of their enumerations', () => {
    const cancelled = {
      ...facts,
      reason: 'participant',
      previousStatus: 'confirmed',
      late: true,
      cancelledBy: 'u1',
      sessionCancelReason: null,
      cancelledAt: '2026-03-01T10:00:00Z',
    };
    expect(ENROLMENT_CANCELLED_V1.validate(cancelled)).toEqual([]);
    expect(ENROLMENT_CANCELLED_V1.validate({ ...cancelled, reason: 'bored' })).toHaveLength(1);
    const { enrolmentId: _e, userId: _u, ...session } = facts;
    const decided = {
      ...session,
      decision: 'maybe',
      confirmed: 2,
      minimumParticipants: 3,
      goNoGoAt: '2026-03-01T10:00:00Z',
      participants: [{ enrolmentId: 'e1', userId: 'u1', status: 'waitlisted' }],
      decidedAt: '2026-03-01T10:00:00Z',
    };
    expect(SESSION_GO_DECIDED_V1.validate(decided)).toEqual(['decision must be one of confirmed, cancelled']);
    const recorded = {
      ...session,
      meetingId: 'm1',
      meetingIndex: 0,
      records: [{ enrolmentId: 'e1', userId: null, status: 'asleep' }],
      recordedBy: 't1',
      recordedAt: '2026-03-01T10:00:00Z',
    };
    expect(ATTENDANCE_RECORDED_V1.validate(recorded)).toEqual([
      'records[0]: status must be one of present, late, excused, absent',
    ]);
  });

  it('keep seats-changed readable by consumers of its first shape (offered is optional)', () => {
    const seats = { sessionId: 's1', capacity: 10, confirmed: 4, waitlisted: 0, version: 7, occurredAt: 'x' };
    expect(SESSION_SEATS_CHANGED_V1.validate(seats)).toEqual([]);
    expect(SESSION_SEATS_CHANGED_V1.validate({ ...seats, offered: 1 })).toEqual([]);
    expect(SESSION_SEATS_CHANGED_V1.validate({ ...seats, offered: 'one' })).toEqual([
      'offered must be a number',
    ]);
  });
});
