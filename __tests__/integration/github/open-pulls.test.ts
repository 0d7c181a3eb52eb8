/** Listing open pull requests against the OpenAPI-checked GitHub fake: pagination and rate limits. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { throttling } from '@octokit/plugin-throttling';
import { listOpenPulls } from '../../../src/github/open-pulls.js';
import { GitHubFake, startGitHubFake } from '../../support/github-fake/index.js';

const OWNER = 'octo';
const REPO = 'many-prs';
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake();
  // 230 pull requests: every 7th closed, every 5th a draft, every 11th from a fork.
  for (let n = 1; n <= 230; n++) {
    gh.addPull(OWNER, REPO, {
      number: n,
      headSha: n.toString(16).padStart(40, 'a'),
      headRef: `feature-${n}`,
      state: n % 7 === 0 ? 'closed' : 'open',
      draft: n % 5 === 0,
      fromFork: n % 11 === 0,
    });
  }
});

afterAll(async () => {
  await gh?.close();
});

describe('listOpenPulls', () => {
  it('reads every page, 100 at a time, and returns only open pull requests, newest first', async () => {
    const before = gh.requests.length;
    const pulls = await listOpenPulls(getOctokit('ghs_test', { baseUrl: gh.url }), { owner: OWNER, repo: REPO });
    const expected = Array.from({ length: 230 }, (_, i) => 230 - i).filter((n) => n % 7 !== 0);
    expect(pulls.map((p) => p.number)).toEqual(expected);
    expect(pulls.find((p) => p.number === 22)).toEqual({
      number: 22,
      headSha: (22).toString(16).padStart(40, 'a'),
      headRef: 'feature-22',
      draft: false,
    });
    expect(pulls.find((p) => p.number === 10)?.draft).toBe(true);
    const calls = gh.requests.slice(before);
    expect(calls.map((r) => [r.operationId, r.status])).toEqual([
      ['pulls/list', 200],
      ['pulls/list', 200],
    ]);
    expect(calls[0].query).toContain('per_page=100');
    expect(calls[0].query).toContain('state=open');
    expect(gh.violations).toEqual([]);
  });

  it('waits out a secondary rate limit with a throttled client instead of failing', async () => {
    gh.inject({ operationId: 'pulls/list', kind: 'secondary-rate-limit', retryAfter: 1 });
    const waits: number[] = [];
    const octokit = getOctokit(
      'ghs_test',
      {
        baseUrl: gh.url,
        throttle: { retryAfterBaseValue: 1, onSecondaryRateLimit: (after: number) => (waits.push(after), true), onRateLimit: () => false },
      },
      throttling,
    );
    const pulls = await listOpenPulls(octokit, { owner: OWNER, repo: REPO });
    expect(pulls).toHaveLength(230 - Math.floor(230 / 7));
    expect(waits).toEqual([1]);
    expect(gh.violations).toEqual([]);
  });

  it('returns nothing for a repository without open pull requests', async () => {
    gh.addRepo(OWNER, 'quiet');
    gh.addPull(OWNER, 'quiet', { number: 1, headSha: 'b'.repeat(40), state: 'closed' });
    expect(await listOpenPulls(getOctokit('ghs_test', { baseUrl: gh.url }), { owner: OWNER, repo: 'quiet' })).toEqual([]);
    expect(gh.violations).toEqual([]);
  });
});
