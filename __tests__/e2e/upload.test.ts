/**
 * End to end: the bundled action (dist/index.js), run the way the runner runs it, against a local
 * S3 server that verifies SigV4 signatures and expiry. Every link is downloaded, as a reviewer would.
 */
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { ManifestEntry } from '../../src/links/manifest-entry.js';
import { sha256, writeBig } from '../support/files.js';

const BUCKET = 'e2e-artifacts';
let s3: LocalS3;
let workspace: string;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
});
afterAll(async () => {
  await s3?.stop();
});
beforeEach(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
});
afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
});

function write(rel: string, content: string | Buffer): Buffer {
  const file = path.join(workspace, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  writeFileSync(file, bytes);
  return bytes;
}

function act(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    inputs: { bucket: BUCKET, endpoint: s3.endpoint, comment: 'never', ...inputs },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, ...env },
  });
}

function manifestOf(run: ActionRun): ManifestEntry[] {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.outputs.manifest) as ManifestEntry[];
}

async function download(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

describe('upload and presign, end to end', () => {
  test('every link downloads exactly the uploaded bytes with the right Content-Type and Content-Disposition', async () => {
    const files: Record<string, { bytes: Buffer; type: string; disposition: string }> = {};
    const add = (rel: string, content: string | Buffer, type: string, disposition: string) =>
      (files[rel] = { bytes: write(rel, content), type, disposition });
    add('out/report.txt', 'all green\n', 'text/plain; charset=utf-8', 'inline; filename="report.txt"');
    add('out/site/index.html', '<h1>preview</h1>', 'text/html; charset=utf-8', 'inline; filename="index.html"');
    add('out/data.json', '{"a":1}', 'application/json; charset=utf-8', 'inline; filename="data.json"');
    add('out/img/logo.png', Buffer.from('89504e470d0a1a0a0000', 'hex'), 'image/png', 'inline; filename="logo.png"');
    add('out/app.zip', Buffer.alloc(5000, 7), 'application/zip', 'attachment; filename="app.zip"');
    add('out/empty.bin', Buffer.alloc(0), 'application/octet-stream', 'attachment; filename="empty.bin"');
    add(
      'out/naïve résumé.txt',
      'unicode',
      'text/plain; charset=utf-8',
      `inline; filename="na_ve r_sum_.txt"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.txt`,
    );

    const run = await act({ path: 'out' });
    const manifest = manifestOf(run);
    expect(manifest.map((e) => e.path).sort()).toEqual(Object.keys(files).sort());
    expect(run.outputs.count).toBe(String(manifest.length));
    expect(Number(run.outputs['total-bytes'])).toBe(Object.values(files).reduce((n, f) => n + f.bytes.length, 0));
    for (const entry of manifest) {
      const expected = files[entry.path];
      expect(entry.key).toMatch(/^octo-org\/demo-app\/ref-main\/4f6c1b2\/build-[0-9a-f]{10}\//);
      expect(entry.key.split('/').slice(5).join('/')).toBe(entry.path.replace(/^out\//, ''));
      expect(entry.sha256).toBe(sha256(expected.bytes));
      expect(entry.url).toContain('X-Amz-SignedHeaders=host&');
      expect(entry.url).not.toMatch(/checksum-mode/i);
      const got = await download(entry.url);
      expect({ path: entry.path, status: got.status }).toEqual({ path: entry.path, status: 200 });
      expect(sha256(got.bytes)).toBe(entry.sha256);
      expect(got.headers.get('content-type')).toBe(expected.type);
      expect(got.headers.get('content-disposition')).toBe(expected.disposition);
    }
    expect(run.summary).toContain('Download');
    expect(run.summary).toContain(run.outputs['expires-at'].slice(0, 10));
  });

  test("keys with spaces, unicode, emoji and +&=%#?' round-trip through the link", async () => {
    const names = [
      'with space.txt',
      'ünïcødé/日本語.txt',
      'emoji 🚀✨.txt',
      "plus+amp&eq=pct%hash#q?apos'.txt",
      'brackets [x] (y) {z}.txt',
      'a/b/c/deep.txt',
    ];
    const bytes = Object.fromEntries(names.map((n, i) => [`art/${n}`, write(`art/${n}`, `content ${i} ${n}`)]));
    const manifest = manifestOf(await act({ path: 'art/**' }));
    expect(manifest).toHaveLength(names.length);
    for (const entry of manifest) {
      expect(entry.key.endsWith(entry.path.slice('art/'.length))).toBe(true);
      const got = await download(entry.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes[entry.path])).toBe(true);
    }
  });

  test('a link with a tampered signature is refused', async () => {
    write('t/file.txt', 'secret build');
    const [entry] = manifestOf(await act({ path: 't/file.txt' }));
    expect((await download(entry.url)).status).toBe(200);
    const tampered = entry.url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
    expect(tampered).not.toBe(entry.url);
    expect((await download(tampered)).status).toBe(403);
    const otherKey = entry.url.replace('file.txt', 'other.txt');
    expect((await download(otherKey)).status).toBe(403);
  });

  test('expires-in: 2s gives a link that works, then is refused after expiry, as stated', async () => {
    write('x/short.txt', 'short-lived');
    const run = await act({ path: 'x/short.txt', 'expires-in': '2s' });
    const [entry] = manifestOf(run);
    expect(entry.url).toContain('X-Amz-Expires=2&');
    expect(run.outputs['expires-at']).toBe(entry.expiresAt);
    const expiresAt = Date.parse(entry.expiresAt);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(2000);
    expect((await download(entry.url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 1500));
    expect((await download(entry.url)).status).toBe(403);
  });

  test('expires-in: 8d is clamped to 7 days with a warning that says why', async () => {
    write('c/file.txt', 'x');
    const run = await act({ path: 'c/file.txt', 'expires-in': '8d' });
    const [entry] = manifestOf(run);
    expect(entry.url).toContain('X-Amz-Expires=604800&');
    expect(run.warnings.join('\n')).toMatch(/8d exceeds the 7-day maximum/);
    const lifetime = Date.parse(entry.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(604_800_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(604_800_000);
    expect((await download(entry.url)).status).toBe(200);
  });

  test('globs with exclusions select exactly the expected files', async () => {
    for (const f of [
      'build/app.js',
      'build/app.js.map',
      'build/css/site.css',
      'build/logs/debug.log',
      'build/tmp/x.tmp',
      'docs/readme.md',
      'other.txt',
    ])
      write(f, f);
    const manifest = manifestOf(await act({ path: 'build/**\n!build/**/*.map\n!build/logs/\n!**/*.tmp\ndocs/*.md' }));
    expect(manifest.map((e) => e.path).sort()).toEqual(['build/app.js', 'build/css/site.css', 'docs/readme.md']);
    // Several search paths: keys keep the structure relative to their common root (the workspace).
    expect(manifest.find((e) => e.path === 'docs/readme.md')?.key).toMatch(/\/build-[0-9a-f]{10}\/docs\/readme\.md$/);
  });

  test('a 64 MiB file goes multipart and streams: memory does not grow with the file size', async () => {
    const MiB = 1024 * 1024;
    const size = 64 * MiB + 12345;
    const digest = writeBig(workspace, 'big/blob.bin', size);
    const before = s3.requests.length;
    const run = await act({ path: 'big/blob.bin' });
    const [entry] = manifestOf(run);
    const requests = s3.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    expect(requests.filter((r) => /^PUT .*partNumber=/.test(r))).toHaveLength(9); // 8 MiB parts
    expect(requests.filter((r) => /^POST .*\?uploads/.test(r))).toHaveLength(1);
    expect(requests.filter((r) => /^POST .*uploadId=/.test(r))).toHaveLength(1); // complete
    expect(entry.sha256).toBe(digest);
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
    });
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: entry.key }));
    client.destroy();
    expect(head.ContentLength).toBe(size);
    // The object records the upload that made it (how a lost CompleteMultipartUpload response is confirmed).
    expect(head.Metadata?.upload).toMatch(/^[0-9a-f-]{36}$/);
    const got = await download(entry.url);
    expect(sha256(got.bytes)).toBe(entry.sha256);

    // Four times the bytes: if the upload held files (or parts) in memory, the peak would follow.
    const bigger = 256 * MiB;
    writeBig(workspace, 'big/blob.bin', bigger);
    const run4 = await act({ path: 'big/blob.bin' });
    expect(run4.code).toBe(0);
    expect(run.peakRssBytes).toBeGreaterThan(0);
    expect(run4.peakRssBytes - run.peakRssBytes).toBeLessThan(64 * MiB);
    expect(run4.peakRssBytes).toBeLessThan(bigger * 0.75);
  });

  test('bad input: one clear error naming the input and the fix, exit 1, no outputs', async () => {
    write('b/file.txt', 'x');
    const run = await act({ path: 'b/file.txt', 'expires-in': '7 days' });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/Input 'expires-in' is '7 days'.*7d/)]);
    expect(run.outputs.manifest).toBeUndefined();
  });

  test('an upload failure names the file and the S3 error, and reports no link', async () => {
    write('f/file.txt', 'x');
    const run = await act({ path: 'f/file.txt', bucket: 'no-such-bucket' });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/f\/file\.txt: NoSuchBucket.*check 'bucket', 'region' and 'endpoint'/s);
    expect(JSON.parse(run.outputs.manifest)).toEqual([]);
    expect(run.outputs.count).toBe('0');
    expect(run.summary).not.toContain('X-Amz-Signature');
  });

  test('if-no-files-found: warn by default, error when asked', async () => {
    const warn = await act({ path: 'nothing/**' });
    expect(warn.code).toBe(0);
    expect(warn.warnings.join()).toMatch(/No files were found/);
    const error = await act({ path: 'nothing/**', 'if-no-files-found': 'error' });
    expect(error.code).toBe(1);
    expect(error.errors.join()).toMatch(/No files were found.*if-no-files-found: error/);
  });
});
