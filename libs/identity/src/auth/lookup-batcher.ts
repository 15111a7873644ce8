interface Waiter<V> {
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the keys asked for within one turn of the event loop and looks them up with one query. Every
 * authenticated request asks for its user's session state; under a rush of distinct people that was a query
 * (and a round trip) each, now it is one per turn for all of them.
 */
export class LookupBatcher<K, V> {
  private pending = new Map<K, Array<Waiter<V>>>();
  private scheduled = false;

  constructor(
    private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>,
    /** The answer for a key the lookup did not find. */
    private readonly missing: V,
    private readonly maxKeys = 500,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += this.maxKeys) {
      const chunk = keys.slice(i, i + this.maxKeys);
      this.loadMany(chunk).then(
        (found) => {
          for (const key of chunk) {
            const value = found.has(key) ? found.get(key)! : this.missing;
            for (const waiter of batch.get(key)!) waiter.resolve(value);
          }
        },
        (error: unknown) => {
          for (const key of chunk) for (const waiter of batch.get(key)!) waiter.reject(error);
        },
      );
    }
  }
}
