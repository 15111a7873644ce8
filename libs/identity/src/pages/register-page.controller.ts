import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig, type AuthenticatedRequest, Public } from '@academy/platform';
import {
  CsrfProtected,
  type FormErrors,
  formErrors,
  NO_ERRORS,
  PageRenderer,
  translateFieldErrors,
} from '@academy/web';
import { AuthService } from '../auth/auth.service';
import { RegistrationService } from '../registration/registration.service';
import {
  characters,
  EMAIL_MAX_LENGTH,
  EMAIL_SHAPE,
  hasCode,
  minutesToWait,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  textField,
} from './form-input';
import { registerIdentityPages } from './identity-pages';
import { startSession } from './session-cookies';

const FIELDS = ['displayName', 'email', 'password', 'joinCode'];
const DISPLAY_NAME_MAX_LENGTH = 100;
const JOIN_CODE_MAX_LENGTH = 20;

/** The form's own words for a field the service refused (its messages are English, for developers). */
const FIELD_TEXTS: Record<string, string> = {
  displayName: 'identity.register.errors.display-name-missing',
  email: 'identity.register.errors.email-invalid',
  password: 'identity.password.weak',
  joinCode: 'identity.register.errors.join-code-unknown',
};

interface RegisterValues {
  displayName: string;
  email: string;
  joinCode: string;
}

/** Creating an account with the join code of one's volunteer organisation. */
@ApiExcludeController()
@Public()
@Controller('register')
export class RegisterPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly registration: RegistrationService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    registerIdentityPages(pages);
  }

  @Get()
  show(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): FastifyReply {
    if (request.principal) return reply.redirect('/', 303);
    return this.render(request, reply, { displayName: '', email: '', joinCode: '' }, NO_ERRORS);
  }

  @Post()
  @CsrfProtected()
  async register(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const values: RegisterValues = {
      displayName: textField(body, 'displayName').trim(),
      email: textField(body, 'email').trim(),
      joinCode: textField(body, 'joinCode').trim(),
    };
    const password = textField(body, 'password');
    const locale = this.pages.localeOf(request, reply);
    const t = (key: string, params?: Record<string, number>) => this.pages.t(locale, key, params);

    const problems = this.check(values, password);
    if (problems.length) {
      const errors = formErrors(
        problems.map(([field, key]) => ({ field, message: t(key) })),
        FIELDS,
      );
      return this.render(request, reply, values, errors, 400);
    }
    try {
      await this.registration.register({ ...values, password, locale }, request.ip);
    } catch (error: unknown) {
      if (hasCode(error, 'rate.limited')) {
        const minutes = minutesToWait(error);
        void reply.header('retry-after', String(minutes * 60));
        const message = t('identity.register.errors.rate-limited', { minutes });
        return this.render(request, reply, values, formErrors([{ field: 'email', message }]), 429);
      }
      const known: Record<string, [field: string, key: string]> = {
        'identity.email-taken': ['email', 'identity.register.errors.email-taken'],
        'identity.join-code-unknown': ['joinCode', 'identity.register.errors.join-code-unknown'],
      };
      if (hasCode(error, ...Object.keys(known))) {
        const [field, key] = known[error.code] ?? ['email', 'identity.register.errors.invalid'];
        return this.render(request, reply, values, formErrors([{ field, message: t(key) }]), error.status);
      }
      if (hasCode(error, 'validation.failed', 'identity.password-rejected')) {
        const messages = translateFieldErrors(error.details.errors, (field) => {
          const key = FIELD_TEXTS[field];
          return key ? t(key) : undefined;
        });
        const errors = formErrors(
          messages.length ? messages : [{ field: 'email', message: t('identity.register.errors.invalid') }],
          FIELDS,
        );
        return this.render(request, reply, values, errors, error.status);
      }
      throw error;
    }
    // The new volunteer is logged in straight away; should that fail, they can still log in themselves.
    try {
      startSession(reply, await this.auth.login(values.email, password, request.ip), this.config);
    } catch {
      return reply.redirect('/login', 303);
    }
    return reply.header('cache-control', 'no-store').redirect('/?done=welcome', 303);
  }

  /** The checks that need no database, with the form's own texts. */
  private check(values: RegisterValues, password: string): Array<[field: string, key: string]> {
    const problems: Array<[string, string]> = [];
    if (!values.displayName) problems.push(['displayName', 'identity.register.errors.display-name-missing']);
    else if (characters(values.displayName) > DISPLAY_NAME_MAX_LENGTH)
      problems.push(['displayName', 'identity.register.errors.display-name-long']);
    if (!values.email) problems.push(['email', 'identity.register.errors.email-missing']);
    else if (!EMAIL_SHAPE.test(values.email) || values.email.length > EMAIL_MAX_LENGTH)
      problems.push(['email', 'identity.register.errors.email-invalid']);
    if (!password) problems.push(['password', 'identity.password.missing']);
    else if (characters(password) < PASSWORD_MIN_LENGTH)
      problems.push(['password', 'identity.password.short']);
    else if (characters(password) > PASSWORD_MAX_LENGTH)
      problems.push(['password', 'identity.password.long']);
    if (!values.joinCode) problems.push(['joinCode', 'identity.register.errors.join-code-missing']);
    else if (values.joinCode.length > JOIN_CODE_MAX_LENGTH)
      problems.push(['joinCode', 'identity.register.errors.join-code-unknown']);
    return problems;
  }

  private render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    values: RegisterValues,
    errors: FormErrors,
    status = 200,
  ): FastifyReply {
    return this.pages.render(
      request,
      reply,
      'identity/register',
      { values, errors },
      { status, titleKey: 'identity.register.title' },
    );
  }
}
