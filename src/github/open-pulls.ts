/**
 * The open pull requests of a repository, for `mode: refresh` on a schedule: listed through the API
 * (100 per page, every page), then visited with bounded parallelism so a repository with hundreds of
 * open pull requests neither floods GitHub (the client's throttling honours its rate limits) nor the
 * bucket. One pull request's failure does not stop the others.
 */
import type { Octokit } from './client.js';

export interface OpenPull {
  number: number;
  /** Head commit: the artifacts of the PR's latest build carry its short SHA. */
  headSha: string;
  headRef: string;
  draft: boolean;
}

/** Every open pull request of `owner/repo`, newest first. */
export async function listOpenPulls(octokit: Octokit, repo: { owner: string; repo: string }): Promise<OpenPull[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    state: 'open',
    sort: 'created',
    direction: 'desc',
    per_page: 100,
  });
  const seen = new Set<number>();
  const open: OpenPull[] = [];
  // Pages can shift while they are read (a PR opened or closed in between): keep each number once.
  for (const pull of pulls) {
    if (pull.state !== 'open' || seen.has(pull.number)) continue;
    seen.add(pull.number);
    open.push({ number: pull.number, headSha: pull.head.sha, headRef: pull.head.ref, draft: Boolean(pull.draft) });
  }
  return open;
}

export type Settled<T, R> = { item: T; ok: true; value: R } | { item: T; ok: false; error: Error };

/**
 * Runs `fn` for every item with at most `concurrency` running at once; results in input order.
 * A failure is recorded for its item and the others go on.
 */
export async function mapSettled<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<Settled<T, R>[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  const results = new Array<Settled<T, R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      try {
        results[index] = { item, ok: true, value: await fn(item) };
      } catch (e) {
        results[index] = { item, ok: false, error: e instanceof Error ? e : new Error(String(e)) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
