import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, DomainError, type Principal } from '@academy/platform';
import { CsrfProtected, type Locale, PageRenderer } from '@academy/web';
import { CertificateService } from '../certificates/certificate.service';
import { sendPdf } from '../certificates/certificates.controller';
import type { EnrolmentResponse } from '../enrolments/dto/enrolment.response';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { hasStarted, isCancelled } from '../sessions/session-rules';
import { SessionsRepository } from '../sessions/sessions.repository';
import { uuidParam } from '../shared/uuid-param';
import { EnrolThrottleGuard } from '../throttling/enrol-throttle';
import { formField, isUuid, registerEnrolmentPages, type Translate } from './enrolment-pages';
import { shortDate, shortDateTime, timeRange } from './page-time';

/** Outcomes "my trainings" may be redirected to (`?done=…`) after a cancel or an accepted offer. */
const DONE: Record<string, string> = {
  cancelled: 'enrolment.mine.notice.cancelled',
  'cancelled-late': 'enrolment.mine.notice.cancelled-late',
  'left-waitlist': 'enrolment.mine.notice.left-waitlist',
  accepted: 'enrolment.mine.notice.accepted',
};

const PROBLEMS: Record<string, string> = {
  cancel: 'enrolment.mine.problem.cancel',
  accept: 'enrolment.mine.problem.accept',
  'already-cancelled': 'enrolment.mine.problem.already-cancelled',
  ended: 'enrolment.mine.problem.ended',
};

const hasCode = (error: unknown, ...codes: string[]): error is DomainError =>
  error instanceof DomainError && codes.includes(error.code);

/** "do 5 mrt 2026, 19:30–21:30", or "do 5 mrt 2026 – do 26 mrt 2026" for a series. */
export function sessionWhen(first: string, last: string, locale: Locale): string {
  const day = shortDate(first, locale);
  const lastDay = shortDate(last, locale);
  return day === lastDay ? `${day}, ${timeRange(first, last, locale)}` : `${day} – ${lastDay}`;
}

/**
 * A volunteer's own trainings: enrolling from the course page, what is coming up (with waitlist places, offers
 * and cancelling), what has been, and certificates. Works without JavaScript: plain forms and redirects.
 */
@ApiExcludeController()
@Controller()
export class MyTrainingsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly enrolments: EnrolmentsService,
    private readonly sessions: SessionsRepository,
    private readonly certificates: CertificateService,
  ) {
    registerEnrolmentPages(pages);
  }

  /** The enrol form on the catalogue's course page posts here. */
  @Post('enrolments')
  @CsrfProtected()
  @UseGuards(EnrolThrottleGuard)
  async enrol(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const sessionId = formField(body, 'sessionId');
    if (!isUuid(sessionId)) return this.enrolProblem(request, reply, 404, 'enrolment.enrol.unknown');
    try {
      const enrolment = await this.enrolments.enrol(principal, { sessionId });
      return reply.redirect(`/my/trainings?enrolled=${enrolment.id}`, 303);
    } catch (error: unknown) {
      if (hasCode(error, 'enrolment.already-enrolled')) {
        return this.enrolProblem(request, reply, 409, 'enrolment.enrol.already', sessionId);
      }
      if (hasCode(error, 'resource.not-found')) {
        return this.enrolProblem(request, reply, 404, 'enrolment.enrol.unknown');
      }
      if (hasCode(error, 'rule.violated')) return this.refused(request, reply, sessionId);
      throw error;
    }
  }

  @Get('my/trainings')
  async mine(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const { items } = await this.enrolments.mine(principal, { page: 1, pageSize: 100 });
    const now = Date.now();
    const active = items.filter((e) => e.status !== 'cancelled');
    const upcoming = active
      .filter((e) => new Date(e.session.lastEndsAt).getTime() > now && !e.completedAt)
      .sort((a, b) => a.session.firstStartsAt.localeCompare(b.session.firstStartsAt));
    const past = active
      .filter(
        (e) => e.status === 'confirmed' && (new Date(e.session.lastEndsAt).getTime() <= now || e.completedAt),
      )
      .sort((a, b) => b.session.firstStartsAt.localeCompare(a.session.firstStartsAt));

    return this.pages.render(
      request,
      reply,
      'enrolment/my-trainings',
      {
        notice: this.notice(query, items, t),
        problem:
          typeof query.problem === 'string' && Object.hasOwn(PROBLEMS, query.problem)
            ? t(PROBLEMS[query.problem])
            : undefined,
        upcoming: upcoming.map((e) => this.upcomingView(e, locale, t, now)),
        past: past.map((e) => ({
          id: e.id,
          title: e.session.courseTitle,
          when: sessionWhen(e.session.firstStartsAt, e.session.lastEndsAt, locale),
          status: t(e.completedAt ? 'enrolment.status.completed' : 'enrolment.status.not-completed'),
          certificateUrl: e.completedAt ? `/my/trainings/${e.id}/certificate.pdf` : undefined,
        })),
      },
      { titleKey: 'enrolment.mine.title' },
    );
  }

  /** Asks before cancelling: a mis-tap on a phone should not give a seat away. */
  @Get('my/trainings/:id/cancel')
  async confirmCancel(
    @Param('id', uuidParam('The enrolment')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const enrolment = await this.enrolments.get(principalOf(request), id);
    if (enrolment.status === 'cancelled')
      return reply.redirect('/my/trainings?problem=already-cancelled', 303);
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const title = enrolment.session.courseTitle;
    const waiting = enrolment.status === 'waitlisted';
    return this.pages.render(
      request,
      reply,
      'enrolment/cancel',
      {
        id,
        heading: t(waiting ? 'enrolment.cancel.leave-heading' : 'enrolment.cancel.heading', { title }),
        when: sessionWhen(enrolment.session.firstStartsAt, enrolment.session.lastEndsAt, locale),
        deadline:
          enrolment.status === 'confirmed' ? this.deadlineText(enrolment, locale, t, Date.now()) : undefined,
        confirm: t(waiting ? 'enrolment.cancel.confirm-leave' : 'enrolment.cancel.confirm'),
        keep: t(waiting ? 'enrolment.cancel.keep-waitlist' : 'enrolment.cancel.keep'),
      },
      { titleKey: 'enrolment.cancel.title' },
    );
  }

  @Post('my/trainings/:id/cancel')
  @CsrfProtected()
  async cancel(
    @Param('id', uuidParam('The enrolment')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const before = await this.enrolments.get(principal, id);
    try {
      const cancelled = await this.enrolments.cancel(principal, id);
      const done =
        before.status === 'waitlisted' ? 'left-waitlist' : cancelled.late ? 'cancelled-late' : 'cancelled';
      return reply.redirect(`/my/trainings?done=${done}`, 303);
    } catch (error: unknown) {
      if (!hasCode(error, 'rule.violated')) throw error;
      const problem =
        before.status === 'cancelled'
          ? 'already-cancelled'
          : new Date(before.session.lastEndsAt).getTime() <= Date.now()
            ? 'ended'
            : 'cancel';
      return reply.redirect(`/my/trainings?problem=${problem}`, 303);
    }
  }

  @Post('my/trainings/:id/accept')
  @CsrfProtected()
  async accept(
    @Param('id', uuidParam('The enrolment')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      await this.enrolments.accept(principalOf(request), id);
      return reply.redirect('/my/trainings?done=accepted', 303);
    } catch (error: unknown) {
      if (!hasCode(error, 'rule.violated')) throw error;
      return reply.redirect('/my/trainings?problem=accept', 303);
    }
  }

  @Get('my/trainings/:id/certificate.pdf')
  async certificate(
    @Param('id', uuidParam('The enrolment')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const locale = this.pages.localeOf(request, reply);
    const { pdf, filename } = await this.certificates.certificate(
      principalOf(request),
      id,
      locale,
      (key, params) => this.pages.t(locale, key, params),
    );
    return sendPdf(reply, pdf, filename);
  }

  private upcomingView(e: EnrolmentResponse, locale: Locale, t: Translate, now: number) {
    return {
      id: e.id,
      courseId: e.session.courseId,
      title: e.session.courseTitle,
      when: sessionWhen(e.session.firstStartsAt, e.session.lastEndsAt, locale),
      status: t(e.session.cancelled ? 'enrolment.status.session-cancelled' : `enrolment.status.${e.status}`),
      sessionCancelled: e.session.cancelled,
      position:
        e.status === 'waitlisted' && e.waitlistPosition
          ? t('enrolment.mine.position', { position: e.waitlistPosition })
          : undefined,
      offer:
        e.status === 'offered' && e.offerExpiresAt
          ? t('enrolment.mine.offer', { deadline: shortDateTime(e.offerExpiresAt, locale) })
          : undefined,
      deadline:
        e.status === 'confirmed'
          ? this.deadlineText(e, locale, t, now)
          : e.status === 'waitlisted'
            ? t('enrolment.mine.leave-waitlist-note')
            : undefined,
      cancelLabel: t(
        e.status === 'waitlisted'
          ? 'enrolment.mine.leave-waitlist'
          : e.status === 'offered'
            ? 'enrolment.mine.decline'
            : 'enrolment.mine.cancel',
      ),
    };
  }

  private deadlineText(e: EnrolmentResponse, locale: Locale, t: Translate, now: number): string {
    const deadline = e.session.cancellationDeadline;
    const passed = new Date(deadline).getTime() <= now;
    return t(passed ? 'enrolment.mine.deadline-passed' : 'enrolment.mine.deadline-open', {
      deadline: shortDateTime(deadline, locale),
    });
  }

  private notice(
    query: Record<string, unknown>,
    items: EnrolmentResponse[],
    t: Translate,
  ): string | undefined {
    if (typeof query.done === 'string' && Object.hasOwn(DONE, query.done)) return t(DONE[query.done]);
    const enrolled = items.find((e) => e.id === query.enrolled);
    if (!enrolled) return undefined;
    const title = enrolled.session.courseTitle;
    if (enrolled.status === 'waitlisted') {
      return t('enrolment.mine.notice.waitlisted', { title, position: enrolled.waitlistPosition ?? '' });
    }
    return enrolled.status === 'confirmed' ? t('enrolment.mine.notice.confirmed', { title }) : undefined;
  }

  /** Why enrolment is closed, in the reader's words (the service's reason is English, for developers). */
  private async refused(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    sessionId: string,
  ): Promise<FastifyReply> {
    const session = await this.sessions.findById(sessionId);
    const locale = this.pages.localeOf(request, reply);
    const now = new Date();
    let key = 'enrolment.enrol.closed';
    let date: string | undefined;
    if (!session) key = 'enrolment.enrol.unknown';
    else if (isCancelled(session)) key = 'enrolment.enrol.cancelled';
    else if (hasStarted(session, now)) key = 'enrolment.enrol.started';
    else if (session.enrolmentOpensAt && now < session.enrolmentOpensAt) {
      key = 'enrolment.enrol.not-open';
      date = shortDateTime(session.enrolmentOpensAt, locale);
    } else if (session.enrolmentClosesAt) date = shortDateTime(session.enrolmentClosesAt, locale);
    return this.enrolProblem(request, reply, 422, key, sessionId, date);
  }

  private async enrolProblem(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    status: number,
    key: string,
    sessionId?: string,
    date?: string,
  ): Promise<FastifyReply> {
    const locale = this.pages.localeOf(request, reply);
    const session = sessionId ? await this.sessions.findById(sessionId) : null;
    return this.pages.render(
      request,
      reply,
      'enrolment/enrol-problem',
      {
        message: this.pages.t(locale, key, { date: date ?? '' }),
        courseUrl: session ? `/catalogue/courses/${session.courseId}` : undefined,
      },
      { status, titleKey: 'enrolment.enrol.title' },
    );
  }
}

/** The logged-in person; pages are not public, so the global guard has put them there. */
export function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new DomainError('auth.unauthenticated', 'Log in to see this page.');
  return request.principal;
}
