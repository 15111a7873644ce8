import { AUDIENCES, THEMES } from '../catalogue.constants';
import { STARTER_CATEGORIES } from '../migrations/starter-categories';
import { amsterdamDay, amsterdamTime } from './amsterdam-time';
import { DEMO_COURSES } from './demo-courses';
import { DEMO_PROVIDERS } from './demo-providers';
import { DEMO_SESSION_COUNT, demoSessions } from './demo-schedule';

const NOW = new Date('2026-11-28T10:00:00Z');
const wallClock = (date: Date) =>
  date.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

describe('the demo academy', () => {
  const sessions = demoSessions(NOW);

  it('has eight providers and forty courses, each from a known provider, with unique titles', () => {
    expect(DEMO_PROVIDERS).toHaveLength(8);
    expect(DEMO_COURSES).toHaveLength(40);
    const providers = new Set(DEMO_PROVIDERS.map((p) => p.key));
    for (const course of DEMO_COURSES) expect(providers.has(course.provider)).toBe(true);
    expect(new Set(DEMO_COURSES.map((c) => c.title)).size).toBe(DEMO_COURSES.length);
    expect(new Set(DEMO_COURSES.map((c) => c.key)).size).toBe(DEMO_COURSES.length);
  });

  it('speaks Dutch mostly, and Frisian and English too', () => {
    const byLanguage = (language: string) => DEMO_COURSES.filter((c) => c.language === language).length;
    expect(byLanguage('fy')).toBeGreaterThanOrEqual(5);
    expect(byLanguage('en')).toBeGreaterThanOrEqual(3);
    expect(byLanguage('nl')).toBeGreaterThan(byLanguage('fy') + byLanguage('en'));
    expect(DEMO_COURSES.map((c) => c.title)).toEqual(
      expect.arrayContaining(['Praten mei minsken mei demintens', 'Grinzen stelle as mantelsoarger']),
    );
  });

  it('uses only the catalogue’s starter categories, audiences and themes', () => {
    const categories = new Set<string>(STARTER_CATEGORIES.map((c) => c.slug));
    for (const course of DEMO_COURSES) {
      expect(categories.has(course.category)).toBe(true);
      for (const audience of course.audiences) expect(AUDIENCES).toContain(audience);
      for (const theme of course.themes) expect(THEMES).toContain(theme);
    }
  });

  it('describes every course in Markdown with what you learn and for whom', () => {
    for (const course of DEMO_COURSES) {
      expect(course.title.length).toBeLessThanOrEqual(150);
      expect(course.summary.length).toBeGreaterThan(40);
      expect(course.summary.length).toBeLessThanOrEqual(300);
      expect(course.description).toMatch(/^## /m);
      expect(course.description).toMatch(/^- /m);
      expect(course.audiences.length).toBeGreaterThan(0);
      expect(course.themes.length).toBeGreaterThan(0);
    }
  });

  it('schedules 120 sessions, every course at least once', () => {
    expect(sessions).toHaveLength(DEMO_SESSION_COUNT);
    const scheduled = new Set(sessions.map((s) => s.courseKey));
    for (const course of DEMO_COURSES) expect(scheduled.has(course.key)).toBe(true);
  });

  it('is the same academy every time for the same moment (seeded, not Math.random)', () => {
    expect(demoSessions(new Date(NOW))).toEqual(sessions);
  });

  it('never schedules in the past, whenever it is seeded, nor in the Christmas holidays', () => {
    for (const now of [NOW, new Date('2027-03-30T23:30:00Z'), new Date('2027-12-15T08:00:00Z')]) {
      for (const session of demoSessions(now)) {
        const first = session.meetings[0].startsAt.getTime();
        expect(first).toBeGreaterThan(now.getTime() + 13 * 86_400_000);
        if (session.goNoGoAt) {
          expect(session.goNoGoAt.getTime()).toBeGreaterThan(now.getTime());
          expect(session.goNoGoAt.getTime()).toBeLessThan(first);
        }
        if (session.enrolmentClosesAt) expect(session.enrolmentClosesAt.getTime()).toBeLessThan(first);
        for (const meeting of session.meetings) {
          const day = new Date(meeting.startsAt).toLocaleDateString('en-CA', {
            timeZone: 'Europe/Amsterdam',
          });
          expect(day.slice(5)).not.toMatch(/^(12-2[1-9]|12-3[01]|01-0[1-4])$/);
        }
      }
    }
  });

  it('gives workshops one meeting and trainings three to six weekly ones at the same venue and time', () => {
    for (const session of sessions) {
      const course = DEMO_COURSES.find((c) => c.key === session.courseKey)!;
      if (course.kind === 'workshop') {
        expect(session.meetings).toHaveLength(1);
        continue;
      }
      expect(session.meetings.length).toBeGreaterThanOrEqual(3);
      expect(session.meetings.length).toBeLessThanOrEqual(6);
      for (const [index, meeting] of session.meetings.entries()) {
        expect(meeting.location).toEqual(session.meetings[0].location);
        expect(wallClock(meeting.startsAt)).toBe(wallClock(session.meetings[0].startsAt));
        if (index > 0) {
          const gap = amsterdamDay(meeting.startsAt) - amsterdamDay(session.meetings[index - 1].startsAt);
          expect(gap % 7).toBe(0);
        }
      }
    }
  });

  it('meets in the daytime or the evening, for two to three and a half hours', () => {
    for (const meeting of sessions.flatMap((s) => s.meetings)) {
      const minutes = (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(120);
      expect(minutes).toBeLessThanOrEqual(210);
      expect(wallClock(meeting.startsAt)).toMatch(/^(09:30|10:00|13:30|14:00|19:00|19:30)$/);
    }
  });

  it('has believable capacities, minimums and waitlists', () => {
    for (const session of sessions) {
      expect(session.capacity).toBeGreaterThanOrEqual(8);
      expect(session.capacity).toBeLessThanOrEqual(24);
      if (session.minimumParticipants !== undefined) {
        expect(session.minimumParticipants).toBeGreaterThanOrEqual(1);
        expect(session.minimumParticipants).toBeLessThanOrEqual(session.capacity);
        expect(session.goNoGoAt).toBeDefined();
      }
      if (session.waitlistMode === 'offer') expect(session.offerHours).toBeGreaterThan(0);
    }
    expect(sessions.filter((s) => s.minimumParticipants !== undefined).length).toBeGreaterThan(20);
    expect(sessions.filter((s) => s.waitlistMode === 'offer').length).toBeGreaterThan(10);
  });

  it('meets across Friesland and online: a venue has a place, an online meeting a URL', () => {
    const places = new Set(sessions.map((s) => s.meetings[0].location.place ?? 'online'));
    for (const place of ['Leeuwarden', 'Drachten', 'Sneek', 'Heerenveen', 'Dokkum', 'online']) {
      expect(places.has(place)).toBe(true);
    }
    expect(places.size).toBeGreaterThanOrEqual(9);
    for (const { location } of sessions.flatMap((s) => s.meetings)) {
      if (location.online) {
        expect(location.url).toMatch(/^https:\/\/meet\.academie\.example\//);
        expect(location.place).toBeUndefined();
      } else expect(location.place && location.address).toBeTruthy();
    }
    const firstAid = sessions.filter((s) => DEMO_COURSES.find((c) => c.key === s.courseKey)!.inPerson);
    for (const session of firstAid) expect(session.meetings[0].location.online).toBeFalsy();
  });

  it('keeps Dutch wall-clock time across daylight saving', () => {
    expect(amsterdamTime(amsterdamDay(new Date('2027-01-15T12:00:00Z')), '19:30').toISOString()).toBe(
      '2027-01-15T18:30:00.000Z',
    );
    expect(amsterdamTime(amsterdamDay(new Date('2027-06-15T12:00:00Z')), '19:30').toISOString()).toBe(
      '2027-06-15T17:30:00.000Z',
    );
    // The Sunday clocks go forward: 09:30 is already summer time.
    expect(amsterdamTime(amsterdamDay(new Date('2027-03-28T12:00:00Z')), '09:30').toISOString()).toBe(
      '2027-03-28T07:30:00.000Z',
    );
  });
});
