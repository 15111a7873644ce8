import { defineEvent } from '../../event';
import { checkSessionSnapshot, type SessionSnapshot } from './session-snapshot';

/**
 * What changed, so a consumer can tell a moved meeting (tell the participants) from a new enrolment window
 * (tell nobody). `time`, `place` and `capacity` are the changes participants notice.
 */
export type SessionChange = 'time' | 'place' | 'capacity' | 'enrolment' | 'trainers' | 'rules';

export interface SessionChangedV1 extends SessionSnapshot {
  changes: SessionChange[];
  changedAt: string;
}

/** A published session changed; carries the whole new snapshot and its new version. */
export const SESSION_CHANGED_V1 = defineEvent<SessionChangedV1>()('catalogue.session.changed.v1', (payload) =>
  checkSessionSnapshot(payload, { changes: 'array', changedAt: 'string' }),
);
