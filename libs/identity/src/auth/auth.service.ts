import { Injectable } from '@nestjs/common';
import type { LoginResult } from './auth.types';

@Injectable()
export class AuthService {
  /** Throws DomainError `auth.invalid-credentials` or `rate.limited` (details.retryAfterSeconds). */
  async login(_email: string, _password: string, _ip: string): Promise<LoginResult> {
    throw new Error('not implemented yet');
  }

  /** Rotates a refresh token; reuse of a spent one revokes its whole family. */
  async refresh(_refreshToken: string): Promise<LoginResult> {
    throw new Error('not implemented yet');
  }

  /** Ends one session (refresh-token family). */
  async logout(_sessionId: string): Promise<void> {
    throw new Error('not implemented yet');
  }

  /** Ends every session of the user. */
  async logoutEverywhere(_userId: string): Promise<void> {
    throw new Error('not implemented yet');
  }
}
