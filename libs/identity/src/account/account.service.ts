import { Injectable } from '@nestjs/common';
import type { Locale, MeResponse } from './dto/me.response';

export interface AccountChanges {
  displayName?: string;
  locale?: Locale;
}

@Injectable()
export class AccountService {
  async me(_userId: string): Promise<MeResponse> {
    throw new Error('not implemented yet');
  }

  async update(_userId: string, _changes: AccountChanges): Promise<MeResponse> {
    throw new Error('not implemented yet');
  }

  /** Ends every session of the user. */
  async changePassword(_userId: string, _currentPassword: string, _newPassword: string): Promise<void> {
    throw new Error('not implemented yet');
  }

  async erase(_userId: string, _password: string): Promise<void> {
    throw new Error('not implemented yet');
  }
}
