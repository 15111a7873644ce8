import type { FastifyReply, FastifyRequest } from 'fastify';

/** Dutch first; Frisian and English beside it (DESIGN.md). */
export const LOCALES = ['nl', 'fy', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/** The chosen language, remembered across visits. WARNING: the name is stored in browsers; do not rename. */
export const LANG_COOKIE = 'lang';
const LANG_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language of an Accept-Language header, by quality. Regional variants count as
 * their language (`fy-NL` is Frisian), so a phone set to Frisian gets Frisian.
 */
export function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return {
        language: tag.split('-')[0]?.toLowerCase(),
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}

export interface LocaleSources {
  query?: unknown;
  cookie?: string;
  userLocale?: string;
  acceptLanguage?: string;
}

/** `?lang=`, else the remembered choice, else the user's preference, else the browser's, else Dutch. */
export function chooseLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.query)) return sources.query;
  if (isLocale(sources.cookie)) return sources.cookie;
  if (isLocale(sources.userLocale)) return sources.userLocale;
  return fromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

const resolved = new WeakMap<FastifyRequest, Locale>();

/**
 * Decides the request's language once and, when it came from `?lang=`, remembers it in a cookie so the
 * choice survives following plain links (the language switch works without JavaScript).
 */
export function requestLocale(
  request: FastifyRequest & { principal?: { locale?: string } },
  reply: FastifyReply,
  secureCookies: boolean,
): Locale {
  const known = resolved.get(request);
  if (known) return known;
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies ?? {};
  const locale = chooseLocale({
    query,
    cookie: cookies[LANG_COOKIE],
    userLocale: request.principal?.locale,
    acceptLanguage: request.headers['accept-language'],
  });
  if (isLocale(query) && cookies[LANG_COOKIE] !== query) rememberLocale(reply, query, secureCookies);
  resolved.set(request, locale);
  return locale;
}

export function rememberLocale(reply: FastifyReply, locale: Locale, secureCookies: boolean): void {
  void reply.setCookie(LANG_COOKIE, locale, {
    path: '/',
    maxAge: LANG_COOKIE_MAX_AGE_SECONDS,
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
  });
}
