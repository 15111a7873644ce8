import { join } from 'node:path';
import type { Principal } from '@academy/platform';
import { hasRole } from '@academy/platform';
import type { PageRenderer } from '@academy/web';

const CATALOGUE_DIR = join(__dirname, '..');

/** Makes the catalogue's views, partials and texts known to the renderer; each page controller calls it. */
export function registerCataloguePages(pages: PageRenderer): void {
  pages.registerViews('catalogue', join(CATALOGUE_DIR, 'views'));
  pages.registerMessages('catalogue', join(CATALOGUE_DIR, 'messages'));
}

/** Trainers and administrators manage courses; the pages offer them the way in. */
export function managesCourses(principal: Principal | undefined): boolean {
  return !!principal && (principal.admin || hasRole(principal, 'trainer'));
}

/** A page count and the links around the current page; undefined when everything fits on one page. */
export interface Pager {
  page: number;
  pages: number;
  previous?: string;
  next?: string;
}

export function pagerFor(
  total: number,
  page: number,
  pageSize: number,
  link: (page: number) => string,
): Pager | undefined {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return undefined;
  return {
    page,
    pages,
    previous: page > 1 ? link(Math.min(page - 1, pages)) : undefined,
    next: page < pages ? link(page + 1) : undefined,
  };
}

/** "none", "one" or "other": which of three texts a count takes (Dutch, Frisian and English agree). */
export function plural(count: number): 'none' | 'one' | 'other' {
  return count === 0 ? 'none' : count === 1 ? 'one' : 'other';
}
