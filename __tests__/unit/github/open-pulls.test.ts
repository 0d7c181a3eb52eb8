import { describe, expect, it } from '@jest/globals';
import { mapSettled } from '../../../src/github/open-pulls.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapSettled', () => {
  it('never runs more than `concurrency` at once, and keeps results in input order', async () => {
    let running = 0;
    let most = 0;
    const items = Array.from({ length: 23 }, (_, i) => i);
    const results = await mapSettled(items, 4, async (i) => {
      running++;
      most = Math.max(most, running);
      for (let t = 0; t < (i * 7) % 5; t++) await tick();
      running--;
      return i * 10;
    });
    expect(most).toBe(4);
    expect(results.map((r) => (r.ok ? r.value : -1))).toEqual(items.map((i) => i * 10));
  });

  it('records a failure for its item and carries on with the others', async () => {
    const seen: number[] = [];
    const results = await mapSettled([1, 2, 3, 4], 2, async (i) => {
      seen.push(i);
      if (i === 2) throw new Error('boom');
      if (i === 3) throw 'not an error';
      return i;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4]);
    expect(results).toEqual([
      { item: 1, ok: true, value: 1 },
      { item: 2, ok: false, error: new Error('boom') },
      { item: 3, ok: false, error: new Error('not an error') },
      { item: 4, ok: true, value: 4 },
    ]);
  });

  it('handles no items, and refuses a concurrency below 1', async () => {
    expect(await mapSettled([], 3, async () => 1)).toEqual([]);
    await expect(mapSettled([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
