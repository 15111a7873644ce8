import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, forbidden, type Principal, Roles } from '@academy/platform';
import { CsrfProtected, type FormErrors, formErrors, NO_ERRORS, PageRenderer } from '@academy/web';
import { CategoriesService } from '../categories/categories.service';
import { CoursesService } from '../courses/courses.service';
import type { CourseDetailResponse } from '../courses/dto/course.response';
import { ProvidersService } from '../providers/providers.service';
import { uuidParam } from '../shared/uuid-param';
import { pagerFor, plural, registerCataloguePages } from './catalogue-pages';
import {
  COURSE_FIELDS,
  courseErrors,
  type CourseFormValues,
  courseRequest,
  courseValuesFrom,
  courseValuesFromForm,
  EMPTY_COURSE,
} from './course-form';
import { courseCard, sessionView } from './course-view';
import { fieldErrorsOf, hasCode, wholeNumber } from './form-input';
import {
  AUDIENCE_LABELS,
  categoryName,
  COURSE_LANGUAGE_LABELS,
  KIND_LABELS,
  optionsOf,
  STATUS_LABELS,
  THEME_LABELS,
  type Translate,
} from './labels';

const MANAGE_PAGE_SIZE = 20;

/** Outcomes the course page of the manage pages may be sent to (`?done=…`). */
export const MANAGE_NOTICES: Record<string, string> = {
  created: 'catalogue.manage.notice.created',
  saved: 'catalogue.manage.notice.saved',
  published: 'catalogue.manage.notice.published',
  'session-created': 'catalogue.manage.notice.session-created',
  'session-saved': 'catalogue.manage.notice.session-saved',
  'session-cancelled': 'catalogue.manage.notice.session-cancelled',
};

const FOUND: Record<'none' | 'one' | 'other', string> = {
  none: 'catalogue.manage.found.none',
  one: 'catalogue.manage.found.one',
  other: 'catalogue.manage.found.other',
};

/** Radio options of the course form: message keys, as the web `radios` partial takes them. */
const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, labelKey]) => ({ value, labelKey }));
const LANGUAGE_OPTIONS = Object.entries(COURSE_LANGUAGE_LABELS).map(([value, labelKey]) => ({
  value,
  labelKey,
}));

/** The service refused (a field, the rules of publishing): the texts to show, by field. */
type Refusal = FormErrors;

/** Trainers and administrators: their courses, a new course, changing one and publishing it. */
@ApiExcludeController()
@Roles('admin', 'trainer')
@Controller('catalogue/manage')
export class ManageCoursesPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly courses: CoursesService,
    private readonly categories: CategoriesService,
    private readonly providers: ProvidersService,
  ) {
    registerCataloguePages(pages);
  }

  @Get()
  async list(
    @Query('page') pageParam: unknown,
    @Query('done') done: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const asked = typeof pageParam === 'string' ? wholeNumber(pageParam) : undefined;
    const page = asked && asked >= 1 && asked <= 10_000 ? asked : 1;
    const result = await this.courses.listManageable(principal, { page, pageSize: MANAGE_PAGE_SIZE });
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    return this.pages.render(
      request,
      reply,
      'catalogue/manage',
      {
        items: result.items.map((item) => courseCard(item, locale, t)),
        found: t(FOUND[plural(result.total)], { count: result.total }),
        pager: pagerFor(result.total, page, MANAGE_PAGE_SIZE, (n) =>
          n > 1 ? `/catalogue/manage?page=${n}` : '/catalogue/manage',
        ),
        notice: noticeOf(done),
      },
      { titleKey: 'catalogue.manage.title' },
    );
  }

  @Get('courses/new')
  async newCourse(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.renderForm(request, reply, undefined, EMPTY_COURSE, NO_ERRORS);
  }

  @Post('courses')
  @CsrfProtected()
  async create(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const values = courseValuesFromForm(body);
    try {
      const created = await this.courses.create(principalOf(request), courseRequest(values, false));
      return reply.redirect(`/catalogue/manage/courses/${created.id}?done=created`, 303);
    } catch (error: unknown) {
      const refusal = this.refusal(request, reply, error);
      if (!refusal) throw error;
      return this.renderForm(request, reply, undefined, values, refusal, 400);
    }
  }

  @Get('courses/:id')
  async edit(
    @Param('id', uuidParam('The course')) id: string,
    @Query('done') done: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, id);
    return this.renderForm(request, reply, course, courseValuesFrom(course), NO_ERRORS, 200, noticeOf(done));
  }

  @Post('courses/:id')
  @CsrfProtected()
  async update(
    @Param('id', uuidParam('The course')) id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, id);
    const values = courseValuesFromForm(body);
    try {
      await this.courses.update(principalOf(request), id, courseRequest(values, true));
      return reply.redirect(`/catalogue/manage/courses/${id}?done=saved`, 303);
    } catch (error: unknown) {
      const refusal = this.refusal(request, reply, error);
      if (!refusal) throw error;
      return this.renderForm(request, reply, course, values, refusal, 400);
    }
  }

  @Post('courses/:id/publish')
  @CsrfProtected()
  async publish(
    @Param('id', uuidParam('The course')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, id);
    try {
      await this.courses.publish(principalOf(request), id);
      return reply.redirect(`/catalogue/manage/courses/${id}?done=published`, 303);
    } catch (error: unknown) {
      const refusal = this.refusal(request, reply, error, 'publish');
      if (!refusal) throw error;
      return this.renderForm(request, reply, course, courseValuesFrom(course), refusal, 422);
    }
  }

  /**
   * The course as its manager sees it (drafts and every session). A course someone does not manage is
   * refused here as well as by the service, so nobody is shown a form they cannot send.
   */
  private async managedCourse(request: AuthenticatedRequest, id: string): Promise<CourseDetailResponse> {
    const principal = principalOf(request);
    const course = await this.courses.get(id, principal);
    if (!principal.admin && !course.trainerIds.includes(principal.userId)) {
      throw forbidden('Only the trainers of this course and administrators can change it.');
    }
    return course;
  }

  /** A refusal the form can show, or undefined for an error that is not about the form (it is rethrown). */
  private refusal(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    error: unknown,
    publishing?: 'publish',
  ): Refusal | undefined {
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const fields = fieldErrorsOf(error);
    if (publishing && (fields || hasCode(error, 'rule.violated'))) {
      return formErrors([{ field: 'publish', message: t('catalogue.manage.errors.publish') }]);
    }
    if (!fields) return undefined;
    return formErrors(courseErrors(fields, t), [...COURSE_FIELDS]);
  }

  private async renderForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    course: CourseDetailResponse | undefined,
    values: CourseFormValues,
    errors: FormErrors,
    status = 200,
    notice?: string,
  ): Promise<FastifyReply> {
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const [categories, providers] = await Promise.all([this.categories.list(), this.providers.list()]);
    return this.pages.render(
      request,
      reply,
      'catalogue/course-form',
      {
        course,
        draft: course ? course.status === 'draft' : false,
        status: course ? t(STATUS_LABELS[course.status]) : undefined,
        kind: course ? t(KIND_LABELS[course.kind]) : undefined,
        sessions: course?.sessions.map((session) => sessionView(session, locale, t)) ?? [],
        action: course ? `/catalogue/manage/courses/${course.id}` : '/catalogue/manage/courses',
        values,
        kindOptions: KIND_OPTIONS,
        languageOptions: LANGUAGE_OPTIONS,
        categoryOptions: categories
          .map((c) => ({
            value: c.slug,
            label: categoryName(c.names, locale),
            selected: c.slug === values.category,
          }))
          .sort((a, b) => a.label.localeCompare(b.label, locale)),
        audienceOptions: optionsOf(AUDIENCE_LABELS, t, values.audiences, false),
        themeOptions: optionsOf(THEME_LABELS, t, values.themes),
        providerOptions: providers
          .map((p) => ({ value: p.id, label: p.name, selected: p.id === values.providerId }))
          .sort((a, b) => a.label.localeCompare(b.label, locale)),
        notice,
        errors,
      },
      course
        ? { status, titleKey: 'catalogue.course.title', titleParams: { title: course.title } }
        : { status, titleKey: 'catalogue.course-form.title' },
    );
  }
}

export function noticeOf(done: unknown): string | undefined {
  return typeof done === 'string' && Object.hasOwn(MANAGE_NOTICES, done) ? MANAGE_NOTICES[done] : undefined;
}

/** The global guard and @Roles have already refused anyone without a login or the role. */
export function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new Error('The manage pages need an authenticated request.');
  return request.principal;
}
