/** uploadAll against the local S3 server: progress lines while uploading (interval injected, not timed). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../../scripts/lib/s3-server.mjs';
import { createS3Client } from '../../../src/aws/s3-client.js';
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
