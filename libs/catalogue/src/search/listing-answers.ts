import { Injectable } from '@nestjs/common';
import type { ListingBody } from './catalogue-search.service';
import { SearchCache } from './search-cache';

export const LISTING_PATH = '/api/catalogue/courses';
export const LISTING_TYPE = 'application/json; charset=utf-8';

/**
 * The public listing's serialised answers by URL, kept in the search cache (so they go with it at every
 * change, and live no longer than the answer they were made from). Shared by the fast route and the Nest
 * route's interceptor, which therefore send the same bytes for the same URL.
 */
@Injectable()
export class ListingAnswers {
  constructor(private readonly cache: SearchCache) {}

  /** The body sent for this very URL within the horizon, if any. */
  cached(url: string): ListingBody | undefined {
    return this.cache.peek<ListingBody>(key(url));
  }

  /** Take it before computing an answer; `keep` then drops the answer if a change committed meanwhile. */
  mark(): number {
    return this.cache.mark();
  }

  /** Keeps the listing for this URL, no longer than the listing itself. */
  keep(url: string, body: ListingBody, mark: number): void {
    this.cache.remember(key(url), body, mark, {
      dataAsOf: body.dataAsOf,
      source: body.dataAsOf === undefined ? 'database' : 'memory',
    });
  }
}

function key(url: string): string {
  return `answer GET ${url}`;
}
