import type { UserSnapshot } from '@academy/contracts';
import type { AccessTokenClaims } from '@academy/platform';
import type { MeResponse } from '../account/dto/me.response';
import type { Membership } from '../memberships/membership.entity';
import type { User } from './user.entity';

/** The ways a user is shown: to themselves, to other contexts (events), and in an access token. */
export function toMe(user: User, memberships: Membership[]): MeResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    admin: user.admin,
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
  };
}

export function toSnapshot(user: User, memberships: Membership[]): UserSnapshot {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    admin: user.admin,
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
  };
}

export function toClaims(user: User, memberships: Membership[], sessionId: string): AccessTokenClaims {
  return {
    sub: user.id,
    name: user.displayName,
    loc: user.locale,
    adm: user.admin,
    mem: memberships.map((m) => [m.organisationId, m.role]),
    sid: sessionId,
    sv: user.sessionVersion,
  };
}

/** Emails compare trimmed and lower-cased everywhere (unique index, login, throttling). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
