import type { FastifyReply } from 'fastify';
import { ACCESS_TOKEN_COOKIE, type AppConfig, isLocal } from '@academy/platform';
import { clearSessionCookies, setRefreshCookie } from '../auth/auth.cookies';
import type { LoginResult } from '../auth/auth.types';

/**
 * The page session: the access token (15 minutes) in an HttpOnly cookie every page receives, and the
 * refresh token in the API's own cookie, which travels only to /api/auth (where the renewal page is).
 * SameSite=Lax keeps both off cross-site form posts; Secure outside localhost.
 */
export function startSession(reply: FastifyReply, result: LoginResult, config: AppConfig): void {
  void reply.setCookie(ACCESS_TOKEN_COOKIE, result.accessToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLocal(config.publicUrl),
    maxAge: result.expiresIn,
  });
  setRefreshCookie(reply, result.refreshToken, config);
}

export function endSession(reply: FastifyReply, config: AppConfig): void {
  clearSessionCookies(reply, config);
}
