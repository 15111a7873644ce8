import { check, defineEvent } from '../../event';
import { USER_SNAPSHOT_FIELDS, type UserSnapshot } from './user-snapshot';

export interface UserRegisteredV1 extends UserSnapshot {
  registeredAt: string;
}

/** A user account was created (self-registration with a join code, or by an admin or coordinator). */
export const USER_REGISTERED_V1 = defineEvent<UserRegisteredV1>()('identity.user.registered.v1', (payload) =>
  check.fields(payload, { ...USER_SNAPSHOT_FIELDS, registeredAt: 'string' }),
);
