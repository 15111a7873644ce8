import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { type AuthenticatedRequest, Public } from '@academy/platform';
import { formErrors, type Locale, PageRenderer } from '@academy/web';
import { CategoriesService } from '../categories/categories.service';
import type { CategoryResponse } from '../categories/dto/category.response';
import { CoursesService } from '../courses/courses.service';
import { CatalogueSearchService, type PlaceOption } from '../search/catalogue-search.service';
import { uuidParam } from '../shared/uuid-param';
import { activeFilterCount, type CatalogueFilters, catalogueUrl, readFilters } from './catalogue-filters';
import { managesCourses, pagerFor, plural, registerCataloguePages } from './catalogue-pages';
import { courseCard, courseFacts, sessionView } from './course-view';
import { localInstant, shortDate } from './local-time';
import {
  AUDIENCE_LABELS,
  categoryName,
  COURSE_LANGUAGE_LABELS,
  KIND_LABELS,
  type Option,
  optionsOf,
  THEME_LABELS,
  type Translate,
} from './labels';

/** Results per page: short enough for a phone on a slow connection, long enough to compare. */
export const CATALOGUE_PAGE_SIZE = 10;

const FOUND: Record<'none' | 'one' | 'other', string> = {
  none: 'catalogue.list.found.none',
  one: 'catalogue.list.found.one',
  other: 'catalogue.list.found.other',
};

const DATE_ERRORS: Record<'from' | 'to', string> = {
  from: 'catalogue.list.errors.from',
  to: 'catalogue.list.errors.to',
};

/** The public catalogue: search and filters as a plain GET form, and a page per course. */
@ApiExcludeController()
@Public()
@Controller('catalogue')
export class CataloguePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly search: CatalogueSearchService,
    private readonly categories: CategoriesService,
    private readonly courses: CoursesService,
  ) {
    registerCataloguePages(pages);
  }

  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const { filters, problems } = readFilters(query);
    const [result, categories, places] = await Promise.all([
      this.search.search({ ...filters, pageSize: CATALOGUE_PAGE_SIZE }),
      this.categories.list(),
      this.search.places(),
    ]);
    const active = activeFilterCount(filters);
    return this.pages.render(
      request,
      reply,
      'catalogue/catalogue',
      {
        filters,
        activeFilters: active,
        // Closed once chosen, so the results come first; the choices are listed above them.
        filtersOpen: problems.length > 0,
        chosen: this.chosen(filters, categories, locale, t),
        options: this.filterOptions(filters, categories, places, locale, t),
        items: result.items.map((item) => courseCard(item, locale, t)),
        found: t(FOUND[plural(result.total)], { count: result.total }),
        pager: pagerFor(result.total, filters.page, CATALOGUE_PAGE_SIZE, (page) =>
          catalogueUrl(filters, page),
        ),
        calendarUrl: catalogueUrl(filters, 1, '/catalogue.ics'),
        manageUrl: managesCourses(request.principal) ? '/catalogue/manage' : undefined,
        errors: formErrors(
          problems.map((field) => ({ field, message: t(DATE_ERRORS[field]) })),
          ['from', 'to'],
        ),
      },
      { titleKey: 'catalogue.list.title' },
    );
  }

  @Get('courses/:id')
  async course(
    @Param('id', uuidParam('The course')) id: string,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const principal = request.principal;
    const course = await this.courses.get(id, principal);
    const locale = this.pages.localeOf(request, reply);
    const t: Translate = (key, params) => this.pages.t(locale, key, params);
    const manages = !!principal && (principal.admin || course.trainerIds.includes(principal.userId));
    return this.pages.render(
      request,
      reply,
      'catalogue/course',
      {
        course,
        facts: courseFacts(course, locale, t),
        // Sanitised by the catalogue's renderMarkdown (no scripts, handlers or styles survive): marked safe
        // here, where that is known, so the template itself never turns escaping off.
        descriptionHtml: new Handlebars.SafeString(course.descriptionHtml),
        hasDescription: course.descriptionHtml !== '',
        draft: course.status !== 'published',
        sessions: course.sessions.map((session) => sessionView(session, locale, t)),
        manageUrl: manages ? `/catalogue/manage/courses/${course.id}` : undefined,
        signedIn: !!principal,
        loginUrl: `/login?next=${encodeURIComponent(`/catalogue/courses/${course.id}`)}`,
      },
      { titleKey: 'catalogue.course.title', titleParams: { title: course.title } },
    );
  }

  /** The filters in use, in words: "Buitenpost · Alleen met vrije plekken". */
  private chosen(
    filters: CatalogueFilters,
    categories: CategoryResponse[],
    locale: Locale,
    t: Translate,
  ): string[] {
    const category = categories.find((c) => c.slug === filters.category);
    const day = (value: string) => shortDate(localInstant(value, '12:00') ?? value, locale);
    return [
      filters.category ? (category ? categoryName(category.names, locale) : filters.category) : undefined,
      filters.kind ? t(KIND_LABELS[filters.kind]) : undefined,
      filters.place,
      filters.online === true ? t('catalogue.list.filters.only-online') : undefined,
      filters.online === false ? t('catalogue.list.filters.only-venue') : undefined,
      filters.from ? t('catalogue.list.filters.from-date', { date: day(filters.from) }) : undefined,
      filters.to ? t('catalogue.list.filters.to-date', { date: day(filters.to) }) : undefined,
      filters.hasSeats ? t('catalogue.list.filters.has-seats') : undefined,
      filters.audience ? t(AUDIENCE_LABELS[filters.audience]) : undefined,
      filters.theme ? t(THEME_LABELS[filters.theme]) : undefined,
      filters.language ? t(COURSE_LANGUAGE_LABELS[filters.language]) : undefined,
    ].filter((text): text is string => !!text);
  }

  private filterOptions(
    filters: CatalogueFilters,
    categories: CategoryResponse[],
    places: PlaceOption[],
    locale: Locale,
    t: Translate,
  ): Record<string, Option[]> {
    const placeOptions: Option[] = places.map((p) => ({
      value: p.value,
      label: p.place,
      selected: p.value === filters.place,
    }));
    // A shared link may name a place this list does not (yet) have; keep it chosen rather than drop it.
    if (filters.place && !placeOptions.some((o) => o.selected)) {
      placeOptions.unshift({ value: filters.place, label: filters.place, selected: true });
    }
    return {
      categories: categories
        .map((c) => ({
          value: c.slug,
          label: categoryName(c.names, locale),
          selected: c.slug === filters.category,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
      kinds: optionsOf(KIND_LABELS, t, filters.kind, false),
      places: placeOptions,
      online: [
        { value: 'true', label: t('catalogue.list.filters.only-online'), selected: filters.online === true },
        { value: 'false', label: t('catalogue.list.filters.only-venue'), selected: filters.online === false },
      ],
      audiences: optionsOf(AUDIENCE_LABELS, t, filters.audience, false),
      themes: optionsOf(THEME_LABELS, t, filters.theme),
      languages: optionsOf(COURSE_LANGUAGE_LABELS, t, filters.language, false),
    };
  }
}
