/** Commit statuses against the OpenAPI-checked GitHub fake: set, refused for lack of permission, failed. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { publishStatuses, STATUS_PERMISSION_NOTICE } from '../../../src/publish/status.js';
import type { SectionData } from '../../../src/render/markers.js';
import { WaitBudget } from '../../../src/github/wait-budget.js';
import { GitHubFake, startGitHubFake } from '../../support/github-fake/index.js';

const OWNER = 'octo';
const REPO = 'app';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
let gh: GitHubFake;

beforeEach(async () => {
  gh = await startGitHubFake();
  gh.addRepo(OWNER, REPO, { private: true });
});
afterEach(async () => {
  const violations = [...gh.violations];
  await gh.close();
  expect(violations).toEqual([]);
});

function logger() {
  const lines: { level: string; text: string }[] = [];
  const at = (level: string) => (text: string) => void lines.push({ level, text });
  return { lines, log: { info: at('info'), warning: at('warning'), error: at('error'), notice: at('notice'), debug: at('debug') } };
}

const section = (id: string, extra: Partial<SectionData> = {}): SectionData => ({
  id,
  title: `CI / ${id}`,
  sha: SHA,
  runUrl: 'https://github.com/octo/app/actions/runs/1',
  updatedAt: '2026-11-22T14:00:00.000Z',
  expiresAt: '2026-11-29T14:00:00.000Z',
  files: [],
  shareUrl: `https://bucket.s3.amazonaws.com/${id}/share.html?X-Amz-Signature=${'s'.repeat(64)}`,
  ...extra,
});

const target = (log: ReturnType<typeof logger>['log'], pr: number | 'none' = 5) => ({
  gh: { octokit: getOctokit('ghs_test', { baseUrl: gh.url }), pr: pr === 'none' ? undefined : pr, budget: new WaitBudget() },
  run: { owner: OWNER, repo: REPO, eventName: 'pull_request', sha: SHA },
  log,
});

describe('publishStatuses', () => {
  it('sets one status per section on its commit, the share page as Details', async () => {
    const { log } = logger();
    expect(await publishStatuses(target(log), [section('linux'), section('mac'), section('old', { sha: 'abc1234' })])).toBe(2);
    const statuses = gh.statusesOf(OWNER, REPO, SHA);
    expect(statuses.map((s) => [s.context, s.state, s.target_url])).toEqual([
      ['s3-artifact-links / CI / linux · linux', 'success', section('linux').shareUrl],
      ['s3-artifact-links / CI / mac · mac', 'success', section('mac').shareUrl],
    ]);
  });

  it('without the permission, a notice and no more attempts', async () => {
    gh.inject({
      operationId: 'repos/create-commit-status',
      status: 403,
      times: Infinity,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
    });
    const { log, lines } = logger();
    expect(await publishStatuses(target(log), [section('linux'), section('mac')])).toBe(0);
    expect(lines.filter((l) => l.level !== 'info')).toEqual([{ level: 'notice', text: STATUS_PERMISSION_NOTICE }]);
    expect(gh.requests.filter((r) => r.operationId === 'repos/create-commit-status')).toHaveLength(1);
  });

  it('another failure is a warning, and the other sections still get theirs', async () => {
    gh.inject({ operationId: 'repos/create-commit-status', status: 502, times: 1 }); // this client does not retry
    const { log, lines } = logger();
    expect(await publishStatuses(target(log), [section('linux'), section('mac')])).toBe(1);
    expect(lines.filter((l) => l.level === 'warning').map((l) => l.text)).toEqual([
      expect.stringMatching(
        /^Could not set the commit status 's3-artifact-links \/ CI \/ linux · linux' \(the comment and links are unaffected\): /,
      ),
    ]);
  });

  it('sets none without a pull request', async () => {
    const { log } = logger();
    expect(await publishStatuses(target(log, 'none'), [section('linux')])).toBe(0);
    expect(gh.requests).toEqual([]);
  });
});
