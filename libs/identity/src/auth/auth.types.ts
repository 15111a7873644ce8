import type { MeResponse } from '../account/dto/me.response';

/** What a successful login or refresh yields; the HTTP layer puts `refreshToken` in a cookie. */
export interface LoginResult {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: MeResponse;
}
