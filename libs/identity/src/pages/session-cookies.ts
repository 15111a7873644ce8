import type { FastifyReply } from 'fastify';
import { ACCESS_TOKEN_COOKIE } from '@academy/platform';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '../auth/auth.cookies';
import type { LoginResult } from '../auth/auth.types';

/** As long as a refresh token lives (auth/refresh-rotation.ts); the server refuses it after that anyway. */
const REFRESH_COOKIE_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/**
 * The page session: the access token (15 minutes) in an HttpOnly cookie every page receives, the refresh
 * token only on the renewal path. SameSite=Lax keeps them off cross-site form posts; Secure outside localhost.
 */
export function startSession(reply: FastifyReply, result: LoginResult, secure: boolean): void {
  void reply.setCookie(ACCESS_TOKEN_COOKIE, result.accessToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: result.expiresIn,
  });
  void reply.setCookie(REFRESH_COOKIE, result.refreshToken, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: REFRESH_COOKIE_MAX_AGE_SECONDS,
  });
}

export function endSession(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(ACCESS_TOKEN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  void reply.clearCookie(REFRESH_COOKIE, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}
