/** Roles within an organisation, plus academy staff. */
export const ROLES = ['volunteer', 'trainer', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  organisationId: string;
  role: Exclude<Role, 'admin'>;
}

/** Who is calling, as every context sees it: taken from a verified access token, never from the body. */
export interface Principal {
  userId: string;
  displayName: string;
  locale: string;
  admin: boolean;
  memberships: Membership[];
  /** Session (refresh-token family) the access token belongs to. */
  sessionId: string;
}

/** Claims of an access token (JWT). Short names keep the cookie small. */
export interface AccessTokenClaims {
  sub: string;
  name: string;
  loc: string;
  adm: boolean;
  mem: Array<[organisationId: string, role: Membership['role']]>;
  sid: string;
  /** Session version: bumped by logout-everywhere, password change and disabling. */
  sv: number;
}

export const TOKEN_ISSUER = 'vrijwilligersacademie';
export const TOKEN_AUDIENCE = 'vrijwilligersacademie-api';
export const TOKEN_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_COOKIE = 'academy_session';

export function hasRole(principal: Principal, role: Role, organisationId?: string): boolean {
  if (role === 'admin') return principal.admin;
  return principal.memberships.some(
    (m) => m.role === role && (organisationId === undefined || m.organisationId === organisationId),
  );
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return {
    userId: claims.sub,
    displayName: claims.name,
    locale: claims.loc,
    admin: claims.adm,
    memberships: claims.mem.map(([organisationId, role]) => ({ organisationId, role })),
    sessionId: claims.sid,
  };
}
