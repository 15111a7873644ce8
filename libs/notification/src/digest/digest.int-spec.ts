import { randomUUID } from 'node:crypto';
import {
  WELLBEING_FLAG_CLOSED_V1,
  WELLBEING_FLAG_RAISED_V1,
  WELLBEING_SHARING_CHANGED_V1,
  type WellbeingFlagRaisedV1,
} from '@academy/contracts';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { PreferencesService } from '../preferences/preferences.service';
import {
  type NotificationContext,
  startNotificationContext,
} from '../reminders/testing/notification-test-kit';
import { MessageRenderer } from '../templates/message-renderer';
import { DigestScheduler, periodStart } from './digest.scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the digest period', () => {
  it('is Monday 08:00 in Friesland for weekly, this morning 08:00 for daily', () => {
    // Wednesday 2 December 2026, 10:00 in Friesland (UTC+1).
    const wednesday = new Date('2026-12-02T09:00:00Z');
    expect(periodStart('weekly', wednesday, 8).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(periodStart('daily', wednesday, 8).toISOString()).toBe('2026-12-02T07:00:00.000Z');
    // Monday 07:59 is still last week's period.
    expect(periodStart('weekly', new Date('2026-11-30T06:59:00Z'), 8).toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
  });
});

describeEachDatabase('the coordinator digest', (kind) => {
  let context: NotificationContext;
  let digests: DigestScheduler;

  beforeAll(async () => {
    context = await startNotificationContext(kind);
    digests = context.get(DigestScheduler);
  }, 60_000);
  afterAll(() => context?.close());

  async function organisation() {
    const organisationId = randomUUID();
    const coordinator = await context.person('coordinator', organisationId);
    const volunteers = [
      await context.person('volunteer', organisationId),
      await context.person('volunteer', organisationId),
    ];
    return { organisationId, coordinator, volunteers };
  }

  const raise = (
    flag: Partial<WellbeingFlagRaisedV1> & Pick<WellbeingFlagRaisedV1, 'organisationId' | 'volunteerId'>,
  ) =>
    context.deliver(WELLBEING_FLAG_RAISED_V1, {
      flagId: randomUUID(),
      level: 'amber',
      previousLevel: 'green',
      ruleCodes: ['VOL-1'],
      raisedAt: new Date().toISOString(),
      notifyNow: false,
      ...flag,
    });

  const digestsOf = async (userId: string) =>
    (await context.deliveries('coordinator-digest')).filter((d) => d.recipientId === userId);

  it('lists the new flags in one weekly digest, with links and no names or scores, and sends nothing when nothing is new', async () => {
    const { organisationId, coordinator, volunteers } = await organisation();
    const now = Date.now();
    const amberFlag = randomUUID();
    const redFlag = randomUUID();
    await raise({
      organisationId,
      volunteerId: volunteers[0].userId,
      flagId: amberFlag,
      raisedAt: new Date(now - 2 * DAY).toISOString(),
    });
    await raise({
      organisationId,
      volunteerId: volunteers[1].userId,
      flagId: redFlag,
      level: 'red',
      ruleCodes: ['VOL-1', 'REST-1'],
      raisedAt: new Date(now - DAY).toISOString(),
    });
    expect(await digestsOf(coordinator.userId)).toEqual([]);

    const nextWeek = new Date(now + 8 * DAY);
    expect(await digests.runDue(nextWeek)).toBeGreaterThanOrEqual(1);
    const [digest, ...more] = await digestsOf(coordinator.userId);
    expect(more).toEqual([]);
    const start = periodStart('weekly', nextWeek, 8).toISOString();
    expect(digest).toMatchObject({ dedupKey: `${coordinator.userId}:${start}`, optional: 'digest' });
    expect(digest.params).toMatchObject({ count: 2, red: 1, amber: 1 });
    const message = context
      .get(MessageRenderer)
      .render('coordinator-digest', 'nl', digest.params ?? {}, { name: 'Coördinator' }, true);
    expect(message.html).toContain(`/coordinator/flags/${amberFlag}`);
    expect(message.html).toContain(`/coordinator/flags/${redFlag}`);
    expect(message.text).toMatch(/inzet en herstel/);
    expect(message.text).not.toMatch(/gezond|ziek|burn-?out|score/i);
    for (const volunteer of volunteers) expect(message.html).not.toContain(volunteer.displayName);

    // Nothing new: no second digest, this week or the next.
    expect(await digests.runDue(nextWeek)).toBe(0);
    expect(await digests.runDue(new Date(now + 15 * DAY))).toBe(0);
    expect(await digestsOf(coordinator.userId)).toHaveLength(1);
  });

  it('leaves out a closed flag and every flag of a volunteer who objects, at once', async () => {
    const { organisationId, coordinator, volunteers } = await organisation();
    const closed = randomUUID();
    await raise({ organisationId, volunteerId: volunteers[0].userId, flagId: closed });
    await raise({ organisationId, volunteerId: volunteers[1].userId });
    await raise({ organisationId, volunteerId: volunteers[1].userId, level: 'red' });
    await context.deliver(WELLBEING_FLAG_CLOSED_V1, {
      flagId: closed,
      organisationId,
      volunteerId: volunteers[0].userId,
      reason: 'resolved',
      closedAt: new Date().toISOString(),
    });
    await context.deliver(WELLBEING_SHARING_CHANGED_V1, {
      volunteerId: volunteers[1].userId,
      organisationId,
      objectToSharing: true,
      changedAt: new Date().toISOString(),
    });
    await digests.runDue(new Date(Date.now() + 8 * DAY));
    expect(await digestsOf(coordinator.userId)).toEqual([]);
  });

  it('tells coordinators at once when notifyNow, and never about their own signals', async () => {
    const { organisationId, coordinator, volunteers } = await organisation();
    const second = await context.person('coordinator', organisationId);
    const flagId = randomUUID();
    await raise({ organisationId, volunteerId: volunteers[0].userId, flagId, level: 'red', notifyNow: true });
    await raise({ organisationId, volunteerId: second.userId, level: 'red', notifyNow: true });
    const [now, ...more] = await digestsOf(coordinator.userId);
    expect(more).toHaveLength(1);
    expect(now).toMatchObject({
      optional: null,
      params: { variant: 'now', flagUrl: `/coordinator/flags/${flagId}` },
    });
    // The second coordinator hears of the volunteer, not of themselves.
    const theirs = await digestsOf(second.userId);
    expect(theirs).toHaveLength(1);
    expect(theirs[0].params).toMatchObject({ flagUrl: `/coordinator/flags/${flagId}` });
  });

  it('follows the cadence: daily every morning, off never', async () => {
    const { organisationId, coordinator, volunteers } = await organisation();
    await context.get(PreferencesService).update(coordinator.userId, { digest: 'daily' });
    const now = Date.now();
    await raise({
      organisationId,
      volunteerId: volunteers[0].userId,
      raisedAt: new Date(now - HOUR).toISOString(),
    });
    await digests.runDue(new Date(now + DAY + 1));
    await raise({
      organisationId,
      volunteerId: volunteers[1].userId,
      raisedAt: new Date(now + DAY + 2 * HOUR).toISOString(),
    });
    await digests.runDue(new Date(now + 2 * DAY + 1));
    expect(await digestsOf(coordinator.userId)).toHaveLength(2);

    const other = await organisation();
    await context.get(PreferencesService).update(other.coordinator.userId, { digest: 'off' });
    await raise({ organisationId: other.organisationId, volunteerId: other.volunteers[0].userId });
    await digests.runDue(new Date(now + 8 * DAY));
    expect(await digestsOf(other.coordinator.userId)).toEqual([]);
  });
});
