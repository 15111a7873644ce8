import type { AttendanceStatus } from '@academy/contracts';
import { completion } from './completion';

const own = (...statuses: Array<AttendanceStatus | undefined>) =>
  new Map(statuses.flatMap((status, position) => (status ? [[position, status] as const] : [])));

describe('completion', () => {
  it('needs the threshold share of the meetings attended, late counting as attended', () => {
    expect(
      completion({
        totalMeetings: 4,
        threshold: 75,
        own: own('present', 'late', 'absent'),
        madeUpElsewhere: new Set(),
      }),
    ).toMatchObject({ attended: 2, completed: false });
    expect(
      completion({
        totalMeetings: 4,
        threshold: 75,
        own: own('present', 'late', 'absent', 'present'),
        madeUpElsewhere: new Set(),
      }),
    ).toMatchObject({ attended: 3, counted: 4, completed: true });
  });

  it('never counts an excused meeting against anyone', () => {
    const result = completion({
      totalMeetings: 4,
      threshold: 75,
      own: own('present', 'excused', 'excused', 'present'),
      madeUpElsewhere: new Set(),
    });
    expect(result).toEqual({ attended: 2, madeUp: 0, excused: 2, counted: 2, completed: true });
  });

  it('counts a meeting made up in another session of the course at the same place in the series', () => {
    const result = completion({
      totalMeetings: 4,
      threshold: 100,
      own: own('present', 'present', 'absent', 'present'),
      madeUpElsewhere: new Set([2]),
    });
    expect(result).toMatchObject({ attended: 4, madeUp: 1, completed: true });
  });

  it('does not complete a session of which nothing was attended, even when everything was excused', () => {
    expect(
      completion({
        totalMeetings: 2,
        threshold: 75,
        own: own('excused', 'excused'),
        madeUpElsewhere: new Set(),
      }),
    ).toMatchObject({ counted: 0, completed: false });
  });

  it('completes a one-meeting workshop by being there', () => {
    expect(
      completion({ totalMeetings: 1, threshold: 75, own: own('late'), madeUpElsewhere: new Set() }).completed,
    ).toBe(true);
  });
});
