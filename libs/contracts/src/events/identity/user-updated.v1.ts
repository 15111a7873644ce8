import { check, defineEvent } from '../../event';
import { USER_SNAPSHOT_FIELDS, type UserSnapshot } from './user-snapshot';

export interface UserUpdatedV1 extends UserSnapshot {
  updatedAt: string;
}

/** A user's name, email, locale or memberships changed; carries the whole new snapshot. */
export const USER_UPDATED_V1 = defineEvent<UserUpdatedV1>()('identity.user.updated.v1', (payload) =>
  check.fields(payload, { ...USER_SNAPSHOT_FIELDS, updatedAt: 'string' }),
);
