import { describe, expect, it } from '@jest/globals';
import { shouldWaitForRateLimit } from '../../../src/github/client.js';
import { GITHUB_BUDGET_MS, WaitBudget } from '../../../src/github/wait-budget.js';

function fakeTime(start = 0) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('WaitBudget: about a minute of GitHub in all', () => {
  it('defaults to a minute', () => {
    expect(GITHUB_BUDGET_MS).toBe(60_000);
    expect(new WaitBudget().totalMs).toBe(60_000);
  });

  it('counts request time, in flight too, and refuses requests once spent', async () => {
    const t = fakeTime();
    const budget = new WaitBudget(t.clock, 10_000);
    await budget.run('GET a', async () => t.advance(4_000));
    expect(budget.usedMs()).toBe(4_000);
    let inside = 0;
    await budget.run('GET b', async () => {
      t.advance(3_000);
      inside = budget.usedMs();
    });
    expect(inside).toBe(7_000);
    await budget.run('GET c', async () => t.advance(3_000));
    await expect(budget.run('GET d', async () => 'sent')).rejects.toThrow(/GitHub took more than 10 s in all .* so GET d was given up/);
  });

  it('overlapping requests count wall time once', async () => {
    const t = fakeTime();
    const budget = new WaitBudget(t.clock, 10_000);
    let release!: () => void;
    const slow = budget.run('slow', () => new Promise<void>((r) => (release = r)));
    t.advance(1_000);
    await budget.run('fast', async () => t.advance(1_000));
    t.advance(1_000);
    release();
    await slow;
    expect(budget.usedMs()).toBe(3_000);
  });

  it('charges sleeps and refuses the one that does not fit, without sleeping', async () => {
    const slept: number[] = [];
    const budget = new WaitBudget(fakeTime().clock, 5_000);
    const sleep = budget.sleeper(async (ms) => void slept.push(ms), 'the comment');
    await sleep(3_000);
    await expect(sleep(2_001)).rejects.toThrow(/so the comment was given up/);
    await sleep(2_000);
    expect(slept).toEqual([3_000, 2_000]);
  });
});

describe('shouldWaitForRateLimit', () => {
  it.each([
    ['a primary limit resetting in an hour', 3601, 0, false],
    ['a secondary limit with retry-after 600', 600, 0, false],
    ['a secondary limit with retry-after 61', 61, 0, false],
    ['a short secondary limit', 5, 0, true],
    ['the fourth wait of one request', 1, 3, false],
  ])('%s', (_label, retryAfter, retryCount, expected) => {
    expect(shouldWaitForRateLimit(retryAfter, retryCount, new WaitBudget(fakeTime().clock))).toBe(expected);
  });

  it('what was spent already counts', async () => {
    const t = fakeTime();
    const budget = new WaitBudget(t.clock);
    await budget.run('GET', async () => t.advance(50_000));
    expect(shouldWaitForRateLimit(10, 0, budget)).toBe(true);
    expect(shouldWaitForRateLimit(11, 0, budget)).toBe(false);
  });
});
