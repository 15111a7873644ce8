import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  type SessionChange,
} from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import { DomainError, inTransaction, notFound, type Principal } from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { CatalogueViews } from '../courses/catalogue-views';
import { assertManagesCourse, assertMayCreateCourses, managesCourse } from '../courses/course-access';
import type { Course } from '../courses/course.entity';
import { CoursesRepository } from '../courses/courses.repository';
import { SearchCache } from '../search/search-cache';
import { SeatsRepository } from '../seats/seats.repository';
import { toDate } from '../shared/instant';
import { textKey } from '../shared/text-key';
import { FieldErrors, invalid, validateInput } from '../shared/validate-input';
import { CancelSessionRequest } from './dto/cancel-session.request';
import { CreateSessionRequest, type MeetingRequest } from './dto/create-session.request';
import type { SessionResponse } from './dto/session.response';
import { UpdateSessionRequest } from './dto/update-session.request';
import { Meeting } from './meeting.entity';
import { Session } from './session.entity';
import { type MeetingDraft, sessionProblems } from './session-rules';
import { sessionSnapshot } from './session-snapshot';
import { SessionsRepository } from './sessions.repository';

const sessionNotFound = () => notFound('The session');

const DEFAULTS = {
  minimumParticipants: 0,
  cancellationDeadlineHours: 48,
  waitlistMode: 'auto',
  offerHours: 24,
} as const;

function toMeeting(sessionId: string, request: MeetingRequest): Meeting {
  const online = request.location.online ?? false;
  return Object.assign(new Meeting(), {
    id: request.id ?? randomUUID(),
    sessionId,
    startsAt: toDate(request.startsAt),
    endsAt: toDate(request.endsAt),
    locationName: request.location.name.trim(),
    place: request.location.place?.trim() || null,
    address: request.location.address?.trim() || null,
    online,
    url: request.location.url?.trim() || null,
  });
}

/** The session's search columns, taken from its meetings. */
function denormalise(
  meetings: Meeting[],
): Pick<Session, 'firstStartsAt' | 'lastEndsAt' | 'place' | 'placeKey' | 'online'> {
  const ordered = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const venue = ordered.find((m) => !m.online && m.place);
  const place = venue?.place ?? null;
  return {
    firstStartsAt: ordered[0].startsAt,
    lastEndsAt: new Date(Math.max(...ordered.map((m) => m.endsAt.getTime()))),
    place,
    placeKey: place ? textKey(place) : null,
    online: ordered[0].online,
  };
}

const sameTime = (a: Meeting, b: Meeting) =>
  a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();
const samePlace = (a: Meeting, b: Meeting) =>
  a.locationName === b.locationName &&
  a.place === b.place &&
  a.address === b.address &&
  a.online === b.online &&
  a.url === b.url;
const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Sessions and their meetings: what people enrol in. Every change to a published one is announced. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource(CATALOGUE) private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly courses: CoursesRepository,
    private readonly seats: SeatsRepository,
    private readonly views: CatalogueViews,
    private readonly cache: SearchCache,
  ) {}

  /** A new session of a course; on a published course it is published (and announced) at once. */
  async create(
    principal: Principal,
    courseId: string,
    input: CreateSessionRequest,
  ): Promise<SessionResponse> {
    assertMayCreateCourses(principal);
    const request = await validateInput(CreateSessionRequest, input);
    return inTransaction(this.dataSource, async (manager) => {
      const course = await this.courses.lock(courseId, manager);
      if (!course) throw notFound('The course');
      await assertManagesCourse(this.courses, principal, courseId, manager);
      if (course.status === 'archived') {
        throw new DomainError('rule.violated', 'This course is archived; publish it again to add sessions.');
      }
      const now = new Date();
      const id = randomUUID();
      const meetings = request.meetings.map((m) => toMeeting(id, m));
      const session = Object.assign(new Session(), {
        id,
        courseId,
        capacity: request.capacity,
        minimumParticipants: request.minimumParticipants ?? DEFAULTS.minimumParticipants,
        goNoGoAt: toDate(request.goNoGoAt) ?? null,
        enrolmentOpensAt: toDate(request.enrolmentOpensAt) ?? null,
        enrolmentClosesAt: toDate(request.enrolmentClosesAt) ?? null,
        cancellationDeadlineHours: request.cancellationDeadlineHours ?? DEFAULTS.cancellationDeadlineHours,
        waitlistMode: request.waitlistMode ?? DEFAULTS.waitlistMode,
        offerHours: request.offerHours ?? DEFAULTS.offerHours,
        status: 'scheduled' as const,
        published: course.status === 'published',
        version: 1,
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
      });
      const problems = sessionProblems(
        { ...session, meetings: meetings.map((m) => ({ ...m, checkPast: true })) },
        {
          kind: course.kind,
          now,
          given: new Set(
            (['goNoGoAt', 'enrolmentOpensAt', 'enrolmentClosesAt'] as const).filter(
              (f) => request[f] !== undefined,
            ),
          ),
        },
      );
      if (problems.length) throw invalid(problems);
      Object.assign(session, denormalise(meetings));
      const trainerIds = [
        ...new Set(
          request.trainerIds ?? (await this.courses.trainersOf([courseId], manager)).get(courseId) ?? [],
        ),
      ].sort();

      await this.sessions.insert(session, manager);
      this.cache.changed(manager);
      await this.sessions.replaceMeetings(id, meetings, manager);
      await this.sessions.setTrainers(id, trainerIds, manager);
      if (session.published) {
        await appendToOutbox(manager, CATALOGUE, SESSION_PUBLISHED_V1, {
          ...sessionSnapshot(course, session, meetings, trainerIds),
          publishedAt: now.toISOString(),
        });
      }
      return this.views.session(session, manager);
    });
  }

  /** Changes the fields given; `meetings`, when given, is the whole new list (ids keep meetings). */
  async update(
    principal: Principal,
    sessionId: string,
    input: UpdateSessionRequest,
  ): Promise<SessionResponse> {
    assertMayCreateCourses(principal);
    const request = await validateInput(UpdateSessionRequest, input);
    return inTransaction(this.dataSource, async (manager) => {
      const { session, course } = await this.lockForChange(principal, sessionId, manager);
      const now = new Date();
      const before = (await this.sessions.meetingsOf([sessionId], manager)).get(sessionId) ?? [];
      const beforeTrainers = (await this.sessions.trainersOf([sessionId], manager)).get(sessionId) ?? [];

      const errors = new FieldErrors();
      const known = new Map(before.map((m) => [m.id, m]));
      let meetings = before;
      let drafts: MeetingDraft[] = before.map((m) => ({ ...m, checkPast: false }));
      if (request.meetings) {
        meetings = request.meetings.map((m) => toMeeting(sessionId, m));
        request.meetings.forEach((m, index) => {
          if (m.id && !known.has(m.id))
            errors.add(`meetings.${index}.id`, 'This is not a meeting of this session.');
        });
        drafts = meetings.map((m) => {
          const old = known.get(m.id);
          return { ...m, checkPast: !old || !sameTime(old, m) };
        });
      }
      errors.throwIfAny();

      const next: Session = {
        ...session,
        capacity: request.capacity ?? session.capacity,
        minimumParticipants: request.minimumParticipants ?? session.minimumParticipants,
        goNoGoAt: request.goNoGoAt === undefined ? session.goNoGoAt : toDate(request.goNoGoAt),
        enrolmentOpensAt:
          request.enrolmentOpensAt === undefined
            ? session.enrolmentOpensAt
            : toDate(request.enrolmentOpensAt),
        enrolmentClosesAt:
          request.enrolmentClosesAt === undefined
            ? session.enrolmentClosesAt
            : toDate(request.enrolmentClosesAt),
        cancellationDeadlineHours: request.cancellationDeadlineHours ?? session.cancellationDeadlineHours,
        waitlistMode: request.waitlistMode ?? session.waitlistMode,
        offerHours: request.offerHours ?? session.offerHours,
      };
      const given = new Set(
        (['goNoGoAt', 'enrolmentOpensAt', 'enrolmentClosesAt'] as const).filter(
          (f) => request[f] !== undefined && !sameInstant(next[f], session[f]),
        ),
      );
      const confirmed = (await this.seats.find(sessionId, manager))?.confirmed ?? 0;
      const problems = sessionProblems(
        { ...next, meetings: drafts },
        { kind: course.kind, now, confirmed, given },
      );
      if (problems.length) throw invalid(problems);

      const trainerIds = request.trainerIds ? [...new Set(request.trainerIds)].sort() : beforeTrainers;
      const changes = new Set<SessionChange>();
      if (request.meetings) {
        const removedOrAdded = meetings.length !== before.length || meetings.some((m) => !known.has(m.id));
        if (removedOrAdded || meetings.some((m) => !sameTime(known.get(m.id)!, m))) changes.add('time');
        if (removedOrAdded || meetings.some((m) => !samePlace(known.get(m.id)!, m))) changes.add('place');
      }
      if (next.capacity !== session.capacity) changes.add('capacity');
      if (
        !sameInstant(next.enrolmentOpensAt, session.enrolmentOpensAt) ||
        !sameInstant(next.enrolmentClosesAt, session.enrolmentClosesAt)
      ) {
        changes.add('enrolment');
      }
      if (trainerIds.join() !== beforeTrainers.join()) changes.add('trainers');
      if (
        next.minimumParticipants !== session.minimumParticipants ||
        !sameInstant(next.goNoGoAt, session.goNoGoAt) ||
        next.cancellationDeadlineHours !== session.cancellationDeadlineHours ||
        next.waitlistMode !== session.waitlistMode ||
        next.offerHours !== session.offerHours
      ) {
        changes.add('rules');
      }
      if (!changes.size) return this.views.session(session, manager);

      Object.assign(next, denormalise(meetings), { version: session.version + 1, updatedAt: now });
      const { id: _id, courseId: _course, createdAt: _created, ...columns } = next;
      await this.sessions.update(sessionId, columns, manager);
      this.cache.changed(manager);
      if (request.meetings) await this.sessions.replaceMeetings(sessionId, meetings, manager);
      if (changes.has('trainers')) await this.sessions.setTrainers(sessionId, trainerIds, manager);
      if (next.published) {
        await appendToOutbox(manager, CATALOGUE, SESSION_CHANGED_V1, {
          ...sessionSnapshot(course, next, meetings, trainerIds),
          changes: [...changes],
          changedAt: now.toISOString(),
        });
      }
      return this.views.session(next, manager);
    });
  }

  /** Cancels a session; everyone enrolled is told the reason (through catalogue.session.cancelled.v1). */
  async cancel(principal: Principal, sessionId: string, reason: string): Promise<SessionResponse> {
    assertMayCreateCourses(principal);
    const request = await validateInput(CancelSessionRequest, { reason });
    return inTransaction(this.dataSource, async (manager) => {
      const { session, course } = await this.lockForChange(principal, sessionId, manager);
      const now = new Date();
      if (session.lastEndsAt <= now) {
        throw new DomainError('rule.violated', 'This session has already taken place.');
      }
      const next: Session = {
        ...session,
        status: 'cancelled',
        cancelReason: request.reason.trim(),
        version: session.version + 1,
        updatedAt: now,
      };
      await this.sessions.update(
        sessionId,
        { status: next.status, cancelReason: next.cancelReason, version: next.version, updatedAt: now },
        manager,
      );
      this.cache.changed(manager);
      if (next.published) {
        const meetings = (await this.sessions.meetingsOf([sessionId], manager)).get(sessionId) ?? [];
        const trainerIds = (await this.sessions.trainersOf([sessionId], manager)).get(sessionId) ?? [];
        await appendToOutbox(manager, CATALOGUE, SESSION_CANCELLED_V1, {
          ...sessionSnapshot(course, next, meetings, trainerIds),
          reason: next.cancelReason!,
          cancelledAt: now.toISOString(),
        });
      }
      return this.views.session(next, manager);
    });
  }

  /** A published session (its course's trainers and administrators also see unpublished ones). */
  async get(sessionId: string, principal?: Principal): Promise<SessionResponse> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw sessionNotFound();
    if (!session.published && !(await managesCourse(this.courses, principal, session.courseId))) {
      throw sessionNotFound();
    }
    return this.views.session(session);
  }

  private async lockForChange(
    principal: Principal,
    sessionId: string,
    manager: EntityManager,
  ): Promise<{ session: Session; course: Course }> {
    // Course before session: the order every writer locks in, so two of them never deadlock.
    const found = await this.sessions.findById(sessionId, manager);
    if (!found) throw sessionNotFound();
    const course = await this.courses.lock(found.courseId, manager);
    const session = await this.sessions.lock(sessionId, manager);
    if (!course || !session) throw sessionNotFound();
    await assertManagesCourse(this.courses, principal, course.id, manager);
    if (session.status === 'cancelled') {
      throw new DomainError('rule.violated', 'This session is cancelled; it cannot be changed any more.');
    }
    return { session, course };
  }
}
