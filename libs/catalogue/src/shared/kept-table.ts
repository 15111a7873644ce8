interface Reading<Row> {
  /** When it was read (-Infinity: read again at the next question). */
  at: number;
  rows: Promise<Row[]>;
  byId?: Promise<Map<string, Row>>;
}

/**
 * A small table that changes rarely (categories, providers), read whole and kept for `keepMs`, with a map by
 * id made once per reading: listings look names up on every request. An id it does not know (a row added on
 * another replica within the time) makes it read again. A row read again unchanged is the same object as
 * before, so what was made from it (the listing's kept item texts, CatalogueViews) stays usable.
 */
export class KeptTable<Row extends { id: string }> {
  private kept?: Reading<Row>;

  constructor(
    private readonly read: () => Promise<Row[]>,
    private readonly keepMs: number,
  ) {}

  /** Every row, as read at most `keepMs` ago. */
  all(): Promise<Row[]> {
    return this.current().rows;
  }

  /** The rows by id (the same map until the next reading: do not change it), read again for an unknown id. */
  async byId(needed: readonly string[] = []): Promise<Map<string, Row>> {
    const map = await this.map();
    if (!needed.some((id) => !map.has(id))) return map;
    this.forget();
    return this.map();
  }

  /** The next question reads the table (after a change here). */
  forget(): void {
    if (this.kept) this.kept.at = -Infinity;
  }

  private map(): Promise<Map<string, Row>> {
    const kept = this.current();
    kept.byId ??= kept.rows.then((rows) => new Map(rows.map((row) => [row.id, row])));
    return kept.byId;
  }

  private current(): Reading<Row> {
    if (!this.kept || Date.now() - this.kept.at > this.keepMs) {
      const previous = this.kept?.rows;
      const kept = { at: Date.now(), rows: this.read().then((rows) => sameAsBefore(rows, previous)) };
      kept.rows.catch(() => {
        if (this.kept === kept) this.kept = undefined;
      });
      this.kept = kept;
    }
    return this.kept;
  }
}

/** `rows`, with each row that equals the one of the previous reading replaced by that one. */
async function sameAsBefore<Row extends { id: string }>(
  rows: Row[],
  previous: Promise<Row[]> | undefined,
): Promise<Row[]> {
  const earlier = await previous?.catch(() => undefined);
  if (!earlier) return rows;
  const before = new Map(earlier.map((row) => [row.id, row]));
  return rows.map((row) => {
    const old = before.get(row.id);
    return old && sameValues(old, row) ? old : row;
  });
}

function sameValues(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(right);
  if (Object.keys(left).length !== keys.length) return false;
  return keys.every((key) => {
    const x = left[key];
    const y = right[key];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : Object.is(x, y);
  });
}
