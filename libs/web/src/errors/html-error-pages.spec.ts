import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppConfig, problem, type ProblemDetails } from '@academy/platform';
import { StaticAssets } from '../http/static-assets';
import { PageRenderer } from '../render/page-renderer';
import { HtmlErrorPages } from './html-error-pages';

interface Sent {
  status?: number;
  body?: string;
  location?: string;
  headers: Record<string, string>;
  cleared: string[];
}

function exchange(
  url: string,
  {
    method = 'GET',
    accept = 'text/html,*/*',
    referer,
  }: { method?: string; accept?: string; referer?: string } = {},
): { request: FastifyRequest; reply: FastifyReply; sent: Sent } {
  const sent: Sent = { headers: {}, cleared: [] };
  const request = {
    url,
    method,
    query: Object.fromEntries(new URL(url, 'http://x').searchParams),
    headers: { accept, host: 'academie.test', ...(referer ? { referer } : {}) },
    cookies: {},
  } as unknown as FastifyRequest;
  const reply = {
    generateCsrf: () => 'token',
    setCookie() {
      return this;
    },
    clearCookie(name: string) {
      sent.cleared.push(name);
      return this;
    },
    header(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return this;
    },
    type(value: string) {
      sent.headers['content-type'] = value;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
    redirect(location: string, code: number) {
      sent.location = location;
      sent.status = code;
      return this;
    },
  } as unknown as FastifyReply;
  return { request, reply, sent };
}

describe('HtmlErrorPages', () => {
  const pages = new PageRenderer({ publicUrl: 'http://localhost:3000' } as AppConfig, new StaticAssets());
  const errors = new HtmlErrorPages(pages);
  const render = (url: string, body: ProblemDetails, options?: Parameters<typeof exchange>[1]) => {
    const { request, reply, sent } = exchange(url, options);
    return { answered: errors.render(request, reply, body), sent };
  };

  it('shows a server error as a page with the reference to quote', () => {
    const { answered, sent } = render(
      '/catalogue',
      problem(500, 'server.error', 'internal', { requestId: 'req-12345678' }),
    );
    expect(answered).toBe(true);
    expect(sent.status).toBe(500);
    expect(sent.headers['content-type']).toContain('text/html');
    expect(sent.body).toContain('Er ging iets mis');
    expect(sent.body).toContain('Noem dan deze code: req-12345678');
    expect(sent.body).not.toContain('internal');
  });

  it.each([
    [403, 'auth.forbidden', 'Geen toegang'],
    [403, 'auth.csrf-invalid', 'Formulier verlopen'],
    [404, 'resource.not-found', 'Pagina niet gevonden'],
    [429, 'rate.limited', 'Even geduld'],
    [409, 'resource.conflict', 'Dat lukte niet'],
  ])('answers %i %s with its own page', (status, code, heading) => {
    const { sent } = render('/ergens', problem(status, code, 'x'));
    expect(sent.status).toBe(status);
    expect(sent.body).toContain(`<h1>${heading}</h1>`);
  });

  it('sends someone without a login to log in, and back to the page they wanted', () => {
    const { sent } = render('/account?tab=1', problem(401, 'auth.unauthenticated', 'x'));
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/login?next=%2Faccount%3Ftab%3D1');
  });

  it('forgets an expired token and says why; a form post returns to the form’s page', () => {
    const { sent } = render('/account/password', problem(401, 'auth.token-invalid', 'x'), {
      method: 'POST',
      referer: 'http://academie.test/account',
    });
    expect(sent.location).toBe('/login?next=%2Faccount&reason=expired');
    expect(sent.cleared).toContain('academy_session');
    const foreign = render('/account/password', problem(401, 'auth.unauthenticated', 'x'), {
      method: 'POST',
      referer: 'https://evil.example/account',
    });
    expect(foreign.sent.location).toBe('/login');
  });

  it('leaves the API, health, metrics and non-browsers to problem+json', () => {
    for (const url of ['/api/catalogue/courses', '/health/ready', '/metrics']) {
      expect(render(url, problem(404, 'resource.not-found', 'x')).answered).toBe(false);
    }
    expect(
      render('/account', problem(401, 'auth.unauthenticated', 'x'), { accept: 'application/json' }).answered,
    ).toBe(false);
  });
});
