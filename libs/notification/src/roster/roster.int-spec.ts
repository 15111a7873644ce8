import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import {
  meetingsAhead,
  type NotificationContext,
  startNotificationContext,
} from '../reminders/testing/notification-test-kit';
import { RosterScheduler, rosterDueAt } from './roster.scheduler';

const MINUTE = 60_000;

describe('when a roster goes out', () => {
  it('is 18:00 in Friesland on the day before the meeting', () => {
    expect(rosterDueAt(new Date('2026-12-03T09:00:00Z'), 18).toISOString()).toBe('2026-12-02T17:00:00.000Z');
    // A meeting just after midnight, local time: still the evening before in Friesland.
    expect(rosterDueAt(new Date('2026-12-02T23:30:00Z'), 18).toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });
});

describeEachDatabase("the trainer's roster", (kind) => {
  let context: NotificationContext;
  let rosters: RosterScheduler;

  beforeAll(async () => {
    context = await startNotificationContext(kind);
    rosters = context.get(RosterScheduler);
  }, 60_000);
  afterAll(() => context?.close());

  it("sends each trainer the confirmed participants' names the evening before, once per meeting", async () => {
    const [trainer, coTrainer] = [await context.person('trainer'), await context.person('trainer')];
    const session = await context.publishSession({
      trainerIds: [trainer.userId, coTrainer.userId],
      meetings: meetingsAhead(2, 3),
    });
    const [anna, bauke, leaving] = [await context.person(), await context.person(), await context.person()];
    await context.confirm(anna, session);
    await context.confirm(bauke, session);
    await context.cancel(await context.confirm(leaving, session), session);
    const startsAt = new Date(session.meetings[0].startsAt);
    const due = rosterDueAt(startsAt, 18);
    const mine = async () =>
      (await context.deliveries('trainer-roster')).filter((d) =>
        [trainer.userId, coTrainer.userId].includes(d.recipientId),
      );

    await rosters.runDue(new Date(due.getTime() - MINUTE));
    expect(await mine()).toEqual([]);
    await rosters.runDue(new Date(due.getTime() + MINUTE));
    await rosters.runDue(new Date(due.getTime() + 2 * MINUTE));
    const sent = await mine();
    expect(sent.map((d) => d.recipientId).sort()).toEqual([trainer.userId, coTrainer.userId].sort());
    expect(sent[0].params).toMatchObject({ count: 2, courseTitle: session.courseTitle });
    expect((sent[0].params?.participants as string[]).sort()).toEqual(
      [anna.displayName, bauke.displayName].sort(),
    );
    // The next meeting, a week later, gets its own roster.
    await rosters.runDue(
      new Date(rosterDueAt(new Date(session.meetings[1].startsAt), 18).getTime() + MINUTE),
    );
    expect(await mine()).toHaveLength(4);
  });

  it('sends no roster for a cancelled session or a meeting that has begun', async () => {
    const trainer = await context.person('trainer');
    const session = await context.publishSession({
      trainerIds: [trainer.userId],
      meetings: meetingsAhead(1, 3),
    });
    await context.confirm(await context.person(), session);
    await rosters.runDue(new Date(new Date(session.meetings[0].startsAt).getTime() + MINUTE));
    await context.cancelSession(session);
    await rosters.runDue(
      new Date(rosterDueAt(new Date(session.meetings[0].startsAt), 18).getTime() + MINUTE),
    );
    expect(
      (await context.deliveries('trainer-roster')).filter((d) => d.recipientId === trainer.userId),
    ).toEqual([]);
  });
});
