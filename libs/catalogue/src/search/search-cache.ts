import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';

/** How long an answer is reused. Other replicas' changes show within this time; this replica's at once. */
export const SEARCH_CACHE_MS = 2_000;
/** A bound on memory: about 16 KB per serialised listing, so some 16 MB at most with both forms kept. */
export const SEARCH_CACHE_MAX_ENTRIES = 1_000;
const CHANGED = 'catalogue:changed';
const SEATS = 'catalogue:seats';

/** Seat counts of a session as enrolment reported them and the catalogue stored them. */
export interface SeatChange {
  sessionId: string;
  confirmed: number;
  offered: number;
  version: number;
}

interface Entry {
  expires: number;
  value: Promise<unknown>;
  /** Set once `value` has resolved, so a hit can be answered without waiting a turn of the event loop. */
  settled?: { value: unknown };
}

/**
 * Reuses the answers of the public catalogue search for a moment: the same listing asked by many people at
 * once (a newsletter link, a village hall) is computed once. Any change committed in this process empties the
 * cache at commit (see markCatalogueChanged), so nobody sees their own change late; concurrent identical
 * requests share one computation. Answers are the same for everyone (no personal data). Least recently used
 * answers go first when it is full.
 */
@Injectable()
export class SearchCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  /** Counts clears: an answer computed before a change must not be kept after it (see `remember`). */
  private generation = 0;
  /** Counts clears for anything but seat counts, which the in-memory index takes in place (`onSeats`). */
  private catalogueGeneration = 0;
  private readonly seatListeners: Array<(change: SeatChange) => void> = [];
  /** The entry each computed answer came from, for the horizon of forms made from it (`remember`). */
  private readonly expiries = new WeakMap<object, Entry>();

  constructor(@InjectDataSource(CATALOGUE) private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      // Rolled back: nothing changed, and seat counts that were never stored must not be shown.
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        delete data?.[CHANGED];
        delete data?.[SEATS];
      },
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        if (data?.[CHANGED]) {
          delete data[CHANGED];
          this.clear();
        }
        const seats = data?.[SEATS] as SeatChange[] | undefined;
        if (seats) {
          delete data![SEATS];
          for (const change of seats) this.seatsCommitted(change);
        }
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The answer under `key`, computed once for everyone asking within the horizon. `compute` may say that
   * its answer shows data read earlier (`dataAsOf`, epoch ms): it is then reused only until that data is
   * SEARCH_CACHE_MS old.
   */
  get<T>(key: string, compute: (dataAsOf: (time: number) => void) => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      this.touch(key, hit);
      return hit.value as Promise<T>;
    }
    const entry: Entry = { expires: now + SEARCH_CACHE_MS, value: undefined as unknown as Promise<T> };
    const value = compute((time) => {
      entry.expires = Math.min(entry.expires, time + SEARCH_CACHE_MS);
    });
    entry.value = value;
    this.store(key, entry);
    value.then(
      (result) => {
        entry.settled = { value: result };
        if (typeof result === 'object' && result !== null) this.expiries.set(result, entry);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** The answer under `key` if one is there, fresh and computed; nothing is computed. */
  peek<T>(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit?.settled) return undefined;
    if (hit.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.touch(key, hit);
    return hit.settled.value as T;
  }

  /** Where the cache stands now; pass it to `remember` with what was computed from the data read after. */
  mark(): number {
    return this.generation;
  }

  /**
   * Keeps `value` under `key`, unless a change committed since `mark` (the value may predate it). `basis`:
   * the answer from `get` it was made from (a serialised form), whose horizon it then keeps.
   */
  remember(key: string, value: unknown, mark: number, basis?: object): void {
    if (mark !== this.generation) return;
    const limit = basis ? this.expiries.get(basis)?.expires : undefined;
    this.store(key, {
      expires: Math.min(Date.now() + SEARCH_CACHE_MS, limit ?? Infinity),
      value: Promise.resolve(value),
      settled: { value },
    });
  }

  /** Like `mark`, but seat count changes leave it as it is: what the in-memory index compares. */
  catalogueMark(): number {
    return this.catalogueGeneration;
  }

  clear(): void {
    this.generation++;
    this.catalogueGeneration++;
    this.entries.clear();
  }

  /** `listener` hears every seat change as it commits, right after the answers showing the old counts went. */
  onSeats(listener: (change: SeatChange) => void): void {
    this.seatListeners.push(listener);
  }

  /**
   * Marks the transaction of `manager` as one that changed what search shows: the cache empties when it
   * commits (not before, or a search in between would keep the old answer). Without a transaction, at once.
   */
  changed(manager?: EntityManager): void {
    const queryRunner = manager?.queryRunner;
    if (queryRunner?.isTransactionActive) {
      queryRunner.data = { ...(queryRunner.data as object | undefined), [CHANGED]: true };
    } else {
      this.clear();
    }
  }

  /**
   * Like `changed`, for seat counts only: at commit the answers go (they show seats left) and the listeners
   * (the in-memory index) take the new counts, so nothing has to be read again for them.
   */
  seatsChanged(change: SeatChange, manager?: EntityManager): void {
    const queryRunner = manager?.queryRunner;
    if (queryRunner?.isTransactionActive) {
      const data = (queryRunner.data ?? {}) as Record<string, unknown>;
      queryRunner.data = { ...data, [SEATS]: [...((data[SEATS] as SeatChange[]) ?? []), change] };
    } else {
      this.seatsCommitted(change);
    }
  }

  private seatsCommitted(change: SeatChange): void {
    this.generation++;
    this.entries.clear();
    for (const listener of this.seatListeners) listener(change);
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > SEARCH_CACHE_MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Most recently used last (a Map keeps insertion order), so the first key is the one to drop. */
  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }
}
