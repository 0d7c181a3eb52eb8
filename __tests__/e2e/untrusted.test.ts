/**
 * Untrusted content, end to end: the bundled action (dist/index.js) run as the runner runs it, against
 * the local S3 server (a private bucket: unsigned requests refused) and the GitHub API fake.
 * - Sites are refused on an origin every bucket shares (path-style AWS links), before any upload.
 * - Files built from a fork's code (two-stage workflow_run publishing) get no sites, and HTML, SVG,
 *   XML and XHTML as attachments, unless `trust-fork-content: true` (with a warning).
 * - A fork's branch `main` never takes this repository's `ref-main` scope, keys or manifest, and a
 *   refresh on main re-signs none of the fork's files.
 * - Bidi controls in file names are neutralized on the share page and the sites' listings.
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { createS3Client } from '../../src/aws/s3-client.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'untrusted-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const FORK = 'mallory/demo-app';
/** The commit main is at (runAction's GITHUB_SHA): a fresh fork's main points at it too. */
const KEYS = { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY };
const MAIN_SHA = '4f6c1b2a9d8e7f60123456789abcdef012345678';

let s3: LocalS3;
let gh: GitHubFake;
let client: S3Client;
let browser: Browser;
const dirs: string[] = [];

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  gh = await startGitHubFake({ latencyMs: 1 });
  gh.addRepo(OWNER, REPO, { private: true });
  // The action's own client: it signs bucket-level requests the way every store accepts.
  client = createS3Client({ endpoint: new URL(s3.endpoint), bucket: BUCKET, region: 'us-east-1', forcePathStyle: true }, KEYS, 4);
  browser = await launchChromium();
});

afterAll(async () => {
  const violations = gh ? [...gh.violations] : [];
  await browser?.close();
  client?.destroy();
  await gh?.close();
  await s3?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'untrusted-'));
  dirs.push(ws);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), content);
  }
  return ws;
}

const storeEnv = () => ({ AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url });

/** The stage-2 publish run of a fork's pull request (workflow_run from the default branch). */
function forkEvent(branch: string, sha: string, pulls: number[] = []) {
  return {
    workflow_run: {
      event: 'pull_request',
      head_sha: sha,
      head_branch: branch,
      head_repository: { full_name: FORK, name: 'demo-app', owner: { login: 'mallory' } },
      pull_requests: pulls.map((number) => ({ number })),
    },
    repository: { full_name: `${OWNER}/${REPO}`, private: true },
  };
}

interface Entry {
  path: string;
  key: string;
  url: string;
}

const manifestOf = (run: ActionRun) => JSON.parse(run.outputs.manifest || '[]') as Entry[];

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

async function objectText(key: string): Promise<string> {
  const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await got.Body?.transformToString()) ?? '';
}

describe('sites on an origin every bucket shares are refused before anything is uploaded', () => {
  const SITE = { 'out/site/index.html': '<!doctype html><title>site</title>', 'out/app.txt': 'app' };

  test.each<[string, Record<string, string>, RegExp]>([
    ['a bucket name with dots', { bucket: 'ci.artifacts.example' }, /the bucket name 'ci\.artifacts\.example' cannot be a host name/],
    ['force-path-style', { bucket: 'ci-artifacts', 'force-path-style': 'true' }, /'force-path-style' is true/],
    ['an AWS endpoint in path style', { bucket: 'ci-artifacts', endpoint: 'https://s3.eu-west-1.amazonaws.com' }, /'endpoint' is AWS's/],
  ])('%s', async (_label, inputs, why) => {
    const ws = workspace(SITE);
    // No credentials and no network: the refusal comes before the credentials are even looked up.
    const run = await runAction({ cwd: ws, inputs: { path: 'out/**', region: 'eu-west-1', comment: 'never', ...inputs } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    const [error] = run.errors;
    expect(error).toMatch(
      /^Input 'browse' makes a site of out\/site\/, but the links would be on s3\.eu-west-1\.amazonaws\.com, an origin every bucket/,
    );
    expect(error).toMatch(why);
    expect(error).toMatch(/bucket name without dots.*CloudFront.*'browse: none'.*Nothing was uploaded\.$/s);
    expect(run.outputs.manifest).toBeUndefined();
  });

  test('a custom endpoint in path style is documented, not refused', async () => {
    const ws = workspace(SITE);
    const run = ok(
      await runAction({ cwd: ws, inputs: { path: 'out/**', bucket: BUCKET, endpoint: s3.endpoint, comment: 'never' }, env: storeEnv() }),
    );
    expect(JSON.parse(run.outputs.sites)).toHaveLength(1);
  });
});

describe("a fork's files (two-stage workflow_run publishing)", () => {
  const FILES = {
    'artifacts/site/index.html': '<!doctype html><script>document.title = "ran"</script>',
    'artifacts/pic.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    'artifacts/feed.xml': '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    'artifacts/page.xhtml': '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    'artifacts/shot.png': '\x89PNG not really',
    'artifacts/notes.txt': 'notes',
  };
  const ACTIVE = ['artifacts/site/index.html', 'artifacts/pic.svg', 'artifacts/feed.xml', 'artifacts/page.xhtml'];
  const PASSIVE = ['artifacts/shot.png', 'artifacts/notes.txt'];
  let pr = 40;

  async function publish(inputs: Record<string, string> = {}) {
    const number = pr++;
    const sha = `${'b'.repeat(38)}${number}`;
    gh.addPull(OWNER, REPO, { number, headSha: sha, headRef: `patch-${number}`, fromFork: 'mallory' });
    const run = await runAction({
      cwd: workspace(FILES),
      eventName: 'workflow_run',
      event: forkEvent(`patch-${number}`, sha),
      inputs: { path: 'artifacts/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', ...inputs },
      env: storeEnv(),
    });
    return { run: ok(run), number };
  }

  const disposition = async (key: string) => (await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentDisposition;

  test('by default: no sites, HTML/SVG/XML/XHTML as attachments, other files inline, and a notice', async () => {
    const { run, number } = await publish();
    expect(run.notices.join('\n')).toMatch(/built from the fork mallory\/demo-app's code: no sites.*'trust-fork-content': false/);
    expect(run.warnings).toEqual([]);
    expect(JSON.parse(run.outputs.sites)).toEqual([]);
    const entries = manifestOf(run);
    expect(entries.map((e) => e.key).every((k) => k.includes(`/pr-${number}/`))).toBe(true);
    for (const p of ACTIVE) {
      const entry = entries.find((e) => e.path === p)!;
      expect(await disposition(entry.key)).toMatch(/^attachment;/);
      // The link itself serves it as a download.
      const res = await fetch(entry.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    }
    for (const p of PASSIVE) expect(await disposition(entries.find((e) => e.path === p)!.key)).toMatch(/^inline;/);

    // In a browser, the fork's page downloads instead of running on the bucket's origin.
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await context.newPage();
      const html = entries.find((e) => e.path === 'artifacts/site/index.html')!;
      const [download] = await Promise.all([page.waitForEvent('download'), page.goto(html.url).catch(() => undefined)]);
      expect(download.suggestedFilename()).toBe('index.html');
    } finally {
      await context.close();
    }

    // The share page offers them as downloads, not pages.
    const share = await (await fetch(run.outputs['share-url'])).text();
    for (const p of ACTIVE) expect(share).toMatch(new RegExp(`${p.replace(/[.]/g, '\\.')}</td>.*?>Download</a>`));
    expect(share).toMatch(/artifacts\/shot\.png<\/td>.*?>Open<\/a>/);
    // The comment says so (its file links carry no per-file promise that a page opens).
    const comments = gh.commentsOn(OWNER, REPO, number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/Built from the fork mallory\/demo-app's code: no sites, and HTML, SVG and XML files are downloads/);
    expect(share).toMatch(/Built from the fork mallory\/demo-app&#39;s code: no sites/);
    // Each row's title tells what a click does: the fork's active files download.
    const downloads = (body: string) => {
      for (const p of ACTIVE) {
        const name = p.split('/').pop()!.replace(/[.]/g, '\\.');
        expect(body).toMatch(new RegExp(`\\[[^\\]]*${name}\\]\\([^)\\s]+ "Download"\\)`));
      }
    };
    downloads(comments[0].body);

    // A refresh renews the links and renders the fork's files as the upload did (from its manifest).
    const refresh = ok(
      await runAction({
        cwd: workspace({}),
        eventName: 'workflow_run',
        event: forkEvent(`patch-${number}`, `${'b'.repeat(38)}${number}`),
        inputs: { mode: 'refresh', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test' },
        env: storeEnv(),
      }),
    );
    expect(refresh.warnings).toEqual([]);
    const [renewed] = gh.commentsOn(OWNER, REPO, number);
    expect(renewed.body).toContain('Links renewed');
    expect(renewed.body).toMatch(/Built from the fork mallory\/demo-app's code: no sites, and HTML, SVG and XML files are downloads/);
    downloads(renewed.body);
    const reshare = await (await fetch(refresh.outputs['share-url'])).text();
    for (const p of ACTIVE) expect(reshare).toMatch(new RegExp(`${p.replace(/[.]/g, '\\.')}</td>.*?>Download</a>`));
    expect(reshare).toMatch(/Built from the fork mallory\/demo-app&#39;s code: no sites/);
  });

  test('trust-fork-content: true makes sites and inline pages, with a warning', async () => {
    const { run } = await publish({ 'trust-fork-content': 'true' });
    expect(run.warnings.join('\n')).toMatch(
      /^Input 'trust-fork-content' is true: the files were built from the fork mallory\/demo-app's code/m,
    );
    expect((JSON.parse(run.outputs.sites) as { path: string }[]).map((s) => s.path)).toEqual(['artifacts/site']);
    const html = manifestOf(run).find((e) => e.path === 'artifacts/site/index.html')!;
    expect(await disposition(html.key)).toMatch(/^inline;/);
  });
});

describe("a fork's branch named main never takes this repository's scope", () => {
  test("upload, manifest and refresh on main stay this repository's own", async () => {
    const scope = `${OWNER}/${REPO}/ref-main`;
    // This repository's own upload on main.
    const own = ok(
      await runAction({
        cwd: workspace({ 'dist/app.txt': 'ours' }),
        inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, comment: 'never' },
        env: storeEnv(),
      }),
    );
    const [ours] = manifestOf(own);
    expect(ours.key.startsWith(`${scope}/`)).toBe(true);
    const manifests = async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${scope}/.artifact-links/` }));
      const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
      return Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await objectText(k)])));
    };
    const ownManifests = await manifests();
    expect(Object.keys(ownManifests)).toHaveLength(1);

    // A fork's main, at the same commit, published by workflow_run with no pull request found.
    const forked = ok(
      await runAction({
        cwd: workspace({ 'dist/app.txt': 'theirs', 'dist/planted.txt': 'planted' }),
        eventName: 'workflow_run',
        event: forkEvent('main', MAIN_SHA),
        inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test' },
        env: storeEnv(),
      }),
    );
    const theirs = manifestOf(forked);
    expect(theirs).toHaveLength(2);
    for (const e of theirs) {
      expect(e.key.startsWith(`${scope}/`)).toBe(false);
      expect(e.key).toMatch(new RegExp(`^${OWNER}/${REPO}/fork-mallory-main-[0-9a-f]{10}/`));
    }
    // Our object and our manifest are untouched.
    expect(await objectText(ours.key)).toBe('ours');
    expect(await manifests()).toEqual(ownManifests);

    // A refresh on main re-signs our files only.
    const refreshed = ok(
      await runAction({
        cwd: workspace({}),
        inputs: { mode: 'refresh', bucket: BUCKET, endpoint: s3.endpoint, comment: 'never' },
        env: storeEnv(),
      }),
    );
    const renewed = manifestOf(refreshed);
    expect(renewed.map((e) => e.key)).toEqual([ours.key]);
    expect(await (await fetch(renewed[0].url)).text()).toBe('ours');
  });
});

describe('bidi controls in file names', () => {
  test('are neutralized in the job summary, on the share page and in a site listing', async () => {
    const BIDI = 'invoice\u202Efdp.exe';
    const ws = workspace({ [`out/files/${BIDI}`]: 'x', 'out/files/\u2067sub\u2069/a.txt': 'a' });
    const run = ok(
      await runAction({
        cwd: ws,
        inputs: { path: 'out/**', bucket: BUCKET, endpoint: s3.endpoint, comment: 'never', browse: 'files', 'key-prefix': 'bidi/{scope}' },
        env: storeEnv(),
      }),
    );
    expect(run.summary).toContain('invoice\uFFFDfdp.exe');
    expect(run.summary).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const share = await (await fetch(run.outputs['share-url'])).text();
    expect(share).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(share).toContain('invoice\uFFFDfdp.exe');

    const [site] = JSON.parse(run.outputs.sites) as { url: string }[];
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.waitForSelector('ul li a', { timeout: 30_000 });
      const listing = (await page.textContent('body')) ?? '';
      expect(listing).toContain('invoice\uFFFDfdp.exe');
      expect(listing).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    } finally {
      await context.close();
    }
  });
});
