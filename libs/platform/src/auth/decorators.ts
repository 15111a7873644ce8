import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'academy:public';
export const ROLES_KEY = 'academy:roles';

/** Opts a route out of the global, default-deny authentication guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs one of these roles (in any organisation; scope objects in the service). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The verified caller of this request. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentUser used on a route without authentication');
  return request.principal;
});
