import { Body, Controller, Get, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthenticatedRequest,
  DomainError,
  Public,
} from '@academy/platform';
import {
  CsrfProtected,
  type FormErrors,
  formErrors,
  NO_ERRORS,
  PageRenderer,
  safeNextPath,
} from '@academy/web';
import { REFRESH_COOKIE } from '../auth/auth.cookies';
import { AuthService } from '../auth/auth.service';
import { hasCode, minutesToWait, textField } from './form-input';
import { registerIdentityPages } from './identity-pages';
import { endSession, startSession } from './session-cookies';

const FIELDS = ['email', 'password'];

interface LoginView {
  next?: string;
  email?: string;
  notice?: string;
  errors: FormErrors;
}

/** Logging in and out of the pages, and renewing a page session when its 15 minutes are over. */
@ApiExcludeController()
@Public()
@Controller()
export class LoginPageController {
  private readonly logger = new Logger(LoginPageController.name);

  constructor(
    private readonly pages: PageRenderer,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    registerIdentityPages(pages);
  }

  @Get('login')
  show(
    @Query('next') next: unknown,
    @Query('reason') reason: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): FastifyReply {
    const target = safeNextPath(next);
    if (request.principal) return reply.redirect(target ?? '/', 303);
    const notice =
      reason === 'expired' ? 'identity.login.expired' : target ? 'identity.login.required' : undefined;
    return this.render(request, reply, { next: target, notice, errors: NO_ERRORS });
  }

  @Post('login')
  @CsrfProtected()
  async login(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const email = textField(body, 'email').trim();
    const password = textField(body, 'password');
    const next = safeNextPath(textField(body, 'next'));
    const locale = this.pages.localeOf(request, reply);
    const t = (key: string, params?: Record<string, number>) => this.pages.t(locale, key, params);

    const missing = [
      ...(email ? [] : [{ field: 'email', message: t('identity.login.errors.email-missing') }]),
      ...(password ? [] : [{ field: 'password', message: t('identity.login.errors.password-missing') }]),
    ];
    if (missing.length) {
      return this.render(request, reply, { next, email, errors: formErrors(missing, FIELDS) }, 400);
    }
    try {
      const result = await this.auth.login(email, password, request.ip);
      startSession(reply, result, this.config);
      return reply.header('cache-control', 'no-store').redirect(next ?? '/', 303);
    } catch (error: unknown) {
      if (hasCode(error, 'auth.invalid-credentials')) {
        const errors = formErrors([{ field: 'email', message: t('identity.login.errors.invalid') }]);
        return this.render(request, reply, { next, email, errors }, 401);
      }
      if (hasCode(error, 'rate.limited')) {
        const minutes = minutesToWait(error);
        void reply.header('retry-after', String(minutes * 60));
        const errors = formErrors([
          { field: 'email', message: t('identity.login.errors.rate-limited', { minutes }) },
        ]);
        return this.render(request, reply, { next, email, errors }, 429);
      }
      throw error;
    }
  }

  /** Public: a session whose access token has run out must still be able to leave. */
  @Post('logout')
  @CsrfProtected()
  async logout(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (request.principal) await this.auth.logout(request.principal.sessionId);
    endSession(reply, this.config);
    return reply.header('cache-control', 'no-store').redirect('/?done=logged-out', 303);
  }

  /**
   * Where a page without a valid login sends the browser first: the refresh cookie only travels to this
   * path. With a good refresh token the session continues unnoticed; otherwise on to the login page.
   * A GET, as it is reached by redirect; it only ever renews the caller's own session.
   */
  @Get('api/auth/renew')
  async renew(
    @Query('next') next: unknown,
    @Query('reason') reason: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const target = safeNextPath(next);
    const refreshToken = request.cookies[REFRESH_COOKIE];
    void reply.header('cache-control', 'no-store');
    if (refreshToken) {
      try {
        startSession(reply, await this.auth.refresh(refreshToken), this.config);
        return reply.redirect(target ?? '/', 303);
      } catch (error: unknown) {
        // A spent, revoked or expired refresh token: the person logs in again. Anything else is worth a look,
        // but logging in again is still the best the person can do.
        if (!(error instanceof DomainError)) this.logger.warn({ err: error }, 'session renewal failed');
        endSession(reply, this.config);
      }
    }
    const query = new URLSearchParams();
    if (target && target !== '/') query.set('next', target);
    if (reason === 'expired' || refreshToken) query.set('reason', 'expired');
    const search = query.toString();
    return reply.redirect(search ? `/login?${search}` : '/login', 303);
  }

  private render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    view: LoginView,
    status = 200,
  ): FastifyReply {
    return this.pages.render(request, reply, 'identity/login', view, {
      status,
      titleKey: 'identity.login.title',
    });
  }
}
