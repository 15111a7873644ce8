import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { USER_UPDATED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import {
  APP_CONFIG,
  type AppConfig,
  ConfigError,
  DomainError,
  inTransaction,
  isDuplicateKey,
} from '@academy/platform';
import type { DataSource } from 'typeorm';
import { SessionsService } from '../auth/sessions.service';
import { IDENTITY } from '../identity.constants';
import { MembershipsRepository } from '../memberships/memberships.repository';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblems } from '../passwords/password-policy';
import { NewAccounts } from '../users/new-accounts';
import { normaliseEmail, toSnapshot } from '../users/user-view';
import { UsersRepository } from '../users/users.repository';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-accounts';

const FIRST_ADMIN_NAME = 'Beheerder';

/**
 * At start: demo data into an empty database (DEMO_DATA=on), then the first admin from ACADEMY_ADMIN_*
 * when no admin exists. Both are idempotent and safe when several replicas start at once: the unique
 * indexes let one win and the others move on.
 */
@Injectable()
export class IdentitySeeder implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('IdentitySeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource(IDENTITY) private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly accounts: NewAccounts,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  /** Before anything starts working: a first-admin password we would refuse from a person stops the app. */
  onModuleInit(): void {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const problems = passwordProblems(adminPassword, { email: adminEmail });
    if (problems.length) throw new ConfigError('ACADEMY_ADMIN_PASSWORD', `is not accepted: ${problems[0]}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoData) await this.seedDemo();
    await this.ensureFirstAdmin();
  }

  private async seedDemo(): Promise<void> {
    if ((await this.users.count()) > 0 || (await this.organisations.count()) > 0) return;
    const ids = new Map<string, string>();
    try {
      await inTransaction(this.dataSource, async (manager) => {
        for (const demo of DEMO_ORGANISATIONS) {
          const organisation = Object.assign(new Organisation(), {
            id: randomUUID(),
            name: demo.name,
            joinCode: demo.joinCode,
            createdAt: new Date(),
          });
          await this.organisations.insert(organisation, manager);
          ids.set(demo.key, organisation.id);
        }
      });
    } catch (error) {
      if (isDuplicateKey(error)) return; // another replica is seeding
      throw error;
    }
    // The configured admin takes the demo admin's place.
    const accounts = DEMO_ACCOUNTS.filter((account) => !(account.admin && this.config.adminEmail));
    for (const account of accounts) {
      await this.accounts.create({
        id: account.id,
        email: account.email,
        password: account.password,
        displayName: account.displayName,
        locale: account.locale,
        admin: account.admin,
        memberships: account.memberships.map((m) => ({
          organisationId: ids.get(m.organisation)!,
          role: m.role,
        })),
      });
    }
    this.logger.log(`Demo data: ${DEMO_ORGANISATIONS.length} organisations, ${accounts.length} accounts`);
  }

  private async ensureFirstAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    if ((await this.users.countAdmins()) > 0) return;
    const email = normaliseEmail(adminEmail);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      await this.promote(existing.id, adminPassword);
      this.logger.warn(`ACADEMY_ADMIN_EMAIL belongs to an existing account; it is now an administrator`);
      return;
    }
    try {
      await this.accounts.create({
        email,
        password: adminPassword,
        displayName: FIRST_ADMIN_NAME,
        admin: true,
        memberships: [],
      });
      this.logger.log('Created the first administrator from ACADEMY_ADMIN_EMAIL');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'identity.email-taken') return;
      throw error;
    }
  }

  /** The operator's recovery path: the configured account becomes an enabled admin with the configured password. */
  private async promote(userId: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await inTransaction(this.dataSource, async (manager) => {
      const user = await this.users.findById(userId, manager);
      if (!user) return;
      const updatedAt = new Date();
      await this.users.update(userId, { admin: true, disabled: false, passwordHash, updatedAt }, manager);
      await this.sessions.endAll(userId, manager);
      const memberships = await this.memberships.forUser(userId, manager);
      await appendToOutbox(manager, IDENTITY, USER_UPDATED_V1, {
        ...toSnapshot({ ...user, admin: true, updatedAt }, memberships),
        updatedAt: updatedAt.toISOString(),
      });
    });
    this.sessions.forgetUser(userId);
  }
}
