import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ERROR_STATUS } from '@academy/platform';
import { LOCALES } from './locale';
import { MessageCatalogue } from './message-catalogue';

/**
 * Every text a page can show exists in Dutch, Frisian and English. Each library's messages live in
 * `libs/<name>/src/messages` under the namespace `<name>`; its templates in `views/` and `partials/`.
 */
const LIBS = join(__dirname, '..', '..', '..');

const libraries = readdirSync(LIBS).filter((name) => existsSync(join(LIBS, name, 'src', 'messages')));

function walk(dir: string, match: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, match);
    return match(path) ? [path] : [];
  });
}

const templates = libraries.flatMap((lib) => walk(join(LIBS, lib, 'src'), (f) => f.endsWith('.hbs')));
const code = libraries.flatMap((lib) =>
  walk(join(LIBS, lib, 'src'), (f) => f.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f)),
);

const catalogue = new MessageCatalogue();
for (const lib of libraries) catalogue.register(lib, join(LIBS, lib, 'src', 'messages'));

const namespaces = new Set(libraries);
const errorCodes = new Set<string>(Object.keys(ERROR_STATUS));
const isKey = (text: string): boolean =>
  namespaces.has(text.split('.')[0] ?? '') && /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(text);

/** Quoted strings in templates that look like keys: `{{t "web.x"}}`, and `label="identity.y"` for partials. */
function keysInTemplate(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/"([^"\s{}]+)"/g)].map((m) => m[1] ?? '').filter(isKey);
}

/**
 * Key literals in code (titles, notices, form texts); error codes share the shape but are not texts, and neither
 * are the names of event consumers (`consumer: 'enrolment.people.registered'`).
 */
function keysInCode(file: string): string[] {
  const source = readFileSync(file, 'utf8').replace(/consumer: '[^']*'/g, '');
  return [...source.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g)]
    .map((m) => m[1] ?? '')
    .filter((text) => isKey(text) && !errorCodes.has(text));
}

describe('message keys', () => {
  it('finds the libraries with messages and their templates', () => {
    expect(libraries).toContain('web');
    expect(templates.map((t) => basename(t))).toContain('layout.hbs');
  });

  it.each(templates.map((file) => [relative(LIBS, file), file]))(
    '%s uses only keys that exist in nl, fy and en',
    (_name, file) => {
      const missing = keysInTemplate(file).flatMap((key) =>
        LOCALES.filter((locale) => !catalogue.has(locale, key)).map((locale) => `${locale}: ${key}`),
      );
      expect(missing).toEqual([]);
    },
  );

  it('has every key named in code in nl, fy and en', () => {
    const missing = code.flatMap((file) =>
      keysInCode(file).flatMap((key) =>
        LOCALES.filter((locale) => !catalogue.has(locale, key)).map(
          (locale) => `${relative(LIBS, file)} ${locale}: ${key}`,
        ),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('has the same keys in every language, and no empty text', () => {
    const nl = new Set(catalogue.keys('nl'));
    for (const locale of LOCALES) {
      const keys = new Set(catalogue.keys(locale));
      expect({ locale, missing: [...nl].filter((k) => !keys.has(k)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: [...keys].filter((k) => !nl.has(k)) }).toEqual({ locale, extra: [] });
      const empty = [...keys].filter((k) => catalogue.translate(locale, k).trim() === '');
      expect({ locale, empty }).toEqual({ locale, empty: [] });
    }
  });

  it('uses the same {placeholders} in every translation of a text', () => {
    const placeholders = (text: string): string =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    const differ = catalogue
      .keys('nl')
      .filter((key) =>
        LOCALES.some(
          (locale) =>
            placeholders(catalogue.translate(locale, key)) !== placeholders(catalogue.translate('nl', key)),
        ),
      );
    expect(differ).toEqual([]);
  });

  it('writes no text into templates: every visible word comes from a message file', () => {
    const literal = templates.flatMap((file) => {
      const text = readFileSync(file, 'utf8')
        .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
        .replace(/\{\{[\s\S]*?\}\}/g, '')
        .replace(/<[^>]*>/g, ' ');
      const words = text.match(/[A-Za-zÀ-ÿ]{2,}/g) ?? [];
      return words.length ? [`${relative(LIBS, file)}: ${words.join(' ')}`] : [];
    });
    expect(literal).toEqual([]);
  });

  it('never turns off escaping, except for the page body inside the layout', () => {
    const raw = templates.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\{\{\{\s*([^}]*)\}\}\}/g)]
        // The page layout, and the HTML layout of emails (notification), put in the body they rendered.
        .filter((m) => !(/^layout(\.html)?\.hbs$/.test(basename(file)) && m[1]?.trim() === 'body'))
        .map((m) => `${relative(LIBS, file)}: ${m[0]}`),
    );
    expect(raw).toEqual([]);
  });
});
