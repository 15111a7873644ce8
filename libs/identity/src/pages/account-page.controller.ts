import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig, type AuthenticatedRequest, type Principal } from '@academy/platform';
import {
  CsrfProtected,
  type FormErrors,
  formErrors,
  isLocale,
  LOCALES,
  NO_ERRORS,
  PageRenderer,
  rememberLocale,
} from '@academy/web';
import type { MeResponse } from '../account/dto/me.response';
import { AccountService } from '../account/account.service';
import { AuthService } from '../auth/auth.service';
import { characters, hasCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, textField } from './form-input';
import { registerIdentityPages } from './identity-pages';
import { endSession, startSession } from './session-cookies';

/** Every field of the page's three forms, top to bottom; names are unique across the forms. */
const FIELDS = ['locale', 'currentPassword', 'newPassword', 'confirmPassword', 'erasePassword'];

/** Outcomes the account page may be redirected to (`/account?done=…`). */
const NOTICES: Record<string, string> = {
  language: 'identity.account.notice.language',
  password: 'identity.account.notice.password',
};

const LANGUAGE_OPTIONS: Array<{ value: string; labelKey: string; lang: string }> = LOCALES.map((code) => ({
  value: code,
  labelKey: { nl: 'web.language.nl', fy: 'web.language.fy', en: 'web.language.en' }[code],
  lang: code,
}));

/** "My account": what we know of you, your language, your password, and leaving for good. */
@ApiExcludeController()
@Controller('account')
export class AccountPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly account: AccountService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    registerIdentityPages(pages);
  }

  @Get()
  async show(
    @Query('done') done: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const me = await this.account.me(principalOf(request).userId);
    const notice = typeof done === 'string' && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
    return this.render(request, reply, me, NO_ERRORS, 200, notice);
  }

  @Post('language')
  @CsrfProtected()
  async language(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const userId = principalOf(request).userId;
    const locale = textField(body, 'locale');
    if (!isLocale(locale)) {
      const me = await this.account.me(userId);
      return this.render(
        request,
        reply,
        me,
        this.errors(request, reply, [['locale', 'language-invalid']]),
        400,
      );
    }
    await this.account.update(userId, { locale });
    // The access token still names the old language until it is renewed; the cookie takes effect now.
    rememberLocale(reply, locale, this.pages.secureCookies);
    return reply.redirect('/account?done=language', 303);
  }

  @Post('password')
  @CsrfProtected()
  async password(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const me = await this.account.me(principalOf(request).userId);
    const current = textField(body, 'currentPassword');
    const next = textField(body, 'newPassword');
    const confirm = textField(body, 'confirmPassword');
    const problems: Array<[string, string]> = [];
    if (!current) problems.push(['currentPassword', 'current-missing']);
    if (!next) problems.push(['newPassword', 'new-missing']);
    else if (characters(next) < PASSWORD_MIN_LENGTH) problems.push(['newPassword', 'new-short']);
    else if (characters(next) > PASSWORD_MAX_LENGTH) problems.push(['newPassword', 'new-long']);
    else if (next !== confirm) problems.push(['confirmPassword', 'confirm-mismatch']);
    if (problems.length) return this.render(request, reply, me, this.errors(request, reply, problems), 400);

    try {
      await this.account.changePassword(me.id, current, next);
    } catch (error: unknown) {
      if (hasCode(error, 'identity.password-incorrect')) {
        const errors = this.errors(request, reply, [['currentPassword', 'current-incorrect']]);
        return this.render(request, reply, me, errors, error.status);
      }
      if (hasCode(error, 'identity.password-rejected', 'validation.failed')) {
        const same = next === current;
        const errors = this.errors(request, reply, [['newPassword', same ? 'new-same' : 'new-weak']]);
        return this.render(request, reply, me, errors, error.status);
      }
      throw error;
    }
    // A new password ends every session, this one too; open a fresh one so the person stays logged in here.
    try {
      startSession(reply, await this.auth.login(me.email, next, request.ip), this.config);
    } catch {
      endSession(reply, this.config);
      return reply.redirect('/login', 303);
    }
    return reply.redirect('/account?done=password', 303);
  }

  @Post('delete')
  @CsrfProtected()
  async erase(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const me = await this.account.me(principalOf(request).userId);
    const password = textField(body, 'erasePassword');
    if (!password) {
      const errors = this.errors(request, reply, [['erasePassword', 'erase-password-missing']]);
      return this.render(request, reply, me, errors, 400);
    }
    try {
      await this.account.erase(me.id, password);
    } catch (error: unknown) {
      if (hasCode(error, 'identity.password-incorrect')) {
        const errors = this.errors(request, reply, [['erasePassword', 'erase-password-incorrect']]);
        return this.render(request, reply, me, errors, error.status);
      }
      if (hasCode(error, 'rule.violated')) {
        const errors = this.errors(request, reply, [['erasePassword', 'only-admin']]);
        return this.render(request, reply, me, errors, error.status);
      }
      throw error;
    }
    endSession(reply, this.config);
    return reply.redirect('/?done=erased', 303);
  }

  /** Errors by field, with the texts under `identity.account.errors.`. */
  private errors(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    problems: Array<[field: string, key: string]>,
  ): FormErrors {
    const locale = this.pages.localeOf(request, reply);
    return formErrors(
      problems.map(([field, key]) => ({ field, message: this.pages.t(locale, ACCOUNT_ERRORS[key] ?? key) })),
      FIELDS,
    );
  }

  private render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    me: MeResponse,
    errors: FormErrors,
    status = 200,
    notice?: string,
  ): FastifyReply {
    return this.pages.render(
      request,
      reply,
      'identity/account',
      {
        me: { displayName: me.displayName, email: me.email },
        currentLocale: me.locale,
        languageOptions: LANGUAGE_OPTIONS,
        notice,
        errors,
      },
      { status, titleKey: 'identity.account.title' },
    );
  }
}

/** The message keys of the account page's errors, written out so a test can find each one. */
const ACCOUNT_ERRORS: Record<string, string> = {
  'language-invalid': 'identity.account.errors.language-invalid',
  'current-missing': 'identity.account.errors.current-missing',
  'current-incorrect': 'identity.account.errors.current-incorrect',
  'new-missing': 'identity.account.errors.new-missing',
  'new-short': 'identity.password.short',
  'new-long': 'identity.password.long',
  'new-weak': 'identity.password.weak',
  'new-same': 'identity.account.errors.new-same',
  'confirm-mismatch': 'identity.account.errors.confirm-mismatch',
  'erase-password-missing': 'identity.account.errors.erase-password-missing',
  'erase-password-incorrect': 'identity.account.errors.erase-password-incorrect',
  'only-admin': 'identity.account.errors.only-admin',
};

/** The global guard has already refused anyone without a valid login here. */
function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new Error('The account pages need an authenticated request.');
  return request.principal;
}
