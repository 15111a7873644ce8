import { randomBytes } from 'node:crypto';
import { USER_REGISTERED_V1 } from '@academy/contracts';
import { outboxSchema } from '@academy/messaging';
import { ConfigError } from '@academy/platform';
import { createTestDatabase, describeEachDatabase } from '@academy/platform/testing/test-databases';
import { AuthService } from '../auth/auth.service';
import { Organisation } from '../organisations/organisation.entity';
import { RegistrationService } from '../registration/registration.service';
import { startIdentityContext } from '../testing/identity-context';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-accounts';

const ADMIN_PASSWORD = 'De earste behearder fan de akademy';

describeEachDatabase('first admin and demo data', (kind) => {
  it('fills an empty database with the documented demo organisations and accounts, once', async () => {
    const database = await createTestDatabase(kind);
    try {
      const first = await startIdentityContext(kind, { env: { DEMO_DATA: 'on' }, database });
      try {
        const auth = first.get(AuthService);
        for (const account of DEMO_ACCOUNTS) {
          const { user } = await auth.login(account.email, account.password, '192.0.2.50');
          expect(user).toMatchObject({ email: account.email, admin: account.admin, locale: account.locale });
          // The catalogue's demo sessions name the demo trainer by this agreed id.
          if (account.id) expect(user.id).toBe(account.id);
          expect(user.memberships.map((m) => m.role).sort()).toEqual(
            account.memberships.map((m) => m.role).sort(),
          );
        }
        for (const organisation of DEMO_ORGANISATIONS) {
          const me = await first.get(RegistrationService).register(
            {
              email: `nij-${randomBytes(3).toString('hex')}@example.org`,
              password: 'Nij by de feriening',
              displayName: 'Nij',
              joinCode: organisation.joinCode,
            },
            '192.0.2.51',
          );
          expect(me.memberships).toHaveLength(1);
        }
        const registered = await first.dataSource
          .getRepository(outboxSchema('identity'))
          .countBy({ type: USER_REGISTERED_V1.type });
        expect(registered).toBe(DEMO_ACCOUNTS.length + DEMO_ORGANISATIONS.length);
      } finally {
        await first.close();
      }

      // A restart on the same database adds nothing.
      const again = await startIdentityContext(kind, { env: { DEMO_DATA: 'on' }, database });
      try {
        expect(await again.dataSource.getRepository(Organisation).count()).toBe(DEMO_ORGANISATIONS.length);
        expect(await again.dataSource.getRepository(User).count()).toBe(
          DEMO_ACCOUNTS.length + DEMO_ORGANISATIONS.length,
        );
      } finally {
        await again.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('lets the configured admin take the demo admin’s place, and creates it only once', async () => {
    const database = await createTestDatabase(kind);
    const env = {
      DEMO_DATA: 'on',
      ACADEMY_ADMIN_EMAIL: 'Beheer@Academie.test',
      ACADEMY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    };
    try {
      for (let start = 0; start < 2; start++) {
        const identity = await startIdentityContext(kind, { env, database });
        try {
          const admins = await identity.dataSource.getRepository(User).findBy({ admin: true });
          expect(admins.map((u) => u.email)).toEqual(['beheer@academie.test']);
          const { user } = await identity
            .get(AuthService)
            .login('beheer@academie.test', ADMIN_PASSWORD, '192.0.2.52');
          expect(user.admin).toBe(true);
        } finally {
          await identity.close();
        }
      }
    } finally {
      await database.drop();
    }
  });

  it('makes an existing account the admin when there is none (the operator’s way back in)', async () => {
    const database = await createTestDatabase(kind);
    try {
      const plain = await startIdentityContext(kind, { env: { DEMO_DATA: 'on' }, database });
      try {
        await plain.dataSource.getRepository(User).update({ admin: true }, { admin: false });
      } finally {
        await plain.close();
      }
      const env = {
        ACADEMY_ADMIN_EMAIL: 'coordinator@academie.example',
        ACADEMY_ADMIN_PASSWORD: ADMIN_PASSWORD,
      };
      const identity = await startIdentityContext(kind, { env, database });
      try {
        const { user } = await identity
          .get(AuthService)
          .login('coordinator@academie.example', ADMIN_PASSWORD, '192.0.2.53');
        expect(user).toMatchObject({ admin: true, memberships: [{ role: 'coordinator' }] });
      } finally {
        await identity.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('refuses to start with a common password for the first admin, naming the setting', async () => {
    const env = { ACADEMY_ADMIN_EMAIL: 'beheer@academie.test', ACADEMY_ADMIN_PASSWORD: 'Welkom123456' };
    const error = await startIdentityContext(kind, { env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe('ACADEMY_ADMIN_PASSWORD');
    expect((error as Error).message).not.toContain('Welkom123456');
  });
});
