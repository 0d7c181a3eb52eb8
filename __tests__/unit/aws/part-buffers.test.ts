import { describe, expect, it } from '@jest/globals';
import { PartBuffers } from '../../../src/aws/part-buffers.js';

const settled = () => new Promise((r) => setImmediate(r));

describe('PartBuffers', () => {
  it('holds at most its capacity, hands memory on first come first served, and reuses part buffers', async () => {
    const buffers = new PartBuffers(20, 8);
    const a = await buffers.take(8);
    const b = await buffers.take(8);
    const order: string[] = [];
    const c = buffers.take(8).then((l) => (order.push('c'), l));
    const d = buffers.take(2).then((l) => (order.push('d'), l)); // fits, but waits its turn behind c
    await settled();
    expect(order).toEqual([]);
    const aBacking = a.bytes.buffer;
    a.release();
    a.release(); // a second release gives nothing back twice
    const [cl, dl] = await Promise.all([c, d]);
    expect(order).toEqual(['c', 'd']);
    expect(cl.bytes.buffer).toBe(aBacking); // the released buffer, again
    expect(cl.bytes.length).toBe(8);
    expect(dl.bytes.length).toBe(2);
    const e = buffers.take(4);
    let got = false;
    void e.then(() => (got = true));
    await settled();
    expect(got).toBe(false); // 8 + 8 + 2 held of 20
    b.release();
    await e;
    expect(got).toBe(true);
  });

  it('shares part buffers with the hashing thread (SharedArrayBuffer); a body larger than all waits for all', async () => {
    const buffers = new PartBuffers(16, 8);
    const part = await buffers.take(5);
    expect(part.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    let huge = false;
    const big = buffers.take(40).then((l) => ((huge = true), l));
    await settled();
    expect(huge).toBe(false);
    part.release();
    const lease = await big;
    expect(lease.bytes.length).toBe(40);
    expect(lease.bytes.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });
});
