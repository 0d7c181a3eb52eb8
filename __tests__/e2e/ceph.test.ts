/**
 * The bundled action (dist/index.js) against a real Ceph RADOS Gateway (Debian's radosgw, ceph-mon,
 * ceph-osd; see scripts/lib/ceph.mjs) and the GitHub fake: uploads with Unicode names and multipart,
 * every link downloaded and compared, expiry and tampering refused by Ceph, refresh, cleanup, bytes
 * corrupted in flight, and Ceph's terse errors made readable.
 *
 * Without the Ceph binaries the suite is skipped, saying so; with CI set, their absence fails it.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CEPH_ACCESS_KEY, CEPH_SECRET_KEY, LocalCeph, cephClient, startCeph } from '../../scripts/lib/ceph.mjs';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { ManifestEntry } from '../../src/links/manifest-entry.js';
import { FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { describeIfCeph } from '../support/ceph.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import { writeBig } from '../support/files.js';

const MiB = 1024 * 1024;
const BUCKET = 'ceph-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

let ceph: LocalCeph;
let gh: GitHubFake;
let s3: S3Client;
let nextPr = 300;
const dirs: string[] = [];
const proxies: FaultProxy[] = [];

describeIfCeph('a real Ceph RADOS Gateway', () => {
  beforeAll(async () => {
    [ceph, gh] = await Promise.all([startCeph({ buckets: [BUCKET] }), startGitHubFake({ latencyMs: 2 })]);
    gh.addRepo(OWNER, REPO, { private: true });
    s3 = cephClient(ceph.endpoint);
  }, 120_000);

  afterAll(async () => {
    s3?.destroy();
    await Promise.all(proxies.map((p) => p.close()));
    await gh?.close();
    await ceph?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(gh.violations).toEqual([]);
  });

  describe('upload, links, refresh and cleanup', () => {
    const NAMES = ['dist/résumé ✓ 报告.md', 'dist/日本語/データ.json', 'dist/emoji 🎉 + 100% & more.txt', 'dist/Ünïcödé/ß ø å.html'];
    let ws: string;
    let pr: number;
    let uploaded: ActionRun;
    const hashes = new Map<string, string>();

    beforeAll(async () => {
      ws = workspace();
      for (const [i, name] of NAMES.entries()) hashes.set(name, put(ws, name, `file ${i}: ${name}\n`));
      hashes.set('dist/three-mib.bin', writeBig(ws, 'dist/three-mib.bin', 3 * MiB)); // streamed, one PutObject
      hashes.set('dist/multipart.bin', writeBig(ws, 'dist/multipart.bin', 40 * MiB + 123)); // six 8 MiB parts
      pr = newPull();
      uploaded = await act(ws, { pr });
    }, 120_000);

    test('every file is uploaded, and every link downloads exactly its bytes', async () => {
      expect(ok(uploaded).errors).toEqual([]);
      const manifest = manifestOf(uploaded);
      expect(manifest.map((e) => e.path).sort()).toEqual([...hashes.keys()].sort());
      for (const entry of manifest) {
        expect(entry.sha256).toBe(hashes.get(entry.path));
        const got = await download(entry.url);
        expect({ path: entry.path, status: got.status }).toEqual({ path: entry.path, status: 200 });
        expect(sha256(got.bytes)).toBe(hashes.get(entry.path));
        expect(got.bytes.length).toBe(entry.size);
        expect(got.headers.get('content-type')).toBe(entry.contentType);
      }
      // The multipart upload really was one: Ceph's ETag of a multipart object ends in -<parts>.
      const big = manifest.find((e) => e.path === 'dist/multipart.bin')!;
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: big.key }));
      expect(listed.Contents?.[0]?.ETag).toMatch(/-6"$/); // S3-style: the parts checked one by one
    });

    test("the comment's links are the manifest's", () => {
      const [comment] = gh.commentsOn(OWNER, REPO, pr);
      const links = linksIn(comment.body ?? '');
      expect(links.sort()).toEqual(
        manifestOf(uploaded)
          .map((e) => e.url)
          .sort(),
      );
    });

    test('Ceph refuses a tampered link: signature, key, lifetime, or no signature at all', async () => {
      const manifest = manifestOf(uploaded);
      const [a, b] = manifest.filter((e) => e.size < MiB);
      expect((await download(a.url)).status).toBe(200);
      const url = new URL(a.url);
      const signature = url.searchParams.get('X-Amz-Signature')!;
      const tampered = {
        signature: withParam(a.url, 'X-Amz-Signature', signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0')),
        // Another object's key with this link's signature.
        key: `${new URL(b.url).origin}${new URL(b.url).pathname}${url.search}`,
        lifetime: withParam(a.url, 'X-Amz-Expires', String(Number(url.searchParams.get('X-Amz-Expires')) + 60)),
        unsigned: `${url.origin}${url.pathname}`,
      };
      for (const [what, link] of Object.entries(tampered)) {
        const got = await download(link);
        expect({ what, status: got.status }).toEqual({ what, status: 403 });
        expect(got.bytes.toString()).toMatch(/<Code>(SignatureDoesNotMatch|AccessDenied)<\/Code>/);
      }
    });

    test('refresh re-signs every link, and the new links download the same bytes', async () => {
      const refreshed = ok(await act(ws, { pr, inputs: { mode: 'refresh', path: '', 'expires-in': '2d' } }));
      const before = manifestOf(uploaded);
      const after = manifestOf(refreshed);
      expect(after.map((e) => e.key).sort()).toEqual(before.map((e) => e.key).sort());
      for (const entry of after) {
        expect(entry.url).toContain('X-Amz-Expires=172800&');
        expect(before.find((e) => e.key === entry.key)!.url).not.toBe(entry.url);
        const got = await download(entry.url);
        expect(got.status).toBe(200);
        expect(sha256(got.bytes)).toBe(hashes.get(entry.path));
      }
      const [comment] = gh.commentsOn(OWNER, REPO, pr);
      expect(linksIn(comment.body ?? '').sort()).toEqual(after.map((e) => e.url).sort());
    }, 60_000);

    test('cleanup deletes every object of the pull request, and its links stop working', async () => {
      const manifest = manifestOf(uploaded);
      const cleaned = ok(await act(ws, { pr, inputs: { mode: 'cleanup', path: '' } }));
      expect(Number(cleaned.outputs.count)).toBe(manifest.length);
      const scope = `${OWNER}/${REPO}/pr-${pr}/`;
      expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: scope }))).KeyCount).toBe(0);
      for (const entry of manifest) expect((await download(entry.url)).status).toBe(404);
      const [comment] = gh.commentsOn(OWNER, REPO, pr);
      expect(linksIn(comment.body ?? '')).toEqual([]);
    }, 60_000);
  });

  test('Ceph refuses a link once it has expired', async () => {
    const ws = workspace();
    const hash = put(ws, 'dist/short.txt', 'short-lived\n');
    const run = ok(await act(ws, { inputs: { 'expires-in': '3s' } }));
    const [entry] = manifestOf(run);
    expect(entry.url).toContain('X-Amz-Expires=3&');
    const fresh = await download(entry.url);
    expect(fresh.status).toBe(200);
    expect(sha256(fresh.bytes)).toBe(hash);
    // X-Amz-Date has whole seconds; wait until a full second past the advertised expiry.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(entry.expiresAt) + 1_500 - Date.now())));
    const late = await download(entry.url);
    expect(late.status).toBe(403);
    expect(late.bytes.toString()).toMatch(/<Code>AccessDenied<\/Code>/);
  }, 30_000);

  // Ceph checks each body against the SHA-256 in its signature (400 XAmzContentSHA256Mismatch), so the
  // action sends that and no MD5: the probe finds this out, and these bodies prove Ceph acts on it.
  describe('bytes corrupted between the action and Ceph', () => {
    test.each([
      ['a 3 MiB PutObject', 'dist/three-mib.bin', 3 * MiB, (p: string) => p.includes('/three-mib.bin') && !p.includes('uploadId=')],
      ['part 2 of a 24 MiB multipart upload', 'dist/multipart.bin', 24 * MiB, (p: string) => /[?&]partNumber=2(&|$)/.test(p)],
    ])(
      '%s: that file fails with a clear message, and no link to it is published',
      async (_label, name, size, target) => {
        const ws = workspace();
        const okHash = put(ws, 'dist/fine.txt', 'untouched\n');
        writeBig(ws, name, size);
        const proxy = await startFaultProxy({
          upstream: ceph.endpoint,
          style: 's3',
          // One byte past the first MiB of the body, on every attempt: a retry cannot get it through.
          corrupt: (r) => (r.method === 'PUT' && target(r.path) ? MiB + 4242 : undefined),
        });
        proxies.push(proxy);
        const pr = newPull();
        const run = await act(ws, { pr, endpoint: proxy.url });
        const corrupted = proxy.log.filter((e) => e.fault === 'corrupt');
        expect(corrupted.length).toBeGreaterThan(0);
        expect(corrupted.every((e) => e.corruptedAt === MiB + 4242)).toBe(true);

        expect(run.code).toBe(1);
        expect(run.errors.join('\n')).toContain(name);
        expect(run.stdout).toContain('The store checks each upload against its signed SHA-256.');
        expect(run.errors.join('\n')).toMatch(new RegExp(`${name}: XAmzContentSHA256Mismatch`));
        expect(run.errors.join('\n')).not.toContain('UnknownError');
        // The intact file still gets its link; the corrupted one gets none, anywhere.
        const manifest = JSON.parse(run.outputs.manifest ?? '[]') as ManifestEntry[];
        expect(manifest.map((e) => e.path)).toEqual(['dist/fine.txt']);
        expect(manifest[0].sha256).toBe(okHash);
        expect(sha256((await download(manifest[0].url)).bytes)).toBe(okHash);
        const leaf = path.basename(name);
        expect(run.summary).not.toMatch(new RegExp(`href="[^"]*${leaf}`));
        const [comment] = gh.commentsOn(OWNER, REPO, pr);
        expect(linksIn(comment?.body ?? '').filter((l) => l.includes(leaf))).toEqual([]);
      },
      90_000,
    );

    test('changed once: the part is sent again from memory, and the link serves the right bytes', async () => {
      const ws = workspace();
      const hash = writeBig(ws, 'dist/once.bin', 12 * MiB + 4);
      let flipped = 0;
      const proxy = await startFaultProxy({
        upstream: ceph.endpoint,
        style: 's3',
        corrupt: (r) => (r.method === 'PUT' && /[?&]partNumber=1(&|$)/.test(r.path) && flipped++ === 0 ? 10 : undefined),
      });
      proxies.push(proxy);
      const run = await act(ws, { endpoint: proxy.url });
      expect(run.code).toBe(0);
      expect(proxy.log.filter((e) => e.corruptedAt === 10)).toHaveLength(1);
      expect(run.stdout).toMatch(/Retrying dist\/once\.bin \(attempt 2\) in \d+ ms after XAmzContentSHA256Mismatch/);
      const [entry] = JSON.parse(run.outputs.manifest ?? '[]') as ManifestEntry[];
      expect(entry.sha256).toBe(hash);
      expect(sha256((await download(entry.url)).bytes)).toBe(hash);
    }, 90_000);
  });

  describe("Ceph's terse errors (an empty <Message>) read as the code and the HTTP status in words", () => {
    test('a missing bucket', async () => {
      const ws = workspace();
      put(ws, 'dist/a.txt', 'alpha');
      const run = await act(ws, { inputs: { bucket: 'no-such-bucket-here' } });
      expect(run.code).toBe(1);
      const text = run.errors.join('\n');
      expect(text).toContain('NoSuchBucket (HTTP 404 Not Found)');
      expect(text).toContain(
        `Bucket 'no-such-bucket-here' was not found at ${new URL(ceph.endpoint).host}: check 'bucket', 'region' and 'endpoint'.`,
      );
      expect(`${run.stdout}${run.stderr}`).not.toContain('UnknownError');
      expect(run.outputs.manifest ?? '').not.toContain('X-Amz-Signature');
    });

    test.each([
      [
        'a wrong secret key',
        { AWS_SECRET_ACCESS_KEY: 'not-the-secret' },
        'SignatureDoesNotMatch (HTTP 403 Forbidden)',
        'secret access key is wrong',
      ],
      [
        'an unknown access key',
        { AWS_ACCESS_KEY_ID: 'NOSUCHKEY0000000000' },
        'InvalidAccessKeyId (HTTP 403 Forbidden)',
        'access key ID is not known',
      ],
    ])('%s', async (_label, env, code, fix) => {
      const ws = workspace();
      put(ws, 'dist/a.txt', 'alpha');
      const run = await act(ws, { env });
      expect(run.code).toBe(1);
      const text = run.errors.join('\n');
      expect(text).toContain(code);
      expect(text).toContain(fix);
      expect(`${run.stdout}${run.stderr}`).not.toContain('UnknownError');
      expect(run.outputs.manifest ?? '').not.toContain('X-Amz-Signature');
    });
  });
});

function workspace(): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'ceph-ws-'));
  dirs.push(ws);
  return ws;
}

function put(ws: string, rel: string, content: string): string {
  const file = path.join(ws, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return sha256(readFileSync(file));
}

function newPull(): number {
  const pr = nextPr++;
  gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
  return pr;
}

interface Act {
  pr?: number;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  endpoint?: string;
}

function act(ws: string, o: Act = {}): Promise<ActionRun> {
  const event =
    o.pr !== undefined
      ? { pull_request: { number: o.pr, head: { sha: HEAD, ref: 'feature/ceph' } }, repository: { private: true } }
      : { repository: { private: true } };
  return runAction({
    cwd: ws,
    eventName: o.pr !== undefined ? 'pull_request' : 'push',
    event,
    inputs: {
      path: 'dist/**',
      bucket: BUCKET,
      endpoint: o.endpoint ?? ceph.endpoint,
      region: 'us-east-1',
      'github-token': 'ghs_test',
      ...(o.pr === undefined ? { comment: 'never' } : {}),
      ...o.inputs,
    },
    env: { AWS_ACCESS_KEY_ID: CEPH_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: CEPH_SECRET_KEY, GITHUB_API_URL: gh.url, ...o.env },
    timeoutMs: 90_000,
  });
}

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0)
    throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}\nCeph logs: ${JSON.stringify(ceph.logs(), null, 1)}`);
  return run;
}

function manifestOf(run: ActionRun): ManifestEntry[] {
  return JSON.parse(ok(run).outputs.manifest) as ManifestEntry[];
}

/** The file links of a comment: each row's file name links to its file, titled by what a click does. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/\]\((http[^)\s]+) "(?:Open in the browser|Download)"\)/g)].map((m) => m[1]);
}

/** `link` with one query parameter's value replaced, every other byte as signed. */
function withParam(link: string, name: string, value: string): string {
  const changed = link.replace(new RegExp(`([?&]${name}=)[^&]*`), `$1${value}`);
  expect(changed).not.toBe(link);
  return changed;
}

async function download(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
