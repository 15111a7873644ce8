/**
 * Group commit per session. Requests for one session that arrive while its previous transaction runs wait
 * and then go together, in arrival order, in the next one; the first request of a quiet session goes at once.
 * So a rush takes the session's row lock once per batch instead of once per person, and this process never
 * keeps more than one connection waiting for that lock.
 *
 * Each request still gets its own answer. `run` answers per request (a refusal for one does not stop the
 * others); should the batch itself fail (a duplicate key the check missed, a lost connection, a deadlock
 * that outlived its retries), every request in it is tried again alone, so one cannot fail the others.
 */
export class SessionBatches<TRequest, TResult> {
  private readonly waiting = new Map<string, Array<Waiting<TRequest, TResult>>>();

  constructor(
    private readonly run: (key: string, requests: TRequest[]) => Promise<Array<Outcome<TResult>>>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, request: TRequest): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      const fresh = [{ request, resolve, reject }];
      this.waiting.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  /** Requests waiting or running, per key (for tests and metrics). */
  get pending(): number {
    let total = 0;
    for (const queue of this.waiting.values()) total += queue.length;
    return total;
  }

  private async drain(key: string, queue: Array<Waiting<TRequest, TResult>>): Promise<void> {
    try {
      while (queue.length) await this.settle(key, queue.splice(0, this.maxBatch));
    } finally {
      this.waiting.delete(key);
    }
  }

  private async settle(key: string, batch: Array<Waiting<TRequest, TResult>>): Promise<void> {
    let outcomes: Array<Outcome<TResult>>;
    try {
      outcomes = await this.run(
        key,
        batch.map((waiting) => waiting.request),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const waiting of batch) await this.settle(key, [waiting]);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (!outcome) waiting.reject(new Error(`no outcome for request ${i} of a batch of ${batch.length}`));
      else if ('refused' in outcome) waiting.reject(outcome.refused);
      else waiting.resolve(outcome.result);
    });
  }
}

export type Outcome<TResult> = { result: TResult } | { refused: unknown };

interface Waiting<TRequest, TResult> {
  request: TRequest;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}
