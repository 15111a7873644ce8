import type { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';

type Nudge = () => void;
const listeners = new Map<string, Set<Nudge>>();

/** Key in QueryRunner.data marking a transaction that wrote to an outbox. */
export const OUTBOX_WRITTEN = 'academy:outbox-written';

/** Lets a write wake its context's relay at once instead of waiting for the next poll. */
export function onRelayNudge(context: string, nudge: Nudge): () => void {
  const set = listeners.get(context) ?? new Set<Nudge>();
  set.add(nudge);
  listeners.set(context, set);
  return () => set.delete(nudge);
}

export function nudgeRelay(context: string): void {
  for (const nudge of listeners.get(context) ?? []) nudge();
}

/** Nudges the relay right after a transaction that wrote an outbox row commits. */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    const context = data?.[OUTBOX_WRITTEN];
    if (typeof context === 'string') {
      delete data![OUTBOX_WRITTEN];
      nudgeRelay(context);
    }
  }
}
