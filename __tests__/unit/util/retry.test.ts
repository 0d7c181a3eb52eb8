import { describe, expect, it, jest } from '@jest/globals';
import { createLimiter, forEachLimited, type RetryOptions, withRetry } from '../../../src/util/retry.js';

class Retryable extends Error {}
class Fatal extends Error {}

function options(overrides: Partial<RetryOptions> = {}) {
  const delays: number[] = [];
  const o: RetryOptions = {
    attempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 1,
    isRetryable: (e) => e instanceof Retryable,
    ...overrides,
  };
  return { o, delays };
}

/** fn that fails with the given errors in turn, then returns 'ok'. */
function failing(...errors: Error[]) {
  return jest.fn(async (_attempt: number) => {
    const e = errors.shift();
    if (e) throw e;
    return 'ok';
  });
}

describe('withRetry', () => {
  it('returns the first success without sleeping', async () => {
    const { o, delays } = options();
    const fn = failing();
    await expect(withRetry(fn, o)).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
  });

  it('retries retryable errors and returns the eventual success, passing the attempt number', async () => {
    const { o, delays } = options();
    const fn = failing(new Retryable('1'), new Retryable('2'));
    await expect(withRetry(fn, o)).resolves.toBe('ok');
    expect(fn.mock.calls.map((c) => c[0])).toEqual([1, 2, 3]);
    expect(delays).toEqual([100, 200]);
  });

  it.each([1, 2, 3, 5])('gives up after %i attempts with the last error', async (attempts) => {
    const { o, delays } = options({ attempts });
    const errors = Array.from({ length: 10 }, (_, i) => new Retryable(`fail ${i + 1}`));
    const fn = failing(...errors);
    await expect(withRetry(fn, o)).rejects.toThrow(`fail ${attempts}`);
    expect(fn).toHaveBeenCalledTimes(attempts);
    expect(delays).toHaveLength(attempts - 1);
  });

  it('stops at the first non-retryable error', async () => {
    const { o, delays } = options();
    const fatal = new Fatal('denied');
    const fn = failing(new Retryable('1'), fatal, new Retryable('3'));
    await expect(withRetry(fn, o)).rejects.toBe(fatal);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(delays).toEqual([100]);
  });

  it.each<[string, number, number, number, number[]]>([
    ['doubles from the base, capped at the max', 100, 1000, 8, [100, 200, 400, 800, 1000, 1000, 1000]],
    ['caps immediately when base > max', 500, 300, 4, [300, 300, 300]],
    ['the s3 profile', 250, 8000, 7, [250, 500, 1000, 2000, 4000, 8000]],
  ])('backoff %s', async (_label, baseDelayMs, maxDelayMs, attempts, expected) => {
    const { o, delays } = options({ baseDelayMs, maxDelayMs, attempts });
    await expect(withRetry(failing(...Array.from({ length: attempts }, () => new Retryable('x'))), o)).rejects.toThrow('x');
    expect(delays).toEqual(expected);
  });

  it.each([
    [0, [0, 0, 0]],
    [0.5, [50, 100, 200]],
    [0.999, [100, 200, 400]],
  ])('applies full jitter: random() = %d gives %j', async (r, expected) => {
    const { o, delays } = options({ random: () => r, attempts: 4 });
    await expect(withRetry(failing(new Retryable('a'), new Retryable('b'), new Retryable('c'), new Retryable('d')), o)).rejects.toThrow(
      'd',
    );
    expect(delays).toEqual(expected);
  });

  it('tells onRetry about each retried failure, but not the final one', async () => {
    const onRetry = jest.fn();
    const { o } = options({ attempts: 3, onRetry });
    const errors = [new Retryable('a'), new Retryable('b'), new Retryable('c')];
    await expect(withRetry(failing(...errors), o)).rejects.toThrow('c');
    expect(onRetry.mock.calls).toEqual([
      [errors[0], 1, 100],
      [errors[1], 2, 200],
    ]);
  });

  it('sleeps before retrying, not after', async () => {
    const events: string[] = [];
    const { o } = options({ sleep: async (ms) => void events.push(`sleep ${ms}`) });
    let n = 0;
    await withRetry(async () => {
      events.push(`call ${++n}`);
      if (n < 3) throw new Retryable('x');
      return n;
    }, o);
    expect(events).toEqual(['call 1', 'sleep 100', 'call 2', 'sleep 200', 'call 3']);
  });
});

describe('createLimiter', () => {
  /** A task that records how many tasks run at once and finishes after `ticks` timer turns. */
  function tracker() {
    const state = { running: 0, max: 0, done: 0 };
    const task = (ticks: number, value: number) => async () => {
      state.running++;
      state.max = Math.max(state.max, state.running);
      for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
      state.running--;
      state.done++;
      return value;
    };
    return { state, task };
  }

  it.each([1, 2, 3, 8])('with limit %i runs all 40 tasks, never more than the limit at once, and returns their values', async (n) => {
    const limit = createLimiter(n);
    const { state, task } = tracker();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => limit(task((i * 7) % 5, i))));
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(state.done).toBe(40);
    expect(state.max).toBe(n);
  });

  it('frees the slot when a task throws, and passes the error on', async () => {
    const limit = createLimiter(1);
    const { state, task } = tracker();
    const failed = limit(async () => {
      throw new Error('boom');
    });
    const after = limit(task(1, 7));
    await expect(failed).rejects.toThrow('boom');
    await expect(after).resolves.toBe(7);
    expect(state.max).toBe(1);
  });

  it('holds the limit when tasks are submitted later, from inside other tasks', async () => {
    const limit = createLimiter(3);
    const { state, task } = tracker();
    const all: Promise<number>[] = [];
    const spawn = (i: number): Promise<number> =>
      limit(async () => {
        const v = await task(i % 3, i)();
        if (i < 30) all.push(spawn(i + 10));
        return v;
      });
    for (let i = 0; i < 10; i++) all.push(spawn(i));
    while (state.done < 40) await new Promise((r) => setImmediate(r));
    await Promise.all(all);
    expect(state.max).toBeLessThanOrEqual(3);
    expect(state.done).toBe(40);
  });

  // Regression: a freed slot is handed straight to the next waiter, so a caller arriving in the same
  // turn cannot see it free and start too (aws/upload.ts calls `limit` again after each file's hash).
  it('holds the limit when a new caller arrives in the same turn a slot is freed', async () => {
    const limit = createLimiter(1);
    const { state, task } = tracker();
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = limit(() => gate); // holds the only slot until the gate opens
    const queued = limit(task(2, 1)); // waits for that slot
    let late: Promise<number> | undefined;
    void gate.then(() => {
      late = limit(task(2, 2)); // arrives right after the limiter's `finally` released the slot
    });
    open();
    await first;
    await gate;
    await expect(Promise.all([queued, late!])).resolves.toEqual([1, 2]);
    expect(state.max).toBe(1);
  });
});

describe('forEachLimited', () => {
  const turn = () => new Promise((r) => setImmediate(r));

  it.each([1, 3, 16, 100])(
    'with width %i visits all 40 items once, starting them in order, never more than the width at once',
    async (width) => {
      const started: number[] = [];
      const state = { running: 0, max: 0 };
      await forEachLimited(
        Array.from({ length: 40 }, (_, i) => `item ${i}`),
        width,
        async (item, i) => {
          expect(item).toBe(`item ${i}`);
          started.push(i);
          state.running++;
          state.max = Math.max(state.max, state.running);
          for (let t = 0; t <= (i * 7) % 5; t++) await turn();
          state.running--;
        },
      );
      expect(started).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(state.max).toBe(Math.min(width, 40));
    },
  );

  // What it is for: work waiting for a worker has not started, so it holds nothing yet.
  it('starts an item only when a worker is free, not all at once', async () => {
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const done = forEachLimited([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      await new Promise<void>((r) => gates.push(r));
    });
    await turn();
    expect(started).toEqual([0, 1]);
    gates[0]();
    await turn();
    expect(started).toEqual([0, 1, 2]);
    for (let i = 1; i < 5; i++) {
      gates[i]?.();
      await turn();
    }
    await done;
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('resolves at once for no items', async () => {
    const fn = jest.fn(async () => undefined);
    await expect(forEachLimited([], 4, fn)).resolves.toBeUndefined();
    expect(fn).not.toHaveBeenCalled();
  });

  it('rejects with the first error, lets the items in flight finish and starts no new one', async () => {
    const finished: number[] = [];
    const started: number[] = [];
    const result = forEachLimited([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await turn();
      if (i === 0) throw new Error('boom 0');
      await turn();
      if (i === 1) throw new Error('boom 1');
      finished.push(i);
    });
    await expect(result).rejects.toThrow('boom 0');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([]);
  });
});
