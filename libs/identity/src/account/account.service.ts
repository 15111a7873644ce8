import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { USER_ERASED_V1, USER_UPDATED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { DomainError, inTransaction, notFound } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { SessionsService } from '../auth/sessions.service';
import { IDENTITY } from '../identity.constants';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password-policy';
import type { User } from '../users/user.entity';
import { toMe, toSnapshot } from '../users/user-view';
import { UsersRepository } from '../users/users.repository';
import type { Locale, MeResponse } from './dto/me.response';

export interface AccountChanges {
  displayName?: string;
  locale?: Locale;
}

const passwordIncorrect = () =>
  new DomainError('identity.password-incorrect', 'Your current password is not correct.');

/** What a signed-in user does with their own account. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource(IDENTITY) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async me(userId: string): Promise<MeResponse> {
    const user = await this.existing(userId);
    return toMe(user, await this.memberships.forUser(userId));
  }

  async update(userId: string, changes: AccountChanges): Promise<MeResponse> {
    const displayName = changes.displayName?.trim();
    if (displayName !== undefined && !displayName) {
      throw new DomainError('validation.failed', 'Fill in your name.', {
        errors: [{ field: 'displayName', messages: ['Fill in your name.'] }],
      });
    }
    return inTransaction(this.dataSource, async (manager) => {
      const user = await this.existing(userId, manager);
      const memberships = await this.memberships.forUser(userId, manager);
      const next = { displayName: displayName ?? user.displayName, locale: changes.locale ?? user.locale };
      if (next.displayName === user.displayName && next.locale === user.locale)
        return toMe(user, memberships);
      const updatedAt = new Date();
      await this.users.update(userId, { ...next, updatedAt }, manager);
      const updated = { ...user, ...next, updatedAt };
      await appendToOutbox(manager, IDENTITY, USER_UPDATED_V1, {
        ...toSnapshot(updated, memberships),
        updatedAt: updatedAt.toISOString(),
      });
      return toMe(updated, memberships);
    });
  }

  /** Ends every session of the user, this one included: they log in again with the new password. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.existing(userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw passwordIncorrect();
    assertAcceptablePassword(newPassword, 'newPassword', user);
    if (newPassword === currentPassword) {
      throw new DomainError(
        'identity.password-rejected',
        'Choose a password different from the current one.',
        {
          errors: [{ field: 'newPassword', messages: ['Choose a password different from the current one.'] }],
        },
      );
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await inTransaction(this.dataSource, async (manager) => {
      await this.users.update(userId, { passwordHash, updatedAt: new Date() }, manager);
      await this.sessions.endAll(userId, manager);
    });
    this.sessions.forgetUser(userId);
  }

  /** Deletes the user with their memberships and sessions; every context hears it and forgets them too. */
  async erase(userId: string, password: string): Promise<void> {
    const user = await this.existing(userId);
    if (!(await this.hasher.verify(user.passwordHash, password))) throw passwordIncorrect();
    await inTransaction(this.dataSource, async (manager) => {
      if (user.admin && !user.disabled && (await this.users.countAdmins(manager)) <= 1) {
        throw new DomainError(
          'rule.violated',
          'You are the only administrator. Make someone else administrator first.',
        );
      }
      await this.erasePerson(user, manager);
    });
    this.sessions.forgetUser(userId);
  }

  private async erasePerson(user: User, manager: EntityManager): Promise<void> {
    await this.memberships.deleteForUser(user.id, manager);
    await this.sessions.deleteAll(user.id, manager);
    await this.users.delete(user.id, manager);
    await appendToOutbox(manager, IDENTITY, USER_ERASED_V1, {
      userId: user.id,
      erasedAt: new Date().toISOString(),
    });
  }

  private async existing(userId: string, manager?: EntityManager): Promise<User> {
    const user = await this.users.findById(userId, manager);
    if (!user) throw notFound('Your account');
    return user;
  }
}
