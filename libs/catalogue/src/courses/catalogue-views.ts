import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Audience, Theme } from '../catalogue.constants';
import { CategoriesService, toCategoryResponse } from '../categories/categories.service';
import type { Category } from '../categories/category.entity';
import type { Provider } from '../providers/provider.entity';
import { ProvidersService, toProviderResponse } from '../providers/providers.service';
import { renderMarkdown } from '../markdown/render-markdown';
import {
  CatalogueSearchRepository,
  type NextSessionRow,
  type SessionFilters,
} from '../search/catalogue-search.repository';
import { SeatsRepository } from '../seats/seats.repository';
import type { SessionResponse } from '../sessions/dto/session.response';
import type { Meeting } from '../sessions/meeting.entity';
import type { Session } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';
import { iso, isoOrNull } from '../shared/instant';
import type { Course } from './course.entity';
import { type CourseTags, CoursesRepository } from './courses.repository';
import type { CourseDetailResponse, CourseResponse } from './dto/course.response';
import type { CourseListItem, NextSession } from './dto/course-list-item';

/** Seats not taken by confirmed participants or held by open offers. */
const seatsLeft = (capacity: number, taken: number) => Math.max(0, capacity - taken);

/** The course columns a list item shows; audiences and themes when already read with them. */
export type ListedCourse = Pick<
  Course,
  'id' | 'kind' | 'title' | 'summary' | 'language' | 'categoryId' | 'providerId' | 'status'
> & { audiences?: string[]; themes?: string[] };

/**
 * Turns rows into the documented responses, reading related rows set-wise (one query per kind, never per
 * course or session).
 */
@Injectable()
export class CatalogueViews {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly sessions: SessionsRepository,
    private readonly seats: SeatsRepository,
    private readonly categories: CategoriesService,
    private readonly providers: ProvidersService,
    private readonly search: CatalogueSearchRepository,
  ) {}

  /** Each course's first session still to start that matches the filters, with its seats. */
  nextSessions(
    courseIds: string[],
    filters: SessionFilters,
    now: Date,
  ): Promise<Map<string, NextSessionRow>> {
    return this.search.nextSessions(courseIds, filters, now);
  }

  async course(course: Course, manager?: EntityManager): Promise<CourseResponse> {
    const [trainers, tags, categories, provider] = await Promise.all([
      this.courses.trainersOf([course.id], manager),
      this.courses.tagsOf([course.id], manager),
      this.categories.byId([course.categoryId]),
      course.providerId ? this.providers.byId(course.providerId) : Promise.resolve(undefined),
    ]);
    return this.courseResponse(
      course,
      trainers.get(course.id) ?? [],
      tags.get(course.id),
      categories.get(course.categoryId),
      provider ?? undefined,
    );
  }

  private courseResponse(
    course: Course,
    trainerIds: string[],
    tags: CourseTags | undefined,
    category: Category | undefined,
    provider: Provider | undefined,
  ): CourseResponse {
    return {
      id: course.id,
      kind: course.kind,
      title: course.title,
      summary: course.summary,
      description: course.description,
      descriptionHtml: renderMarkdown(course.description),
      language: course.language,
      category: toCategoryResponse(category ?? missingCategory(course.categoryId)),
      provider: provider ? toProviderResponse(provider) : null,
      audiences: (tags?.audiences ?? []) as Audience[],
      themes: (tags?.themes ?? []) as Theme[],
      attendanceThreshold: course.attendanceThreshold,
      status: course.status,
      trainerIds,
      version: course.version,
      createdAt: iso(course.createdAt),
      updatedAt: iso(course.updatedAt),
      publishedAt: isoOrNull(course.publishedAt),
    };
  }

  /** `courseDetail` for many courses, reading each kind of related row once for all of them. */
  async courseDetails(courses: Course[], sessions: Session[]): Promise<CourseDetailResponse[]> {
    const ids = courses.map((course) => course.id);
    const providerIds = [...new Set(courses.map((c) => c.providerId).filter((id): id is string => !!id))];
    const [trainers, tags, categories, providers, sessionResponses] = await Promise.all([
      this.courses.trainersOf(ids),
      this.courses.tagsOf(ids),
      this.categories.byId(courses.map((course) => course.categoryId)),
      this.providers.byIds(providerIds),
      this.sessionList(sessions),
    ]);
    const sessionsOf = new Map<string, SessionResponse[]>(ids.map((id) => [id, []]));
    for (const session of sessionResponses) sessionsOf.get(session.courseId)?.push(session);
    return courses.map((course) => {
      const provider = course.providerId ? providers.get(course.providerId) : undefined;
      return {
        ...this.courseResponse(
          course,
          trainers.get(course.id) ?? [],
          tags.get(course.id),
          categories.get(course.categoryId),
          provider,
        ),
        sessions: sessionsOf.get(course.id) ?? [],
      };
    });
  }

  async courseDetail(course: Course, sessions: Session[]): Promise<CourseDetailResponse> {
    const [response, sessionResponses] = await Promise.all([this.course(course), this.sessionList(sessions)]);
    return { ...response, sessions: sessionResponses };
  }

  async sessionList(sessions: Session[], manager?: EntityManager): Promise<SessionResponse[]> {
    const ids = sessions.map((s) => s.id);
    const [meetings, trainers, seats] = await Promise.all([
      this.sessions.meetingsOf(ids, manager),
      this.sessions.trainersOf(ids, manager),
      this.seats.of(ids, manager),
    ]);
    return sessions.map((session) =>
      toSessionResponse(
        session,
        meetings.get(session.id) ?? [],
        trainers.get(session.id) ?? [],
        seats.get(session.id),
      ),
    );
  }

  async session(session: Session, manager?: EntityManager): Promise<SessionResponse> {
    const [response] = await this.sessionList([session], manager);
    return response;
  }

  /** List items in the order of `courses`. */
  async listItems(courses: ListedCourse[], next: Map<string, NextSessionRow>): Promise<CourseListItem[]> {
    const related = await this.related(courses);
    return courses.map((course) => listItem(course, next.get(course.id), related));
  }

  /**
   * The same items, each serialised as JSON.stringify would, in UTF-8. A course row and session row the in-memory index
   * keeps are the same objects listing after listing, so each item's text is made once per such pair (and
   * category and provider as read) and reused while they live; rows read from the database are new each time.
   */
  async listItemsJson(courses: ListedCourse[], next: Map<string, NextSessionRow>): Promise<Buffer[]> {
    const related = await this.related(courses);
    return courses.map((course) => {
      const session = next.get(course.id);
      const category = related.categories.get(course.categoryId);
      const provider = course.providerId ? related.providers.get(course.providerId) : undefined;
      let bySession = this.itemTexts.get(course);
      if (!bySession) this.itemTexts.set(course, (bySession = new WeakMap()));
      const kept = bySession.get(session ?? NO_SESSION);
      if (kept && kept.category === category && kept.provider === provider) return kept.json;
      const json = Buffer.from(JSON.stringify(listItem(course, session, related)), 'utf8');
      bySession.set(session ?? NO_SESSION, { category, provider, json });
      return json;
    });
  }

  private readonly itemTexts = new WeakMap<
    ListedCourse,
    WeakMap<object, { category?: Category; provider?: Provider; json: Buffer }>
  >();

  /** What list items show beside the course row, each kind read once for all of them. */
  private async related(courses: ListedCourse[]): Promise<Related> {
    const ids = courses.filter((c) => !c.audiences || !c.themes).map((c) => c.id);
    const providerIds = [...new Set(courses.map((c) => c.providerId).filter((id): id is string => !!id))];
    const [tags, categories, providers] = await Promise.all([
      ids.length ? this.courses.tagsOf(ids) : new Map<string, CourseTags>(),
      this.categories.byId(courses.map((c) => c.categoryId)),
      this.providers.byIds(providerIds),
    ]);
    return { tags, categories, providers };
  }
}

/** A listing's item without a next session (the key of its kept text). */
const NO_SESSION = {};

interface Related {
  tags: Map<string, CourseTags>;
  categories: Map<string, Category>;
  providers: Map<string, Provider>;
}

function listItem(
  course: ListedCourse,
  session: NextSessionRow | undefined,
  related: Related,
): CourseListItem {
  const provider = course.providerId ? related.providers.get(course.providerId) : undefined;
  return {
    id: course.id,
    kind: course.kind,
    title: course.title,
    summary: course.summary,
    language: course.language,
    category: toCategoryResponse(
      related.categories.get(course.categoryId) ?? missingCategory(course.categoryId),
    ),
    provider: provider ? { id: provider.id, name: provider.name } : null,
    audiences: (course.audiences ?? related.tags.get(course.id)?.audiences ?? []) as Audience[],
    themes: (course.themes ?? related.tags.get(course.id)?.themes ?? []) as Theme[],
    status: course.status,
    nextSession: session ? toNextSession(session) : null,
  };
}

function toNextSession(session: NextSessionRow): NextSession {
  return {
    id: session.id,
    startsAt: iso(session.firstStartsAt),
    endsAt: iso(session.lastEndsAt),
    place: session.place,
    online: session.online,
    capacity: session.capacity,
    seatsLeft: seatsLeft(session.capacity, session.confirmed + session.offered),
    status: session.status,
  };
}

export function toSessionResponse(
  session: Session,
  meetings: Meeting[],
  trainerIds: string[],
  seats?: { confirmed: number; waitlisted: number; offered: number },
): SessionResponse {
  const confirmed = seats?.confirmed ?? 0;
  const offered = seats?.offered ?? 0;
  return {
    id: session.id,
    courseId: session.courseId,
    capacity: session.capacity,
    minimumParticipants: session.minimumParticipants,
    goNoGoAt: isoOrNull(session.goNoGoAt),
    enrolmentOpensAt: isoOrNull(session.enrolmentOpensAt),
    enrolmentClosesAt: isoOrNull(session.enrolmentClosesAt),
    cancellationDeadlineHours: session.cancellationDeadlineHours,
    waitlistMode: session.waitlistMode,
    offerHours: session.offerHours,
    status: session.status,
    cancelReason: session.cancelReason,
    published: session.published,
    version: session.version,
    trainerIds,
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      startsAt: iso(meeting.startsAt),
      endsAt: iso(meeting.endsAt),
      location: {
        name: meeting.locationName,
        place: meeting.place,
        address: meeting.address,
        online: meeting.online,
        url: meeting.url,
      },
    })),
    seats: {
      capacity: session.capacity,
      confirmed,
      waitlisted: seats?.waitlisted ?? 0,
      left: seatsLeft(session.capacity, confirmed + offered),
    },
  };
}

function missingCategory(id: string): Category {
  // A foreign key keeps this from happening; a clear error beats a 500 without a clue.
  throw new Error(`Course refers to category ${id}, which does not exist`);
}
