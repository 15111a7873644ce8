import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageCatalogue } from './message-catalogue';

describe('MessageCatalogue', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'messages-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function catalogue(files: Record<string, object>): MessageCatalogue {
    for (const [locale, messages] of Object.entries(files)) {
      writeFileSync(join(dir, `${locale}.json`), JSON.stringify(messages));
    }
    const result = new MessageCatalogue();
    result.register('demo', dir);
    return result;
  }

  it('gives nested texts dotted keys under the namespace, and fills in {placeholders}', () => {
    const messages = catalogue({
      nl: { greeting: { hello: 'Hoi {name}, je hebt {count} berichten' } },
      fy: { greeting: { hello: 'Hoi {name}, jo hawwe {count} berjochten' } },
    });
    expect(messages.translate('fy', 'demo.greeting.hello', { name: 'Sjoukje', count: 3 })).toBe(
      'Hoi Sjoukje, jo hawwe 3 berjochten',
    );
  });

  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    const messages = catalogue({ nl: { a: 'Welkom {name}' } });
    expect(messages.translate('nl', 'demo.a')).toBe('Welkom {name}');
  });

  it('does not interpret markup: escaping is left to the template', () => {
    const messages = catalogue({ nl: { a: 'Welkom {name}' } });
    expect(messages.translate('nl', 'demo.a', { name: '<script>alert(1)</script>' })).toBe(
      'Welkom <script>alert(1)</script>',
    );
  });

  it('falls back to Dutch, then to the key, and remembers keys found nowhere', () => {
    const messages = catalogue({ nl: { only: 'Alleen Nederlands' }, en: {} });
    expect(messages.translate('en', 'demo.only')).toBe('Alleen Nederlands');
    expect(messages.missingKeys()).toEqual([]);
    expect(messages.translate('en', 'demo.nowhere')).toBe('demo.nowhere');
    expect(messages.missingKeys()).toEqual(['demo.nowhere']);
  });

  it('refuses a namespace without Dutch texts and a namespace registered twice', () => {
    writeFileSync(join(dir, 'en.json'), '{}');
    expect(() => new MessageCatalogue().register('demo', dir)).toThrow(/nl\.json/);
    writeFileSync(join(dir, 'nl.json'), '{"a":"b"}');
    const messages = new MessageCatalogue();
    messages.register('demo', dir);
    expect(() => messages.register('demo', dir)).toThrow(/twice/);
  });
});
