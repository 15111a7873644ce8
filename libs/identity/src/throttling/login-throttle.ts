import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/platform';
import { addressKey } from './client-address';
import { LOGIN_ATTEMPTS, type LoginAttempts } from './login-attempts';

const MINUTE = 60_000;

/**
 * Failed logins only: a hall full of volunteers behind one address must all be able to log in at once, so
 * successes never count, and the per-address limit is ten times the per-account one.
 */
export const LOGIN_LIMITS = {
  account: { max: 5, windowMs: 15 * MINUTE },
  address: { max: 50, windowMs: 15 * MINUTE },
} as const;

// WARNING: persisted in Redis as key names; renaming them forgets running windows.
const accountKey = (email: string) =>
  `login:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
const ipKey = (ip: string) => `login:ip:${addressKey(ip)}`;

export const tooManyAttempts = (
  retryInMs: number,
  message = 'Too many failed attempts. Please wait a while and try again.',
): DomainError =>
  new DomainError('rate.limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryInMs / 1000)) });

@Injectable()
export class LoginThrottle {
  constructor(@Inject(LOGIN_ATTEMPTS) private readonly attempts: LoginAttempts) {}

  /** Throws `rate.limited` (with retryAfterSeconds) while the account or the address is blocked. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.attempts.peek(accountKey(email)),
      this.attempts.peek(ipKey(ip)),
    ]);
    const waits = [
      account.count >= LOGIN_LIMITS.account.max ? account.resetInMs : 0,
      address.count >= LOGIN_LIMITS.address.max ? address.resetInMs : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) throw tooManyAttempts(wait);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.attempts.increment(accountKey(email), LOGIN_LIMITS.account.windowMs),
      this.attempts.increment(ipKey(ip), LOGIN_LIMITS.address.windowMs),
    ]);
  }

  /** The account's slate is wiped; the address keeps its count, or an attacker could reset it with one account. */
  async recordSuccess(email: string): Promise<void> {
    await this.attempts.reset(accountKey(email));
  }
}
