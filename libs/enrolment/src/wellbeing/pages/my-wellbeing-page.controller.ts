import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, DomainError, type FieldError, type Principal } from '@academy/platform';
import {
  CsrfProtected,
  type FormErrors,
  formErrors,
  type Locale,
  NO_ERRORS,
  PageRenderer,
  translateFieldErrors,
} from '@academy/web';
import { formField, isUuid, type Translate } from '../../pages/enrolment-pages';
import { principalOf } from '../../pages/my-trainings-page.controller';
import { shortDateTime } from '../../pages/page-time';
import type { CheckInRequest } from '../inputs/dto/check-in.request';
import { InputsService } from '../inputs/inputs.service';
import { VisibilityService } from '../inputs/visibility.service';
import { InsightsService, type MyWellbeingView } from '../reading/insights.service';
import {
  dayWords,
  FIRED_LEVELS,
  isDay,
  levelWords,
  parseHours,
  registerWellbeingPages,
  ruleTitle,
  signalView,
  translator,
} from './wellbeing-page-support';

/** The prefix of this page's message keys (a template literal: it is not a key itself). */
const P = `enrolment.wellbeing-pages`;

/** Outcomes "how am I doing" may be redirected to (`?done=…`). */
const DONE: Record<string, string> = {
  objected: `${P}.me.notice.objected`,
  shared: `${P}.me.notice.shared`,
  'self-checks-deleted': `${P}.me.notice.self-checks-deleted`,
  leave: `${P}.me.notice.leave`,
};

const CHECK_IN_FIELDS = [
  'volunteerHours',
  'activeRoles',
  'caring',
  'hoursBand',
  'durationBand',
  'selfCheck',
  'share',
];
const LEAVE_FIELDS = ['from', 'to'];
const SELF_CHECK_ANSWERS = ['1', '2', '3', '4', '5'];
/** A self-check taken this recently belongs to the check-in whose result is being shown. */
const RECENT_SELF_CHECK_MS = 10 * 60_000;
const AUDIT_SHOWN = 20;

type Fields = Record<string, string>;

/** The same person, reading in the page's language: explanations follow the language switch, not the token. */
const reading = (principal: Principal, locale: Locale): Principal => ({ ...principal, locale });

/**
 * The volunteer's own load-signal pages: the weekly check-in (under a minute on a phone), its result with the
 * explanation, and "how am I doing" with history, what coordinators see, who looked, the objection switch,
 * deleting self-checks, leave and recommended trainings. Plain forms and redirects; no JavaScript needed.
 */
@ApiExcludeController()
@Controller('my/wellbeing')
export class MyWellbeingPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly inputs: InputsService,
    private readonly insights: InsightsService,
    private readonly visibility: VisibilityService,
  ) {
    registerWellbeingPages(pages);
  }

  @Get('check-in')
  async checkInForm(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const principal = principalOf(request);
    const me = await this.insights.me(reading(principal, this.pages.localeOf(request, reply)));
    const values: Fields = { caring: me.caring ? 'yes' : 'no', share: 'no' };
    if (me.caring)
      Object.assign(values, { hoursBand: me.caring.hoursBand, durationBand: me.caring.durationBand });
    return this.renderCheckIn(request, reply, values, NO_ERRORS, 200);
  }

  @Post('check-in')
  @CsrfProtected()
  async checkIn(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t = translator(this.pages, locale);
    const values: Fields = {};
    for (const name of CHECK_IN_FIELDS) values[name] = formField(body, name) ?? '';
    const { checkIn, selfCheck, errors } = this.readCheckIn(values, t);
    if (errors.length) {
      return this.renderCheckIn(request, reply, values, formErrors(errors, CHECK_IN_FIELDS), 422);
    }
    try {
      await this.inputs.checkIn(reading(principal, locale), checkIn);
      if (selfCheck) {
        await this.inputs.selfCheck(principal, {
          instrument: 'single-item',
          answer: selfCheck.answer,
          share: selfCheck.share,
        });
      }
    } catch (error: unknown) {
      const fieldErrors = fieldErrorsOf(error);
      if (!fieldErrors) throw error;
      const translated = translateFieldErrors(fieldErrors, (field) => this.checkInMessage(field, t));
      return this.renderCheckIn(request, reply, values, formErrors(translated, CHECK_IN_FIELDS), 422);
    }
    return reply.redirect('/my/wellbeing/check-in/result', 303);
  }

  /** What the check-in just told: the level in words and each signal that fired, with its explanation. */
  @Get('check-in/result')
  async checkInResult(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t = translator(this.pages, locale);
    const me = await this.insights.me(reading(principal, locale));
    const latestSelfCheck = me.selfChecks[0];
    const recent =
      latestSelfCheck && Date.now() - new Date(latestSelfCheck.takenAt).getTime() < RECENT_SELF_CHECK_MS
        ? latestSelfCheck
        : undefined;
    return this.pages.render(
      request,
      reply,
      'wellbeing/check-in-result',
      {
        ...this.levelView(me, t),
        signals: me.signals.filter((s) => FIRED_LEVELS.has(s.level)).map((s) => signalView(s, t)),
        selfCheck: recent
          ? {
              band: levelWords(recent.band, t),
              explanation: t(`${P}.self-check.band.${recent.band}`),
              shared: recent.shared,
            }
          : undefined,
      },
      { titleKey: `${P}.result.title` },
    );
  }

  @Get()
  async me(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.renderMe(request, reply, query, {}, NO_ERRORS, 200);
  }

  /** The objection switch: honoured from the moment the service commits it. */
  @Post('visibility')
  @CsrfProtected()
  async setVisibility(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const organisationId = formField(body, 'organisationId');
    const choice = formField(body, 'objectToSharing');
    if (!isUuid(organisationId) || (choice !== 'yes' && choice !== 'no')) {
      return reply.redirect('/my/wellbeing', 303);
    }
    await this.visibility.set(principal, organisationId, choice === 'yes');
    return reply.redirect(`/my/wellbeing?done=${choice === 'yes' ? 'objected' : 'shared'}#sharing`, 303);
  }

  @Post('self-checks/delete')
  @CsrfProtected()
  async deleteSelfChecks(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    await this.inputs.deleteSelfChecks(principalOf(request));
    return reply.redirect('/my/wellbeing?done=self-checks-deleted#self-checks', 303);
  }

  @Post('leave')
  @CsrfProtected()
  async addLeave(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const t = translator(this.pages, this.pages.localeOf(request, reply));
    const values: Fields = {
      from: formField(body, 'from')?.trim() ?? '',
      to: formField(body, 'to')?.trim() ?? '',
    };
    const errors: Array<{ field: string; message: string }> = [];
    if (!isDay(values.from)) errors.push({ field: 'from', message: t(`${P}.leave.error.from`) });
    if (!isDay(values.to)) errors.push({ field: 'to', message: t(`${P}.leave.error.to`) });
    else if (isDay(values.from) && values.to < values.from) {
      errors.push({ field: 'to', message: t(`${P}.leave.error.order`) });
    }
    if (!errors.length) {
      try {
        await this.inputs.addLeave(principal, { from: values.from, to: values.to });
        return reply.redirect('/my/wellbeing?done=leave#leave', 303);
      } catch (error: unknown) {
        const fieldErrors = fieldErrorsOf(error);
        if (!fieldErrors) throw error;
        errors.push(
          ...translateFieldErrors(fieldErrors, (field) =>
            field === 'to'
              ? t(`${P}.leave.error.too-long`)
              : t(`${P}.leave.error.${field === 'from' ? 'from' : 'to'}`),
          ),
        );
      }
    }
    return this.renderMe(request, reply, {}, values, formErrors(errors, LEAVE_FIELDS), 422);
  }

  private readCheckIn(
    values: Fields,
    t: Translate,
  ): {
    checkIn: CheckInRequest;
    selfCheck?: { answer: number; share: boolean };
    errors: Array<{ field: string; message: string }>;
  } {
    const errors: Array<{ field: string; message: string }> = [];
    const hours = parseHours(values.volunteerHours);
    if (values.volunteerHours.trim() === '') {
      errors.push({ field: 'volunteerHours', message: t(`${P}.check-in.error.hours-missing`) });
    } else if (hours === undefined || Number.isNaN(hours) || hours > 168) {
      errors.push({ field: 'volunteerHours', message: this.checkInMessage('volunteerHours', t)! });
    }
    let activeRoles: number | undefined;
    if (values.activeRoles.trim() !== '') {
      activeRoles = /^\d{1,2}$/.test(values.activeRoles.trim())
        ? Number(values.activeRoles.trim())
        : Number.NaN;
      if (Number.isNaN(activeRoles) || activeRoles > 20) {
        errors.push({ field: 'activeRoles', message: this.checkInMessage('activeRoles', t)! });
      }
    }
    let caring: CheckInRequest['caring'];
    if (values.caring === 'yes') {
      const hoursBand =
        values.hoursBand === '<8' || values.hoursBand === '>=8' ? values.hoursBand : undefined;
      const durationBand =
        values.durationBand === '<3m' || values.durationBand === '>=3m' ? values.durationBand : undefined;
      if (!hoursBand) errors.push({ field: 'hoursBand', message: t(`${P}.check-in.error.hours-band`) });
      if (!durationBand)
        errors.push({ field: 'durationBand', message: t(`${P}.check-in.error.duration-band`) });
      if (hoursBand && durationBand) caring = { hoursBand, durationBand };
    } else if (values.caring === 'no') {
      caring = null;
    } else if (values.caring !== '') {
      errors.push({ field: 'caring', message: t(`${P}.check-in.error.caring`) });
    }
    let selfCheck: { answer: number; share: boolean } | undefined;
    if (values.selfCheck !== '' && values.selfCheck !== 'skip') {
      if (!SELF_CHECK_ANSWERS.includes(values.selfCheck)) {
        errors.push({ field: 'selfCheck', message: this.checkInMessage('selfCheck', t)! });
      } else {
        selfCheck = { answer: Number(values.selfCheck), share: values.share === 'yes' };
      }
    }
    const checkIn: CheckInRequest = { volunteerHours: hours ?? 0 };
    if (activeRoles !== undefined) checkIn.activeRoles = activeRoles;
    if (caring !== undefined) checkIn.caring = caring;
    return { checkIn, selfCheck, errors };
  }

  private checkInMessage(field: string, t: Translate): string | undefined {
    switch (field) {
      case 'volunteerHours':
        return t(`${P}.check-in.error.hours`);
      case 'activeRoles':
        return t(`${P}.check-in.error.roles`);
      case 'caring':
        return t(`${P}.check-in.error.caring`);
      case 'selfCheck':
      case 'answer':
        return t(`${P}.check-in.error.self-check`);
      default:
        return undefined;
    }
  }

  private renderCheckIn(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    values: Fields,
    errors: FormErrors,
    status: number,
  ): FastifyReply {
    return this.pages.render(
      request,
      reply,
      'wellbeing/check-in',
      {
        values,
        errors,
        caringOptions: [
          { value: 'no', labelKey: `${P}.check-in.caring-no` },
          { value: 'yes', labelKey: `${P}.check-in.caring-yes` },
        ],
        hoursBandOptions: [
          { value: '<8', labelKey: `${P}.check-in.hours-band-under` },
          { value: '>=8', labelKey: `${P}.check-in.hours-band-over` },
        ],
        durationBandOptions: [
          { value: '<3m', labelKey: `${P}.check-in.duration-band-under` },
          { value: '>=3m', labelKey: `${P}.check-in.duration-band-over` },
        ],
        selfCheckOptions: [
          { value: 'skip', labelKey: `${P}.self-check.skip` },
          ...SELF_CHECK_ANSWERS.map((value) => ({ value, labelKey: `${P}.self-check.answer-${value}` })),
        ],
        shareOptions: [
          { value: 'no', labelKey: `${P}.check-in.share-no` },
          { value: 'yes', labelKey: `${P}.check-in.share-yes` },
        ],
      },
      { status, titleKey: `${P}.check-in.title` },
    );
  }

  private async renderMe(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    query: Record<string, unknown>,
    leaveValues: Fields,
    errors: FormErrors,
    status: number,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t = translator(this.pages, locale);
    const [me, audit] = await Promise.all([
      this.insights.me(reading(principal, locale)),
      this.insights.myAudit(principal, 1, AUDIT_SHOWN),
    ]);
    const organisationLabel = (organisationId: string): string => {
      const index = me.sharing.findIndex((s) => s.organisationId === organisationId);
      return me.sharing.length === 1 || index === -1
        ? t(`${P}.me.your-organisation`)
        : t(`${P}.me.organisation-n`, { n: index + 1 });
    };
    const fired = me.signals.filter((s) => FIRED_LEVELS.has(s.level));
    const quiet = me.signals.filter((s) => !FIRED_LEVELS.has(s.level));
    return this.pages.render(
      request,
      reply,
      'wellbeing/me',
      {
        notice:
          typeof query.done === 'string' && Object.hasOwn(DONE, query.done) ? t(DONE[query.done]) : undefined,
        errors,
        values: leaveValues,
        ...this.levelView(me, t),
        signals: fired.map((s) => signalView(s, t)),
        quiet: quiet.map((s) => ({
          title: ruleTitle(s.code, t),
          levelWords: levelWords(s.level, t),
          whatWeSee: s.explanation.whatWeSee,
        })),
        history: [...me.history].reverse().map((week) => ({
          week: t(`${P}.me.week-of`, { day: dayWords(week.weekStart, locale) }),
          level: levelWords(week.level, t),
          rules: week.rules
            .filter((r) => FIRED_LEVELS.has(r.level as never))
            .map((r) => ruleTitle(r.code, t))
            .join(', '),
        })),
        sharing: me.sharing.map((s) => ({
          organisationId: s.organisationId,
          label: organisationLabel(s.organisationId),
          objectToSharing: s.objectToSharing,
          sees: s.coordinatorsSee
            ? {
                level: levelWords(s.coordinatorsSee.level, t),
                rules: s.coordinatorsSee.rules.map((code) => ruleTitle(code, t)).join(', '),
                selfCheck: s.coordinatorsSee.selfCheckBand
                  ? levelWords(s.coordinatorsSee.selfCheckBand, t)
                  : undefined,
              }
            : undefined,
        })),
        audit: audit.items.map((entry) => ({
          who: entry.viewerName,
          where: entry.organisationId ? organisationLabel(entry.organisationId) : '',
          what: t(
            `${P}.me.audit-what.${entry.what === 'overview' || entry.what === 'flag' ? entry.what : 'flags'}`,
          ),
          when: shortDateTime(entry.viewedAt, locale),
        })),
        auditMore: audit.total > audit.items.length ? t(`${P}.me.audit-more`, { n: audit.total }) : undefined,
        selfChecks: me.selfChecks.map((s) => ({
          band: levelWords(s.band, t),
          when: shortDateTime(s.takenAt, locale),
          shared: s.shared,
        })),
        caring: me.caring
          ? t(`${P}.me.caring-band`, {
              hours: t(`${P}.check-in.hours-band-${me.caring.hoursBand === '>=8' ? 'over' : 'under'}`),
              duration: t(
                `${P}.check-in.duration-band-${me.caring.durationBand === '>=3m' ? 'over' : 'under'}`,
              ),
            })
          : undefined,
        courses: me.recommendedCourses.map((c) => ({
          title: c.title,
          url: `/catalogue/courses/${c.courseId}`,
        })),
      },
      { status, titleKey: `${P}.me.title` },
    );
  }

  private levelView(me: MyWellbeingView, t: Translate) {
    return {
      level: me.level,
      levelWords: levelWords(me.level, t),
      levelText: t(`${P}.level-text.${me.level}`),
    };
  }
}

/** The field errors of a `validation.failed` or `rule.violated` DomainError; undefined for anything else. */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.code !== 'validation.failed' && error.code !== 'rule.violated') return undefined;
  const errors = (error.details as { errors?: FieldError[] } | undefined)?.errors;
  return errors?.length ? errors : [{ field: '', messages: [error.message] }];
}
