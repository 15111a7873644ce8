export { CsrfGuard, CsrfProtected } from './csrf/csrf.guard';
export { safeNextPath } from './errors/next-path';
export { DEFAULT_LOCALE, isLocale, LANG_COOKIE, type Locale, LOCALES, rememberLocale } from './i18n/locale';
export type { MessageParams } from './i18n/message-catalogue';
export { type FormErrors, formErrors, NO_ERRORS, translateFieldErrors } from './render/forms';
export { NAVIGATION } from './render/navigation';
export {
  defaultSignInUrl,
  PageRenderer,
  type PageShell,
  type RenderOptions,
  type SignInUrl,
} from './render/page-renderer';
export { WebModule } from './web.module';
