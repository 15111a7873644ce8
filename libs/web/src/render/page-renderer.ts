import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Handlebars from 'handlebars';
import { APP_CONFIG, type AppConfig, type AuthenticatedRequest, isLocal } from '@academy/platform';
import { StaticAssets } from '../http/static-assets';
import { type Locale, requestLocale } from '../i18n/locale';
import { MessageCatalogue, type MessageParams } from '../i18n/message-catalogue';
import { type FormErrors, hasErrors } from './forms';
import { type LanguageLink, languageLinks, type NavItem, navigationFor } from './navigation';

export interface RenderOptions {
  status?: number;
  /** Message key of the page title (`<title>`); the view shows its own h1. */
  titleKey?: string;
  titleParams?: MessageParams;
}

/** What every view and the layout can read as `page.…` (data of the view itself stays at the top level). */
export interface PageShell {
  locale: Locale;
  title?: string;
  csrfToken: string;
  path: string;
  nav: NavItem[];
  languages: LanguageLink[];
  user?: { displayName: string };
  hasErrors: boolean;
}

/** Builds the URL a page request without a valid login is redirected to; `next` is a local path. */
export type SignInUrl = (next: string | undefined, expired: boolean) => string;

export const defaultSignInUrl: SignInUrl = (next, expired) => {
  const query = new URLSearchParams();
  if (next && next !== '/') query.set('next', next);
  if (expired) query.set('reason', 'expired');
  const search = query.toString();
  return search ? `/login?${search}` : '/login';
};

/** Handlebars `@data` frame: how helpers learn the request's language. */
interface Frame {
  locale: Locale;
}

const WEB_DIR = join(__dirname, '..');
const VIEW_NAME = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/;

/**
 * Renders server-side pages: a context's view inside the shared layout, in the reader's language, with
 * the menu for their role and a CSRF token for forms. Templates are compiled once, at registration.
 */
@Injectable()
export class PageRenderer {
  private readonly logger = new Logger(PageRenderer.name);
  private readonly hbs = Handlebars.create();
  private readonly views = new Map<string, Handlebars.TemplateDelegate>();
  readonly messages = new MessageCatalogue();
  readonly secureCookies: boolean;
  private signIn: SignInUrl = defaultSignInUrl;
  /** `views:<namespace>` and `messages:<namespace>` → the folder they came from. */
  private readonly folders = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly assets: StaticAssets,
  ) {
    this.secureCookies = !isLocal(config.publicUrl);
    this.registerHelpers();
    this.registerPartials(join(WEB_DIR, 'partials'), '');
    this.registerViews('web', join(WEB_DIR, 'views'));
    this.registerMessages('web', join(WEB_DIR, 'messages'));
  }

  /**
   * Makes `<dir>/*.hbs` renderable as `namespace/name`, and `<dir>/partials/*.hbs` usable as
   * `{{> namespace/name}}`. Registering the same folder again does nothing, so each of a context's
   * controllers may make sure of its views; another folder under a taken namespace is an error.
   */
  registerViews(namespace: string, dir: string): void {
    if (this.alreadyRegistered(`views:${namespace}`, dir)) return;
    for (const file of templatesIn(dir)) {
      const name = `${namespace}/${basename(file, '.hbs')}`;
      if (!VIEW_NAME.test(name)) throw new Error(`View "${name}" needs a lower-case, dashed name.`);
      if (this.views.has(name)) throw new Error(`View "${name}" is registered twice.`);
      this.views.set(name, this.compile(file));
    }
    this.registerPartials(join(dir, 'partials'), `${namespace}/`);
  }

  /** Loads `<dir>/{nl,fy,en}.json` as `namespace.…` keys. */
  registerMessages(namespace: string, dir: string): void {
    if (this.alreadyRegistered(`messages:${namespace}`, dir)) return;
    this.messages.register(namespace, dir);
  }

  private alreadyRegistered(what: string, dir: string): boolean {
    const known = this.folders.get(what);
    if (known === undefined) {
      this.folders.set(what, dir);
      return false;
    }
    if (known === dir) return true;
    throw new Error(`${what} is already registered from ${known}; not also from ${dir}.`);
  }

  /**
   * Where a page request without a valid login is sent. The identity context may route it through a session
   * renewal (the refresh cookie travels only to its own path) before falling back to the login page.
   */
  useSignInUrl(build: SignInUrl): void {
    this.signIn = build;
  }

  signInUrl(next: string | undefined, expired: boolean): string {
    return this.signIn(next, expired);
  }

  t(locale: Locale, key: string, params?: MessageParams): string {
    return this.messages.translate(locale, key, params);
  }

  /** The request's language (and remembers a `?lang=` choice in a cookie). */
  localeOf(request: FastifyRequest, reply: FastifyReply): Locale {
    return requestLocale(request, reply, this.secureCookies);
  }

  /** Renders and sends a page; pages are personal and carry a CSRF token, so nothing caches them. */
  render(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    data: object = {},
    options: RenderOptions = {},
  ): FastifyReply {
    const html = this.renderToString(request, reply, view, data, options);
    return reply
      .status(options.status ?? 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  }

  renderToString(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    data: object = {},
    options: RenderOptions = {},
  ): string {
    const template = this.views.get(view);
    if (!template) throw new Error(`No view "${view}"; register it with PageRenderer.registerViews.`);
    const layout = this.views.get('web/layout');
    if (!layout) throw new Error('The web layout is missing.');
    const locale = this.localeOf(request, reply);
    const principal = (request as AuthenticatedRequest).principal;
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const page: PageShell = {
      locale,
      title: options.titleKey ? this.t(locale, options.titleKey, options.titleParams) : undefined,
      csrfToken: reply.generateCsrf(),
      path,
      nav: navigationFor(principal, path),
      languages: languageLinks(url, locale),
      user: principal ? { displayName: principal.displayName } : undefined,
      hasErrors: hasErrors((data as { errors?: FormErrors }).errors),
    };
    const frame: Frame = { locale };
    const body = template({ ...data, page }, { data: frame });
    return layout({ page, body }, { data: frame });
  }

  private compile(file: string): Handlebars.TemplateDelegate {
    const source = readFileSync(file, 'utf8');
    // Parsing now makes a broken template stop the app at start, not on the first visitor.
    this.hbs.parse(source);
    return this.hbs.compile(source, { strict: false, preventIndent: true });
  }

  private registerPartials(dir: string, prefix: string): void {
    for (const file of templatesIn(dir)) {
      const source = readFileSync(file, 'utf8');
      this.hbs.parse(source);
      this.hbs.registerPartial(`${prefix}${basename(file, '.hbs')}`, source);
    }
  }

  private registerHelpers(): void {
    const messages = this.messages;
    const assets = this.assets;
    const logger = this.logger;
    this.hbs.registerHelper('t', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
      const frame = options.data as Frame;
      if (typeof key !== 'string') {
        logger.warn(`{{t}} needs a message key, got ${typeof key}`);
        return '';
      }
      return messages.translate(frame.locale, key, options.hash as MessageParams);
    });
    // Our own file names and content hashes: nothing to escape, and `=` stays readable in the source.
    this.hbs.registerHelper('asset', (name: unknown) => new this.hbs.SafeString(assets.url(String(name))));
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // aria-describedby of a field: its hint and its error text, when there are any.
    this.hbs.registerHelper('describedby', (name: unknown, hint: unknown, errors: unknown) => {
      const ids: string[] = [];
      if (hint) ids.push(`field-${String(name)}-hint`);
      if (Array.isArray(errors) && errors.length > 0) ids.push(`field-${String(name)}-error`);
      return ids.join(' ');
    });
  }
}

function templatesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => extname(name) === '.hbs')
    .sort()
    .map((name) => join(dir, name));
}
