import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  ACCESS_TOKEN_COOKIE,
  type AccessTokenClaims,
  type Principal,
  principalFromClaims,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from './principal';

/**
 * Where the identity context is hosted it tells whether a session is still valid (logout, password
 * change and disabling end sessions at once there); elsewhere the 15-minute token lifetime bounds it.
 */
export const SESSION_CHECKER = Symbol('SESSION_CHECKER');
export interface SessionChecker {
  /** `sessionId` is the token's `sid`, so ending one session (logout) refuses its access tokens too. */
  isActive(userId: string, sessionVersion: number, sessionId?: string): Promise<boolean>;
}

const fromCookie = (request: FastifyRequest): string | null =>
  (request as { cookies?: Record<string, string | undefined> }).cookies?.[ACCESS_TOKEN_COOKIE] ?? null;

/** passport-jwt: bearer header for the API, HttpOnly cookie for pages; algorithm allowlist, iss, aud, exp. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(SESSION_CHECKER) private readonly sessions?: SessionChecker,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([
        ExtractJwt.fromAuthHeaderAsBearerToken(),
        fromCookie as (request: unknown) => string | null,
      ]),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public key on
      // every verify and only then takes it as a secret — a thrown parse error per request, a fifth of the CPU
      // of an enrolment rush.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal | false> {
    if (this.sessions && !(await this.sessions.isActive(claims.sub, claims.sv, claims.sid))) return false;
    return principalFromClaims(claims);
  }
}
