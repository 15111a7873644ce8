import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_COOKIE, type HtmlErrorRenderer, type ProblemDetails } from '@academy/platform';
import { PageRenderer } from '../render/page-renderer';
import { safeNextPath } from './next-path';

const MACHINE_PATHS = /^\/(api|health|metrics)(\/|$)/;

interface ErrorPage {
  titleKey: string;
  bodyKey: string;
}

/** The texts of each error page, by status; any other status gets the general one. */
const PAGES: Record<number, ErrorPage> = {
  403: { titleKey: 'web.error.forbidden.title', bodyKey: 'web.error.forbidden.body' },
  404: { titleKey: 'web.error.not-found.title', bodyKey: 'web.error.not-found.body' },
  429: { titleKey: 'web.error.rate-limited.title', bodyKey: 'web.error.rate-limited.body' },
  500: { titleKey: 'web.error.server.title', bodyKey: 'web.error.server.body' },
  503: { titleKey: 'web.error.unavailable.title', bodyKey: 'web.error.unavailable.body' },
};
const CSRF_PAGE: ErrorPage = { titleKey: 'web.error.csrf.title', bodyKey: 'web.error.csrf.body' };
const GENERAL_PAGE: ErrorPage = { titleKey: 'web.error.general.title', bodyKey: 'web.error.general.body' };

/**
 * Errors on pages are answered as pages: a person with a browser gets a friendly explanation in their
 * language instead of problem+json. An expired or missing login sends them to the login page and back.
 * API, health and metrics callers, and anything not asking for HTML, keep problem+json.
 */
@Injectable()
export class HtmlErrorPages implements HtmlErrorRenderer {
  private readonly logger = new Logger(HtmlErrorPages.name);

  constructor(private readonly pages: PageRenderer) {}

  render(request: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): boolean {
    const url = request.url ?? '/';
    if (MACHINE_PATHS.test(url.split('?')[0] ?? '/')) return false;
    if (!acceptsHtml(request)) return false;
    try {
      if (problem.status === 401) {
        this.toLogin(request, reply, problem);
        return true;
      }
      const texts =
        problem.code === 'auth.csrf-invalid' ? CSRF_PAGE : (PAGES[problem.status] ?? GENERAL_PAGE);
      this.pages.render(
        request,
        reply,
        'web/error',
        {
          ...texts,
          status: problem.status,
          reference: problem.status >= 500 ? problem.requestId : undefined,
        },
        { status: problem.status, titleKey: texts.titleKey },
      );
      return true;
    } catch (error: unknown) {
      // A broken error page must not hide the original error: problem+json still answers.
      this.logger.error({ err: error }, 'error page failed to render');
      return false;
    }
  }

  private toLogin(request: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): void {
    const expired = problem.code === 'auth.token-invalid';
    // A stale token would be sent (and ignored) on every request until it is gone.
    if (expired) void reply.clearCookie(ACCESS_TOKEN_COOKIE, { path: '/' });
    void reply
      .header('cache-control', 'no-store')
      .redirect(this.pages.signInUrl(returnPath(request), expired), 303);
  }
}

/**
 * Where to come back to after logging in. A GET can simply be repeated; a form POST cannot, so it returns
 * to the page the form was on (when that page is ours).
 */
function returnPath(request: FastifyRequest): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return safeNextPath(request.url);
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    return from.host === request.headers.host ? safeNextPath(`${from.pathname}${from.search}`) : undefined;
  } catch {
    return undefined;
  }
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.toLowerCase().includes('text/html');
}
