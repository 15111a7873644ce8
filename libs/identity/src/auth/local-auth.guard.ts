import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { createValidationPipe, DomainError } from '@academy/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginResult } from './auth.types';
import { LoginRequest } from './dto/login.request';

/** Where the guard leaves the login result for the controller (not `user`: that is the JWT principal's). */
export const LOGIN_RESULT = 'loginResult';
export type LoginRequestWithResult = FastifyRequest & { [LOGIN_RESULT]?: LoginResult };

/** Sets `Retry-After` from a `rate.limited` error, for callers that answer it themselves (pages). */
export function setRetryAfter(reply: FastifyReply, error: unknown): void {
  if (error instanceof DomainError && error.details.retryAfterSeconds !== undefined) {
    void reply.header('Retry-After', String(error.details.retryAfterSeconds));
  }
}

/**
 * Guards run before pipes, so the body is checked here first: a malformed login is a 4xx that never reaches
 * the password check or the attempt counters. JSON only: a cross-site HTML form can post urlencoded bodies
 * without any preflight, and would log a victim's browser into the attacker's account (login CSRF). The
 * pages have their own, CSRF-protected login form.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      throw new DomainError('request.unsupported-media-type', 'Send the login as application/json.');
    }
    await this.validation.transform(request.body, {
      type: 'body',
      metatype: LoginRequest,
    });
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      setRetryAfter(http.getResponse<FastifyReply>(), error);
      throw error;
    }
  }

  override getAuthenticateOptions() {
    return { property: LOGIN_RESULT, session: false };
  }
}
