import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { USER_UPDATED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { DomainError, forbidden, inTransaction, notFound, type Principal } from '@academy/platform';
import type { DataSource } from 'typeorm';
import type { Locale, MembershipRole } from '../account/dto/me.response';
import { SessionsService } from '../auth/sessions.service';
import { IDENTITY } from '../identity.constants';
import { Membership } from '../memberships/membership.entity';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import type { UserResponse } from './dto/user.response';
import { type NewAccount, NewAccounts } from './new-accounts';
import type { User } from './user.entity';
import { toMe, toSnapshot } from './user-view';
import { UsersRepository } from './users.repository';

type MembershipInput = Array<{ organisationId: string; role: MembershipRole }>;

export interface UserChangesInput {
  displayName?: string;
  locale?: Locale;
  admin?: boolean;
  disabled?: boolean;
  memberships?: MembershipInput;
}

const organisationNotFound = () => notFound('The organisation');

function toUserResponse(user: User, memberships: Membership[]): UserResponse {
  return { ...toMe(user, memberships), disabled: user.disabled };
}

const key = (m: { organisationId: string; role: string }) => `${m.organisationId}:${m.role}`;

/** Accounts managed by staff: administrators for anyone, coordinators for volunteers of their organisations. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource(IDENTITY) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly accounts: NewAccounts,
    private readonly sessions: SessionsService,
  ) {}

  async create(actor: Principal, input: Omit<NewAccount, 'admin'>): Promise<UserResponse> {
    if (!actor.admin) await this.assertCoordinatorMayAdd(actor, input.memberships);
    await this.assertOrganisationsExist(input.memberships);
    const { user, memberships } = await this.accounts.create({ ...input, admin: false });
    return toUserResponse(user, memberships);
  }

  /** Administrators only. Disabling someone, or taking a right away, ends their sessions at once. */
  async update(actor: Principal, userId: string, changes: UserChangesInput): Promise<UserResponse> {
    if (!actor.admin) throw forbidden();
    if (userId === actor.userId && (changes.disabled === true || changes.admin === false)) {
      throw new DomainError(
        'rule.violated',
        'You cannot disable yourself or take away your own admin rights.',
      );
    }
    const displayName = changes.displayName?.trim();
    if (displayName !== undefined && !displayName) {
      throw new DomainError('validation.failed', 'Fill in a name.', {
        errors: [{ field: 'displayName', messages: ['Fill in a name.'] }],
      });
    }
    if (changes.memberships) await this.assertOrganisationsExist(changes.memberships);
    const result = await inTransaction(this.dataSource, async (manager) => {
      const user = await this.users.findById(userId, manager);
      if (!user) throw notFound('The user');
      const before = await this.memberships.forUser(userId, manager);
      const updatedAt = new Date();
      const next: User = {
        ...user,
        displayName: displayName ?? user.displayName,
        locale: changes.locale ?? user.locale,
        admin: changes.admin ?? user.admin,
        disabled: changes.disabled ?? user.disabled,
        updatedAt,
      };
      let after = before;
      if (changes.memberships) {
        const unique = new Map(changes.memberships.map((m) => [key(m), m]));
        after = [...unique.values()]
          .map((m) => Object.assign(new Membership(), { userId, ...m }))
          .sort((a, b) => key(a).localeCompare(key(b)));
      }
      const membershipsChanged = after.map(key).join() !== before.map(key).join();
      const snapshotChanged =
        membershipsChanged ||
        next.displayName !== user.displayName ||
        next.locale !== user.locale ||
        next.admin !== user.admin;
      if (!snapshotChanged && next.disabled === user.disabled) return toUserResponse(user, before);

      await this.users.update(
        userId,
        {
          displayName: next.displayName,
          locale: next.locale,
          admin: next.admin,
          disabled: next.disabled,
          updatedAt,
        },
        manager,
      );
      if (membershipsChanged) {
        await this.memberships.deleteForUser(userId, manager);
        await this.memberships.insert(after, manager);
      }
      // Access tokens carry roles for 15 minutes; when rights shrink, old tokens must stop at once.
      const kept = new Set(after.map(key));
      const rightsShrank =
        (user.admin && !next.admin) ||
        (!user.disabled && next.disabled) ||
        before.some((m) => !kept.has(key(m)));
      if (rightsShrank) await this.sessions.endAll(userId, manager);
      if (snapshotChanged) {
        await appendToOutbox(manager, IDENTITY, USER_UPDATED_V1, {
          ...toSnapshot(next, after),
          updatedAt: updatedAt.toISOString(),
        });
      }
      return toUserResponse(next, after);
    });
    this.sessions.forgetUser(userId);
    return result;
  }

  /**
   * A coordinator adds volunteers to organisations they coordinate. Another organisation is not theirs to
   * see, so it is "not found" (404), not "forbidden"; a higher role in their own organisation is forbidden.
   */
  private async assertCoordinatorMayAdd(actor: Principal, memberships: MembershipInput): Promise<void> {
    const coordinated = new Set(await this.memberships.organisationIdsWithRole(actor.userId, 'coordinator'));
    if (!coordinated.size) throw forbidden('Only administrators and coordinators can add people.');
    if (!memberships.length) {
      throw new DomainError('rule.violated', 'Add the person to one of your organisations.', {
        errors: [{ field: 'memberships', messages: ['Add the person to one of your organisations.'] }],
      });
    }
    if (memberships.some((m) => !coordinated.has(m.organisationId))) throw organisationNotFound();
    if (memberships.some((m) => m.role !== 'volunteer')) {
      throw forbidden('Coordinators can add volunteers only; ask an administrator for other roles.');
    }
  }

  private async assertOrganisationsExist(memberships: MembershipInput): Promise<void> {
    const ids = [...new Set(memberships.map((m) => m.organisationId))];
    const found = await this.organisations.findByIds(ids);
    if (found.length !== ids.length) throw organisationNotFound();
  }
}
