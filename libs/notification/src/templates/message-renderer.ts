import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { APP_CONFIG, type AppConfig } from '@academy/platform';
import { MessageCatalogue, type MessageParams } from '@academy/web/i18n/message-catalogue';
import {
  MESSAGE_KINDS,
  MESSAGE_LOCALES,
  type MessageKind,
  type MessageLocale,
} from '../notification.constants';

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

export interface InboxText {
  title: string;
  body: string;
}

/** What every message may use besides its own parameters. */
export interface RenderContext {
  /** The recipient's display name, read at send time (an erased name is never stored with the delivery). */
  name?: string | null;
  /** Present on optional messages (reminders, digest): a signed link that works without logging in. */
  unsubscribeUrl?: string | null;
}

export class MissingMessageError extends Error {
  override name = 'MissingMessageError';
}

/** Handlebars `@data` frame: how helpers learn the message's language and whether to be strict. */
interface Frame {
  locale: MessageLocale;
  strict: boolean;
}

const TEMPLATE_DIR = __dirname;
const TIME_ZONE = 'Europe/Amsterdam';
// A placeholder that cannot occur in message texts: parameters are put in after the text is escaped.
const SLOT = (index: number) => `\uE000${index}\uE001`;
const SLOTS = /\uE000(\d+)\uE001/g;

export const isMessageLocale = (value: unknown): value is MessageLocale =>
  typeof value === 'string' && (MESSAGE_LOCALES as readonly string[]).includes(value);

/**
 * Writes the messages people receive: one shared layout and partials, an HTML and a plain-text template per
 * message kind, texts from `i18n/{nl,fy,en}.json` (the web's message catalogue, under `mail.`). In HTML every
 * value from outside (names, titles, places) is escaped; in plain text nothing is. `strict` (tests) throws on a
 * key missing in the message's language instead of falling back to Dutch.
 */
@Injectable()
export class MessageRenderer {
  readonly messages = new MessageCatalogue();
  private readonly html = Handlebars.create();
  private readonly text = Handlebars.create();
  private readonly templates = new Map<
    string,
    { html: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate }
  >();
  private readonly layouts: { html: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate };
  private readonly baseUrl: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'publicUrl'>) {
    this.baseUrl = config.publicUrl.replace(/\/$/, '');
    this.messages.register('mail', join(TEMPLATE_DIR, 'i18n'));
    this.registerHelpers(this.html, true);
    this.registerHelpers(this.text, false);
    for (const file of readdirSync(join(TEMPLATE_DIR, 'partials'))) {
      const match = /^([a-z-]+)\.(html|text)\.hbs$/.exec(file);
      if (!match) continue;
      const source = readFileSync(join(TEMPLATE_DIR, 'partials', file), 'utf8');
      (match[2] === 'html' ? this.html : this.text).registerPartial(match[1], source);
    }
    this.layouts = {
      html: this.compile(this.html, join(TEMPLATE_DIR, 'layout.html.hbs'), true),
      text: this.compile(this.text, join(TEMPLATE_DIR, 'layout.text.hbs'), false),
    };
    for (const kind of MESSAGE_KINDS) {
      const html = join(TEMPLATE_DIR, 'mails', `${kind}.html.hbs`);
      const text = join(TEMPLATE_DIR, 'mails', `${kind}.text.hbs`);
      if (!existsSync(html) || !existsSync(text)) continue;
      this.templates.set(kind, {
        html: this.compile(this.html, html, true),
        text: this.compile(this.text, text, false),
      });
    }
  }

  /** An absolute link to a page of the academy. */
  url(path: string): string {
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** The kinds that have templates (every kind that is sent as an email). */
  kinds(): MessageKind[] {
    return [...this.templates.keys()] as MessageKind[];
  }

  /** Subject, HTML and plain text of a message in one language. */
  render(
    kind: MessageKind,
    locale: string,
    params: Record<string, unknown>,
    context: RenderContext = {},
    strict = false,
  ): RenderedMessage {
    const template = this.templates.get(kind);
    if (!template) throw new Error(`No templates for message kind "${kind}".`);
    const frame: Frame = { locale: isMessageLocale(locale) ? locale : 'nl', strict };
    const meetings = params.meetings;
    const data = {
      ...params,
      ...context,
      several: Array.isArray(meetings) && meetings.length > 1,
      baseUrl: this.baseUrl,
      locale: frame.locale,
    };
    const subject = this.translate(
      frame,
      `${keyPrefix(kind, params)}.subject`,
      formatParams(params, frame.locale),
      false,
    );
    const page = { subject, ...data };
    return {
      subject,
      html: this.layouts.html({ ...page, body: template.html(data, { data: frame }) }, { data: frame }),
      text: this.layouts.text({ ...page, body: template.text(data, { data: frame }) }, { data: frame }),
    };
  }

  /** The short title and line of the in-app inbox item (plain text; pages escape it). */
  inbox(kind: MessageKind, locale: string, params: Record<string, unknown>, strict = false): InboxText {
    const frame: Frame = { locale: isMessageLocale(locale) ? locale : 'nl', strict };
    const values = formatParams(params, frame.locale);
    const prefix = keyPrefix(kind, params);
    return {
      title: this.translate(frame, `${prefix}.inbox.title`, values, false),
      body: this.translate(frame, `${prefix}.inbox.body`, values, false),
    };
  }

  private compile(hbs: typeof Handlebars, file: string, escape: boolean): Handlebars.TemplateDelegate {
    const source = readFileSync(file, 'utf8');
    // Parsing now makes a broken template stop the app at start, not at the first message.
    hbs.parse(source);
    return hbs.compile(source, { strict: false, noEscape: !escape, preventIndent: true });
  }

  private translate(frame: Frame, key: string, params: MessageParams, escape: boolean): string {
    if (!this.messages.has(frame.locale, key)) {
      if (frame.strict) throw new MissingMessageError(`"${key}" is missing in ${frame.locale}`);
    }
    if (!escape) return this.messages.translate(frame.locale, key, params);
    const values: string[] = [];
    const slotted: MessageParams = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined || value === null) continue;
      values.push(String(value));
      slotted[name] = SLOT(values.length - 1);
    }
    const escaped = Handlebars.escapeExpression(this.messages.translate(frame.locale, key, slotted));
    return escaped.replace(SLOTS, (_whole, index: string) =>
      Handlebars.escapeExpression(values[Number(index)] ?? ''),
    );
  }

  private registerHelpers(hbs: typeof Handlebars, escape: boolean): void {
    hbs.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => {
      const frame = options.data as Frame;
      if (typeof key !== 'string') throw new Error('{{t}} needs a message key');
      const params = formatParams(options.hash as Record<string, unknown>, frame.locale);
      const text = this.translate(frame, key, params, escape);
      return escape ? new Handlebars.SafeString(text) : text;
    });
    // `{{date x}}`, `{{time x}}`, `{{dateTime x}}`: in the reader's language, in Friesland's time zone.
    for (const [name, style] of Object.entries(FORMATS)) {
      hbs.registerHelper(name, (value: unknown, options: Handlebars.HelperOptions) =>
        formatDate(value, (options.data as Frame).locale, style),
      );
    }
    hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hbs.registerHelper('inc', (value: unknown) => Number(value) + 1);
    hbs.registerHelper('url', (path: unknown) =>
      typeof path === 'string' && path.startsWith('/') ? `${this.baseUrl}${path}` : this.baseUrl,
    );
  }
}

const FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  date: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  // The 24-hour clock in every language: the academy is in Friesland.
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dateTime: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
};

// Building an Intl.DateTimeFormat loads ICU data and costs far more than formatting with it; a message asks for
// several, so one is kept per style object (the FORMATS) and language.
const formatters = new WeakMap<Intl.DateTimeFormatOptions, Map<MessageLocale, Intl.DateTimeFormat>>();

function formatterOf(locale: MessageLocale, style: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLocale = formatters.get(style);
  if (!byLocale) formatters.set(style, (byLocale = new Map<MessageLocale, Intl.DateTimeFormat>()));
  let formatter = byLocale.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...style, timeZone: TIME_ZONE });
    byLocale.set(locale, formatter);
  }
  return formatter;
}

export function formatDate(value: unknown, locale: MessageLocale, style: Intl.DateTimeFormatOptions): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return formatterOf(locale, style).format(date);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Hash values for a text: instants written out as a date and time in the reader's language. */
function formatParams(hash: Record<string, unknown>, locale: MessageLocale): MessageParams {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(hash)) {
    if (typeof value === 'string' && ISO_INSTANT.test(value)) {
      params[name] = formatDate(value, locale, FORMATS.dateTime);
    } else if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (value instanceof Date) params[name] = formatDate(value, locale, FORMATS.dateTime);
  }
  return params;
}

/** A message kind with variants (`params.variant`) keeps a subject and inbox texts per variant. */
function keyPrefix(kind: MessageKind, params: Record<string, unknown>): string {
  return typeof params.variant === 'string' && params.variant
    ? `mail.${kind}.${params.variant}`
    : `mail.${kind}`;
}
