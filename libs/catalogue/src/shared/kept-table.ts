/**
 * A small table that changes rarely (categories, providers), read whole and kept for `keepMs`, with a map by
 * id made once per reading: listings look names up on every request. An id it does not know (a row added on
 * another replica within the time) makes it read again.
 */
export class KeptTable<Row extends { id: string }> {
  private kept?: { at: number; rows: Promise<Row[]>; byId?: Promise<Map<string, Row>> };

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
    this.kept = undefined;
  }

  private map(): Promise<Map<string, Row>> {
    const kept = this.current();
    kept.byId ??= kept.rows.then((rows) => new Map(rows.map((row) => [row.id, row])));
    return kept.byId;
  }

  private current(): { at: number; rows: Promise<Row[]>; byId?: Promise<Map<string, Row>> } {
    if (!this.kept || Date.now() - this.kept.at > this.keepMs) {
      const kept = { at: Date.now(), rows: this.read() };
      kept.rows.catch(() => {
        if (this.kept === kept) this.kept = undefined;
      });
      this.kept = kept;
    }
    return this.kept;
  }
}
