import { amsterdamDay, amsterdamTime, monthAndDay, weekday } from './amsterdam-time';
import { DEMO_COURSES, type DemoCourse, type DemoSlot } from './demo-courses';
import {
  ALL_PLACES,
  CITY_PLACES,
  DEMO_VENUES,
  type DemoPlaceKey,
  FRISIAN_PLACES,
  ONLINE_VENUE,
  onlineMeetingUrl,
} from './demo-venues';

export interface DemoLocation {
  name: string;
  /** The village or town of a venue; none for an online meeting. */
  place?: string;
  address?: string;
  online?: boolean;
  url?: string;
}

export interface DemoMeeting {
  startsAt: Date;
  endsAt: Date;
  location: DemoLocation;
}

export interface DemoSession {
  courseKey: string;
  capacity: number;
  minimumParticipants?: number;
  goNoGoAt?: Date;
  enrolmentClosesAt?: Date;
  cancellationDeadlineHours: number;
  waitlistMode: 'auto' | 'offer';
  offerHours?: number;
  meetings: DemoMeeting[];
}

export const DEMO_SESSION_COUNT = 120;
/** The first meeting is at least two weeks away, so a go/no-go date a week before it is still ahead. */
export const FIRST_DAY_OFFSET = 14;
/** The schedule covers about six months. */
export const HORIZON_DAYS = 182;

const SLOT_TIMES: Record<DemoSlot, ReadonlyArray<readonly [string, string]>> = {
  morning: [
    ['09:30', '12:00'],
    ['10:00', '12:30'],
  ],
  afternoon: [
    ['13:30', '16:00'],
    ['14:00', '16:30'],
  ],
  evening: [
    ['19:30', '21:30'],
    ['19:00', '21:30'],
    ['19:30', '22:00'],
  ],
  saturday: [['09:30', '12:30']],
};

/** Weekdays a slot falls on: evenings Monday to Thursday, daytime Monday to Friday, Saturdays on Saturday. */
const SLOT_DAYS: Record<DemoSlot, readonly number[]> = {
  morning: [1, 2, 3, 4, 5],
  afternoon: [1, 2, 3, 4, 5],
  evening: [1, 2, 3, 4],
  saturday: [6],
};

/** A small, seeded pseudo-random generator (mulberry32): the same seed gives the same academy. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return h >>> 0;
}

type Random = () => number;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** No meetings in the Christmas holidays (21 December to 4 January): nobody would come. */
function inChristmasBreak(day: number): boolean {
  const { month, dayOfMonth } = monthAndDay(day);
  return (month === 12 && dayOfMonth >= 21) || (month === 1 && dayOfMonth <= 4);
}

/** The first day on or after `day` that suits the slot and is not in the holidays. */
function nextSuitableDay(day: number, slot: DemoSlot, preferred: number): number {
  const days = SLOT_DAYS[slot];
  const target = days.includes(preferred) ? preferred : days[0];
  let candidate = day;
  while (weekday(candidate) !== target || inChristmasBreak(candidate)) candidate++;
  return candidate;
}

/** How many sessions each course gets: three on average, some two and some four, 120 in all. */
function sessionCounts(courses: readonly DemoCourse[], random: Random): Map<string, number> {
  const counts = new Map(courses.map((course) => [course.key, 3]));
  let total = courses.length * 3;
  for (let moves = 0; moves < 12;) {
    const from = pick(random, courses).key;
    const to = pick(random, courses).key;
    if (from === to || counts.get(from)! <= 2 || counts.get(to)! >= 4) continue;
    counts.set(from, counts.get(from)! - 1);
    counts.set(to, counts.get(to)! + 1);
    moves++;
  }
  // Top up or trim so the academy always has exactly DEMO_SESSION_COUNT sessions.
  for (const course of courses) {
    if (total === DEMO_SESSION_COUNT) break;
    const delta = total < DEMO_SESSION_COUNT ? 1 : -1;
    counts.set(course.key, counts.get(course.key)! + delta);
    total += delta;
  }
  return counts;
}

function placesFor(course: DemoCourse): { online: number; places: readonly DemoPlaceKey[] } {
  const inPerson = course.inPerson ?? false;
  switch (course.reach) {
    case 'online':
      return { online: 0.7, places: CITY_PLACES };
    case 'city':
      return { online: inPerson ? 0 : 0.25, places: CITY_PLACES };
    case 'frisian':
      return { online: inPerson ? 0 : 0.1, places: FRISIAN_PLACES };
    case 'everywhere':
      // The towns with the most rooms and volunteers come up more often than the villages.
      return { online: inPerson ? 0 : 0.15, places: [...ALL_PLACES, ...CITY_PLACES, 'leeuwarden'] };
  }
}

function locationFor(course: DemoCourse, number: number, used: Set<string>, random: Random): DemoLocation {
  const { online, places } = placesFor(course);
  if (random() < online && !used.has('online')) {
    used.add('online');
    return { ...ONLINE_VENUE, online: true, url: onlineMeetingUrl(course.key, number) };
  }
  let place = pick(random, places);
  // Spread a course's sessions over the province rather than repeating one town.
  for (let tries = 0; tries < 6 && used.has(place); tries++) place = pick(random, places);
  used.add(place);
  const venue = pick(random, DEMO_VENUES[place]);
  return { name: venue.name, place: venue.place, address: venue.address };
}

function sessionFor(
  course: DemoCourse,
  number: number,
  of: number,
  today: number,
  used: Set<string>,
  random: Random,
): DemoSession {
  const slot = pick(random, course.slots);
  const [startTime, endTime] = pick(random, SLOT_TIMES[slot]);
  // Session n of a course lands in the n-th part of the horizon, so a course runs all season.
  const window = Math.floor((HORIZON_DAYS - FIRST_DAY_OFFSET) / of);
  const earliest = today + FIRST_DAY_OFFSET + number * window + between(random, 0, Math.max(0, window - 8));
  let day = nextSuitableDay(earliest, slot, between(random, 1, 5));
  const location = locationFor(course, number + 1, used, random);
  const meetings: DemoMeeting[] = [];
  for (let n = 0; n < course.meetings; n++) {
    meetings.push({ startsAt: amsterdamTime(day, startTime), endsAt: amsterdamTime(day, endTime), location });
    day += 7;
    while (inChristmasBreak(day)) day += 7;
  }
  const firstDay = amsterdamDay(meetings[0].startsAt);

  const training = course.kind === 'training';
  const capacity = course.themes.includes('first-aid')
    ? between(random, 4, 6) * 2
    : training
      ? between(random, 8, 16)
      : between(random, 6, 12) * 2;
  const session: DemoSession = {
    courseKey: course.key,
    capacity,
    cancellationDeadlineHours: training ? 48 : 24,
    waitlistMode: 'auto',
    meetings,
  };
  if (random() < (training ? 0.6 : 0.3)) {
    session.minimumParticipants = Math.min(Math.floor(capacity / 2), between(random, 4, 8));
    session.goNoGoAt = amsterdamTime(firstDay - 7, '12:00');
  }
  if (training) session.enrolmentClosesAt = amsterdamTime(firstDay - 2, '17:00');
  if (random() < 0.25) {
    session.waitlistMode = 'offer';
    session.offerHours = pick(random, [12, 24, 48]);
  }
  return session;
}

/**
 * The demo academy's 120 sessions, computed from `now` so they always lie ahead: the first meeting at least
 * two weeks away, the last within about seven months. The same `now` always gives the same sessions
 * (seeded per course, never Math.random), so tests can rely on them.
 */
export function demoSessions(now: Date): DemoSession[] {
  const today = amsterdamDay(now);
  const counts = sessionCounts(DEMO_COURSES, seededRandom(0x5eed2026));
  return DEMO_COURSES.flatMap((course) => {
    const random = seededRandom(hash(course.key));
    const used = new Set<string>();
    const of = counts.get(course.key)!;
    return Array.from({ length: of }, (_, number) => sessionFor(course, number, of, today, used, random));
  });
}
