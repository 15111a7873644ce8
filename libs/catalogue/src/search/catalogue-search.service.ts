import { Injectable } from '@nestjs/common';
import type { Page } from '@academy/platform';
import { CategoriesService } from '../categories/categories.service';
import { CatalogueViews, type ListedCourse } from '../courses/catalogue-views';
import type { CourseListItem } from '../courses/dto/course-list-item';
import { endOfLocalDay, isCalendarDay, startOfLocalDay } from '../shared/local-day';
import { textKey } from '../shared/text-key';
import { FieldErrors, validateInput } from '../shared/validate-input';
import {
  CatalogueSearchRepository,
  type CourseFilters,
  type NextSessionRow,
  type SessionFilters,
} from './catalogue-search.repository';
import { CatalogueIndex } from './catalogue-index';
import { CourseSearchQuery } from './dto/course-search.query';
import { searchTerms } from './full-text';
import { type AnswerSource, SearchCache } from './search-cache';

/**
 * A listing serialised for the JSON API, exactly as JSON.stringify would write its Page, as UTF-8: the items'
 * texts (kept by CatalogueViews.listItemsJson for as long as the index's rows live) and the page's tail. It is
 * put together into one Buffer per send, which is garbage again as soon as it is written. A cached listing
 * holds only references to the kept texts: a 15 KB Buffer per listing, kept for the cache's horizon, would
 * outlive two scavenges and be promoted, and at thousands of different listings a second its memory outside
 * the heap made V8 run a full collection several times a second (the varied mix's tail in bench/catalogue.mjs).
 */
export class ListingBody {
  private constructor(
    private readonly items: readonly Buffer[],
    /** `],"total":…}`: ASCII only. */
    private readonly tail: string,
    /** In bytes, the whole answer. */
    readonly length: number,
    /** Made from the in-memory index: when the data it shows was read (see SearchCache.remember). */
    readonly dataAsOf?: number,
  ) {}

  static of(page: Page<Buffer>, dataAsOf?: number): ListingBody {
    const tail = `],"total":${page.total},"page":${page.page},"pageSize":${page.pageSize}}`;
    let length = ITEMS_OPEN.length + tail.length + Math.max(0, page.items.length - 1);
    for (const item of page.items) length += item.length;
    return new ListingBody(page.items, tail, length, dataAsOf);
  }

  /** The answer's bytes, a new Buffer each time (one copy of the texts; cheaper than keeping it). */
  bytes(): Buffer {
    const bytes = Buffer.allocUnsafe(this.length);
    let at = ITEMS_OPEN.copy(bytes, 0);
    this.items.forEach((item, i) => {
      if (i) bytes[at++] = COMMA;
      at += item.copy(bytes, at);
    });
    bytes.write(this.tail, at, 'latin1');
    return bytes;
  }
}

const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = 0x2c;

/** Free text goes to the database; everything else the in-memory index answers (when it has a snapshot). */
function sourceOf(query: CourseSearchQuery): AnswerSource {
  return query.q ? 'database' : 'memory';
}

/** How a listing's items are made: as objects (pages), or as their JSON text (the API). */
interface ItemMaker<Item> {
  items(rows: ListedCourse[], next: Map<string, NextSessionRow>): Promise<Item[]>;
}

export interface PlaceOption {
  /** As shown, e.g. "Easterwâlde". */
  place: string;
  /** What to put in `?place=`. */
  value: string;
}

/** The public catalogue: free text and filters that combine, sorted by the next session, paged stably. */
@Injectable()
export class CatalogueSearchService {
  constructor(
    private readonly repository: CatalogueSearchRepository,
    private readonly categories: CategoriesService,
    private readonly views: CatalogueViews,
    private readonly cache: SearchCache,
    private readonly index: CatalogueIndex,
  ) {}

  async search(input: CourseSearchQuery): Promise<Page<CourseListItem>> {
    return this.searchValid(await validateInput(CourseSearchQuery, input));
  }

  /**
   * The JSON API's listing as sent: the same page as `search`, serialised. A query already checked by the
   * validation pipe (a CourseSearchQuery) is not checked again; anything else is. Items made from the
   * in-memory index are serialised once and reused (CatalogueViews.listItemsJson), so most of a listing's
   * text is joined, not written.
   */
  async listingBody(query: CourseSearchQuery): Promise<ListingBody> {
    const checked =
      query instanceof CourseSearchQuery ? query : await validateInput(CourseSearchQuery, query);
    return this.cache.get(
      `body ${this.keyOf(checked)}`,
      async (dataAsOf) => {
        let indexAsOf: number | undefined;
        const page = await this.find(checked, this.itemTexts, (time) => {
          indexAsOf = time;
          dataAsOf(time);
        });
        return ListingBody.of(page, indexAsOf);
      },
      sourceOf(checked),
    );
  }

  private readonly itemObjects: ItemMaker<CourseListItem> = {
    items: (rows, next) => this.views.listItems(rows, next),
  };
  private readonly itemTexts: ItemMaker<Buffer> = {
    items: (rows, next) => this.views.listItemsJson(rows, next),
  };

  private async searchValid(query: CourseSearchQuery): Promise<Page<CourseListItem>> {
    return this.cache.get(
      this.keyOf(query),
      (dataAsOf) => this.find(query, this.itemObjects, dataAsOf),
      sourceOf(query),
    );
  }

  private keyOf(query: CourseSearchQuery): string {
    return JSON.stringify(
      (
        [
          'q',
          'category',
          'kind',
          'language',
          'audience',
          'theme',
          'place',
          'online',
          'from',
          'to',
          'hasSeats',
          'page',
          'pageSize',
        ] as const
      ).map((field) => query[field] ?? null),
    );
  }

  private async find<Item>(
    query: CourseSearchQuery,
    maker: ItemMaker<Item>,
    dataAsOf: (time: number) => void,
  ): Promise<Page<Item>> {
    const { page, pageSize } = query;
    const errors = new FieldErrors();
    for (const field of ['from', 'to'] as const) {
      const day = query[field];
      if (day && !isCalendarDay(day)) errors.add(field, `${field} must be a date that exists`);
    }
    errors.throwIfAny();
    if (query.from && query.to && query.to < query.from) {
      return { items: [], total: 0, page, pageSize };
    }

    const now = new Date();
    let categoryId: string | undefined;
    if (query.category) {
      const category = await this.categories.bySlug(query.category);
      // An unknown category matches nothing (a shared link to a category that was renamed, say).
      if (!category) return { items: [], total: 0, page, pageSize };
      categoryId = category.id;
    }
    const sessionFilters: SessionFilters = {
      from: query.from ? startOfLocalDay(query.from) : undefined,
      to: query.to ? endOfLocalDay(query.to) : undefined,
      placeKey: query.place ? textKey(query.place) : undefined,
      online: query.online,
      hasSeats: query.hasSeats || undefined,
    };
    const sessionFiltered = Object.values(sessionFilters).some((value) => value !== undefined);
    const terms = query.q ? searchTerms(query.q) : undefined;
    const courseFilters: CourseFilters = {
      categoryId,
      kind: query.kind,
      language: query.language,
      audience: query.audience,
      theme: query.theme,
      // Only punctuation typed: as if nothing was.
      terms: terms && (terms.fullText.length || terms.substring.length) ? terms : undefined,
    };
    const skip = (page - 1) * pageSize;
    const indexed = await this.index.search(
      courseFilters,
      sessionFilters,
      sessionFiltered,
      now,
      skip,
      pageSize,
    );
    if (indexed) {
      dataAsOf(indexed.asOf);
      const items = await maker.items(indexed.rows, indexed.next);
      return { items, total: indexed.total, page, pageSize };
    }
    let result = await this.repository.search(
      courseFilters,
      sessionFilters,
      sessionFiltered,
      now,
      skip,
      pageSize,
    );
    if (result.total === 0 && courseFilters.terms?.fullText.length) {
      // Full text finds whole words and their beginnings; fall back to substrings ("zorg" in "mantelzorg").
      result = await this.repository.search(
        courseFilters,
        sessionFilters,
        sessionFiltered,
        now,
        skip,
        pageSize,
        false,
      );
    }
    const ids = result.rows.map((row) => row.id);
    const next = await this.views.nextSessions(ids, sessionFilters, now);
    return { items: await maker.items(result.rows, next), total: result.total, page, pageSize };
  }

  /** Places with sessions still to come, for the place filter of the catalogue page. */
  async places(): Promise<PlaceOption[]> {
    const rows = await this.repository.upcomingPlaces(new Date());
    return rows.map((row) => ({ place: row.place, value: row.place }));
  }
}
