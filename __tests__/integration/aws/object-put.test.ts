/** Plain signed PUTs (object-put.ts) against the SigV4-verifying local S3 server: every key shape, both digests, its errors. */
import { createHash } from 'node:crypto';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../../scripts/lib/s3-server.mjs';
import { createObjectPut } from '../../../src/aws/object-put.js';
import { createPresigner } from '../../../src/aws/presign.js';
import { createS3Client, type StoreTarget } from '../../../src/aws/s3-client.js';

const BUCKET = 'put-bucket';
// Keys as the planner makes them: no empty, '.' or '..' segment (keys.ts refuses those before any upload).
const KEYS = [
  'simple.txt',
  'dir/sub dir/file with spaces.txt',
  'unicode/été/naïve-日本語.txt',
  'emoji/😀🚀 party.png',
  'chars/+&=%#?\'()!*~@$,;:[]{}|^`"<>\\.bin',
  'pct%2Fnot-a-slash%20.txt',
  'dots.../...x/.hidden',
];
const KEYS_OK = { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY };

let s3: LocalS3;
let target: StoreTarget;
beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  target = { bucket: BUCKET, region: 'us-east-1', endpoint: new URL(s3.endpoint), forcePathStyle: true };
});
afterAll(async () => {
  await s3?.stop();
});

test.each(['sha256', 'md5'] as const)('every key shape is stored with its bytes and headers (body proved by %s)', async (digest) => {
  const client = createS3Client(target, KEYS_OK, 4);
  const put = createObjectPut(client, target);
  const presign = createPresigner(target, KEYS_OK);
  try {
    for (const key of KEYS.map((k) => `${digest}/${k}`)) {
      const body = Buffer.from(`bytes of ${key}\n`);
      const answer = await put({
        key,
        body,
        contentType: 'text/plain; charset=utf-8',
        contentDisposition: "attachment; filename*=UTF-8''x%20y.txt",
        ...(digest === 'sha256'
          ? { sha256: createHash('sha256').update(body).digest('hex') }
          : { md5: createHash('md5').update(body).digest('base64') }),
      });
      expect(answer.ETag?.replace(/"/g, '')).toBe(createHash('md5').update(body).digest('hex'));
      const got = await fetch(await presign(key, 60));
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer())).toEqual(body);
      expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''x%20y.txt");
    }
  } finally {
    client.destroy();
  }
});

test("the store's refusals come back named as the SDK names them", async () => {
  const body = Buffer.from('x');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const input = { key: 'refused.txt', body, contentType: 'text/plain', contentDisposition: 'attachment', sha256 };
  const wrongSecret = createS3Client(target, { ...KEYS_OK, secretAccessKey: 'not-the-secret' }, 1);
  await expect(createObjectPut(wrongSecret, target)(input)).rejects.toMatchObject({
    name: 'SignatureDoesNotMatch',
    $metadata: { httpStatusCode: 403 },
  });
  wrongSecret.destroy();
  const other = { ...target, bucket: 'no-such-bucket' };
  const client = createS3Client(other, KEYS_OK, 1);
  await expect(createObjectPut(client, other)(input)).rejects.toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
  client.destroy();
});

test('an endpoint nobody listens on fails with the network error code', async () => {
  const closed = { ...target, endpoint: new URL('http://127.0.0.1:9') };
  const client = createS3Client(closed, KEYS_OK, 1);
  const body = Buffer.from('x');
  await expect(
    createObjectPut(client, closed)({ key: 'k', body, contentType: 'text/plain', contentDisposition: 'attachment', md5: 'eA==' }),
  ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  client.destroy();
});
