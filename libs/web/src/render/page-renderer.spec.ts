import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig, Principal } from '@academy/platform';
import { StaticAssets } from '../http/static-assets';
import { formErrors } from './forms';
import { PageRenderer } from './page-renderer';

const config = { publicUrl: 'http://localhost:3000' } as AppConfig;

function request(url: string, principal?: Principal, headers: Record<string, string> = {}): FastifyRequest {
  const query = Object.fromEntries(new URL(url, 'http://x').searchParams);
  return { url, query, headers, cookies: {}, principal } as unknown as FastifyRequest;
}

function reply(): FastifyReply & { cookies: Record<string, string> } {
  const cookies: Record<string, string> = {};
  return {
    cookies,
    generateCsrf: () => 'csrf-token-1',
    setCookie(name: string, value: string) {
      cookies[name] = value;
      return this;
    },
  } as unknown as FastifyReply & { cookies: Record<string, string> };
}

const volunteer: Principal = {
  userId: 'u1',
  displayName: '<script>alert("x")</script> Sjoukje',
  locale: 'fy',
  admin: false,
  memberships: [{ organisationId: 'o1', role: 'volunteer' }],
  sessionId: 's1',
};

describe('PageRenderer', () => {
  let dir: string;
  let pages: PageRenderer;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'views-'));
    mkdirSync(join(dir, 'views'));
    mkdirSync(join(dir, 'messages'));
    writeFileSync(
      join(dir, 'views', 'form.hbs'),
      `{{> error-summary}}<h1>{{t "probe.title" name=name}}</h1>
<form method="post" novalidate>{{> csrf}}
{{> field name="email" label="probe.email" hint="probe.email-hint" type="email" autocomplete="email" value=values.email}}
{{> field name="password" label="probe.password" type="password" autocomplete="current-password"}}
</form>`,
    );
    const texts = { title: 'Hallo {name}', email: 'E-mail', 'email-hint': 'Hint', password: 'Wachtwoord' };
    for (const locale of ['nl', 'fy', 'en']) {
      writeFileSync(join(dir, 'messages', `${locale}.json`), JSON.stringify(texts));
    }
    pages = new PageRenderer(config, new StaticAssets());
    pages.registerViews('probe', join(dir, 'views'));
    pages.registerMessages('probe', join(dir, 'messages'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes user text, also when it is interpolated into a message', () => {
    const html = pages.renderToString(request('/probe'), reply(), 'probe/form', {
      name: '<img src=x onerror=alert(1)>',
      values: { email: '"><script>alert(1)</script>' },
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Hallo &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('binds labels, hints and errors to their fields and summarises the errors at the top', () => {
    const errors = formErrors(
      [
        { field: 'password', message: 'Vul uw wachtwoord in' },
        { field: 'email', message: 'Vul een e-mailadres in' },
      ],
      ['email', 'password'],
    );
    const html = pages.renderToString(
      request('/probe'),
      reply(),
      'probe/form',
      { errors },
      {
        titleKey: 'probe.email',
      },
    );
    expect(html).toContain('<title>Fout: E-mail – Vrijwilligersacademie</title>');
    expect(html).toMatch(/class="error-summary" role="alert"/);
    expect(html.indexOf('href="#field-email"')).toBeLessThan(html.indexOf('href="#field-password"'));
    expect(html).toContain('<label class="label" for="field-email">E-mail</label>');
    expect(html).toMatch(/id="field-email"[^>]*aria-describedby="field-email-hint field-email-error"/);
    expect(html).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="field-password"[^>]*aria-describedby="field-password-error"/);
    expect(html).toMatch(/id="field-password"[^>]*autocomplete="current-password"/);
    expect(html).toContain('name="_csrf" value="csrf-token-1"');
  });

  it('leaves error attributes off a form without errors', () => {
    const html = pages.renderToString(request('/probe'), reply(), 'probe/form', {});
    expect(html).not.toContain('error-summary');
    expect(html).not.toContain('aria-invalid');
    expect(html).toMatch(/id="field-email"[^>]*aria-describedby="field-email-hint"/);
  });

  it('shows the menu for the role, the user’s language and a logout form', () => {
    const html = pages.renderToString(request('/my/trainings'), reply(), 'web/home', {});
    expect(html).toContain('<html lang="nl">');
    const member = pages.renderToString(request('/my/trainings', volunteer), reply(), 'web/home', {});
    expect(member).toContain('<html lang="fy">');
    expect(member).toContain('href="/my/trainings" aria-current="page">Myn trainingen');
    expect(member).toContain('href="/catalogue"');
    expect(member).not.toContain('href="/catalogue/manage"');
    expect(member).not.toContain('href="/login"');
    expect(member).toContain('action="/logout"');
    expect(member).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Sjoukje');
    expect(member).not.toContain('<script>');
  });

  it('remembers a language chosen with ?lang= in a cookie', () => {
    const answer = reply();
    const html = pages.renderToString(request('/?lang=en'), answer, 'web/home', {});
    expect(html).toContain('<html lang="en">');
    expect(answer.cookies.lang).toBe('en');
  });

  it('refuses to render a view nobody registered', () => {
    expect(() => pages.renderToString(request('/'), reply(), 'probe/nothing', {})).toThrow(/No view/);
  });
});
