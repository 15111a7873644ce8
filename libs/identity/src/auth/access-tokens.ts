import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Membership } from '../memberships/membership.entity';
import type { User } from '../users/user.entity';
import { toClaims } from '../users/user-view';

/** Matches the 15 minutes the platform's JwtModule signs with. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  issue(
    user: User,
    memberships: Membership[],
    sessionId: string,
  ): { accessToken: string; expiresIn: number } {
    // iss, aud, exp and the algorithm come from the platform's JwtModule configuration.
    const accessToken = this.jwt.sign({ ...toClaims(user, memberships, sessionId) });
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
