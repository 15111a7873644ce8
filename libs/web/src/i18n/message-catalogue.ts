import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale';

export type MessageParams = Record<string, string | number | undefined | null>;

type Nested = { [key: string]: string | Nested };

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const NAMESPACE = /^[a-z][a-z0-9-]*$/;

/**
 * Every text people read, by locale, as flat keys `namespace.path.to.text`. A key missing in Frisian or
 * English falls back to Dutch, then to the key itself — visible, but never a crash on a live page; the
 * missing keys are remembered so tests can fail on them.
 */
export class MessageCatalogue {
  private readonly messages = new Map<Locale, Map<string, string>>(LOCALES.map((l) => [l, new Map()]));
  private readonly missing = new Set<string>();

  /** Loads `<dir>/{nl,fy,en}.json` under `namespace.`; a nested object becomes dotted keys. */
  register(namespace: string, dir: string): void {
    if (!NAMESPACE.test(namespace)) throw new Error(`Message namespace "${namespace}" is not a simple name.`);
    const nl = join(dir, `${DEFAULT_LOCALE}.json`);
    if (!existsSync(nl)) throw new Error(`Messages for "${namespace}" need ${nl}.`);
    for (const locale of LOCALES) {
      const file = join(dir, `${locale}.json`);
      if (!existsSync(file)) continue;
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Nested;
      const target = this.table(locale);
      for (const [key, text] of flatten(parsed, namespace)) {
        if (target.has(key)) throw new Error(`Message key "${key}" (${locale}) is registered twice.`);
        target.set(key, text);
      }
    }
  }

  has(locale: Locale, key: string): boolean {
    return this.table(locale).has(key);
  }

  keys(locale: Locale): string[] {
    return [...this.table(locale).keys()];
  }

  private table(locale: Locale): Map<string, string> {
    const table = this.messages.get(locale);
    if (!table) throw new Error(`Unknown locale "${String(locale)}".`);
    return table;
  }

  /** Keys asked for but found in no locale, since start. */
  missingKeys(): string[] {
    return [...this.missing];
  }

  translate(locale: Locale, key: string, params: MessageParams = {}): string {
    const text = this.table(locale).get(key) ?? this.table(DEFAULT_LOCALE).get(key);
    if (text === undefined) {
      this.missing.add(key);
      return key;
    }
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      return value === undefined || value === null ? whole : String(value);
    });
  }
}

function* flatten(tree: Nested, prefix: string): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}.${key}`;
    if (typeof value === 'string') yield [path, value];
    else if (value && typeof value === 'object') yield* flatten(value, path);
    else throw new Error(`Message "${path}" must be text or a group of texts.`);
  }
}
