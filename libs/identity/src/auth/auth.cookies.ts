import type { CookieSerializeOptions } from '@fastify/cookie';
import { ACCESS_TOKEN_COOKIE, type AppConfig, isLocal } from '@academy/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_TOKEN_TTL_MS } from './refresh-rotation';

/** WARNING: cookie name is persisted in browsers; renaming it logs everyone out at their next refresh. */
export const REFRESH_COOKIE = 'academy_refresh';
/** The refresh cookie travels only to the endpoints that use it. */
export const REFRESH_COOKIE_PATH = '/api/auth';

/** HttpOnly, SameSite=Lax, Secure everywhere but on localhost. */
export function refreshCookieOptions(config: Pick<AppConfig, 'publicUrl'>): CookieSerializeOptions {
  return {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLocal(config.publicUrl),
    maxAge: Math.floor(REFRESH_TOKEN_TTL_MS / 1000),
  };
}

export function setRefreshCookie(reply: FastifyReply, refreshToken: string, config: AppConfig): void {
  void reply.setCookie(REFRESH_COOKIE, refreshToken, refreshCookieOptions(config));
}

/** Logging out clears what a browser holds: the refresh cookie and the pages' access-token cookie. */
export function clearSessionCookies(reply: FastifyReply, config: AppConfig): void {
  const { maxAge: _maxAge, ...options } = refreshCookieOptions(config);
  void reply.clearCookie(REFRESH_COOKIE, options);
  void reply.clearCookie(ACCESS_TOKEN_COOKIE, { ...options, path: '/' });
}

export function refreshTokenFromCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[REFRESH_COOKIE];
  return value ? value : undefined;
}
