import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Membership } from '../memberships/membership.entity';
import type { User } from '../users/user.entity';
import { toClaims } from '../users/user-view';

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
    // Read the lifetime back from the token, so `expiresIn` can never disagree with what was signed.
    const { iat, exp } = this.jwt.decode<{ iat: number; exp: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat };
  }
}
