import { type CanActivate, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@academy/platform';

/**
 * Checks the CSRF token of a page form (`_csrf` field or `x-csrf-token` header) with the
 * @fastify/csrf-protection hook. The hook answers a failure itself, as problem+json through Fastify's
 * error handler; we hand it a reply whose `send` only records the failure, and throw a DomainError
 * instead, so the user gets the friendly 403 page like any other error.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return new Promise<boolean>((resolve, reject) => {
      const refuse = (): FastifyReply => {
        reject(new DomainError('auth.csrf-invalid', 'This form has expired. Reload the page and try again.'));
        return probe;
      };
      const probe = Object.create(reply, { send: { value: refuse } }) as FastifyReply;
      try {
        request.server.csrfProtection(request, probe, () => resolve(true));
      } catch (error: unknown) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}

/** Put on every page handler that accepts a form POST. */
export const CsrfProtected = () => UseGuards(CsrfGuard);
