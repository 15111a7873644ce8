import { Injectable } from '@nestjs/common';
import type { Locale, MeResponse } from '../account/dto/me.response';

export interface RegistrationInput {
  email: string;
  password: string;
  displayName: string;
  joinCode: string;
  locale?: Locale;
}

@Injectable()
export class RegistrationService {
  /** A volunteer of the organisation with this join code. */
  async register(_input: RegistrationInput, _ip: string): Promise<MeResponse> {
    throw new Error('not implemented yet');
  }
}
