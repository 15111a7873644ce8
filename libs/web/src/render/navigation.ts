import { hasRole, type Principal, type Role } from '@academy/platform';
import { LOCALES, type Locale } from '../i18n/locale';

type Audience = Role | 'anyone-logged-in' | 'anonymous';

interface NavEntry {
  href: string;
  labelKey: string;
  for: Audience[];
}

/**
 * The main menu, by role. Only pages that exist are listed: a menu link to a 404 costs a volunteer's trust.
 */
export const NAVIGATION: readonly NavEntry[] = [
  { href: '/catalogue', labelKey: 'web.nav.catalogue', for: ['anonymous', 'anyone-logged-in'] },
  { href: '/my/trainings', labelKey: 'web.nav.my-trainings', for: ['volunteer'] },
  { href: '/my/wellbeing', labelKey: 'web.nav.wellbeing', for: ['volunteer'] },
  { href: '/coordinator/volunteers', labelKey: 'web.nav.my-volunteers', for: ['coordinator'] },
  { href: '/trainer/sessions', labelKey: 'web.nav.my-sessions', for: ['trainer'] },
  { href: '/catalogue/manage', labelKey: 'web.nav.manage-courses', for: ['trainer', 'admin'] },
  { href: '/notifications', labelKey: 'web.nav.notifications', for: ['anyone-logged-in'] },
  { href: '/admin/deliveries', labelKey: 'web.nav.deliveries', for: ['admin'] },
  { href: '/account', labelKey: 'web.nav.account', for: ['anyone-logged-in'] },
  { href: '/login', labelKey: 'web.nav.login', for: ['anonymous'] },
  { href: '/register', labelKey: 'web.nav.register', for: ['anonymous'] },
];

export interface NavItem {
  href: string;
  labelKey: string;
  current: boolean;
}

function sees(principal: Principal | undefined, audience: Audience): boolean {
  switch (audience) {
    case 'anonymous':
      return !principal;
    case 'anyone-logged-in':
      return !!principal;
    default:
      return !!principal && hasRole(principal, audience);
  }
}

export function navigationFor(principal: Principal | undefined, path: string): NavItem[] {
  return NAVIGATION.filter((entry) => entry.for.some((audience) => sees(principal, audience))).map(
    (entry) => ({
      href: entry.href,
      labelKey: entry.labelKey,
      current:
        path === entry.href ||
        (path.startsWith(`${entry.href}/`) &&
          !NAVIGATION.some((other) => other.href.length > entry.href.length && path.startsWith(other.href))),
    }),
  );
}

export interface LanguageLink {
  code: Locale;
  href: string;
  labelKey: string;
  current: boolean;
}

/** Each language named in itself, so a reader finds their own whatever the page is in. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  nl: 'web.language.nl',
  fy: 'web.language.fy',
  en: 'web.language.en',
};

/** Plain links to the same page in each language; other query parameters are kept. */
export function languageLinks(url: string, current: Locale): LanguageLink[] {
  const parsed = new URL(url, 'http://academy.invalid');
  return LOCALES.map((code) => {
    parsed.searchParams.set('lang', code);
    return {
      code,
      href: `${parsed.pathname}?${parsed.searchParams.toString()}`,
      labelKey: LANGUAGE_NAMES[code],
      current: code === current,
    };
  });
}
