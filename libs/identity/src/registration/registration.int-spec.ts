import { randomBytes } from 'node:crypto';
import { USER_ERASED_V1, USER_REGISTERED_V1 } from '@academy/contracts';
import { outboxSchema } from '@academy/messaging';
import { DomainError } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { AccountService } from '../account/account.service';
import { RefreshToken } from '../auth/refresh-token.entity';
import { AuthService } from '../auth/auth.service';
import { Membership } from '../memberships/membership.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { type IdentityContext, startIdentityContext } from '../testing/identity-context';
import { User } from '../users/user.entity';
import { RegistrationService } from './registration.service';

const email = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.org`;
const PASSWORD = 'Fietsen langs de Dokkumer Ee';

describeEachDatabase('identity registration and erasure', (kind) => {
  let identity: IdentityContext;
  let registration: RegistrationService;
  let joinCode: string;

  beforeAll(async () => {
    identity = await startIdentityContext(kind);
    registration = identity.get(RegistrationService);
  });
  afterAll(() => identity.close());

  beforeEach(async () => {
    ({ joinCode } = await identity
      .get(OrganisationsService)
      .create(`Buurthuis ${randomBytes(4).toString('hex')}`));
  });

  const outbox = () => identity.dataSource.getRepository(outboxSchema('identity'));
  const eventsFor = async (type: string, userId: string) =>
    (await outbox().findBy({ type })).filter((row) => JSON.parse(row.payload).payload.userId === userId);
  const userByEmail = (address: string) =>
    identity.dataSource.getRepository(User).findOneBy({ email: address });

  it('writes the volunteer, their membership and identity.user.registered.v1 together', async () => {
    const address = email('sjoukje');
    const me = await registration.register(
      {
        email: address.toUpperCase(),
        password: PASSWORD,
        displayName: 'Sjoukje',
        joinCode: joinCode.toLowerCase(),
      },
      '192.0.2.1',
    );
    expect(me).toMatchObject({ email: address, admin: false, locale: 'nl' });
    expect(me.memberships).toEqual([{ organisationId: expect.any(String), role: 'volunteer' }]);
    expect(await userByEmail(address)).toMatchObject({ id: me.id, displayName: 'Sjoukje' });
    const [event] = await eventsFor(USER_REGISTERED_V1.type, me.id);
    expect(JSON.parse(event.payload).payload).toMatchObject({
      userId: me.id,
      email: address,
      memberships: me.memberships,
    });
  });

  it('writes neither the user nor the event when the outbox cannot be written', async () => {
    const address = email('outbox-down');
    await identity.dataSource.query('ALTER TABLE identity_outbox RENAME TO identity_outbox_away');
    try {
      await expect(
        registration.register(
          { email: address, password: PASSWORD, displayName: 'Wytse', joinCode },
          '192.0.2.2',
        ),
      ).rejects.toThrow();
    } finally {
      await identity.dataSource.query('ALTER TABLE identity_outbox_away RENAME TO identity_outbox');
    }
    expect(await userByEmail(address)).toBeNull();
  });

  it('writes no event when the user cannot be written (a taken email), even when two sign up at once', async () => {
    const address = email('twice');
    const attempt = (name: string) =>
      registration.register({ email: address, password: PASSWORD, displayName: name, joinCode }, '192.0.2.3');
    const results = await Promise.allSettled([attempt('First'), attempt('Second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected');
    expect(failure?.reason).toBeInstanceOf(DomainError);
    expect((failure?.reason as DomainError).code).toBe('identity.email-taken');
    const user = await userByEmail(address);
    expect(await eventsFor(USER_REGISTERED_V1.type, user!.id)).toHaveLength(1);
    expect(await identity.dataSource.getRepository(User).countBy({ email: address })).toBe(1);
  });

  it('refuses an unknown join code and a common password, writing nothing', async () => {
    const before = await outbox().count();
    await expect(
      registration.register(
        { email: email('lost'), password: PASSWORD, displayName: 'X', joinCode: 'ZZZZZZZZ' },
        '192.0.2.4',
      ),
    ).rejects.toMatchObject({ code: 'identity.join-code-unknown', status: 422 });
    await expect(
      registration.register(
        { email: email('weak'), password: 'welkom123456', displayName: 'X', joinCode },
        '192.0.2.4',
      ),
    ).rejects.toMatchObject({ code: 'identity.password-rejected', status: 422 });
    expect(await outbox().count()).toBe(before);
  });

  it('erases the user with memberships and sessions, and announces identity.user.erased.v1', async () => {
    const address = email('leaving');
    const me = await registration.register(
      { email: address, password: PASSWORD, displayName: 'Leaving', joinCode },
      '192.0.2.5',
    );
    await identity.get(AuthService).login(address, PASSWORD, '192.0.2.5');
    expect(await identity.dataSource.getRepository(RefreshToken).countBy({ userId: me.id })).toBe(1);

    await expect(identity.get(AccountService).erase(me.id, 'not my password!')).rejects.toMatchObject({
      code: 'identity.password-incorrect',
    });
    await identity.get(AccountService).erase(me.id, PASSWORD);

    expect(await identity.dataSource.getRepository(User).countBy({ id: me.id })).toBe(0);
    expect(await identity.dataSource.getRepository(Membership).countBy({ userId: me.id })).toBe(0);
    expect(await identity.dataSource.getRepository(RefreshToken).countBy({ userId: me.id })).toBe(0);
    expect(await eventsFor(USER_ERASED_V1.type, me.id)).toHaveLength(1);
    await expect(identity.get(AuthService).login(address, PASSWORD, '192.0.2.5')).rejects.toMatchObject({
      code: 'auth.invalid-credentials',
    });
  });
});
