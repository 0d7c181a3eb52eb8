/**
 * End to end: a scheduled `mode: refresh` without `pr-number` renews the links of every open pull
 * request that has artifacts, in one step, against the GitHub fake (OpenAPI-checked) and the local
 * S3 server. Pull requests without artifacts are skipped quietly; closed ones are left alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import type { ManifestEntry } from '../../src/links/manifest-entry.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'refresh-all-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const SIGNER = { id: 'AKIASIGNINGKEY000077', secret: 'refresh-signing-secret-77' };
const STATIC = { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY };
const WITH_ARTIFACTS = [21, 23, 26];
const WITHOUT = [22, 24, 25];
const CLOSED = 27;

let s3: LocalS3;
let gh: GitHubFake;
let workspace: string;

const sha = (pr: number) => pr.toString(16).padStart(40, 'c');

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  await s3.addCredentials(SIGNER.id, SIGNER.secret);
  gh = await startGitHubFake();
  gh.addRepo(OWNER, REPO, { private: true });
  for (const pr of [...WITH_ARTIFACTS, ...WITHOUT]) gh.addPull(OWNER, REPO, { number: pr, headSha: sha(pr) });
  gh.addPull(OWNER, REPO, { number: CLOSED, headSha: sha(CLOSED), state: 'closed' });
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  mkdirSync(path.join(workspace, 'dist'));
  writeFileSync(path.join(workspace, 'dist/app.txt'), 'the build');
  writeFileSync(path.join(workspace, 'dist/notes.md'), '# notes');
});
afterAll(async () => {
  const violations = [...(gh?.violations ?? [])];
  await gh?.close();
  await s3?.stop();
  rmSync(workspace, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

function upload(pr: number, section: string): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: pr, head: { sha: sha(pr), ref: `feature-${pr}` } }, repository: { private: true } },
    inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', section, 'expires-in': '1h' },
    env: { ...STATIC, GITHUB_API_URL: gh.url, GITHUB_SHA: sha(pr) },
  });
}

function scheduledRefresh(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    eventName: 'schedule',
    event: { schedule: '23 */6 * * *', repository: { private: true } },
    inputs: { mode: 'refresh', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', 'expires-in': '2d', ...inputs },
    env: { ...STATIC, GITHUB_API_URL: gh.url },
  });
}

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

const bodies = (pr: number) => gh.commentsOn(OWNER, REPO, pr).map((c) => c.body);

describe('scheduled refresh of every open pull request', () => {
  beforeAll(async () => {
    for (const pr of WITH_ARTIFACTS) ok(await upload(pr, 'build'));
    ok(await upload(23, 'docs'));
    ok(await upload(CLOSED, 'build'));
  });

  test('renews every open pull request with artifacts, one job, one step; skips the others quietly', async () => {
    const closedBefore = bodies(CLOSED);
    const before = s3.requests.length;
    const run = ok(await scheduledRefresh({ 'signing-access-key-id': SIGNER.id, 'signing-secret-access-key': SIGNER.secret }));
    // Each renewed section's comment record is rewritten in its pull request's scope (what other jobs restore it from).
    const records = s3.requests
      .slice(before)
      .filter((r) => r.method === 'PUT' && r.url.includes('/.artifact-links/comment/'))
      .map((r) => /\/pr-(\d+)\//.exec(r.url)?.[1]);
    expect(records.sort()).toEqual(['21', '23', '23', '26']);

    // Open pull requests listed through the API, not guessed.
    expect(gh.requests.filter((r) => r.operationId === 'pulls/list' && r.query.includes('state=open'))).not.toHaveLength(0);
    const manifest = JSON.parse(run.outputs.manifest) as ManifestEntry[];
    expect(manifest).toHaveLength(2 * 4); // two files in 21, 26 and in each of 23's two sections
    expect(Number(run.outputs.count)).toBe(8);
    for (const e of manifest) {
      expect(e.url).toContain('X-Amz-Expires=172800&');
      expect(e.url).toContain(`X-Amz-Credential=${SIGNER.id}%2F`);
      expect(e.key).toMatch(/\/pr-(21|23|26)\//);
      const got = await fetch(e.url);
      expect(got.status).toBe(200);
    }
    for (const pr of WITH_ARTIFACTS) {
      const [body] = bodies(pr);
      expect(bodies(pr)).toHaveLength(1);
      expect(body).toContain('renewed');
      expect(body).toContain('Signed with the dedicated signing key');
      expect(body).toMatch(/in 47 hours/ /* 2 days, rounded down once a moment has passed */);
      for (const e of manifest.filter((m) => m.key.includes(`/pr-${pr}/`))) expect(body).toContain(e.url.split('?')[0]);
    }
    expect(bodies(23)[0]).toMatch(/docs/);
    // Each section's status in the checks list now opens the renewed share page (the latest status of a name counts).
    for (const pr of WITH_ARTIFACTS) {
      const latest = new Map(gh.statusesOf(OWNER, REPO, sha(pr)).map((st) => [st.context, st]));
      expect([...latest.keys()].map((c) => String(c).replace(/ · [0-9a-f]{10}$/, '')).sort()).toEqual(
        pr === 23 ? ['s3-artifact-links / build', 's3-artifact-links / docs'] : ['s3-artifact-links / build'],
      );
      for (const st of latest.values()) {
        expect(String(st.target_url)).toContain(`X-Amz-Credential=${SIGNER.id}%2F`);
        expect(String(st.target_url)).toMatch(/\/\.artifact-links\/share\.html\?/);
      }
    }
    for (const pr of WITHOUT) expect(bodies(pr)).toEqual([]);
    expect(bodies(CLOSED)).toEqual(closedBefore);
    expect(run.warnings).toEqual([]);
    // comment-id and comment-url name one comment: not set when many were updated.
    expect(run.outputs['comment-id']).toBeUndefined();

    // The job summary: one row per renewed pull request, and how many were skipped.
    expect(run.summary).toContain('8 links in 3 open pull requests. 3 open pull requests have no artifacts and were skipped.');
    for (const pr of WITH_ARTIFACTS) expect(run.summary).toContain(`<a href="https://github.com/${OWNER}/${REPO}/pull/${pr}">#${pr}</a>`);
    expect(run.summary).toMatch(/#23<\/a><\/td><td align="right">2<\/td><td align="right">4<\/td>/);
    expect(run.summary).not.toContain(`#${CLOSED}<`);
    expect(run.summary).not.toContain('X-Amz-Signature');
  });

  test('a signing key the store does not know: nothing is published anywhere', async () => {
    const before = Object.fromEntries(WITH_ARTIFACTS.map((pr) => [pr, bodies(pr)]));
    const writes = gh.requests.filter((r) => r.method === 'PATCH' || r.method === 'POST').length;
    const run = await scheduledRefresh({ 'signing-access-key-id': 'AKIAUNKNOWNSIGNER077', 'signing-secret-access-key': SIGNER.secret });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/'signing-access-key-id'.*No link was published/s);
    expect(run.outputs).toEqual({});
    expect(run.summary).toBe('');
    expect(gh.requests.filter((r) => r.method === 'PATCH' || r.method === 'POST').length).toBe(writes);
    for (const pr of WITH_ARTIFACTS) expect(bodies(pr)).toEqual(before[pr]);
  });

  test('with pr-number, only that pull request, as before', async () => {
    const other = bodies(26);
    const run = ok(await scheduledRefresh({ 'pr-number': '21', 'expires-in': '3h' }));
    const manifest = JSON.parse(run.outputs.manifest) as ManifestEntry[];
    expect(manifest.every((e) => e.key.includes('/pr-21/'))).toBe(true);
    expect(manifest[0].url).toContain('X-Amz-Expires=10800&');
    expect(bodies(21)[0]).toContain(manifest[0].url.split('?')[0]);
    expect(bodies(26)).toEqual(other);
  });

  test('without a token there is no way to list the pull requests: a clear error', async () => {
    const run = await scheduledRefresh({ 'github-token': '' });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/renews every open pull request, which needs the GitHub API: set 'github-token'/);
  });
});
