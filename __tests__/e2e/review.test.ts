/**
 * End to end: what a reviewer sees at a glance. A push build of main stores its manifest; a pull
 * request's build then compares with it (changed, new, removed files, and the size change), shows
 * its images as thumbnails linked to their files, and a refresh keeps the comparison. The bundled
 * action against the local S3 server and the GitHub API fake (checked against GitHub's OpenAPI
 * description); the comment is read as GitHub renders it (cmark-gfm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import type { Browser } from 'playwright-core';
import { decodeQr } from '../support/qr.js';
import { PNG } from '../support/site-fixture.js';

const BUCKET = 'review-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const MAIN_SHA = '4f6c1b2a9d8e7f60123456789abcdef012345678';
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
let s3: LocalS3;
let gh: GitHubFake;
let workspace: string;

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

function tree(files: Record<string, string | Buffer>): void {
  rmSync(path.join(workspace, 'dist'), { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(workspace, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

function act(o: { inputs?: Record<string, string>; event?: object; eventName: string; env?: Record<string, string> }): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    eventName: o.eventName,
    event: o.event,
    inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', ...o.inputs },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url, ...o.env },
  });
}

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

function gfm(markdown: string, unsafe = false): string {
  const flags = [
    '-e',
    'table',
    '-e',
    'autolink',
    '-e',
    'strikethrough',
    '-e',
    'tagfilter',
    '--hardbreaks',
    ...(unsafe ? ['--unsafe'] : []),
  ];
  return execFileSync('cmark-gfm', flags, { input: markdown, encoding: 'utf8' });
}

/** The comment's QR codes: image link, shown width, and caption. */
function qrCodes(html: string): { src: string; width: number; text: string }[] {
  return [...html.matchAll(/<a href="([^"]+)"><img src="[^"]+" width="(\d+)" alt="QR code[^"]*"><\/a><br>([^<]*)<\/p>/g)].map((m) => ({
    src: m[1].replace(/&amp;/g, '&'),
    width: Number(m[2]),
    text: m[3],
  }));
}

/**
 * What a phone reads from the screen: the QR image shown at its width in the comment, captured at one
 * device pixel per CSS pixel (a laptop screen, no zoom), decoded.
 */
async function scanFromScreen(browser: Browser, src: string, width: number): Promise<string | undefined> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<body style="margin:20px;background:#fff"><img id="qr" src="${src.replace(/&/g, '&amp;')}" width="${width}"></body>`,
    );
    await page.locator('#qr').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    return decodeQr(await page.locator('#qr').screenshot());
  } finally {
    await page.close();
  }
}

const pushToMain = () =>
  act({ eventName: 'push', env: { GITHUB_SHA: MAIN_SHA, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: '100' } });

describe('what changed since the base branch', () => {
  test("a pull request's comment compares each file with the push build of main, and a refresh keeps it", async () => {
    tree({ 'dist/app.js': 'console.log(1);\n', 'dist/same.css': 'body{}', 'dist/gone.txt': 'bye', 'dist/shot.png': PNG });
    const push = ok(await pushToMain());
    // No pull request for a push to main: no comment, but the manifest a pull request finds.
    expect(gh.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(push.stdout).not.toContain('Comparing with');

    const pr = 12;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD, baseRef: 'main' });
    tree({
      'dist/app.js': 'console.log(1, 2, 3);\n',
      'dist/same.css': 'body{}',
      'dist/new.txt': 'hello',
      'dist/shot.png': PNG,
      'dist/mobile/app.apk': 'PK apk',
    });
    const event = {
      pull_request: { number: pr, head: { sha: HEAD, ref: 'feature/x' }, base: { ref: 'main' } },
      repository: { private: true },
    };
    const run = ok(await act({ eventName: 'pull_request', event }));
    expect(run.stdout).toContain('Comparing with the upload of main at 4f6c1b2 (4 files).');
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    const body = comment.body ?? '';
    // app.js grew by 6 bytes, new.txt adds 5, gone.txt (3 bytes) is gone.
    expect(body).toContain(
      '📊 Since main ([`4f6c1b2`](https://github.com/octo-org/demo-app/actions/runs/100)): **1 changed, 2 new, 1 removed, +14 B**',
    );
    const html = gfm(body, true);
    const cells = (name: string) =>
      new RegExp(`>${name.replace('.', '\\.')}</a></td>\\s*<td align="right">[^<]*</td>\\s*<td align="left">([^<]*)</td>`).exec(html)?.[1];
    expect(cells('dist/app.js')).toBe('✏️ +6 B');
    expect(cells('dist/same.css')).toBe('unchanged');
    expect(cells('dist/new.txt')).toBe('🆕 new');
    expect(cells('dist/mobile/app.apk')).toBe('🆕 new');
    expect(cells('dist/shot.png')).toBe('unchanged');
    expect(html).toContain('Removed: <del>dist/gone.txt</del>');

    // The thumbnail links to the image, which the store serves as an image (what GitHub's proxy needs).
    const thumbs = [...html.matchAll(/<a href="([^"]+)"><img src="([^"]+)" width="120" alt="shot\.png"><\/a>/g)];
    expect(thumbs).toHaveLength(1);
    const src = thumbs[0][2].replace(/&amp;/g, '&');
    expect(thumbs[0][1]).toBe(thumbs[0][2]);
    const image = await fetch(src);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    const browser = await launchChromium();
    try {
      // QR codes for phones, hosted in the bucket: the share page, and the mobile build.
      const apk = (JSON.parse(run.outputs.manifest) as { path: string; url: string }[]).find((e) => e.path === 'dist/mobile/app.apk')!.url;
      const codes = qrCodes(html);
      expect(codes.map((c) => c.text)).toEqual(['The share page', 'Download dist/mobile/app.apk']);
      for (const [code, link] of [
        [codes[0], run.outputs['share-url']],
        [codes[1], apk],
      ] as const) {
        const response = await fetch(code.src);
        expect(response.headers.get('content-type')).toBe('image/png');
        expect(decodeQr(Buffer.from(await response.arrayBuffer()))).toBe(link);
        expect(await scanFromScreen(browser, code.src, code.width)).toBe(link);
      }

      // The share page, as the bundled action wrote it: Download all gives every file with its bytes.
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(run.outputs['share-url']);
      await page.fill('#filter', 'app.js');
      expect(await page.$$eval('tr[data-path]:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-path')))).toEqual([
        'dist/app.js',
      ]);
      await page.fill('#filter', '');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#zip')]);
      const zip = path.join(workspace, 'all.zip');
      await download.saveAs(zip);
      const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
      expect(listed).toEqual(['dist/app.js', 'dist/new.txt', 'dist/same.css', 'dist/shot.png', 'dist/mobile/app.apk']);
      for (const name of listed) {
        const bytes = execFileSync('unzip', ['-p', zip, name]);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(
          createHash('sha256')
            .update(readFileSync(path.join(workspace, name)))
            .digest('hex'),
        );
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }

    // The pull request's checks list: a status of the head commit whose Details open the share page.
    const [status] = gh.statusesOf(OWNER, REPO, HEAD);
    expect(status).toMatchObject({
      state: 'success',
      context: expect.stringMatching(/^s3-artifact-links \/ CI \/ build · [0-9a-f]{10}$/),
      description: expect.stringMatching(
        /^5 files, [\d.]+ [KM]?i?B · 1 changed, 2 new, 1 removed, \+14 B since main · links expire \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
      ),
      target_url: run.outputs['share-url'],
    });
    expect((await fetch(String(status.target_url))).status).toBe(200);

    // A refresh re-signs the links and renders the same comparison, from the pull request's own manifest.
    const refresh = ok(await act({ eventName: 'pull_request', event, inputs: { mode: 'refresh' } }));
    expect(refresh.warnings).toEqual([]);
    const [after] = gh.commentsOn(OWNER, REPO, pr);
    expect(after.body).toContain('Links renewed');
    expect(after.body).toContain('**1 changed, 2 new, 1 removed, +14 B**');
    // The QR code of the share page is made again: it encodes the new link.
    const renewedQr = qrCodes(gfm(after.body ?? '', true))[0];
    expect(decodeQr(Buffer.from(await (await fetch(renewedQr.src)).arrayBuffer()))).toBe(refresh.outputs['share-url']);
    // ... and updates the status (same context, GitHub shows the latest) to the new share link.
    const statuses = gh.statusesOf(OWNER, REPO, HEAD);
    expect(statuses.map((s) => s.context)).toEqual([status.context, status.context]);
    expect(statuses[1].target_url).toBe(refresh.outputs['share-url']);
    expect(statuses[1].target_url).not.toBe(status.target_url);
  });

  test('without the statuses permission, the status is a notice; the comment and links stand', async () => {
    tree({ 'dist/app.js': 'x' });
    const pr = 14;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    gh.inject({
      operationId: 'repos/create-commit-status',
      status: 403,
      times: Infinity,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
    });
    const event = { pull_request: { number: pr, head: { sha: HEAD, ref: 'f' }, base: { ref: 'main' } }, repository: { private: true } };
    const run = ok(await act({ eventName: 'pull_request', event }));
    expect(run.notices.join('\n')).toContain("Add 'statuses: write' to the job's permissions, or set commit-status: false.");
    expect(run.warnings).toEqual([]);
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);

    gh.clearFaults();
    const off = ok(await act({ eventName: 'pull_request', event, inputs: { 'commit-status': 'false' } }));
    expect(off.notices).toEqual([]);
    expect(gh.statusesOf(OWNER, REPO, HEAD)).toEqual([]);
  });

  test('the base branch is asked of GitHub while the files upload, not before they start', async () => {
    tree({ 'dist/app.js': 'asked beside the upload' });
    const pr = 14;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD, baseRef: 'release/3.x' });
    const baseLookup = `/repos/${OWNER}/${REPO}/pulls/${pr}`;
    gh.latencyMs = ({ method, path }) => (method === 'GET' && path === baseLookup ? 1_500 : 5);
    // What s3rver had received (it logs each request as it arrives) when GitHub answered the lookup.
    let fileAtAnswer: boolean | undefined;
    gh.beforeHandle = ({ method, path }) => {
      if (method === 'GET' && path === baseLookup)
        fileAtAnswer ??= s3.requests.some((r) => r.method === 'PUT' && r.url.includes('/app.js'));
    };
    const run = ok(await act({ eventName: 'workflow_dispatch', inputs: { 'pr-number': String(pr) }, env: { GITHUB_SHA: HEAD } }));
    expect(fileAtAnswer).toBe(true);
    // The answer is still what the comparison uses.
    expect(run.stdout).toContain('No readable upload of this section on release/3.x to compare with');
  });

  test('the base branch comes from the API when the payload has none; no push build means no comparison', async () => {
    tree({ 'dist/app.js': 'x' });
    const pr = 13;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD, baseRef: 'release/2.x' });
    const run = ok(await act({ eventName: 'workflow_dispatch', inputs: { 'pr-number': String(pr) }, env: { GITHUB_SHA: HEAD } }));
    expect(gh.requests.some((r) => r.method === 'GET' && r.path === `/repos/${OWNER}/${REPO}/pulls/${pr}`)).toBe(true);
    expect(run.stdout).toContain(
      'No readable upload of this section on release/2.x to compare with (octo-org/demo-app/ref-release-2.x/.artifact-links/',
    );
    expect(run.warnings).toEqual([]);
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(comment.body).not.toContain('Since');
    expect(comment.body).toContain('| File | Size | SHA-256 |');
  });
});
