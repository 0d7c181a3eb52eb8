/**
 * Reliability, end to end: the bundled action (dist/index.js) through fault-injecting proxies in
 * front of the local S3 server and the GitHub API fake. Faults, exhausted retries, unreachable
 * endpoints, re-runs, concurrent matrix legs, and secrets that must never reach a log or an output.
 *
 * Every run in this file signs with a distinctive key pair and session token; the last test scans
 * everything every run produced for them.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { TEST_S3_IDLE_TIMEOUT_VAR } from '../../src/config/context.js';
import { ManifestEntry } from '../../src/links/manifest-entry.js';
import { FaultProxy, FaultProxyOptions, startFaultProxy } from '../support/fault-proxy.js';
import { sha256, writeBig } from '../support/files.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'reliability-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'b7e4c2a19f0d3e5c6b8a7f1e2d3c4b5a69788776';
const MiB = 1024 * 1024;
/** Where the action stores each section's manifest (for mode: refresh and cleanup), under the PR's scope. */
const STORED_MANIFESTS = '.artifact-links/';
/** The section's share page, generated in the action's folder at the root of the section's upload. */
const SHARE_PAGE = '.artifact-links/share.html';
/** The QR code of the share page, beside it. */
const SHARE_QR = '.artifact-links/qr-share.png';
// The local S3 server keeps the body-check probe (it does not check signed payload hashes), unless a fault lost it.
const BODY_CHECK = '.artifact-links/body-check';
const withoutProbe = (keys: string[]) => keys.filter((k) => !k.endsWith(`/${BODY_CHECK}`));

// A distinctive key pair registered in s3rver, and a session token (s3rver does not check tokens).
const ACCESS_KEY = 'AKIARELIABILITY0001';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEReliabilitySessionToken/Zk9P+TOKENTOKEN==';

let s3: LocalS3;
let gh: GitHubFake;
let nextPr = 300;
const proxies: FaultProxy[] = [];
const workspaces: string[] = [];
/** Every run of this file, for the secrets scan. */
const runs: { label: string; run: ActionRun }[] = [];
/** PRs commented on, for the secrets scan. */
const prs: number[] = [];
/**
 * Started in beforeAll and awaited by its test at the end, so its waiting overlaps the other tests.
 * The test-only idle timeout (1 s instead of 30 s) keeps that to seconds; the retry and stop logic
 * under test is the same.
 */
let blackholeRun: Promise<ActionRun> | undefined;
let blackhole: FaultProxy;
const BLACKHOLE_IDLE_MS = 1_000;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  await s3.addCredentials(ACCESS_KEY, SECRET_KEY);
  gh = await startGitHubFake({ latencyMs: 5 });
  gh.addRepo(OWNER, REPO, { private: true });
  blackhole = await proxy({ mode: 'blackhole' });
  const ws = workspace();
  write(ws, 'out/one.txt', 'never arrives');
  blackholeRun = act('blackhole', ws, {
    inputs: { path: 'out/**', endpoint: blackhole.url, comment: 'never' },
    env: { [TEST_S3_IDLE_TIMEOUT_VAR]: String(BLACKHOLE_IDLE_MS) },
    timeoutMs: 120_000,
  });
});

afterAll(async () => {
  // Closing the blackhole ends a still-waiting run at once (connection refused from then on).
  await Promise.all(proxies.map((p) => p.close()));
  await blackholeRun?.catch(() => undefined);
  await gh?.close();
  await s3?.stop();
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(gh.violations).toEqual([]);
});

async function proxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const p = await startFaultProxy(options);
  proxies.push(p);
  return p;
}

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  workspaces.push(dir);
  return dir;
}

function write(ws: string, rel: string, content: string | Buffer): Buffer {
  const file = path.join(ws, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  writeFileSync(file, bytes);
  return bytes;
}

/** Writes a file of `size` bytes (patterned, not sparse) and returns its SHA-256. */

function pullRequestEvent(pr: number) {
  return { pull_request: { number: pr, head: { sha: HEAD, ref: 'feature/reliability' } }, repository: { private: true } };
}

function newPull(): number {
  const pr = nextPr++;
  gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
  prs.push(pr);
  return pr;
}

interface ActOptions {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  pr?: number;
  timeoutMs?: number;
}

async function act(label: string, cwd: string, o: ActOptions): Promise<ActionRun> {
  const run = await runAction({
    cwd,
    eventName: o.pr !== undefined ? 'pull_request' : 'push',
    event: o.pr !== undefined ? pullRequestEvent(o.pr) : { repository: { private: true } },
    inputs: { bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', ...o.inputs },
    env: {
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      GITHUB_API_URL: gh.url,
      ...o.env,
    },
    timeoutMs: o.timeoutMs,
  });
  runs.push({ label, run });
  return run;
}

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

function manifestOf(run: ActionRun): ManifestEntry[] {
  return JSON.parse(run.outputs.manifest ?? '[]') as ManifestEntry[];
}

/** The file links of a comment: each row's file name links to its file, titled by what a click does. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/\]\((http[^)\s]+) "(?:Open in the browser|Download)"\)/g)].map((m) => m[1]);
}

async function download(url: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Object keys under `prefix`, listed through the direct server. */
async function listKeys(prefix: string): Promise<string[]> {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
  });
  // s3rver mis-verifies bucket-level requests with a trailing slash (`/bucket/?list-type=2`): drop it before signing.
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { path?: string };
      if (request.path === `/${BUCKET}/`) request.path = `/${BUCKET}`;
      return next(args);
    },
    { step: 'build', name: 'noTrailingSlashForS3rver' },
  );
  try {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  } finally {
    client.destroy();
  }
}

/** The key prefix of a run's objects (everything up to and including its section id `<job>-<hash>`). */
function prefixOf(entries: ManifestEntry[], job: string): string {
  return new RegExp(`^.*?/${job}-[0-9a-f]{10}/`).exec(entries[0].key)![0];
}

/** The PR's scope prefix (`owner/repo/pr-N/`) of a run's objects. */
function scopeOf(entries: ManifestEntry[]): string {
  return /^[^/]+\/[^/]+\/pr-\d+\//.exec(entries[0].key)![0];
}

describe('reliability', () => {
  test('S3 and GitHub faults (5xx, SlowDown, resets, delays): every file arrives intact, once; one comment', async () => {
    const ws = workspace();
    const expected = new Map<string, string>();
    let totalBytes = 0;
    for (let i = 0; i < 39; i++) {
      const rel = `dist/part-${String(i).padStart(2, '0')}/file-${i}.bin`;
      const bytes = write(ws, rel, randomBytes(500 + i * 4099));
      expected.set(rel, sha256(bytes));
      totalBytes += bytes.length;
    }
    const bigSize = 20 * MiB + 4321; // two parts of 16 MiB
    expected.set('dist/big/blob.bin', writeBig(ws, 'dist/big/blob.bin', bigSize));
    totalBytes += bigSize;
    const s3p = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 0.2,
      seed: 20_250_611,
      maxConsecutiveFaultsPerRoute: 2,
      delayMs: 500,
    });
    // Seed 1234 faults the 1st, 3rd and 4th GitHub requests (delay, 500, delay) of the ~6 a run makes.
    const ghp = await proxy({
      upstream: gh.url,
      style: 'github',
      faultRate: 0.2,
      faults: ['500', '503', 'delay'],
      seed: 1234,
      maxConsecutiveFaultsPerRoute: 2,
      delayMs: 500,
    });
    const pr = newPull();

    const run = await act('faults', ws, { pr, inputs: { path: 'dist/**', endpoint: s3p.url }, env: { GITHUB_API_URL: ghp.url } });
    const faultedS3 = { ...s3p.stats.faulted };
    const faultedGh = { ...ghp.stats.faulted };
    const s3Requests = s3p.stats.total;
    const ghRequests = ghp.stats.total;
    s3p.setFaultRate(0);
    ghp.setFaultRate(0);

    const manifest = manifestOf(run);
    const failedFiles = [...expected.keys()].filter((p) => !manifest.some((e) => e.path === p));
    // Lost: a link the action handed out that does not serve exactly the file's bytes.
    let lost = 0;
    for (const entry of manifest) {
      const got = await download(entry.url); // signed for the proxy's host: fetched through it, faults off
      if (got.status !== 200 || sha256(got.bytes) !== expected.get(entry.path)) lost++;
    }
    const comments = gh.commentsOn(OWNER, REPO, pr);
    const numbers = {
      files: expected.size,
      bytes: totalBytes,
      s3: { seed: s3p.seed, requests: s3Requests, faulted: Object.values(faultedS3).reduce((a, b) => a + b, 0), byKind: faultedS3 },
      github: { seed: ghp.seed, requests: ghRequests, faulted: Object.values(faultedGh).reduce((a, b) => a + b, 0), byKind: faultedGh },
      retriesLogged: run.stdout.split('\n').filter((l) => l.startsWith('Retrying ')).length,
      lost,
      failedFiles: failedFiles.length,
      duplicateComments: comments.length - 1,
      exitCode: run.code,
      durationMs: run.durationMs,
    };
    console.log(`RELIABILITY ${JSON.stringify(numbers)}`);

    expect({ code: run.code, failedFiles, errors: run.errors }).toEqual({ code: 0, failedFiles: [], errors: [] });
    expect(lost).toBe(0);
    for (const entry of manifest) expect(entry.sha256).toBe(expected.get(entry.path));
    // Exactly one object per file, no more (no stray keys from retries), no fewer; plus the action's own share page and manifest.
    const prefix = prefixOf(manifest, 'build');
    expect(withoutProbe(await listKeys(prefix))).toEqual(
      [...manifest.map((e) => e.key), `${prefix}${SHARE_PAGE}`, `${prefix}${SHARE_QR}`].sort(),
    );
    // The section's manifest, and its record of the comment section (what other jobs restore it from).
    const stored = await listKeys(`${scopeOf(manifest)}${STORED_MANIFESTS}`);
    expect(stored).toHaveLength(2);
    expect(stored.filter((k) => k.includes('/.artifact-links/comment/'))).toHaveLength(1);

    expect(comments).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(comments[0].id));
    expect(new Set(linksIn(comments[0].body))).toEqual(new Set(manifest.map((e) => e.url)));
    // The faults really happened, every kind of them.
    for (const kind of ['500', '503', 'reset-request', 'reset-response', 'delay'] as const) expect(faultedS3[kind]).toBeGreaterThan(0);
    expect(faultedGh['500'] + faultedGh['503']).toBeGreaterThan(0);
  });

  // A retried CompleteMultipartUpload whose first response was lost (the upload did complete) gets 404
  // (S3: NoSuchUpload; s3rver: 404 InternalError); the object is checked instead of failing the file.
  test('a lost CompleteMultipartUpload response is not a failed upload', async () => {
    const ws = workspace();
    const digest = writeBig(ws, 'dist/big.bin', 17 * MiB);
    let completes = 0;
    const s3p = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 1,
      faults: ['reset-response'],
      match: (r) => r.method === 'POST' && r.path.includes('uploadId=') && completes++ === 0, // only the first Complete
    });
    const run = await act('lost-complete', ws, { inputs: { path: 'dist/big.bin', endpoint: s3p.url, comment: 'never' } });
    expect(s3p.stats.faulted['reset-response']).toBe(1);
    expect({ code: run.code, errors: run.errors }).toEqual({ code: 0, errors: [] });
    const [entry] = manifestOf(run);
    expect(entry.sha256).toBe(digest);
    expect(sha256((await download(entry.url)).bytes)).toBe(digest);
  });

  test('a slow store: the QR code is drawn and sent while the share page is still on its way; both work', async () => {
    const ws = workspace();
    write(ws, 'dist/app.txt', 'a slow share page');
    const s3p = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 1,
      faults: ['delay'],
      delayMs: 1_500,
      match: (r) => r.method === 'PUT' && r.path.split('?')[0].endsWith(`/${SHARE_PAGE}`),
    });
    const pr = newPull();
    const from = s3.requests.length;
    const run = ok(await act('slow-share-page', ws, { pr, inputs: { path: 'dist/**', endpoint: s3p.url } }));
    expect(s3p.stats.faulted.delay).toBe(1);
    // s3rver logs each request as it arrives: the QR code's came while the share page's was held.
    const puts = s3.requests
      .slice(from)
      .filter((r) => r.method === 'PUT')
      .map((r) => r.url.split('?')[0]);
    const qrAt = puts.findIndex((u) => u.endsWith(`/${SHARE_QR}`));
    const pageAt = puts.findIndex((u) => u.endsWith(`/${SHARE_PAGE}`));
    expect(qrAt).toBeGreaterThanOrEqual(0);
    expect(pageAt).toBeGreaterThan(qrAt);
    // Both published, both work: the share page from the output, its QR code from the comment.
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    const qrUrl = /<img src="([^"]+)"[^>]*alt="QR code of the share page"/.exec(comment.body)?.[1].replace(/&amp;/g, '&');
    expect(qrUrl).toContain(SHARE_QR);
    const image = await download(qrUrl!);
    expect({ status: image.status, png: image.bytes.subarray(1, 4).toString('latin1') }).toEqual({ status: 200, png: 'PNG' });
    expect((await download(run.outputs['share-url'])).status).toBe(200);
  });

  test('a comment POST whose response is lost (GitHub did create it) still ends with one comment', async () => {
    const ws = workspace();
    write(ws, 'dist/app.txt', 'lost response');
    const ghp = await proxy({
      upstream: gh.url,
      style: 'github',
      faultRate: 1,
      faults: ['reset-response'],
      maxConsecutiveFaultsPerRoute: 1,
      match: (r) => r.method === 'POST' && /\/comments$/.test(r.path),
    });
    const pr = newPull();
    const run = ok(await act('lost-post', ws, { pr, inputs: { path: 'dist/**' }, env: { GITHUB_API_URL: ghp.url } }));
    expect(ghp.stats.faulted['reset-response']).toBe(1);
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    expect(linksIn(comments[0].body)).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(comments[0].id));
  });

  test('retries exhausted on one file: exit 1 naming it, no link for it anywhere, the others work', async () => {
    const ws = workspace();
    const good = { 'dist/a.txt': write(ws, 'dist/a.txt', 'alpha'), 'dist/b.txt': write(ws, 'dist/b.txt', 'bravo') };
    write(ws, 'dist/doomed.txt', 'never stored');
    const s3p = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 1,
      faults: ['503', 'reset-request'],
      seed: 99,
      match: (r) => r.method === 'PUT' && r.path.includes('/doomed.txt'),
    });
    const pr = newPull();
    const run = await act('exhausted', ws, { pr, inputs: { path: 'dist/**', endpoint: s3p.url } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^1 of 3 files was not uploaded, and has no link:\n {2}dist\/doomed\.txt: \w+/);
    expect(s3p.log.filter((r) => r.path.includes('doomed')).length).toBe(5); // s3Retry: 5 attempts
    const manifest = manifestOf(run);
    expect(manifest.map((e) => e.path).sort()).toEqual(Object.keys(good).sort());
    for (const entry of manifest) expect((await download(entry.url)).bytes.equals(good[entry.path as keyof typeof good])).toBe(true);
    expect(run.summary).not.toMatch(/href="[^"]*doomed/);
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(linksIn(comment.body)).toHaveLength(2);
    expect(linksIn(comment.body).some((l) => l.includes('doomed'))).toBe(false);
    expect(comment.body).toContain('1 file failed to upload and has no link');
    // A connection reset after the store was reached is not "Could not reach <host>" (smithy names
    // ECONNRESET/EPIPE 'TimeoutError'): that would send people to the wrong fix.
    expect(run.errors[0]).not.toMatch(/doomed\.txt: .*Could not reach/);
  });

  test('an endpoint on a closed port (ECONNREFUSED) fails fast with a message naming the endpoint', async () => {
    const port = await closedPort();
    const ws = workspace();
    write(ws, 'out/x.txt', 'x');
    const run = await act('refused', ws, { inputs: { path: 'out/**', endpoint: `http://127.0.0.1:${port}`, comment: 'never' } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(new RegExp(`ECONNREFUSED.*Could not reach 127\\.0\\.0\\.1:${port}.*'endpoint'`, 's'));
    expect(manifestOf(run)).toEqual([]);
    expect(run.durationMs).toBeLessThan(20_000);
    console.log(`ECONNREFUSED: failed in ${run.durationMs} ms`);
  });

  // An unreachable endpoint must not cost every file its full retries (behind a blackhole, ~170 s per
  // wave of `concurrency` files): the first file that gives up stops the run.
  test('an unreachable endpoint stops the whole run after the first file gives up, not after every file', async () => {
    const port = await closedPort();
    const ws = workspace();
    for (let i = 0; i < 48; i++) write(ws, `out/f${i}.txt`, `f${i}`);
    const run = await act('refused-many', ws, {
      inputs: { path: 'out/**', endpoint: `http://127.0.0.1:${port}`, comment: 'never', concurrency: '4' },
    });
    console.log(`ECONNREFUSED x48 files at concurrency 4: failed in ${run.durationMs} ms`);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('Retrying ')).length).toBeLessThanOrEqual(4 * 4); // one wave's retries
    expect(run.durationMs).toBeLessThan(10_000);
  });

  test('a re-run overwrites the same keys (the multipart file too) and edits the same comment', async () => {
    const ws = workspace();
    write(ws, 'dist/app.txt', 'first build');
    write(ws, 'dist/notes.md', '# notes');
    const bigDigest = writeBig(ws, 'dist/big.bin', 17 * MiB);
    const pr = newPull();
    const first = ok(await act('rerun-1', ws, { pr, inputs: { path: 'dist/**' } }));
    const m1 = manifestOf(first);
    const prefix = prefixOf(m1, 'build');
    const keysAfterFirst = withoutProbe(await listKeys(prefix));
    expect(keysAfterFirst).toEqual([...m1.map((e) => e.key), `${prefix}${SHARE_PAGE}`, `${prefix}${SHARE_QR}`].sort());
    const manifestsAfterFirst = await listKeys(`${scopeOf(m1)}${STORED_MANIFESTS}`);
    expect(manifestsAfterFirst).toHaveLength(2); // the manifest and the comment section's record

    write(ws, 'dist/app.txt', 'second build');
    const before = s3.requests.length;
    const second = ok(await act('rerun-2', ws, { pr, inputs: { path: 'dist/**' }, env: { GITHUB_RUN_ATTEMPT: '2' } }));
    const requests = s3.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    const m2 = manifestOf(second);
    expect(m2.map((e) => e.key).sort()).toEqual(m1.map((e) => e.key).sort());
    expect(withoutProbe(await listKeys(prefix))).toEqual(keysAfterFirst);
    expect(await listKeys(`${scopeOf(m1)}${STORED_MANIFESTS}`)).toEqual(manifestsAfterFirst);
    // The big file is sent again as it is read (no pass over it before the first request): 3 parts.
    expect(requests.filter((r) => r.startsWith('PUT ') && r.includes('big.bin') && r.includes('partNumber='))).toHaveLength(3);
    const big = m2.find((e) => e.path === 'dist/big.bin')!;
    expect(sha256((await download(big.url)).bytes)).toBe(bigDigest);
    expect((await download(m2.find((e) => e.path === 'dist/app.txt')!.url)).bytes.toString()).toBe('second build');

    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    expect(comments[0].body).toContain('/actions/runs/4242/attempts/2');
  });

  test('8 concurrent matrix legs on one PR and bucket: one comment, 8 sections, disjoint keys, working links', async () => {
    const pr = newPull();
    const legs = Array.from({ length: 8 }, (_, i) => ({ os: `os${i}`, node: 18 + i }));
    const content = new Map<string, Buffer>();
    const results = await Promise.all(
      legs.map(async (matrix, i) => {
        const ws = workspace();
        for (const name of ['app.txt', 'log.txt'])
          content.set(`${i}/${name}`, write(ws, `dist/${name}`, `leg ${i} ${name} ${randomBytes(8).toString('hex')}`));
        return { i, run: await act(`matrix-${i}`, ws, { pr, inputs: { path: 'dist/**', matrix: JSON.stringify(matrix) } }) };
      }),
    );
    const allKeys: string[] = [];
    for (const { i, run } of results) {
      ok(run);
      const manifest = manifestOf(run);
      expect(manifest).toHaveLength(2);
      for (const entry of manifest) {
        expect(entry.key).toMatch(new RegExp(`/build-os${i}-${18 + i}-[0-9a-f]{10}/`));
        allKeys.push(entry.key);
        const got = await download(entry.url);
        expect(got.status).toBe(200);
        expect(got.bytes.equals(content.get(`${i}/${path.basename(entry.path)}`)!)).toBe(true);
      }
    }
    expect(new Set(allKeys).size).toBe(16);
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    for (let i = 0; i < 8; i++) expect(body).toMatch(new RegExp(`section=build-os${i}-${18 + i}-[0-9a-f]{10} `));
    const links = linksIn(body);
    expect(links).toHaveLength(16);
    for (const link of links) expect((await download(link)).status).toBe(200);
  });

  test('a blackholed endpoint (accepts, never answers): exit 1 in bounded time, naming the endpoint', async () => {
    const run = await blackholeRun!;
    console.log(`BLACKHOLE: failed after ${run.durationMs} ms (${blackhole.stats.connections} connections)`);
    expect(run.code).toBe(1);
    // Five attempts of one idle timeout each, plus backoff (at most 0.25 + 0.5 + 1 + 2 s): one file's
    // retries, not one per file.
    expect(run.durationMs).toBeLessThan(5 * BLACKHOLE_IDLE_MS + 4_000 + 10_000);
    expect(run.stdout).toContain(`timed out after ${BLACKHOLE_IDLE_MS} ms`);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(new URL(blackhole.url).host);
    expect(run.errors[0]).toMatch(/'endpoint'/);
    expect(manifestOf(run)).toEqual([]);
  }, 120_000);

  test('secrets: no output of any run above holds the secret key or the session token outside its link', async () => {
    expect(runs.length).toBeGreaterThanOrEqual(10);
    const encodedToken = encodeURIComponent(SESSION_TOKEN);
    const texts: { where: string; text: string }[] = [];
    for (const { label, run } of runs) {
      const masks = run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
      // The runner learns the secrets from these lines; they must come before any other use.
      expect({ label, masks: masks.map((l) => l.slice('::add-mask::'.length)) }).toEqual({
        label,
        masks: expect.arrayContaining([SECRET_KEY, SESSION_TOKEN]),
      });
      const stdout = run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      texts.push(
        { where: `${label} stdout`, text: stdout },
        { where: `${label} stderr`, text: run.stderr },
        { where: `${label} summary`, text: run.summary },
      );
      for (const [name, value] of Object.entries(run.outputs)) texts.push({ where: `${label} output ${name}`, text: value });
    }
    for (const pr of prs) for (const c of gh.commentsOn(OWNER, REPO, pr)) texts.push({ where: `comment on #${pr}`, text: c.body });

    const forms = (s: string) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64'), JSON.stringify(s).slice(1, -1)];
    const leaks: string[] = [];
    let tokensInLinks = 0;
    for (const { where, text } of texts) {
      for (const form of forms(SECRET_KEY)) if (text.includes(form)) leaks.push(`${where}: secret access key`);
      // A presigned link made with temporary credentials must carry the token (SigV4); nowhere else may.
      const outsideLinks = text.replace(/X-Amz-Security-Token=([^&\s)"'<]+)/g, (_, value: string) => {
        expect(value).toBe(encodedToken);
        tokensInLinks++;
        return 'X-Amz-Security-Token=<in-link>';
      });
      for (const form of forms(SESSION_TOKEN)) if (outsideLinks.includes(form)) leaks.push(`${where}: session token`);
    }
    expect(leaks).toEqual([]);
    expect(tokensInLinks).toBeGreaterThan(0);
  });

  // Links signed with temporary credentials carry the session token, which the action (and
  // configure-aws-credentials) masks; the runner scrubs masked values (URL-encoded too) from job
  // summaries, so such links would read X-Amz-Security-Token=*** there and fail. They stay out.
  test('links holding a session token stay out of the job summary, which says where they are', async () => {
    const tokenRuns = runs.filter((r) => (r.run.outputs.manifest ?? '').includes('X-Amz-Security-Token'));
    expect(tokenRuns.length).toBeGreaterThan(0);
    for (const { run } of tokenRuns) {
      expect(run.summary).not.toContain('X-Amz-Security-Token');
      expect(run.summary).not.toContain(encodeURIComponent(SESSION_TOKEN));
      expect(run.summary).toContain(run.outputs['comment-id'] ? 'in the PR comment' : 'in the manifest output');
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
