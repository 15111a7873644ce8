import { check, defineEvent } from '../../event';

export interface UserErasedV1 {
  userId: string;
  erasedAt: string;
}

/** A user deleted their account (or it was deleted for them): every context forgets them at once. */
export const USER_ERASED_V1 = defineEvent<UserErasedV1>()('identity.user.erased.v1', (payload) =>
  check.fields(payload, { userId: 'string', erasedAt: 'string' }),
);
