import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/platform';
import type { Locale, MeResponse } from '../account/dto/me.response';
import { normaliseJoinCode } from '../organisations/join-code';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { addressKey } from '../throttling/client-address';
import { LOGIN_ATTEMPTS, type LoginAttempts } from '../throttling/login-attempts';
import { tooManyAttempts } from '../throttling/login-throttle';
import { NewAccounts } from '../users/new-accounts';
import { toMe } from '../users/user-view';

export interface RegistrationInput {
  email: string;
  password: string;
  displayName: string;
  joinCode: string;
  locale?: Locale;
}

/**
 * Accounts created per address and hour. Generous, for an onboarding evening in a village hall; coordinators
 * can add more people themselves. Failed attempts are bounded separately, per request, by the HTTP throttler.
 */
export const REGISTRATION_LIMIT = { max: 30, windowMs: 60 * 60_000 } as const;
// WARNING: persisted in Redis as a key name.
const registrationKey = (ip: string) => `register:ip:${addressKey(ip)}`;

@Injectable()
export class RegistrationService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly accounts: NewAccounts,
    @Inject(LOGIN_ATTEMPTS) private readonly attempts: LoginAttempts,
  ) {}

  /** A volunteer of the organisation with this join code. */
  async register(input: RegistrationInput, ip: string): Promise<MeResponse> {
    const made = await this.attempts.peek(registrationKey(ip));
    if (made.count >= REGISTRATION_LIMIT.max) {
      throw tooManyAttempts(
        made.resetInMs,
        'Too many accounts were created from this address. Try again later.',
      );
    }
    const organisation = await this.organisations.findByJoinCode(normaliseJoinCode(input.joinCode));
    if (!organisation) {
      throw new DomainError(
        'identity.join-code-unknown',
        'This join code is not known. Check it with your organisation.',
        {
          errors: [{ field: 'joinCode', messages: ['This join code is not known.'] }],
        },
      );
    }
    const { user, memberships } = await this.accounts.create({
      email: input.email,
      password: input.password,
      displayName: input.displayName,
      locale: input.locale,
      memberships: [{ organisationId: organisation.id, role: 'volunteer' }],
    });
    await this.attempts.increment(registrationKey(ip), REGISTRATION_LIMIT.windowMs);
    return toMe(user, memberships);
  }
}
