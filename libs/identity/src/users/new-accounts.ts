import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { USER_REGISTERED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { DomainError, inTransaction, isDuplicateKey } from '@academy/platform';
import type { DataSource } from 'typeorm';
import type { Locale, MembershipRole } from '../account/dto/me.response';
import { IDENTITY } from '../identity.constants';
import { Membership } from '../memberships/membership.entity';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password-policy';
import { User } from './user.entity';
import { normaliseEmail, toSnapshot } from './user-view';
import { UsersRepository } from './users.repository';

export interface NewAccount {
  /** Fixed only for demo people, whom other contexts' demo data name (e.g. the demo trainer). */
  id?: string;
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
  admin?: boolean;
  memberships: Array<{ organisationId: string; role: MembershipRole }>;
}

export const emailTaken = () =>
  new DomainError('identity.email-taken', 'An account with this email address already exists.', {
    errors: [{ field: 'email', messages: ['An account with this email address already exists.'] }],
  });

/**
 * Creates accounts, whoever asks (self-registration, staff, the first admin, demo data): the password rules,
 * the hash, the user with their memberships and `identity.user.registered.v1`, all in one transaction.
 */
@Injectable()
export class NewAccounts {
  constructor(
    @InjectDataSource(IDENTITY) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(input: NewAccount): Promise<{ user: User; memberships: Membership[] }> {
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    if (!displayName) {
      throw new DomainError('validation.failed', 'Fill in a name.', {
        errors: [{ field: 'displayName', messages: ['Fill in a name.'] }],
      });
    }
    assertAcceptablePassword(input.password, 'password', { email, displayName });
    // Hashing is slow on purpose; do it before the transaction so no lock waits on it.
    const passwordHash = await this.hasher.hash(input.password);
    const now = new Date();
    const user = Object.assign(new User(), {
      id: input.id ?? randomUUID(),
      email,
      passwordHash,
      displayName,
      locale: input.locale ?? 'nl',
      admin: input.admin ?? false,
      disabled: false,
      sessionVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
    const unique = new Map(input.memberships.map((m) => [`${m.organisationId}:${m.role}`, m]));
    const memberships = [...unique.values()]
      .map((m) => Object.assign(new Membership(), { userId: user.id, ...m }))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.role.localeCompare(b.role));
    try {
      await inTransaction(this.dataSource, async (manager) => {
        if (await this.users.emailExists(email, manager)) throw emailTaken();
        await this.users.insert(user, manager);
        await this.memberships.insert(memberships, manager);
        await appendToOutbox(manager, IDENTITY, USER_REGISTERED_V1, {
          ...toSnapshot(user, memberships),
          registeredAt: now.toISOString(),
        });
      });
    } catch (error) {
      // Two sign-ups with one address at once: the unique index decides, the loser hears why.
      if (isDuplicateKey(error)) throw emailTaken();
      throw error;
    }
    return { user, memberships };
  }
}
