import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import {
  SEARCH_CACHE_MAX_ENTRIES,
  SEARCH_CACHE_MEMORY_ENTRIES,
  SEARCH_CACHE_MS,
  SearchCache,
  type SeatChange,
} from './search-cache';

function cacheWithCommits(): {
  cache: SearchCache;
  commit(manager: EntityManager): void;
  rollback(manager: EntityManager): void;
} {
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
    rollback: (manager) => {
      for (const subscriber of dataSource.subscribers) {
        void subscriber.afterTransactionRollback?.({
          queryRunner: manager.queryRunner,
        } as TransactionRollbackEvent);
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

  it('keeps a serialised answer only when no change committed while it was computed', () => {
    const { cache } = cacheWithCommits();
    const before = cache.mark();
    cache.remember('body', '{"items":[]}', before);
    expect(cache.peek('body')).toBe('{"items":[]}');
    const stale = cache.mark();
    cache.changed();
    expect(cache.peek('body')).toBeUndefined();
    cache.remember('body', '{"old":true}', stale);
    expect(cache.peek('body')).toBeUndefined();
  });

  it('answers a peek only with a computed, fresh answer', async () => {
    jest.useFakeTimers({ now: 0 });
    const { cache } = cacheWithCommits();
    let resolve!: (value: string) => void;
    const pending = cache.get('q', () => new Promise<string>((r) => (resolve = r)));
    expect(cache.peek('q')).toBeUndefined();
    resolve('answer');
    await pending;
    expect(cache.peek('q')).toBe('answer');
    jest.setSystemTime(SEARCH_CACHE_MS + 1);
    expect(cache.peek('q')).toBeUndefined();
  });

  it('stays bounded, dropping the least recently used answer', async () => {
    const { cache } = cacheWithCommits();
    for (let i = 0; i < SEARCH_CACHE_MAX_ENTRIES; i++) cache.remember(`k${i}`, i, cache.mark());
    // Used again, so no longer the oldest.
    expect(cache.peek('k0')).toBe(0);
    cache.remember('one more', -1, cache.mark());
    expect(cache.size).toBe(SEARCH_CACHE_MAX_ENTRIES);
    expect(cache.peek('k0')).toBe(0);
    expect(cache.peek('k1')).toBeUndefined();
  });

  it('keeps answers made from memory only when asked again, and only a few, beside the costly ones', async () => {
    const { cache } = cacheWithCommits();
    const compute = jest.fn(async () => 'from the database');
    await cache.get('free text', compute);
    const cheap = jest.fn(async () => 'from memory');
    // Asked once: made, not kept (thousands of different listings a second would only churn the cache).
    await cache.get('listing', cheap, 'memory');
    expect(cache.peek('listing')).toBeUndefined();
    // Asked again soon: kept, and the next ask is answered from the cache.
    await cache.get('listing', cheap, 'memory');
    await cache.get('listing', cheap, 'memory');
    expect(cheap).toHaveBeenCalledTimes(2);
    for (let i = 0; i <= SEARCH_CACHE_MEMORY_ENTRIES; i++) {
      await cache.get(`listing ${i}`, async () => i, 'memory');
      await cache.get(`listing ${i}`, async () => i, 'memory');
    }
    expect(cache.size).toBe(SEARCH_CACHE_MEMORY_ENTRIES + 1);
    // The least recently used cheap one went; the costly one stays, in its own lane.
    expect(cache.peek('listing')).toBeUndefined();
    expect(cache.peek(`listing ${SEARCH_CACHE_MEMORY_ENTRIES}`)).toBe(SEARCH_CACHE_MEMORY_ENTRIES);
    expect(await cache.get('free text', compute)).toBe('from the database');
    expect(compute).toHaveBeenCalledTimes(1);
    // Kept forms of an answer likewise.
    cache.remember('answer', 'bytes', cache.mark(), { source: 'memory' });
    expect(cache.peek('answer')).toBeUndefined();
    cache.remember('answer', 'bytes', cache.mark(), { source: 'memory' });
    expect(cache.peek('answer')).toBe('bytes');
  });

  it('forgets that an answer was asked once many others were asked since', async () => {
    const { cache } = cacheWithCommits();
    const cheap = jest.fn(async () => 'from memory');
    await cache.get('listing', cheap, 'memory');
    for (let i = 0; i < 256; i++) await cache.get(`other ${i}`, async () => i, 'memory');
    await cache.get('listing', cheap, 'memory');
    expect(cache.peek('listing')).toBeUndefined();
  });

  it('keeps an answer no longer than the data it shows is fresh', () => {
    jest.useFakeTimers({ now: 10_000 });
    const { cache } = cacheWithCommits();
    cache.remember('read a second ago', 1, cache.mark(), { dataAsOf: 9_000 });
    cache.remember('read now', 2, cache.mark());
    jest.setSystemTime(9_000 + SEARCH_CACHE_MS);
    expect(cache.peek('read a second ago')).toBeUndefined();
    expect(cache.peek('read now')).toBe(2);
  });

  it('hands seat counts to its listeners when they commit, forgetting the answers but not the catalogue', async () => {
    const { cache, commit, rollback } = cacheWithCommits();
    const heard: SeatChange[] = [];
    cache.onSeats((change) => heard.push(change));
    const compute = jest.fn(async () => 1);
    await cache.get('q', compute);
    const catalogue = cache.catalogueMark();
    const answers = cache.mark();
    const seats = { sessionId: 's1', confirmed: 3, offered: 1, version: 7 };

    const manager = inTransaction();
    cache.seatsChanged(seats, manager);
    cache.seatsChanged({ ...seats, version: 8 }, manager);
    expect(heard).toEqual([]);
    commit(manager);
    expect(heard).toEqual([seats, { ...seats, version: 8 }]);
    await cache.get('q', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.mark()).not.toBe(answers);
    expect(cache.catalogueMark()).toBe(catalogue);

    // Rolled back: never stored, so never shown, not even at the next commit on the same connection.
    const undone = inTransaction();
    cache.seatsChanged({ ...seats, version: 9 }, undone);
    rollback(undone);
    commit(undone);
    expect(heard).toHaveLength(2);

    // Outside a transaction: at once. Any other change outdates the catalogue too.
    cache.seatsChanged({ ...seats, version: 10 }, undefined);
    expect(heard).toHaveLength(3);
    cache.changed();
    expect(cache.catalogueMark()).not.toBe(catalogue);
  });
});
