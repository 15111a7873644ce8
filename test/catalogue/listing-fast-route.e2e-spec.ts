import { FastRoutes } from '@academy/platform';
import { CatalogueSearchService } from '../../libs/catalogue/src/search/catalogue-search.service';
import type { CourseSearchQuery } from '../../libs/catalogue/src/search/dto/course-search.query';
import { SearchCache } from '../../libs/catalogue/src/search/search-cache';
import { type BootedApp, bootApp, type TestAppKind } from '../support/apps';

/**
 * The public listing is answered before the Nest pipeline (FastRoutes + ListingFastRoute). It must answer
 * exactly what the Nest route answers — body, status, headers that matter — and leave everything it cannot
 * answer (refused queries) to that route.
 */
describe.each<[TestAppKind, string]>([
  ['academy', 'all-in-one on SQLite'],
  ['course-catalogue', 'catalogue service on MariaDB'],
])('the public listing’s fast route — %s (%s)', (kind) => {
  let booted: BootedApp;
  let fastRoutes: FastRoutes;

  beforeAll(async () => {
    booted = await bootApp(kind, { DEMO_DATA: 'on' });
    fastRoutes = booted.app.get(FastRoutes);
  });
  afterAll(() => booted?.close());

  /** The same request through the fast route, then through Nest alone; each computes its answer afresh. */
  async function bothWays(url: string) {
    const cache = booted.app.get(SearchCache, { strict: false });
    cache.clear();
    fastRoutes.enabled = true;
    const fast = await booted.call({ method: 'GET', url });
    cache.clear();
    fastRoutes.enabled = false;
    try {
      const nest = await booted.call({ method: 'GET', url });
      return { fast, nest };
    } finally {
      fastRoutes.enabled = true;
    }
  }

  it.each([
    '/api/catalogue/courses',
    '/api/catalogue/courses?page=2&pageSize=5',
    '/api/catalogue/courses?category=zorg-en-welzijn',
    '/api/catalogue/courses?place=Drachten&hasSeats=true',
    '/api/catalogue/courses?place=drachten&kind=workshop&page=1',
    '/api/catalogue/courses?online=true&language=nl',
    '/api/catalogue/courses?q=dementie',
    '/api/catalogue/courses?q=zorg&place=Ljouwert',
    '/api/catalogue/courses?category=does-not-exist',
    '/api/catalogue/courses?from=2020-01-01&to=2099-12-31&audience=carers',
    '/api/catalogue/courses?place=&q=',
  ])('answers %s exactly as the Nest route does', async (url) => {
    const { fast, nest } = await bothWays(url);
    expect(fast.statusCode).toBe(200);
    expect(nest.statusCode).toBe(200);
    expect(fast.body).toBe(nest.body);
    // Both send the serialised items kept per course and session: the text is what the pages' objects say.
    const query = Object.fromEntries(
      new URL(url, 'http://academy').searchParams,
    ) as unknown as CourseSearchQuery;
    booted.app.get(SearchCache, { strict: false }).clear();
    const objects = await booted.app.get(CatalogueSearchService, { strict: false }).search(query);
    expect(fast.body).toBe(JSON.stringify(objects));
    expect(fast.headers['content-type']).toBe(nest.headers['content-type']);
    expect(fast.headers['content-security-policy']).toBe(nest.headers['content-security-policy']);
    expect(fast.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('reuses item texts across listings of one snapshot, and they stay what the objects say', async () => {
    const search = booted.app.get(CatalogueSearchService, { strict: false });
    for (const url of [
      '/api/catalogue/courses?pageSize=5',
      '/api/catalogue/courses?pageSize=10',
      '/api/catalogue/courses?pageSize=10&page=2',
      '/api/catalogue/courses?pageSize=30&kind=workshop',
      '/api/catalogue/courses?pageSize=30',
    ]) {
      const listing = await booted.call({ method: 'GET', url });
      const query = Object.fromEntries(new URL(url, 'http://academy').searchParams);
      expect(listing.body).toBe(JSON.stringify(await search.search(query as unknown as CourseSearchQuery)));
    }
  });

  it('has listings to compare: the demo academy is there', async () => {
    const { fast } = await bothWays('/api/catalogue/courses?pageSize=100');
    const page = fast.json<{ total: number; items: Array<{ nextSession: unknown }> }>();
    expect(page.total).toBeGreaterThanOrEqual(30);
    expect(page.items.filter((item) => item.nextSession).length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['/api/catalogue/courses?page=0', 'page'],
    ['/api/catalogue/courses?pageSize=1000', 'pageSize'],
    ['/api/catalogue/courses?kind=lecture', 'kind'],
    ['/api/catalogue/courses?from=2026-02-30', 'from'],
    ['/api/catalogue/courses?unknown=1', 'unknown'],
    ['/api/catalogue/courses?page=1&page=2', 'page'],
  ])('leaves a refused query (%s) to the Nest route: the same problem+json', async (url, field) => {
    const { fast, nest } = await bothWays(url);
    expect(fast.statusCode).toBe(400);
    expect(fast.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = fast.json<{ errors: Array<{ field: string }> }>();
    expect(problem.errors.map((error) => error.field)).toContain(field);
    expect({ ...problem, instance: undefined, requestId: undefined }).toEqual({
      ...nest.json<object>(),
      instance: undefined,
      requestId: undefined,
    });
  });

  it('counts its answers in the request metrics under the route', async () => {
    await booted.call({ method: 'GET', url: '/api/catalogue/courses?place=Dokkum' });
    const metrics = await booted.call({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/api\/catalogue\/courses"[^}]*\}/,
    );
  });

  it('leaves HEAD and other paths alone', async () => {
    const head = await booted.call({ method: 'HEAD', url: '/api/catalogue/courses' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    const categories = await booted.call({ method: 'GET', url: '/api/catalogue/categories' });
    expect(categories.statusCode).toBe(200);
  });
});
