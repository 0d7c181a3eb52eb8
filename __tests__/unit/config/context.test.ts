import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_S3_TIMEOUTS,
  readEnv,
  forkOf,
  readRunContext,
  TEST_S3_CONNECT_TIMEOUT_VAR,
  TEST_S3_IDLE_TIMEOUT_VAR,
  TEST_COMMENT_SETTLE_VAR,
  DEFAULT_COMMENT_SETTLE_MS,
  workflowPath,
} from '../../../src/config/context.js';

const MERGE_SHA = 'ffffffffffffffffffffffffffffffffffffffff';
const HEAD_SHA = '1111111111111111111111111111111111111111';
const ENV: NodeJS.ProcessEnv = {
  GITHUB_REPOSITORY: 'octo-org/widgets',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SHA: MERGE_SHA,
  GITHUB_REF_NAME: 'main',
  GITHUB_RUN_ID: '987',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'build',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_SERVER_URL: 'https://github.com',
};

describe('readRunContext', () => {
  it('reads a push', () => {
    expect(readRunContext(ENV, { repository: { private: true } })).toEqual({
      owner: 'octo-org',
      repo: 'widgets',
      eventName: 'push',
      sha: MERGE_SHA,
      ref: 'main',
      runId: '987',
      runAttempt: '1',
      job: 'build',
      workflow: 'CI',
      workflowPath: 'CI',
      step: '',
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/octo-org/widgets/actions/runs/987',
      pr: undefined,
      repoPrivate: true,
    });
  });

  it('uses the PR head sha and branch on pull_request, not the merge commit', () => {
    const env = { ...ENV, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF_NAME: '12/merge' };
    const ctx = readRunContext(env, {
      pull_request: { number: 12, head: { sha: HEAD_SHA, ref: 'feature/x' } },
      repository: { private: false },
    });
    expect(ctx).toMatchObject({ eventName: 'pull_request', sha: HEAD_SHA, ref: 'feature/x', pr: 12, repoPrivate: false });
  });

  it("reads the pull request's base branch from the payload, unless pr-number names another pull request", () => {
    const pull = { pull_request: { number: 12, head: { sha: HEAD_SHA, ref: 'f' }, base: { ref: 'main' } } };
    expect(readRunContext(ENV, pull).baseRef).toBe('main');
    const run = { workflow_run: { head_sha: HEAD_SHA, head_branch: 'f', pull_requests: [{ number: 34, base: { ref: 'develop' } }] } };
    expect(readRunContext(ENV, run).baseRef).toBe('develop');
    expect(readRunContext(ENV, pull, 99).baseRef).toBeUndefined();
    expect(readRunContext(ENV, {}).baseRef).toBeUndefined();
  });

  it('reads a workflow_run triggered by a pull request', () => {
    const ctx = readRunContext(
      { ...ENV, GITHUB_EVENT_NAME: 'workflow_run' },
      { workflow_run: { head_sha: HEAD_SHA, head_branch: 'feature/y', pull_requests: [{ number: 34 }, { number: 35 }] } },
    );
    expect(ctx).toMatchObject({ sha: HEAD_SHA, ref: 'feature/y', pr: 34 });
  });

  it('reads a workflow_run without pull requests (e.g. from a fork) as having no PR', () => {
    const ctx = readRunContext(ENV, { workflow_run: { head_sha: HEAD_SHA, head_branch: 'main', pull_requests: [] } });
    expect(ctx).toMatchObject({ sha: HEAD_SHA, ref: 'main', pr: undefined });
  });

  it('finds the PR of an issue_comment on a pull request', () => {
    const ctx = readRunContext(
      { ...ENV, GITHUB_EVENT_NAME: 'issue_comment' },
      { issue: { number: 56, pull_request: { url: 'https://api.github.com/x' } } },
    );
    expect(ctx.pr).toBe(56);
    expect(ctx.sha).toBe(MERGE_SHA);
  });

  it('finds no PR for an issue_comment on a plain issue', () => {
    expect(readRunContext(ENV, { issue: { number: 56 } }).pr).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['push', {}],
    ['pull_request', { pull_request: { number: 12, head: { sha: HEAD_SHA, ref: 'f' } } }],
    ['workflow_run', { workflow_run: { pull_requests: [{ number: 34 }] } }],
    ['issue_comment', { issue: { number: 56, pull_request: {} } }],
  ])('lets pr-number override the %s payload', (_event, payload) => {
    expect(readRunContext(ENV, payload, 99).pr).toBe(99);
  });

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['without a slash', 'widgets'],
    ['without a repo', 'octo-org/'],
    ['without an owner', '/widgets'],
  ])('throws when GITHUB_REPOSITORY is %s', (_label, value) => {
    const env = { ...ENV, GITHUB_REPOSITORY: value };
    if (value === undefined) delete env.GITHUB_REPOSITORY;
    expect(() => readRunContext(env, {})).toThrow(/^GITHUB_REPOSITORY is not set/);
  });

  it.each([
    ['1', 'https://github.com/octo-org/widgets/actions/runs/987'],
    ['2', 'https://github.com/octo-org/widgets/actions/runs/987/attempts/2'],
    ['10', 'https://github.com/octo-org/widgets/actions/runs/987/attempts/10'],
  ])('links attempt %s of the run', (attempt, url) => {
    expect(readRunContext({ ...ENV, GITHUB_RUN_ATTEMPT: attempt }, {}).runUrl).toBe(url);
  });

  it('uses the GitHub Enterprise server URL', () => {
    const ctx = readRunContext({ ...ENV, GITHUB_SERVER_URL: 'https://ghe.example.com' }, {});
    expect(ctx.runUrl).toBe('https://ghe.example.com/octo-org/widgets/actions/runs/987');
    expect(ctx.serverUrl).toBe('https://ghe.example.com');
  });

  it('falls back to safe defaults with only GITHUB_REPOSITORY', () => {
    expect(readRunContext({ GITHUB_REPOSITORY: 'o/r' }, {})).toEqual({
      owner: 'o',
      repo: 'r',
      eventName: '',
      sha: '0000000',
      ref: 'unknown',
      runId: '0',
      runAttempt: '1',
      job: 'job',
      workflow: 'workflow',
      workflowPath: 'workflow',
      step: '',
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/o/r/actions/runs/0',
      pr: undefined,
      repoPrivate: undefined,
    });
  });

  it('identifies the workflow by its file (without @ref) and the step by GITHUB_ACTION', () => {
    const ctx = readRunContext(
      { ...ENV, GITHUB_WORKFLOW_REF: 'octo-org/widgets/.github/workflows/ci.yml@refs/pull/12/merge', GITHUB_ACTION: '__octo-org_links_2' },
      {},
    );
    expect(ctx).toMatchObject({ workflow: 'CI', workflowPath: 'octo-org/widgets/.github/workflows/ci.yml', step: '__octo-org_links_2' });
  });

  it.each([
    ['o/r/.github/workflows/ci.yml@refs/heads/main', 'o/r/.github/workflows/ci.yml'],
    ['o/r/.github/workflows/a@b.yml@refs/tags/v1', 'o/r/.github/workflows/a@b.yml'],
    [`o/r/.github/workflows/ci.yml@${'a'.repeat(40)}`, 'o/r/.github/workflows/ci.yml'],
    ['o/r/.github/workflows/ci.yml', 'o/r/.github/workflows/ci.yml'],
    ['', ''],
  ])('workflowPath(%j) = %j', (ref, expected) => {
    expect(workflowPath(ref)).toBe(expected);
  });

  it.each([
    [{ repository: { private: true } }, true],
    [{ repository: { private: false } }, false],
    [{ repository: { private: 'yes' } }, undefined],
    [{ repository: {} }, undefined],
    [{}, undefined],
  ])('reads repository visibility from %j as %s', (payload, expected) => {
    expect(readRunContext(ENV, payload).repoPrivate).toBe(expected);
  });
});

describe('readEnv', () => {
  it('reads the runner variables, with defaults outside Actions', () => {
    const env = readEnv({ GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t', GITHUB_API_URL: 'http://127.0.0.1:1', GITHUB_REPOSITORY: 'o/r' });
    expect(env).toMatchObject({ workspace: '/w', runnerTemp: '/t', apiUrl: 'http://127.0.0.1:1', repository: 'o/r' });
    expect(readEnv({})).toMatchObject({ workspace: process.cwd(), apiUrl: 'https://api.github.com', s3Timeouts: DEFAULT_S3_TIMEOUTS });
  });

  it.each(['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY'])('a proxy is set when %s is', (name) => {
    expect(readEnv({ [name]: 'http://proxy.internal:3128' }).proxySet).toBe(true);
    expect(readEnv({ [name]: '' }).proxySet).toBe(false);
  });

  it('no proxy variable, no proxy (NO_PROXY alone is not one)', () => {
    expect(readEnv({ NO_PROXY: '*' }).proxySet).toBe(false);
  });

  it('prefers AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL for the STS endpoint', () => {
    expect(readEnv({ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_STS: 'http://sts' }).stsEndpoint).toBe('http://sts');
    expect(readEnv({ AWS_ENDPOINT_URL: 'http://a' }).stsEndpoint).toBe('http://a');
  });

  test('the comment settle window: 2.5 s unless the test-only variable gives whole milliseconds', () => {
    expect(DEFAULT_COMMENT_SETTLE_MS).toBe(2500);
    expect(readEnv({}).commentSettleMs).toBe(2500);
    expect(readEnv({ [TEST_COMMENT_SETTLE_VAR]: '250' }).commentSettleMs).toBe(250);
    for (const bad of ['', '0', '-5', '1.5', 'soon']) expect(readEnv({ [TEST_COMMENT_SETTLE_VAR]: bad }).commentSettleMs).toBe(2500);
  });

  it('takes the test-only S3 timeouts when they are whole positive milliseconds', () => {
    expect(readEnv({ [TEST_S3_CONNECT_TIMEOUT_VAR]: '200', [TEST_S3_IDLE_TIMEOUT_VAR]: '1000' }).s3Timeouts).toEqual({
      connectMs: 200,
      idleMs: 1000,
    });
    for (const bad of ['', '0', '-5', '1.5', 'soon']) {
      expect(readEnv({ [TEST_S3_CONNECT_TIMEOUT_VAR]: bad, [TEST_S3_IDLE_TIMEOUT_VAR]: bad }).s3Timeouts).toEqual(DEFAULT_S3_TIMEOUTS);
    }
  });
});

describe('forkOf: is the content built from another repository?', () => {
  const ME = 'octo-org/widgets';
  it.each<[string, unknown, unknown, string | undefined]>([
    ['a push', undefined, undefined, undefined],
    ['a same-repo pull request', { head: { repo: { full_name: 'octo-org/widgets' } } }, undefined, undefined],
    ['a same-repo pull request, other case', { head: { repo: { full_name: 'Octo-Org/Widgets' } } }, undefined, undefined],
    ['a fork pull request', { head: { repo: { full_name: 'mallory/widgets' } } }, undefined, 'mallory/widgets'],
    ['a deleted fork', { head: { repo: null } }, undefined, 'unknown'],
    ['a pull request payload without head.repo (not GitHub)', { head: { sha: 'x' } }, undefined, undefined],
    ['a same-repo workflow_run', undefined, { head_repository: { full_name: 'octo-org/widgets' } }, undefined],
    ['a fork workflow_run', undefined, { head_repository: { full_name: 'mallory/widgets' } }, 'mallory/widgets'],
    ['a fork workflow_run by owner and name', undefined, { head_repository: { owner: { login: 'mallory' }, name: 'w' } }, 'mallory/w'],
    ['a workflow_run naming no head repository', undefined, { head_branch: 'main' }, 'unknown'],
    ['a workflow_run whose head repository is gone', undefined, { head_repository: null }, 'unknown'],
  ])('%s', (_label, pull, run, fork) => {
    expect(forkOf(ME, pull, run)).toEqual(fork === undefined ? undefined : { repository: fork });
  });

  it('reads it from the event payload', () => {
    const ctx = readRunContext(
      { ...ENV, GITHUB_EVENT_NAME: 'workflow_run' },
      { workflow_run: { head_sha: HEAD_SHA, head_branch: 'main', head_repository: { full_name: 'mallory/widgets' }, pull_requests: [] } },
    );
    expect(ctx).toMatchObject({ ref: 'main', pr: undefined, fork: { repository: 'mallory/widgets' } });
    expect(readRunContext(ENV, {}).fork).toBeUndefined();
  });
});
