import type { AttendanceStatus } from '@academy/contracts';

export const ATTENDED: ReadonlySet<AttendanceStatus> = new Set(['present', 'late']);

export interface CompletionInput {
  /** Meetings of the session. */
  totalMeetings: number;
  /** Percent of the counted meetings to attend. */
  threshold: number;
  /** The enrolment's own records, by meeting position (0 first). */
  own: ReadonlyMap<number, AttendanceStatus>;
  /** Positions attended (present or late) in another session of the same course: make-ups. */
  madeUpElsewhere: ReadonlySet<number>;
}

export interface CompletionResult {
  attended: number;
  madeUp: number;
  excused: number;
  /** Meetings that count: all but the excused ones. */
  counted: number;
  completed: boolean;
}

/**
 * The completion rule. A meeting counts as attended when the person was present or late at it, or at the
 * meeting in the same place of the series (same position) of another session of the same course — a make-up.
 * An excused meeting that was not made up is left out of the count: excused never counts against anyone.
 * Completed when at least one meeting was attended and attended ≥ threshold% of the counted meetings.
 */
export function completion(input: CompletionInput): CompletionResult {
  let attended = 0;
  let madeUp = 0;
  let excused = 0;
  for (let position = 0; position < input.totalMeetings; position++) {
    const own = input.own.get(position);
    if (own && ATTENDED.has(own)) {
      attended++;
    } else if (input.madeUpElsewhere.has(position)) {
      attended++;
      madeUp++;
    } else if (own === 'excused') {
      excused++;
    }
  }
  const counted = input.totalMeetings - excused;
  return {
    attended,
    madeUp,
    excused,
    counted,
    completed: attended > 0 && attended * 100 >= input.threshold * counted,
  };
}
