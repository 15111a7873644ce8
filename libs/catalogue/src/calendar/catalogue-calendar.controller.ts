import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig, type AuthenticatedRequest, Public } from '@academy/platform';
import { PageRenderer } from '@academy/web';
import type { CourseDetailResponse } from '../courses/dto/course.response';
import type { CourseListItem } from '../courses/dto/course-list-item';
import { CoursesService } from '../courses/courses.service';
import { readFilters } from '../pages/catalogue-filters';
import { registerCataloguePages } from '../pages/catalogue-pages';
import { localInstant } from '../pages/local-time';
import { CatalogueSearchService } from '../search/catalogue-search.service';
import { catalogueCalendar, type FeedSessionFilters } from './catalogue-calendar';

/** The search answers at most this many courses per page; the feed reads page after page. */
const SEARCH_PAGE_SIZE = 100;
/** Enough for the whole academy (about 40 courses); a bound, so one request cannot read without end. */
const MAX_FEED_COURSES = 1000;
/** Courses whose details are read together (one query per kind of row for all of them). */
const DETAIL_BATCH = 250;

/**
 * `/catalogue.ics`: the published catalogue as a calendar to subscribe to, filtered with the same query
 * parameters as the catalogue page (its "in your calendar" link carries them).
 */
@ApiExcludeController()
@Public()
@Controller()
export class CatalogueCalendarController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly search: CatalogueSearchService,
    private readonly courses: CoursesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    registerCataloguePages(pages);
  }

  @Get('/catalogue.ics')
  async feed(
    @Query() query: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { filters } = readFilters(query);
    const locale = this.pages.localeOf(request, reply);
    const found = await this.allCourses({ ...filters, page: 1 });
    // The public view of each course: its published sessions that have not ended. Read set-wise, a batch of
    // courses at a time (bounded IN lists); a course taken out of the catalogue since the search is left out.
    const details: CourseDetailResponse[] = [];
    for (let start = 0; start < found.length; start += DETAIL_BATCH) {
      const ids = found.slice(start, start + DETAIL_BATCH).map((item) => item.id);
      details.push(...(await this.courses.publicDetails(ids)));
    }
    const sessionFilters: FeedSessionFilters = {
      place: filters.place,
      online: filters.online,
      from: filters.from ? localInstant(filters.from, '00:00') : undefined,
      to: filters.to ? localInstant(nextDay(filters.to), '00:00') : undefined,
      hasSeats: filters.hasSeats,
    };
    const body = catalogueCalendar(details, sessionFilters, this.config.publicUrl.replace(/\/$/, ''), {
      name: this.pages.t(locale, 'catalogue.calendar.name'),
      description: this.pages.t(locale, 'catalogue.calendar.description'),
      online: this.pages.t(locale, 'catalogue.calendar.online'),
      meetingOf: (number, count) => this.pages.t(locale, 'catalogue.calendar.meeting-of', { number, count }),
    });
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('vary', 'accept-language, cookie')
      .header('content-disposition', 'inline; filename="vrijwilligersacademie.ics"')
      .type('text/calendar; charset=utf-8')
      .send(body);
  }

  private async allCourses(filters: ReturnType<typeof readFilters>['filters']): Promise<CourseListItem[]> {
    const items: CourseListItem[] = [];
    for (let page = 1; items.length < MAX_FEED_COURSES; page++) {
      const result = await this.search.search({ ...filters, page, pageSize: SEARCH_PAGE_SIZE });
      items.push(...result.items);
      if (result.items.length < SEARCH_PAGE_SIZE || items.length >= result.total) break;
    }
    return items.slice(0, MAX_FEED_COURSES);
  }
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
