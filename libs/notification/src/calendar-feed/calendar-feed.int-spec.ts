import ICAL from 'ical.js';
import { DomainError } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { meetingUid } from '../icalendar/session-calendar';
import { PreferencesService } from '../preferences/preferences.service';
import {
  meetingsAhead,
  type NotificationContext,
  startNotificationContext,
} from '../reminders/testing/notification-test-kit';
import { CalendarFeedService } from './calendar-feed.service';

describeEachDatabase('the personal calendar feed', (kind) => {
  let context: NotificationContext;
  let feeds: CalendarFeedService;
  let preferences: PreferencesService;

  beforeAll(async () => {
    context = await startNotificationContext(kind);
    feeds = context.get(CalendarFeedService);
    preferences = context.get(PreferencesService);
  }, 60_000);
  afterAll(() => context?.close());

  const tokenOf = (url: string) => /\/api\/calendar\/([^/]+)\.ics$/.exec(url)?.[1] ?? '';

  it("holds the person's confirmed meetings with the invitations' UIDs, and nothing of other sessions", async () => {
    const volunteer = await context.person();
    const training = await context.publishSession({ courseKind: 'training', meetings: meetingsAhead(3, 5) });
    const cancelledLater = await context.publishSession({ meetings: meetingsAhead(1, 6) });
    const notMine = await context.publishSession({ meetings: meetingsAhead(1, 7) });
    await context.confirm(volunteer, training);
    const gone = await context.confirm(volunteer, cancelledLater);
    await context.cancel(gone, cancelledLater);
    await context.confirm(await context.person(), notMine);

    const token = tokenOf(await preferences.resetCalendarToken(volunteer.userId));
    const feed = await feeds.feed(token);
    const calendar = new ICAL.Component(ICAL.parse(feed.body) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid).sort()).toEqual(
      training.meetings.map((m) => meetingUid(m.meetingId)).sort(),
    );
    expect(events[0].summary).toBe(training.courseTitle);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // Unchanged feed, same ETag: calendar apps polling it get a 304.
    expect((await feeds.feed(token)).etag).toBe(feed.etag);
  });

  it('follows a moved meeting with a higher SEQUENCE', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(1, 5) });
    await context.confirm(volunteer, session);
    const token = tokenOf(await preferences.resetCalendarToken(volunteer.userId));
    const before = await feeds.feed(token);
    const moved = new Date(new Date(session.meetings[0].startsAt).getTime() + 86_400_000).toISOString();
    const endsAt = new Date(new Date(moved).getTime() + 2 * 3_600_000).toISOString();
    await context.changeSession(session, { meetings: [{ ...session.meetings[0], startsAt: moved, endsAt }] });
    const after = await feeds.feed(token);
    expect(after.etag).not.toBe(before.etag);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(after.body) as unknown[]).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(moved);
    expect(event.sequence).toBe(2);
  });

  it('stops answering the old address at once when the token is reset, and never answers a guess', async () => {
    const volunteer = await context.person();
    const old = tokenOf(await preferences.resetCalendarToken(volunteer.userId));
    const fresh = tokenOf(await preferences.resetCalendarToken(volunteer.userId));
    expect(fresh).not.toBe(old);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(feeds.feed(fresh)).resolves.toBeDefined();
    for (const wrong of [old, 'x'.repeat(43), '', '../../etc/passwd']) {
      const error: unknown = await feeds.feed(wrong).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('resource.not-found');
    }
    expect((await preferences.get(volunteer.userId)).calendarFeedUrl).toContain(`/api/calendar/${fresh}.ics`);
  });
});
