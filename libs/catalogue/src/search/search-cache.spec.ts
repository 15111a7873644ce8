import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { SEARCH_CACHE_MS, SearchCache } from './search-cache';

function cacheWithCommits(): { cache: SearchCache; commit(manager: EntityManager): void } {
  const dataSource = { subscribers: [] as EntitySubscriberInterface[] };
  const cache = new SearchCache(dataSource as unknown as DataSource);
  cache.onModuleInit();
  return {
    cache,
    commit: (manager) => {
      for (const subscriber of dataSource.subscribers) {
        void subscriber.afterTransactionCommit?.({
          queryRunner: manager.queryRunner,
        } as TransactionCommitEvent);
      }
    },
  };
}
const inTransaction = () =>
  ({ queryRunner: { isTransactionActive: true, data: {} } }) as unknown as EntityManager;

describe('the search cache', () => {
  afterEach(() => jest.useRealTimers());

  it('computes an answer once for everyone asking at the same moment', async () => {
    const { cache } = cacheWithCommits();
    const compute = jest.fn(async () => ({ items: [] }));
    const answers = await Promise.all([
      cache.get('q', compute),
      cache.get('q', compute),
      cache.get('r', compute),
    ]);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(answers[0]).toBe(answers[1]);
  });

  it('asks again after a short while', async () => {
    jest.useFakeTimers({ now: 0 });
    const { cache } = cacheWithCommits();
    const compute = jest.fn(async () => 1);
    await cache.get('q', compute);
    jest.setSystemTime(SEARCH_CACHE_MS - 1);
    await cache.get('q', compute);
    jest.setSystemTime(SEARCH_CACHE_MS + 1);
    await cache.get('q', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('forgets everything when a change commits, not before', async () => {
    const { cache, commit } = cacheWithCommits();
    const compute = jest.fn(async () => 1);
    await cache.get('q', compute);
    const manager = inTransaction();
    cache.changed(manager);
    await cache.get('q', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    commit(manager);
    await cache.get('q', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    // A commit of a transaction that changed nothing the catalogue shows keeps the cache.
    commit(inTransaction());
    await cache.get('q', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure', async () => {
    const { cache } = cacheWithCommits();
    await expect(cache.get('q', () => Promise.reject(new Error('database away')))).rejects.toThrow();
    await expect(cache.get('q', async () => 'ok')).resolves.toBe('ok');
  });
});
