import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { DomainError } from '../errors/domain-error';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES_KEY } from './decorators';
import { ACCESS_TOKEN_COOKIE, hasRole, type Principal, type Role } from './principal';

/** Whether a request has a token where JwtStrategy looks for one (bearer header, session cookie). */
function carriesToken(request: AuthenticatedRequest): boolean {
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  return request.headers.authorization !== undefined || !!cookies?.[ACCESS_TOKEN_COOKIE];
}

/**
 * The global guard, default-deny: every route needs a valid access token unless marked @Public().
 * On public routes a valid token is still read (pages show navigation by role), a bad one ignored.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ?? false;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (isPublic) {
      await this.tryAuthenticate(context);
      return true;
    }
    await super.canActivate(context);
    const principal = request.principal;
    if (!principal) throw new DomainError('auth.unauthenticated', 'Log in to continue.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.some((role) => hasRole(principal, role))) {
      throw new DomainError('auth.forbidden', 'Your role does not allow this.');
    }
    return true;
  }

  private async tryAuthenticate(context: ExecutionContext): Promise<void> {
    // Most visitors of public pages carry no token at all: nothing to verify, and passport's failure path
    // (an error thrown and caught per request) is the costliest part of an anonymous request.
    if (!carriesToken(context.switchToHttp().getRequest<AuthenticatedRequest>())) return;
    try {
      await super.canActivate(context);
    } catch {
      // An expired or foreign token on a public page is the same as none.
    }
  }

  override handleRequest<T = Principal>(
    error: unknown,
    principal: T | false,
    info: unknown,
    context: ExecutionContext,
  ): T {
    if (error || !principal) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      const missing = info instanceof Error && info.message === 'No auth token';
      throw new DomainError(
        missing ? 'auth.unauthenticated' : 'auth.token-invalid',
        missing
          ? 'Log in to continue.'
          : expired
            ? 'Your session has expired. Log in again.'
            : 'Your session is not valid. Log in again.',
      );
    }
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal = principal as unknown as Principal;
    return principal;
  }
}
