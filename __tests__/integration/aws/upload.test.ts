/**
 * uploadAll against the local S3 server: progress lines while uploading (interval injected, not
 * timed), and files read while the store's answer to the body check is on its way.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../../scripts/lib/s3-server.mjs';
import { createS3Client } from '../../../src/aws/s3-client.js';
import type { BodyCheck } from '../../../src/aws/body-check.js';
import { uploadAll, UploadPlan } from '../../../src/aws/upload.js';

let s3: LocalS3;
let dir: string;
beforeAll(async () => {
  s3 = await startS3Server({ buckets: ['progress-bucket'] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'progress-'));
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('reports files done, bytes and rate while uploading, and a final line', async () => {
  const plans: UploadPlan[] = Array.from({ length: 12 }, (_, i) => {
    const absolutePath = path.join(dir, `f${i}.bin`);
    const size = i === 0 ? 3 * 1024 * 1024 : 1024; // one file over the 1 MiB single-read size
    writeFileSync(absolutePath, Buffer.alloc(size, i));
    return {
      file: { absolutePath, relativePath: `f${i}.bin`, displayPath: `f${i}.bin`, size },
      key: `p/f${i}.bin`,
      contentType: 'application/octet-stream',
      contentDisposition: 'attachment',
    };
  });
  const target = { bucket: 'progress-bucket', region: 'us-east-1', endpoint: new URL(s3.endpoint), forcePathStyle: true };
  const client = createS3Client(target, { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY }, 2);
  const lines: string[] = [];
  const result = await uploadAll(plans, {
    client,
    target,
    concurrency: 2,
    partSize: 16 * 1024 * 1024,
    bodyCheck: 'content-md5',
    sleep: async () => undefined,
    log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`) },
    progressIntervalMs: 1,
  });
  client.destroy();
  expect(result.failed).toEqual([]);
  expect(result.uploaded).toHaveLength(12);
  const progress = lines.filter((l) => /^Uploaded \d+\/12 files, [\d.]+ of 3\.0 MiB \([\d.]+ MiB\/s\)$/.test(l));
  expect(progress.length).toBeGreaterThanOrEqual(2); // at least one periodic line, then the final one
  expect(progress[progress.length - 1]).toMatch(/^Uploaded 12\/12 files, 3\.0 of 3\.0 MiB/);
});

/** The files this process has open (Linux). */
function openFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return []; // closed meanwhile
    }
  });
}

test("files are read while the body check's answer is awaited, and nothing is sent before it", async () => {
  const absolutePath = path.join(dir, 'early.bin');
  const size = 2 * 1024 * 1024; // above the single-read size: read through a file handle
  writeFileSync(absolutePath, Buffer.alloc(size, 7));
  const plan: UploadPlan = {
    file: { absolutePath, displayPath: 'early.bin', size },
    key: 'p/early.bin',
    contentType: 'application/octet-stream',
    contentDisposition: 'attachment',
  };
  const target = { bucket: 'progress-bucket', region: 'us-east-1', endpoint: new URL(s3.endpoint), forcePathStyle: true };
  const client = createS3Client(target, { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY }, 2);
  let answer: (check: BodyCheck) => void = () => undefined;
  const bodyCheck = new Promise<BodyCheck>((resolve) => (answer = resolve));
  const sentBefore = s3.requests.length;
  const uploading = uploadAll([plan], {
    client,
    target,
    concurrency: 2,
    partSize: 16 * 1024 * 1024,
    bodyCheck,
    sleep: async () => undefined,
    log: { info: () => undefined, warning: () => undefined },
    progressIntervalMs: 60_000,
  });
  try {
    for (let i = 0; i < 500 && !openFiles().includes(absolutePath); i++) await new Promise((r) => setTimeout(r, 10));
    expect(openFiles()).toContain(absolutePath);
    expect(s3.requests.slice(sentBefore)).toEqual([]);
  } finally {
    answer('content-md5');
  }
  const result = await uploading;
  client.destroy();
  expect(result.failed).toEqual([]);
  expect(result.uploaded.map((u) => u.size)).toEqual([size]);
  expect(s3.requests.slice(sentBefore).map((r) => r.method)).toEqual(['PUT']);
});
