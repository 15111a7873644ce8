import { LookupBatcher } from './lookup-batcher';

describe('LookupBatcher', () => {
  it('answers the keys asked for in one turn with one lookup, each with its own value', async () => {
    const calls: string[][] = [];
    const batcher = new LookupBatcher<string, number | null>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, key.length]));
    }, null);
    const answers = await Promise.all(['a', 'bb', 'a', 'gone', 'ccc'].map((key) => batcher.load(key)));
    expect(answers).toEqual([1, 2, 1, null, 3]);
    expect(calls).toEqual([['a', 'bb', 'gone', 'ccc']]);
    expect(await batcher.load('dddd')).toBe(4);
    expect(calls).toHaveLength(2);
  });

  it('splits a large turn into lookups of at most maxKeys, and a failed lookup fails only its own keys', async () => {
    const batcher = new LookupBatcher<number, boolean>(
      async (keys) => {
        if (keys.includes(3)) throw new Error('database away');
        return new Map(keys.map((key) => [key, true]));
      },
      false,
      2,
    );
    const answers = await Promise.allSettled([1, 2, 3, 4, 5].map((key) => batcher.load(key)));
    expect(answers.map((a) => a.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
  });
});
