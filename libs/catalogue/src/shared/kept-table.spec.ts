import { KeptTable } from './kept-table';

interface Row {
  id: string;
  name: string;
}

/** A table whose reads are counted and whose rows the test changes, as another replica would. */
function table(rows: Row[]) {
  const reads = { count: 0, fail: false };
  const read = async (): Promise<Row[]> => {
    reads.count++;
    if (reads.fail) throw new Error('the database is away');
    return rows.map((row) => ({ ...row }));
  };
  return { reads, kept: new KeptTable(read, 10_000) };
}

describe('a kept table', () => {
  afterEach(() => jest.useRealTimers());

  it('reads once within its time, and maps by id once per reading', async () => {
    const { reads, kept } = table([{ id: 'a', name: 'Zorg' }]);
    const [first, second] = await Promise.all([kept.byId(['a']), kept.byId(['a'])]);
    expect(first.get('a')?.name).toBe('Zorg');
    expect(second).toBe(first);
    expect(await kept.all()).toEqual([{ id: 'a', name: 'Zorg' }]);
    expect(reads.count).toBe(1);
  });

  it('reads again when its time is up', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
    const rows = [{ id: 'a', name: 'Zorg' }];
    const { reads, kept } = table(rows);
    await kept.byId();
    rows[0].name = 'Zorg en welzijn';
    jest.setSystemTime(Date.now() + 10_001);
    expect((await kept.byId()).get('a')?.name).toBe('Zorg en welzijn');
    expect(reads.count).toBe(2);
  });

  it('reads again for an id it does not know (added on another replica), and only then', async () => {
    const rows = [{ id: 'a', name: 'Zorg' }];
    const { reads, kept } = table(rows);
    await kept.byId(['a']);
    rows.push({ id: 'b', name: 'EHBO' });
    expect((await kept.byId(['a', 'b'])).get('b')?.name).toBe('EHBO');
    expect(reads.count).toBe(2);
    // Still unknown after reading again (a course pointing nowhere): the map as read, not a loop.
    expect((await kept.byId(['x'])).has('x')).toBe(false);
    expect(reads.count).toBe(3);
  });

  it('reads again after a change here, and does not keep a failed reading', async () => {
    const { reads, kept } = table([{ id: 'a', name: 'Zorg' }]);
    await kept.all();
    kept.forget();
    reads.fail = true;
    await expect(kept.all()).rejects.toThrow('the database is away');
    reads.fail = false;
    expect(await kept.all()).toHaveLength(1);
    expect(reads.count).toBe(3);
  });

  it('gives a row read again unchanged as the same object (what was made from it stays usable)', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
    const rows = [
      { id: 'a', name: 'Zorg' },
      { id: 'b', name: 'EHBO' },
    ];
    const { reads, kept } = table(rows);
    const first = await kept.byId();
    rows[1].name = 'EHBO voor vrijwilligers';
    jest.setSystemTime(Date.now() + 10_001);
    const second = await kept.byId();
    expect(reads.count).toBe(2);
    expect(second.get('a')).toBe(first.get('a'));
    expect(second.get('b')).not.toBe(first.get('b'));
    expect(second.get('b')?.name).toBe('EHBO voor vrijwilligers');
    // Also after a change here, or a reading for an unknown id.
    kept.forget();
    expect((await kept.byId()).get('a')).toBe(first.get('a'));
    rows.push({ id: 'c', name: 'Vergadertechniek' });
    const third = await kept.byId(['c']);
    expect(third.get('a')).toBe(first.get('a'));
    expect(third.get('c')?.name).toBe('Vergadertechniek');
    expect(reads.count).toBe(4);
  });
});
