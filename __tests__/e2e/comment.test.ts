/**
 * End to end: the bundled action against the local S3 server and the GitHub API fake (every request
 * and response checked against GitHub's OpenAPI description). Links in the comment are downloaded.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import { withoutOwnImages } from '../support/comment-images.js';
import { startConnectProxy } from '../support/connect-proxy.js';

const BUCKET = 'comment-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
let s3: LocalS3;
let gh: GitHubFake;
let workspace: string;
let nextPr = 100;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
});
afterAll(async () => {
  await s3?.stop();
});
beforeEach(async () => {
  gh = await startGitHubFake({ latencyMs: 5 });
  gh.addRepo(OWNER, REPO, { private: true });
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
});
afterEach(async () => {
  const violations = [...gh.violations];
  await gh.close();
  rmSync(workspace, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

function write(rel: string, content: string): void {
  const file = path.join(workspace, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function pullRequestEvent(pr: number, repoPrivate = true) {
  return { pull_request: { number: pr, head: { sha: HEAD, ref: 'feature/x' } }, repository: { private: repoPrivate } };
}

function act(o: { inputs?: Record<string, string>; event?: object; eventName?: string; env?: Record<string, string> }): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    eventName: o.eventName ?? 'pull_request',
    event: o.event,
    inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', ...o.inputs },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url, ...o.env },
  });
}

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** The file links of a comment: each row's file name links to its file, titled by what a click does. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/\]\((http[^)\s]+) "(?:Open in the browser|Download)"\)/g)].map((m) => m[1]);
}

describe('sticky pull-request comment', () => {
  test('the first run creates one comment whose links work; a re-run edits it in place', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    write('dist/app.txt', 'hello reviewers');
    write('dist/page.html', '<p>preview</p>');
    const first = ok(await act({ event: pullRequestEvent(pr) }));
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    expect(first.outputs['comment-id']).toBe(String(comments[0].id));
    expect(first.outputs['comment-url']).toBe(comments[0].html_url);
    const body = comments[0].body ?? '';
    expect(body).toContain('`a1b2c3d`');
    expect(body).toContain('/actions/runs/4242');
    // Rounded down: read after signing, a 7-day link has less than 7 days left (7 days only within its signing second).
    expect(body).toMatch(/Links expire \*\*\d{4}-\d\d-\d\d \d\d:\d\d UTC\*\* — in (6 days 23 hours|7 days)\n/);
    const links = linksIn(body);
    expect(links).toHaveLength(2);
    for (const link of links) expect((await fetch(link)).status).toBe(200);
    expect(await (await fetch(links.find((l) => l.includes('app.txt'))!)).text()).toBe('hello reviewers');

    write('dist/app.txt', 'hello again');
    const second = ok(await act({ event: pullRequestEvent(pr) }));
    const after = gh.commentsOn(OWNER, REPO, pr);
    expect(after).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    expect(after[0].body).not.toBe(body);
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH').length).toBeGreaterThanOrEqual(1);
    const link = linksIn(after[0].body ?? '').find((l) => l.includes('app.txt'))!;
    expect(await (await fetch(link)).text()).toBe('hello again');
  });

  test('8 concurrent matrix jobs produce one comment with 8 sections', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    gh.latencyMs = 40;
    write('dist/app.txt', 'matrix');
    const legs = Array.from({ length: 8 }, (_, i) => JSON.stringify({ os: `os${i}`, node: 20 + i }));
    const runs = await Promise.all(legs.map((matrix) => act({ event: pullRequestEvent(pr), inputs: { matrix } })));
    runs.forEach(ok);
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    const body = comments[0].body ?? '';
    for (let i = 0; i < 8; i++) expect(body).toMatch(new RegExp(`section=build-os${i}-${20 + i}-[0-9a-f]{10} `));
    expect(linksIn(body)).toHaveLength(8);
    // Each leg wrote its own objects: keys include the section.
    expect(new Set(linksIn(body).map((l) => new URL(l).pathname)).size).toBe(8);
  });

  test('3,000 files stay under the 65,536-character limit; the summary points to the rest', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    for (let i = 0; i < 3000; i++)
      write(`dist/reports/some-rather-long-directory-name/test-report-${String(i).padStart(4, '0')}.xml`, `<r>${i}</r>`);
    const run = ok(await act({ event: pullRequestEvent(pr) }));
    expect(run.outputs.count).toBe('3000');
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(comment.body!.length).toBeLessThanOrEqual(65536);
    expect(comment.body).toMatch(/… and [\d,]+ more/);
    expect(gh.requests.filter((r) => r.status === 422)).toEqual([]);
    const links = linksIn(comment.body!);
    expect(links.length).toBeGreaterThan(20);
    expect((await fetch(links[links.length - 1])).status).toBe(200);
  });

  test('hostile file names render inert', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    const names = [
      '@octocat please look.txt',
      '<img src=x onerror=alert(1)>.txt',
      '[click](http://evil.example).txt',
      'a|b|c.txt',
      '`code`.txt',
      '<!-- s3-artifact-links:CI -->.txt',
    ];
    for (const n of names) write(`dist/${n}`, n);
    ok(await act({ event: pullRequestEvent(pr) }));
    const body = gh.commentsOn(OWNER, REPO, pr)[0].body!;
    expect(withoutOwnImages(body)).not.toContain('<img');
    expect(body).not.toMatch(/(^|[^\u2060])@octocat/);
    expect(body).not.toContain('[click](http://evil');
    expect(body.match(/<!-- s3-artifact-links:/g)).toHaveLength(1); // our marker only, not the file's fake one
    const rows = body.split('\n').filter((l) => l.startsWith('| [') && / "(Open in the browser|Download)"\) \|/.test(l));
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(5); // 3 cells + outer pipes
  });

  test('a read-only token (fork PR on pull_request) is a warning that explains workflow_run; outputs stand', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD, fromFork: true });
    gh.readOnly = true;
    write('dist/app.txt', 'fork');
    const run = ok(await act({ event: pullRequestEvent(pr) }));
    expect(run.warnings.join('\n')).toMatch(/read-only.*Resource not accessible by integration.*workflow_run.*Fork pull requests/s);
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(0);
    expect(run.outputs.count).toBe('1');
    expect((await fetch(JSON.parse(run.outputs.manifest)[0].url)).status).toBe(200);

    const strict = await act({ event: pullRequestEvent(pr), inputs: { 'fail-on-comment-error': 'true' } });
    expect(strict.code).toBe(1);
    expect(strict.errors.join('\n')).toMatch(/Resource not accessible by integration/);
  });

  test('workflow_run finds the PR by the head sha (fork PRs are missing from its payload)', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD, headRef: 'patch-1', fromFork: true });
    write('dist/app.txt', 'two-stage');
    gh.addPull(OWNER, REPO, { number: nextPr++, headSha: 'f'.repeat(40), headRef: 'patch-1', fromFork: 'someone-else' });
    const event = {
      workflow_run: { head_sha: HEAD, head_branch: 'patch-1', head_repository: { owner: { login: 'contributor' } }, pull_requests: [] },
      repository: { private: true },
    };
    const run = ok(await act({ event, eventName: 'workflow_run' }));
    expect(gh.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/commits/${HEAD}/pulls`))).toBe(true);
    expect(gh.requests.some((r) => r.method === 'GET' && r.path.endsWith('/pulls') && r.query.includes('head=contributor%3Apatch-1'))).toBe(
      true,
    );
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);
    expect(JSON.parse(run.outputs.manifest)[0].key).toContain(`/pr-${pr}/`);
  });

  test('no PR found: a notice, no comment, outputs and summary still written', async () => {
    write('dist/app.txt', 'push');
    const run = ok(await act({ eventName: 'push', event: { repository: { private: true } } }));
    expect(run.notices.join('\n')).toMatch(/No pull request found/);
    expect(run.outputs.count).toBe('1');
    expect(run.summary).toContain('Download');
    expect(gh.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  test('behind a proxy (HTTP_PROXY), every GitHub request goes through it, and the comment is posted', async () => {
    const proxy = await startConnectProxy();
    try {
      const pr = nextPr++;
      gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
      write('dist/app.txt', 'proxied');
      // Not a loopback name: the GitHub client bypasses proxies for 127.0.0.1 and localhost.
      const apiUrl = gh.url.replace('127.0.0.1', 'github.proxy.test');
      ok(await act({ event: pullRequestEvent(pr), env: { GITHUB_API_URL: apiUrl, HTTP_PROXY: proxy.url } }));
      expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);
      expect(proxy.refused).toEqual([]);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(apiUrl).host]));
    } finally {
      await proxy.close();
    }
  });

  test('public repositories: a note and a warning by default; refuse posts no links', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    write('dist/app.txt', 'public');
    const warn = ok(await act({ event: pullRequestEvent(pr, false) }));
    expect(warn.warnings.join('\n')).toMatch(/repository is public/);
    expect(gh.commentsOn(OWNER, REPO, pr)[0].body).toMatch(/repository is public/);

    const pr2 = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr2, headSha: HEAD });
    const refuse = ok(await act({ event: pullRequestEvent(pr2, false), inputs: { 'public-repo': 'refuse' } }));
    expect(gh.commentsOn(OWNER, REPO, pr2)).toHaveLength(0);
    expect(refuse.summary).not.toContain('X-Amz-Signature');

    // refuse fails closed: visibility unknown (no `private` in the event, no API calls) counts as public.
    const unknown = ok(
      await act({
        event: { pull_request: { number: pr2, head: { sha: HEAD, ref: 'f' } } },
        inputs: { 'public-repo': 'refuse', comment: 'never' },
      }),
    );
    expect(unknown.warnings.join('\n')).toMatch(/visibility is unknown.*public-repo: refuse/);
    expect(unknown.summary).not.toContain('X-Amz-Signature');
    expect(JSON.parse(unknown.outputs.manifest)).toHaveLength(1);
  });

  test('transient GitHub errors and secondary rate limits are retried', async () => {
    const pr = nextPr++;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    gh.inject({ method: 'POST', path: /\/comments$/, status: 502, times: 1 });
    gh.inject({ method: 'GET', path: /\/comments$/, kind: 'secondary-rate-limit', retryAfter: 1, times: 1 });
    write('dist/app.txt', 'flaky');
    ok(await act({ event: pullRequestEvent(pr) }));
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);
    expect(gh.requests.filter((r) => r.status === 502)).toHaveLength(1);
    expect(gh.requests.filter((r) => r.status === 403 && r.path !== '/user')).toHaveLength(1);
  });
});
