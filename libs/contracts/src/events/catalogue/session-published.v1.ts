import { defineEvent } from '../../event';
import { checkSessionSnapshot, type SessionSnapshot } from './session-snapshot';

export interface SessionPublishedV1 extends SessionSnapshot {
  publishedAt: string;
}

/** A session can now be seen and enrolled in (its course was published, or it was added to a published course). */
export const SESSION_PUBLISHED_V1 = defineEvent<SessionPublishedV1>()(
  'catalogue.session.published.v1',
  (payload) => checkSessionSnapshot(payload, { publishedAt: 'string' }),
);
