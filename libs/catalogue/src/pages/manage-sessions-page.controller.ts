import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, forbidden, notFound, Roles } from '@academy/platform';
import { CsrfProtected, type FormErrors, formErrors, NO_ERRORS, PageRenderer } from '@academy/web';
import { CoursesService } from '../courses/courses.service';
import type { CourseDetailResponse } from '../courses/dto/course.response';
import type { SessionResponse } from '../sessions/dto/session.response';
import { SessionsService } from '../sessions/sessions.service';
import { uuidParam } from '../shared/uuid-param';
import { registerCataloguePages } from './catalogue-pages';
import { sessionView } from './course-view';
import { fieldErrorsOf, textField } from './form-input';
import type { Translate } from './labels';
import { principalOf } from './manage-courses-page.controller';
import {
  EMPTY_MEETING,
  MAX_MEETINGS,
  type MeetingRow,
  meetingField,
  problemTexts,
  serviceProblems,
  sessionFieldOrder,
  sessionFormAction,
  type SessionFormValues,
  sessionRequest,
  sessionValuesFrom,
  sessionValuesFromForm,
  startingMeetings,
  EMPTY_SESSION,
} from './session-form';

const WAITLIST_OPTIONS = [
  { value: 'auto', labelKey: 'catalogue.session-form.waitlist-auto' },
  { value: 'offer', labelKey: 'catalogue.session-form.waitlist-offer' },
];

/** A meeting row nobody has typed anything in: left out when saving (a training starts with a spare one). */
function untouched(row: MeetingRow): boolean {
  return (
    !row.date && !row.start && !row.end && !row.online && !row.venue && !row.address && !row.place && !row.url
  );
}

/**
 * Planning, changing and cancelling the sessions (groups) of a course. Without JavaScript a training's
 * meetings are added and removed with buttons of the form itself; the page comes back with one more or fewer.
 */
@ApiExcludeController()
@Roles('admin', 'trainer')
@Controller('catalogue/manage/courses/:courseId/sessions')
export class ManageSessionsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
  ) {
    registerCataloguePages(pages);
  }

  @Get('new')
  async newSession(
    @Param('courseId', uuidParam('The course')) courseId: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, courseId);
    const values: SessionFormValues = { ...EMPTY_SESSION, meetings: startingMeetings(course.kind) };
    return this.renderForm(request, reply, course, undefined, values, NO_ERRORS);
  }

  @Post()
  @CsrfProtected()
  async create(
    @Param('courseId', uuidParam('The course')) courseId: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, courseId);
    return this.submit(request, reply, body, course, undefined);
  }

  @Get(':sessionId')
  async edit(
    @Param('courseId', uuidParam('The course')) courseId: string,
    @Param('sessionId', uuidParam('The session')) sessionId: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, courseId);
    const session = sessionOf(course, sessionId);
    return this.renderForm(request, reply, course, session, sessionValuesFrom(session), NO_ERRORS);
  }

  @Post(':sessionId')
  @CsrfProtected()
  async update(
    @Param('courseId', uuidParam('The course')) courseId: string,
    @Param('sessionId', uuidParam('The session')) sessionId: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, courseId);
    return this.submit(request, reply, body, course, sessionOf(course, sessionId));
  }

  @Get(':sessionId/cancel')
  async confirmCancel(
    @Param('courseId', uuidParam('The course')) courseId: string,
    @Param('sessionId', uuidParam('The session')) sessionId: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, courseId);
    return this.renderCancel(request, reply, course, sessionOf(course, sessionId), '', NO_ERRORS);
  }

  @Post(':sessionId/cancel')
  @CsrfProtected()
  async cancel(
    @Param('courseId', uuidParam('The course')) courseId: string,
    @Param('sessionId', uuidParam('The session')) sessionId: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const course = await this.managedCourse(request, courseId);
    const session = sessionOf(course, sessionId);
    const reason = textField(body, 'reason').trim();
    try {
      await this.sessions.cancel(principalOf(request), session.id, reason);
      return reply.redirect(`/catalogue/manage/courses/${course.id}?done=session-cancelled`, 303);
    } catch (error: unknown) {
      if (!fieldErrorsOf(error)) throw error;
      const t = this.translator(request, reply);
      const errors = formErrors([{ field: 'reason', message: t('catalogue.cancel.errors.reason') }]);
      return this.renderCancel(request, reply, course, session, reason, errors, 400);
    }
  }

  private async submit(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    body: unknown,
    course: CourseDetailResponse,
    session: SessionResponse | undefined,
  ): Promise<FastifyReply> {
    const values = sessionValuesFromForm(body);
    const action = sessionFormAction(body);
    if (action.type === 'add') {
      if (values.meetings.length < MAX_MEETINGS) values.meetings.push(EMPTY_MEETING);
      return this.renderForm(request, reply, course, session, values, NO_ERRORS);
    }
    if (action.type === 'remove') {
      if (values.meetings.length > 1 && action.index < values.meetings.length)
        values.meetings.splice(action.index, 1);
      return this.renderForm(request, reply, course, session, values, NO_ERRORS);
    }
    const filled = values.meetings.filter((row) => !untouched(row));
    values.meetings = filled.length ? filled : values.meetings.slice(0, 1);
    const t = this.translator(request, reply);
    const { request: input, problems } = sessionRequest(values);
    const order = sessionFieldOrder(values.meetings.length);
    if (problems.length) {
      return this.renderForm(
        request,
        reply,
        course,
        session,
        values,
        formErrors(problemTexts(problems, t), order),
        400,
      );
    }
    try {
      if (session) await this.sessions.update(principalOf(request), session.id, input);
      else await this.sessions.create(principalOf(request), course.id, input);
    } catch (error: unknown) {
      const fields = fieldErrorsOf(error);
      if (!fields) throw error;
      const errors = formErrors(problemTexts(serviceProblems(fields), t), order);
      return this.renderForm(request, reply, course, session, values, errors, 400);
    }
    const done = session ? 'session-saved' : 'session-created';
    return reply.redirect(`/catalogue/manage/courses/${course.id}?done=${done}`, 303);
  }

  private async managedCourse(request: AuthenticatedRequest, id: string): Promise<CourseDetailResponse> {
    const principal = principalOf(request);
    const course = await this.courses.get(id, principal);
    if (!principal.admin && !course.trainerIds.includes(principal.userId)) {
      throw forbidden('Only the trainers of this course and administrators can change it.');
    }
    return course;
  }

  private translator(request: AuthenticatedRequest, reply: FastifyReply): Translate {
    const locale = this.pages.localeOf(request, reply);
    return (key, params) => this.pages.t(locale, key, params);
  }

  private renderForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    course: CourseDetailResponse,
    session: SessionResponse | undefined,
    values: SessionFormValues,
    errors: FormErrors,
    status = 200,
  ): FastifyReply {
    const workshop = course.kind === 'workshop';
    return this.pages.render(
      request,
      reply,
      'catalogue/session-form',
      {
        course,
        editing: !!session,
        workshop,
        action: session
          ? `/catalogue/manage/courses/${course.id}/sessions/${session.id}`
          : `/catalogue/manage/courses/${course.id}/sessions`,
        values,
        meetings: values.meetings.map((row, index) => ({
          ...row,
          index,
          number: index + 1,
          names: {
            id: `meeting-${index}-id`,
            date: meetingField(index, 'date'),
            start: meetingField(index, 'start'),
            end: meetingField(index, 'end'),
            online: meetingField(index, 'online'),
            venue: meetingField(index, 'venue'),
            address: meetingField(index, 'address'),
            place: meetingField(index, 'place'),
            url: meetingField(index, 'url'),
          },
        })),
        removable: !workshop && values.meetings.length > 1,
        canAdd: !workshop && values.meetings.length < MAX_MEETINGS,
        waitlistOptions: WAITLIST_OPTIONS,
        errors,
      },
      { status, titleKey: session ? 'catalogue.session-form.edit-heading' : 'catalogue.session-form.title' },
    );
  }

  private renderCancel(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    course: CourseDetailResponse,
    session: SessionResponse,
    reason: string,
    errors: FormErrors,
    status = 200,
  ): FastifyReply {
    const t = this.translator(request, reply);
    return this.pages.render(
      request,
      reply,
      'catalogue/session-cancel',
      { course, session: sessionView(session, this.pages.localeOf(request, reply), t), reason, errors },
      { status, titleKey: 'catalogue.cancel.title' },
    );
  }
}

/** A session of this course (one of another course's, or a cancelled one, is not found here). */
function sessionOf(course: CourseDetailResponse, sessionId: string): SessionResponse {
  const session = course.sessions.find((s) => s.id === sessionId);
  if (!session || session.status === 'cancelled') throw notFound('The session');
  return session;
}
