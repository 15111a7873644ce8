import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SESSION_PUBLISHED_V1 } from '@academy/contracts';
import { appendToOutbox } from '@academy/messaging';
import {
  DomainError,
  inTransaction,
  notFound,
  type Page,
  PageQuery,
  type Principal,
} from '@academy/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import { CategoriesService } from '../categories/categories.service';
import { ProvidersRepository } from '../providers/providers.repository';
import { CatalogueSearchRepository } from '../search/catalogue-search.repository';
import { SearchCache } from '../search/search-cache';
import { sessionSnapshot } from '../sessions/session-snapshot';
import { SessionsRepository } from '../sessions/sessions.repository';
import { FieldErrors, validateInput } from '../shared/validate-input';
import { CatalogueViews } from './catalogue-views';
import { assertManagesCourse, assertMayCreateCourses, managesCourse } from './course-access';
import { Course } from './course.entity';
import { type CourseChanges, CoursesRepository } from './courses.repository';
import type { CourseDetailResponse, CourseResponse } from './dto/course.response';
import type { CourseListItem } from './dto/course-list-item';
import { CreateCourseRequest } from './dto/create-course.request';
import { UpdateCourseRequest } from './dto/update-course.request';
import { announceCourse } from './course-events';
import { courseSearchText } from './search-text';

const courseNotFound = () => notFound('The course');

/** Courses: drafts for their trainers, published for everyone, archived when their time is over. */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource(CATALOGUE) private readonly dataSource: DataSource,
    private readonly courses: CoursesRepository,
    private readonly sessions: SessionsRepository,
    private readonly categories: CategoriesService,
    private readonly providers: ProvidersRepository,
    private readonly search: CatalogueSearchRepository,
    private readonly views: CatalogueViews,
    private readonly cache: SearchCache,
  ) {}

  /** A new draft. A trainer who creates a course teaches it. */
  async create(principal: Principal, input: CreateCourseRequest): Promise<CourseResponse> {
    assertMayCreateCourses(principal);
    const request = await validateInput(CreateCourseRequest, input);
    const errors = new FieldErrors();
    const category = await this.categories.bySlug(request.category);
    if (!category) errors.add('category', 'There is no category with this name.');
    if (request.providerId && !(await this.providers.findById(request.providerId))) {
      errors.add('providerId', 'There is no such provider.');
    }
    errors.throwIfAny();
    const trainerIds = new Set(request.trainerIds ?? []);
    if (!principal.admin) trainerIds.add(principal.userId);
    const now = new Date();
    const description = request.description?.trim() ?? '';
    const course = Object.assign(new Course(), {
      id: randomUUID(),
      kind: request.kind,
      providerId: request.providerId ?? null,
      categoryId: category!.id,
      title: request.title.trim(),
      summary: request.summary.trim(),
      description,
      language: request.language,
      attendanceThreshold: request.attendanceThreshold ?? 75,
      status: 'draft' as const,
      searchText: '',
      version: 1,
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
    course.searchText = courseSearchText(course);
    return inTransaction(this.dataSource, async (manager) => {
      await this.courses.insert(course, manager);
      this.cache.changed(manager);
      await this.courses.setTrainers(course.id, [...trainerIds].sort(), manager);
      await this.courses.setTags(
        course.id,
        { audiences: request.audiences ?? [], themes: request.themes ?? [] },
        manager,
      );
      return this.views.course(course, manager);
    });
  }

  /** Changes the fields given. A course that was ever published announces its new state. */
  async update(principal: Principal, id: string, input: UpdateCourseRequest): Promise<CourseResponse> {
    assertMayCreateCourses(principal);
    const request = await validateInput(UpdateCourseRequest, input);
    const errors = new FieldErrors();
    const category =
      request.category === undefined ? undefined : await this.categories.bySlug(request.category);
    if (request.category !== undefined && !category)
      errors.add('category', 'There is no category with this name.');
    if (request.providerId && !(await this.providers.findById(request.providerId))) {
      errors.add('providerId', 'There is no such provider.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const course = await this.courses.lock(id, manager);
      if (!course) throw courseNotFound();
      await assertManagesCourse(this.courses, principal, id, manager);
      if (request.kind === 'workshop' && course.kind !== 'workshop') {
        if (await this.search.hasSessionWithMeetingsOtherThanOne(id, manager)) {
          errors.add('kind', 'A workshop has one meeting per session; this course has sessions with more.');
        }
      }
      let trainerIds: string[] | undefined;
      if (request.trainerIds) {
        trainerIds = [...new Set(request.trainerIds)].sort();
        if (!principal.admin && !trainerIds.includes(principal.userId)) {
          errors.add('trainerIds', 'You cannot take yourself off a course; ask an administrator.');
        }
      }
      errors.throwIfAny();

      const next: Course = {
        ...course,
        kind: request.kind ?? course.kind,
        title: request.title?.trim() ?? course.title,
        summary: request.summary?.trim() ?? course.summary,
        description: request.description === undefined ? course.description : request.description.trim(),
        language: request.language ?? course.language,
        categoryId: category?.id ?? course.categoryId,
        providerId: request.providerId === undefined ? course.providerId : request.providerId,
        attendanceThreshold: request.attendanceThreshold ?? course.attendanceThreshold,
      };
      next.searchText = courseSearchText(next);
      const changes: CourseChanges = {};
      for (const key of [
        'kind',
        'title',
        'summary',
        'description',
        'language',
        'categoryId',
        'providerId',
        'attendanceThreshold',
        'searchText',
      ] as const) {
        if (next[key] !== course[key]) Object.assign(changes, { [key]: next[key] });
      }
      const before = await this.views.course(course, manager);
      const tagsChanged =
        (request.audiences !== undefined && sorted(request.audiences).join() !== before.audiences.join()) ||
        (request.themes !== undefined && sorted(request.themes).join() !== before.themes.join());
      const trainersChanged = trainerIds !== undefined && trainerIds.join() !== before.trainerIds.join();
      if (!Object.keys(changes).length && !tagsChanged && !trainersChanged) return before;

      const now = new Date();
      Object.assign(next, { version: course.version + 1, updatedAt: now });
      this.cache.changed(manager);
      await this.courses.update(id, { ...changes, version: next.version, updatedAt: now }, manager);
      if (tagsChanged)
        await this.courses.setTags(id, { audiences: request.audiences, themes: request.themes }, manager);
      if (trainerIds && trainersChanged) await this.courses.setTrainers(id, trainerIds, manager);
      const after = await this.views.course(next, manager);
      if (next.status !== 'draft') await this.announce(after, manager, now);
      return after;
    });
  }

  /** Publishes the course and its sessions still to come; each session is announced. */
  async publish(principal: Principal, id: string): Promise<CourseResponse> {
    assertMayCreateCourses(principal);
    return inTransaction(this.dataSource, async (manager) => {
      const course = await this.courses.lock(id, manager);
      if (!course) throw courseNotFound();
      await assertManagesCourse(this.courses, principal, id, manager);
      if (course.status === 'published') return this.views.course(course, manager);
      const now = new Date();
      const next: Course = {
        ...course,
        status: 'published',
        publishedAt: course.publishedAt ?? now,
        version: course.version + 1,
        updatedAt: now,
      };
      await this.courses.update(
        id,
        { status: next.status, publishedAt: next.publishedAt, version: next.version, updatedAt: now },
        manager,
      );
      this.cache.changed(manager);
      const toPublish = (await this.sessions.unpublishedOf(id, manager)).filter((s) => s.firstStartsAt > now);
      const ids = toPublish.map((s) => s.id);
      const [meetings, trainers] = await Promise.all([
        this.sessions.meetingsOf(ids, manager),
        this.sessions.trainersOf(ids, manager),
      ]);
      for (const session of toPublish) {
        const published = { ...session, published: true, version: session.version + 1, updatedAt: now };
        await this.sessions.update(
          session.id,
          { published: true, version: published.version, updatedAt: now },
          manager,
        );
        await appendToOutbox(manager, CATALOGUE, SESSION_PUBLISHED_V1, {
          ...sessionSnapshot(next, published, meetings.get(session.id) ?? [], trainers.get(session.id) ?? []),
          publishedAt: now.toISOString(),
        });
      }
      const after = await this.views.course(next, manager);
      await this.announce(after, manager, now);
      return after;
    });
  }

  /** Takes a course out of the catalogue. Its sessions still to take place must be cancelled first. */
  async archive(principal: Principal, id: string): Promise<CourseResponse> {
    assertMayCreateCourses(principal);
    return inTransaction(this.dataSource, async (manager) => {
      const course = await this.courses.lock(id, manager);
      if (!course) throw courseNotFound();
      await assertManagesCourse(this.courses, principal, id, manager);
      if (course.status === 'archived') return this.views.course(course, manager);
      const now = new Date();
      if (await this.sessions.countRunning(id, now, manager)) {
        throw new DomainError(
          'rule.violated',
          'This course still has sessions to come. Cancel them first, so the people enrolled are told.',
        );
      }
      const next: Course = { ...course, status: 'archived', version: course.version + 1, updatedAt: now };
      await this.courses.update(id, { status: next.status, version: next.version, updatedAt: now }, manager);
      this.cache.changed(manager);
      const after = await this.views.course(next, manager);
      if (course.status === 'published') await this.announce(after, manager, now);
      return after;
    });
  }

  /**
   * A course with its sessions. The public sees published courses and their published sessions that have not
   * ended; the course's trainers and administrators also see drafts, and every session.
   */
  async get(id: string, principal?: Principal): Promise<CourseDetailResponse> {
    const course = await this.courses.findById(id);
    if (!course) throw courseNotFound();
    const manages = await managesCourse(this.courses, principal, id);
    if (course.status !== 'published' && !manages) throw courseNotFound();
    const sessions = await this.sessions.forCourse(id, manages ? undefined : new Date());
    return this.views.courseDetail(course, sessions);
  }

  /**
   * The public view of several published courses at once, as `get` gives each to an anonymous visitor, in
   * the order of `ids`; courses no longer published are left out. A constant number of queries, however
   * many courses (the calendar feed asks for all of them).
   */
  async publicDetails(ids: string[]): Promise<CourseDetailResponse[]> {
    const courses = (await this.courses.findByIds(ids)).filter((course) => course.status === 'published');
    const sessions = await this.sessions.forCourses(
      courses.map((course) => course.id),
      new Date(),
    );
    const details = new Map(
      (await this.views.courseDetails(courses, sessions)).map((detail) => [detail.id, detail]),
    );
    return ids.map((id) => details.get(id)).filter((detail) => detail !== undefined);
  }

  /** The courses someone may manage: a trainer's own, every course for administrators. */
  async listManageable(principal: Principal, page: PageQuery): Promise<Page<CourseListItem>> {
    assertMayCreateCourses(principal);
    const { page: number, pageSize } = await validateInput(PageQuery, page);
    const [courses, total] = await this.courses.pageManageable(
      principal.admin ? undefined : principal.userId,
      (number - 1) * pageSize,
      pageSize,
    );
    const next = await this.views.nextSessions(
      courses.map((c) => c.id),
      { includeUnpublished: true },
      new Date(),
    );
    return { items: await this.views.listItems(courses, next), total, page: number, pageSize };
  }

  private async announce(course: CourseResponse, manager: EntityManager, now: Date): Promise<void> {
    await announceCourse(course, manager, now);
  }
}

const sorted = (values: string[]) => [...new Set(values)].sort();
