import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';

/** How long an answer is reused. Other replicas' changes show within this time; this replica's at once. */
export const SEARCH_CACHE_MS = 2_000;
const MAX_ENTRIES = 500;
const CHANGED = 'catalogue:changed';

/**
 * Reuses the answers of the public catalogue search for a moment: the same listing asked by many people at
 * once (a newsletter link, a village hall) is computed once. Any change committed in this process empties the
 * cache at commit (see markCatalogueChanged), so nobody sees their own change late; concurrent identical
 * requests share one computation. Answers are the same for everyone (no personal data).
 */
@Injectable()
export class SearchCache implements OnModuleInit {
  private readonly entries = new Map<string, { expires: number; value: Promise<unknown> }>();

  constructor(@InjectDataSource(CATALOGUE) private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        if (data?.[CHANGED]) {
          delete data[CHANGED];
          this.clear();
        }
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { expires: now + SEARCH_CACHE_MS, value });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
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
}
