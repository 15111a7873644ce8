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
/**
 * Where an answer came from, and so which answers are kept: made by the database (free text), costly, up to
 * SEARCH_CACHE_MAX_ENTRIES; made from the in-memory index, cheap to make again, only popular ones (asked again
 * within the last RECENT_ASKS) and only the few most recently used (SEARCH_CACHE_MEMORY_ENTRIES: enough for
 * the listings a newsletter link makes popular). Keeping every cheap answer for a moment gained nothing under
 * thousands of different listings a second and cost much: the entries outlived two scavenges, were promoted,
 * and the old generation grew by some 10 MB a second, until a full collection stalled every answer for up to
 * 90 ms (bench/catalogue.mjs, varied mix).
 */
export type AnswerSource = 'database' | 'memory';
/** A bound on memory: about 16 KB per serialised listing, so some 16 MB at most with both forms kept. */
export const SEARCH_CACHE_MAX_ENTRIES = 1_000;
export const SEARCH_CACHE_MEMORY_ENTRIES = 64;
/** How many of the latest keys asked of the memory lane are noted (as hashes), to tell a popular answer. */
const RECENT_ASKS = 256;
const LIMITS: Record<AnswerSource, number> = {
  database: SEARCH_CACHE_MAX_ENTRIES,
  memory: SEARCH_CACHE_MEMORY_ENTRIES,
};
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
 * cache at commit (see `changed`), so nobody sees their own change late; concurrent identical
 * requests share one computation. Answers are the same for everyone (no personal data). Least recently used
 * answers go first when it is full.
 */
@Injectable()
export class SearchCache implements OnModuleInit {
  private readonly lanes: Record<AnswerSource, Map<string, Entry>> = {
    database: new Map(),
    memory: new Map(),
  };
  /** Where `peek` looks, the commoner first (no array made per request). */
  private readonly peekOrder = [this.lanes.memory, this.lanes.database] as const;
  /** Counts clears: an answer computed before a change must not be kept after it (see `remember`). */
  private generation = 0;
  /** Counts clears for anything but seat counts, which the in-memory index takes in place (`onSeats`). */
  private catalogueGeneration = 0;
  private readonly seatListeners: Array<(change: SeatChange) => void> = [];
  /** Hashes of the latest keys asked of the memory lane, a ring (no object per ask: nothing to promote). */
  private readonly recentAsks = new Uint32Array(RECENT_ASKS);
  private recentAt = 0;

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
    return this.lanes.database.size + this.lanes.memory.size;
  }

  /**
   * The answer under `key`, computed once for everyone asking within the horizon. `compute` may say that
   * its answer shows data read earlier (`dataAsOf`, epoch ms): it is then reused only until that data is
   * SEARCH_CACHE_MS old. `source`: where the answer will come from (see AnswerSource).
   */
  get<T>(
    key: string,
    compute: (dataAsOf: (time: number) => void) => Promise<T>,
    source: AnswerSource = 'database',
  ): Promise<T> {
    const lane = this.lanes[source];
    const now = Date.now();
    const hit = lane.get(key);
    if (hit && hit.expires > now) {
      touch(lane, key, hit);
      return hit.value as Promise<T>;
    }
    if (source === 'memory' && !this.askedRecently(key)) return compute(() => undefined);
    const entry: Entry = { expires: now + SEARCH_CACHE_MS, value: undefined as unknown as Promise<T> };
    const value = compute((time) => {
      entry.expires = Math.min(entry.expires, time + SEARCH_CACHE_MS);
    });
    entry.value = value;
    this.store(source, key, entry);
    value.then(
      (result) => {
        entry.settled = { value: result };
      },
      () => {
        if (lane.get(key) === entry) lane.delete(key);
      },
    );
    return value;
  }

  /** The answer under `key` if one is there, fresh and computed; nothing is computed. */
  peek<T>(key: string): T | undefined {
    for (const lane of this.peekOrder) {
      const hit = lane.get(key);
      if (!hit?.settled) continue;
      if (hit.expires <= Date.now()) {
        lane.delete(key);
        continue;
      }
      touch(lane, key, hit);
      return hit.settled.value as T;
    }
    return undefined;
  }

  /** Where the cache stands now; pass it to `remember` with what was computed from the data read after. */
  mark(): number {
    return this.generation;
  }

  /**
   * Keeps `value` under `key`, unless a change committed since `mark` (the value may predate it). `dataAsOf`:
   * when the data it shows was read, if earlier than now (it is then kept only until that is SEARCH_CACHE_MS
   * old); `source` as for `get`.
   */
  remember(
    key: string,
    value: unknown,
    mark: number,
    { dataAsOf = Infinity, source = 'database' }: { dataAsOf?: number; source?: AnswerSource } = {},
  ): void {
    if (mark !== this.generation || (source === 'memory' && !this.askedRecently(key))) return;
    this.store(source, key, {
      expires: Math.min(Date.now(), dataAsOf) + SEARCH_CACHE_MS,
      value: Promise.resolve(value),
      settled: { value },
    });
  }

  /** Like `mark`, but seat count changes leave it as it is: what the in-memory index compares. */
  catalogueMark(): number {
    return this.catalogueGeneration;
  }

  clear(): void {
    this.catalogueGeneration++;
    this.forgetAnswers();
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
    this.forgetAnswers();
    for (const listener of this.seatListeners) listener(change);
  }

  /** Whether `key` is among the latest RECENT_ASKS asked of the memory lane; notes it either way. */
  private askedRecently(key: string): boolean {
    const hash = hashOf(key);
    const asked = this.recentAsks.includes(hash);
    this.recentAsks[this.recentAt] = hash;
    this.recentAt = (this.recentAt + 1) % RECENT_ASKS;
    return asked;
  }

  private forgetAnswers(): void {
    this.generation++;
    this.lanes.database.clear();
    this.lanes.memory.clear();
  }

  private store(source: AnswerSource, key: string, entry: Entry): void {
    const lane = this.lanes[source];
    touch(lane, key, entry);
    if (lane.size > LIMITS[source]) {
      const oldest = lane.keys().next().value;
      if (oldest !== undefined) lane.delete(oldest);
    }
  }
}

/** Most recently used last (a Map keeps insertion order), so the first key is the one to drop. */
function touch(lane: Map<string, Entry>, key: string, entry: Entry): void {
  lane.delete(key);
  lane.set(key, entry);
}

/** FNV-1a, 32 bits: a collision only keeps an answer that was not asked again. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
