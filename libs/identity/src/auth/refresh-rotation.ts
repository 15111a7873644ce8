import type { RefreshToken } from './refresh-token.entity';

/** How long one refresh token lasts; each rotation issues a new one, so an active session keeps going. */
export const REFRESH_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type RefreshVerdict = 'rotate' | 'reuse' | 'revoked' | 'expired' | 'unknown';

/**
 * What to do with a presented refresh token. A token already exchanged once means someone else holds a copy
 * (a thief, or the victim after the thief rotated): the whole family must end.
 */
export function judgeRefresh(
  token: Pick<RefreshToken, 'usedAt' | 'revokedAt' | 'expiresAt'> | null,
  now: Date,
): RefreshVerdict {
  if (!token) return 'unknown';
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
