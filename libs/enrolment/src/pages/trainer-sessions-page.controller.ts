import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { toString as qrSvg } from 'qrcode';
import Handlebars from 'handlebars';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@academy/contracts';
import { type AuthenticatedRequest, DomainError, notFound, Roles } from '@academy/platform';
import {
  CsrfProtected,
  type FormErrors,
  formErrors,
  type Locale,
  NO_ERRORS,
  PageRenderer,
} from '@academy/web';
import { AttendanceService } from '../attendance/attendance.service';
import type { RosterResponse } from '../attendance/dto/attendance.response';
import { RosterService } from '../attendance/roster.service';
import { CheckinService } from '../checkin/checkin.service';
import { CHECKIN_OPENS_BEFORE_MS } from '../checkin/checkin-code';
import { ATTENDANCE_OPENS_BEFORE_MS } from '../enrolment.constants';
import { isCancelled } from '../sessions/session-rules';
import { SessionsService } from '../sessions/sessions.service';
import { uuidParam } from '../shared/uuid-param';
import { formField, registerEnrolmentPages, type Translate } from './enrolment-pages';
import { principalOf, sessionWhen } from './my-trainings-page.controller';
import { shortDate, shortDateTime, timeRange } from './page-time';
import { TrainerSessionsQuery } from './trainer-sessions.query';

/** How often the QR page reloads itself; the code changes every minute and the previous one still works. */
const QR_REFRESH_SECONDS = 30;

/**
 * A trainer's groups: the list, and per session the participants with one form per meeting to take attendance
 * with one tap per person (four large radio buttons) and one "Save"; the QR code for self check-in.
 */
@ApiExcludeController()
@Roles('trainer', 'admin')
@Controller('trainer/sessions')
export class TrainerSessionsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly query: TrainerSessionsQuery,
    private readonly rosters: RosterService,
    private readonly attendance: AttendanceService,
    private readonly checkin: CheckinService,
    private readonly seats: SessionsService,
  ) {
    registerEnrolmentPages(pages);
  }

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const rows = await this.query.sessionsOf(principal.userId, principal.admin);
    return this.pages.render(
      request,
      reply,
      'enrolment/trainer-sessions',
      {
        sessions: rows.map(({ session, courseTitle }) => ({
          id: session.id,
          title: courseTitle,
          when: sessionWhen(session.firstStartsAt.toISOString(), session.lastEndsAt.toISOString(), locale),
          cancelled: isCancelled(session),
          seats: t('enrolment.trainer.seats', { confirmed: session.confirmed, capacity: session.capacity }),
          waitlisted: session.waitlisted
            ? t('enrolment.trainer.waitlisted', { count: session.waitlisted })
            : undefined,
        })),
      },
      { titleKey: 'enrolment.trainer.title' },
    );
  }

  @Get(':id')
  async roster(
    @Param('id', uuidParam('The session')) id: string,
    @Query('saved') saved: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const roster = await this.rosters.roster(principalOf(request), id);
    const locale = this.pages.localeOf(request, reply);
    const number = typeof saved === 'string' && /^\d{1,3}$/.test(saved) ? Number(saved) : undefined;
    const notice =
      number && number <= roster.meetings.length
        ? this.pages.t(locale, 'enrolment.trainer.saved', { number })
        : undefined;
    return this.renderRoster(request, reply, roster, locale, NO_ERRORS, 200, notice);
  }

  @Get(':id/roster.csv')
  async csv(
    @Param('id', uuidParam('The session')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const csv = await this.rosters.csv(principalOf(request), id);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="presentielijst.csv"')
      .type('text/csv; charset=utf-8')
      .send(csv);
  }

  /** One meeting's list, saved in one request through AttendanceService (all or nothing). */
  @Post(':id/meetings/:meetingId/attendance')
  @CsrfProtected()
  async record(
    @Param('id', uuidParam('The session')) id: string,
    @Param('meetingId', uuidParam('The meeting')) meetingId: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const roster = await this.rosters.roster(principal, id);
    const meeting = roster.meetings.find((m) => m.id === meetingId);
    if (!meeting) throw notFound('The meeting');
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const records = roster.participants.flatMap((p) => {
      const status = formField(body, `status-${p.enrolmentId}`);
      return status && (ATTENDANCE_STATUSES as readonly string[]).includes(status)
        ? [{ enrolmentId: p.enrolmentId, status: status as AttendanceStatus }]
        : [];
    });
    const field = `m${meeting.index + 1}-0`;
    if (!records.length) {
      const errors = formErrors([{ field, message: t('enrolment.trainer.choose-one') }]);
      return this.renderRoster(request, reply, roster, locale, errors, 400);
    }
    try {
      await this.attendance.record(principal, meetingId, { records });
    } catch (error: unknown) {
      if (!(error instanceof DomainError) || !['validation.failed', 'rule.violated'].includes(error.code))
        throw error;
      const errors = formErrors([{ field, message: t('enrolment.trainer.invalid') }]);
      return this.renderRoster(request, reply, roster, locale, errors, error.status);
    }
    return reply.redirect(
      `/trainer/sessions/${id}?saved=${meeting.index + 1}#meeting-${meeting.index + 1}`,
      303,
    );
  }

  /** The rotating QR code for self check-in; the trainer's phone shows it at the door. */
  @Get(':id/meetings/:meetingId/checkin')
  async qr(
    @Param('id', uuidParam('The session')) id: string,
    @Param('meetingId', uuidParam('The meeting')) meetingId: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const now = new Date();
    const { url, meeting } = await this.checkin.currentUrl(principalOf(request), meetingId, now);
    if (meeting.sessionId !== id) throw notFound('The meeting');
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const svg = await qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 300 });
    const opens = new Date(meeting.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS);
    // A Refresh header rather than a meta element: the layout's head is shared, and the effect is the same.
    void reply.header('refresh', String(QR_REFRESH_SECONDS));
    return this.pages.render(
      request,
      reply,
      'enrolment/checkin-qr',
      {
        sessionId: id,
        heading: t('enrolment.qr.heading', { title: meeting.courseTitle }),
        when: `${shortDate(meeting.startsAt, locale)}, ${timeRange(meeting.startsAt, meeting.endsAt, locale)}`,
        notOpen: now < opens,
        over: now > meeting.endsAt,
        valid: t('enrolment.qr.valid', {
          from: shortDateTime(opens, locale),
          to: shortDateTime(meeting.endsAt, locale),
        }),
        url,
        // Our own URL turned into SVG by the qrcode package: nothing in it comes from a user.
        qrSvg: new Handlebars.SafeString(svg),
      },
      { titleKey: 'enrolment.qr.title' },
    );
  }

  private async renderRoster(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    roster: RosterResponse,
    locale: Locale,
    errors: FormErrors,
    status: number,
    notice?: string,
  ): Promise<FastifyReply> {
    const seats = await this.seats.seats(roster.sessionId);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const now = Date.now();
    const name = (displayName: string | null) => displayName ?? t('enrolment.trainer.erased');
    return this.pages.render(
      request,
      reply,
      'enrolment/trainer-session',
      {
        sessionId: roster.sessionId,
        title: roster.courseTitle,
        cancelled: roster.cancelled,
        seats: t('enrolment.trainer.seats', { confirmed: seats.confirmed, capacity: seats.capacity }),
        notice,
        errors,
        participants: roster.participants.map((p) => ({
          name: name(p.displayName),
          attended: t('enrolment.trainer.attended', { count: p.attended }),
          completed: p.completed,
        })),
        waitlist: roster.waitlist.map((p) =>
          p.status === 'offered'
            ? t('enrolment.trainer.offered-item', { name: name(p.displayName) })
            : t('enrolment.trainer.waitlist-item', {
                position: p.waitlistPosition ?? '',
                name: name(p.displayName),
              }),
        ),
        meetings: roster.meetings.map((m) => {
          const startsAt = new Date(m.startsAt).getTime();
          const endsAt = new Date(m.endsAt).getTime();
          return {
            id: m.id,
            number: m.index + 1,
            when: `${shortDate(m.startsAt, locale)}, ${timeRange(m.startsAt, m.endsAt, locale)}`,
            place: m.place,
            open: !roster.cancelled && now >= startsAt - ATTENDANCE_OPENS_BEFORE_MS,
            checkinUrl:
              !roster.cancelled && now <= endsAt && now >= startsAt - 24 * 3_600_000
                ? `/trainer/sessions/${roster.sessionId}/meetings/${m.id}/checkin`
                : undefined,
            errorHere: errors.summary.some((e) => e.field.startsWith(`m${m.index + 1}-`)),
            people: roster.participants.map((p) => {
              const current = p.attendance.find((a) => a.meetingId === m.id)?.status ?? null;
              return {
                enrolmentId: p.enrolmentId,
                name: name(p.displayName),
                choices: ATTENDANCE_STATUSES.map((value) => ({
                  value,
                  label: t(`enrolment.attendance.${value}`),
                  checked: current === value,
                })),
              };
            }),
          };
        }),
      },
      { status, titleKey: 'enrolment.trainer.title' },
    );
  }
}
