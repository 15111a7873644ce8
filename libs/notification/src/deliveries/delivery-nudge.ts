import type { EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';

/** Key in QueryRunner.data marking a transaction that wrote a delivery row. */
const DELIVERY_WRITTEN = 'academy:delivery-written';

type Nudge = () => void;
const listeners = new Set<Nudge>();

/** Lets the dispatcher wake as soon as a transaction that wrote a delivery commits. */
export function onDeliveryNudge(nudge: Nudge): () => void {
  listeners.add(nudge);
  return () => listeners.delete(nudge);
}

export function nudgeDispatcher(): void {
  for (const nudge of listeners) nudge();
}

/** Called where a delivery row is written: the dispatcher is woken after that transaction commits. */
export function markDeliveryWritten(manager: EntityManager): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) (runner.data as Record<string, unknown>)[DELIVERY_WRITTEN] = true;
  else queueMicrotask(nudgeDispatcher);
}

export class DeliveryCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data?.[DELIVERY_WRITTEN]) {
      delete data[DELIVERY_WRITTEN];
      nudgeDispatcher();
    }
  }
}
