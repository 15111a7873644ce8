import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedRequest, forbidden, notFound, type Principal } from '@academy/platform';
import {
  CsrfProtected,
  type FormErrors,
  formErrors,
  type Locale,
  NO_ERRORS,
  PageRenderer,
} from '@academy/web';
import { PeopleRepository } from '../../people/people.repository';
import { formField, isUuid, type Translate } from '../../pages/enrolment-pages';
import { principalOf } from '../../pages/my-trainings-page.controller';
import { shortDateTime } from '../../pages/page-time';
import { uuidParam } from '../../shared/uuid-param';
import { type FlagView, FlagsService } from '../flags/flags.service';
import { InsightsService } from '../reading/insights.service';
import { sessionsAtRiskView } from '../reading/sessions-at-risk.view';
import { trendChart } from './trend-chart';
import {
  dayWords,
  levelWords,
  registerWellbeingPages,
  ruleTitle,
  signalView,
  translator,
} from './wellbeing-page-support';

/** The prefix of this page's message keys (a template literal: it is not a key itself). */
const P = `enrolment.wellbeing-pages`;
const PAGE_SIZE = 50;
const NOTE_MAX = 2000;

const DONE: Record<string, string> = {
  acknowledged: `${P}.flag.notice.acknowledged`,
  resolved: `${P}.flag.notice.resolved`,
};

/** The reader's language for explanations; the token's language is only a default. */
const reading = (principal: Principal, locale: Locale): Principal => ({ ...principal, locale });

/**
 * The coordinator's pages: their organisation's volunteers (by name — no ranking, no score) with level, the rules
 * that fired and a small trend, and the flag page with its timeline and the forms to acknowledge and resolve.
 * Every view goes through the services, which check the organisation and the volunteer's objection and write the
 * volunteer's audit log.
 */
@ApiExcludeController()
@Controller('coordinator')
export class CoordinatorPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly insights: InsightsService,
    private readonly flags: FlagsService,
    private readonly people: PeopleRepository,
  ) {
    registerWellbeingPages(pages);
  }

  @Get('volunteers')
  async volunteers(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t = translator(this.pages, locale);
    const coordinated = principal.memberships
      .filter((m) => m.role === 'coordinator')
      .map((m) => m.organisationId);
    let organisationId = typeof query.organisationId === 'string' ? query.organisationId : undefined;
    if (organisationId === undefined) {
      if (coordinated.length !== 1) {
        // Several organisations (or none, for an admin): ask which. Anyone else has no business here.
        if (!coordinated.length && !principal.admin) {
          throw forbidden('Only the coordinators of an organisation may see this.');
        }
        return this.pages.render(
          request,
          reply,
          'wellbeing/coordinator-choose',
          {
            organisations: coordinated.map((id, index) => ({
              url: `/coordinator/volunteers?organisationId=${id}`,
              label: t(`${P}.me.organisation-n`, { n: index + 1 }),
            })),
          },
          { titleKey: `${P}.overview.title` },
        );
      }
      organisationId = coordinated[0]!;
    }
    if (!isUuid(organisationId)) throw notFound('The organisation');
    const page = Math.max(
      1,
      Math.min(1000, Number.parseInt(typeof query.page === 'string' ? query.page : '1', 10) || 1),
    );
    const overview = await this.insights.overview(
      reading(principal, locale),
      organisationId,
      page,
      PAGE_SIZE,
    );
    const pages = Math.max(1, Math.ceil(overview.total / PAGE_SIZE));
    return this.pages.render(
      request,
      reply,
      'wellbeing/coordinator-volunteers',
      {
        organisationId,
        total: t(`${P}.overview.total`, { n: overview.total }),
        counts: overview.counts
          ? (['green', 'amber', 'red'] as const).map((level) => ({
              level: levelWords(level, t),
              n: overview.counts![level],
            }))
          : undefined,
        sessionsAtRisk: sessionsAtRiskView(overview.sessionsAtRisk, locale, t),
        volunteers: overview.items.map((v) => {
          const trendWords = v.trend.map((p) => levelWords(p.level, t)).join(', ');
          const description = t(`${P}.overview.trend-description`, {
            name: v.name,
            weeks: v.trend.length,
            from: dayWords(v.trend[0]?.weekStart ?? '', locale),
            levels: trendWords,
          });
          return {
            id: v.volunteerId,
            name: v.name,
            level: v.level ?? 'none',
            levelWords: levelWords(v.level, t),
            evaluatedAt: v.evaluatedAt ? shortDateTime(v.evaluatedAt, locale) : undefined,
            signals: v.signals.map((s) => signalView(s, t)),
            trend: trendChart(v.trend, description, v.volunteerId),
            selfCheck: v.selfCheck
              ? t(`${P}.overview.self-check`, {
                  band: levelWords(v.selfCheck.band, t),
                  date: shortDateTime(v.selfCheck.takenAt, locale),
                })
              : undefined,
            flag: v.openFlag
              ? {
                  url: `/coordinator/flags/${v.openFlag.id}`,
                  label: t(
                    `${P}.overview.flag-${v.openFlag.status === 'acknowledged' ? 'acknowledged' : 'open'}`,
                    {
                      level: levelWords(v.openFlag.level, t),
                    },
                  ),
                }
              : undefined,
          };
        }),
        previous:
          page > 1 ? `/coordinator/volunteers?organisationId=${organisationId}&page=${page - 1}` : undefined,
        next:
          page < pages
            ? `/coordinator/volunteers?organisationId=${organisationId}&page=${page + 1}`
            : undefined,
      },
      { titleKey: `${P}.overview.title` },
    );
  }

  @Get('flags/:id')
  async flag(
    @Param('id', uuidParam('The flag')) id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.renderFlag(request, reply, id, query, {}, NO_ERRORS, 200);
  }

  @Post('flags/:id/acknowledge')
  @CsrfProtected()
  acknowledge(
    @Param('id', uuidParam('The flag')) id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(request, reply, id, body, 'acknowledge');
  }

  @Post('flags/:id/resolve')
  @CsrfProtected()
  resolve(
    @Param('id', uuidParam('The flag')) id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.act(request, reply, id, body, 'resolve');
  }

  private async act(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    body: unknown,
    action: 'acknowledge' | 'resolve',
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const t = translator(this.pages, this.pages.localeOf(request, reply));
    const field = `${action}Note`;
    const note = (formField(body, 'note') ?? '').trim();
    if (note.length > NOTE_MAX) {
      const errors = formErrors([{ field, message: t(`${P}.flag.error.note-long`, { max: NOTE_MAX }) }]);
      return this.renderFlag(request, reply, id, {}, { [field]: note }, errors, 422);
    }
    const flag = await this.flags.get(principal, id);
    if (flag.status === 'resolved' || flag.status === 'withdrawn') {
      const errors = formErrors([{ field, message: t(`${P}.flag.error.closed`) }]);
      return this.renderFlag(request, reply, id, {}, { [field]: note }, errors, 409);
    }
    if (action === 'acknowledge') await this.flags.acknowledge(principal, id, note || undefined);
    else await this.flags.resolve(principal, id, note || undefined);
    return reply.redirect(
      `/coordinator/flags/${id}?done=${action === 'acknowledge' ? 'acknowledged' : 'resolved'}`,
      303,
    );
  }

  private async renderFlag(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    query: Record<string, unknown>,
    values: Record<string, string>,
    errors: FormErrors,
    status: number,
  ): Promise<FastifyReply> {
    const principal = principalOf(request);
    const locale = this.pages.localeOf(request, reply);
    const t = translator(this.pages, locale);
    const flag = await this.flags.get(reading(principal, locale), id);
    const authors = await this.people.namesOf(
      flag.timeline.map((e) => e.authorId).filter((a): a is string => !!a),
    );
    const name = flag.volunteerName ?? t(`${P}.flag.someone`);
    const active = flag.status === 'open' || flag.status === 'acknowledged';
    return this.pages.render(
      request,
      reply,
      'wellbeing/coordinator-flag',
      {
        notice:
          typeof query.done === 'string' && Object.hasOwn(DONE, query.done) ? t(DONE[query.done]) : undefined,
        errors,
        values,
        id: flag.id,
        heading: t(`${P}.flag.heading`, { name }),
        level: levelWords(flag.level, t),
        status: t(`${P}.flag.status.${flag.status}`),
        rules: flag.ruleCodes.map((code) => ruleTitle(code, t)).join(', '),
        overviewUrl: `/coordinator/volunteers?organisationId=${flag.organisationId}`,
        timeline: timelineOf(flag, authors, principal, locale, t),
        canAcknowledge: flag.status === 'open',
        canNote: flag.status === 'acknowledged',
        active,
      },
      { status, titleKey: `${P}.flag.title` },
    );
  }
}

function timelineOf(
  flag: FlagView,
  authors: Map<string, string>,
  principal: Principal,
  locale: Locale,
  t: Translate,
) {
  const events = [...flag.timeline];
  if (!events.some((e) => e.kind === 'raised')) {
    events.unshift({ kind: 'raised', at: flag.raisedAt, authorId: null, note: null });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return events.map((event) => ({
    what: t(`${P}.flag.event.${event.kind}`),
    when: shortDateTime(event.at, locale),
    at: event.at,
    who: event.authorId
      ? event.authorId === principal.userId
        ? t(`${P}.flag.by-you`)
        : (authors.get(event.authorId) ?? t(`${P}.flag.by-coordinator`))
      : undefined,
    note: event.note ?? undefined,
  }));
}
