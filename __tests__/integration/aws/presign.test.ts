/** Presigned links against a SigV4-verifying S3 server (s3rver): they download, and they expire. */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresigner } from '../../../src/aws/presign.js';
import type { Credentials as PresignCredentials, StoreTarget as PresignTarget } from '../../../src/aws/s3-client.js';

const KEYS = [
  'simple.txt',
  'dir/sub dir/file with spaces.txt',
  'unicode/été/naïve-日本語.txt',
  'emoji/😀🚀 party.png',
  'chars/+&=%#?\'()!*~@$,;:[]{}|^`"<>\\.bin',
  'pct%2Fnot-a-slash%20.txt',
  'a//b.txt',
  '/leading-slash.txt',
  'dots.../...x/.hidden',
  // ~1 KB, the S3 maximum, in segments short enough for s3rver's file store.
  `long/${`${'x'.repeat(200)}/`.repeat(4)}end.txt`,
];

interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverServer;

describe('links work against a SigV4-verifying S3 server (s3rver)', () => {
  const BUCKET = 'test-bucket';
  const S3RVER_KEYS: PresignCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  let server: S3rverServer;
  let directory: string;
  let endpoint: URL;
  const bodies = new Map<string, Buffer>();
  // s3rver's router cannot address keys with empty segments (`a//b`, `/x`), which real S3 serves.
  const PEER_KEYS = KEYS.filter((key) => !key.split('/').includes(''));

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'presign-s3rver-'));
    // The package has no type declarations; a non-literal specifier keeps tsc from looking for them.
    const specifier: string = '@20minutes/s3rver';
    const { default: S3rver } = (await import(specifier)) as { default: S3rverConstructor };
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    endpoint = new URL(`http://127.0.0.1:${port}`);

    const client = new S3Client({
      forcePathStyle: true,
      endpoint: endpoint.href,
      region: 'us-east-1',
      credentials: S3RVER_KEYS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    try {
      for (const [i, key] of PEER_KEYS.entries()) {
        const body = Buffer.concat([Buffer.from(`object ${i}: ${key}\n`), Buffer.from([0, 255, 128, i])]);
        await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
        bodies.set(key, body);
      }
    } finally {
      client.destroy();
    }
  });

  afterAll(async () => {
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const target = (): PresignTarget => ({ endpoint, bucket: BUCKET, region: 'us-east-1', forcePathStyle: true });

  test.each([
    ['access key only', S3RVER_KEYS],
    ['with a session token', { ...S3RVER_KEYS, sessionToken: 'session/token+=' }],
  ])('every key downloads byte for byte (%s)', async (_label, creds) => {
    const presign = createPresigner(target(), creds);
    for (const key of PEER_KEYS) {
      const response = await fetch(await presign(key, 300));
      expect({ key, status: response.status }).toEqual({ key, status: 200 });
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bodies.get(key));
    }
  });

  test('an IP endpoint gets path style without forcePathStyle', async () => {
    const presign = createPresigner({ ...target(), forcePathStyle: false }, S3RVER_KEYS);
    const url = await presign('simple.txt', 300);
    expect(new URL(url).pathname).toBe(`/${BUCKET}/simple.txt`);
    expect((await fetch(url)).status).toBe(200);
  });

  test('a tampered signature is refused', async () => {
    const url = await createPresigner(target(), S3RVER_KEYS)('simple.txt', 300);
    const tampered = url.replace(
      /(X-Amz-Signature=[0-9a-f]{63})([0-9a-f])/,
      (_m, head: string, last: string) => head + (last === '0' ? '1' : '0'),
    );
    expect(tampered).not.toBe(url);
    const response = await fetch(tampered);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('SignatureDoesNotMatch');
  });

  test('a wrong secret is refused', async () => {
    const response = await fetch(await createPresigner(target(), { accessKeyId: 'S3RVER', secretAccessKey: 'nope' })('simple.txt', 300));
    expect(response.status).toBe(403);
  });

  test('an expired link is refused', async () => {
    const tenSecondsAgo = new Date(Date.now() - 10_000);
    const presign = createPresigner(target(), S3RVER_KEYS, { now: () => tenSecondsAgo });
    const response = await fetch(await presign('simple.txt', 1));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
    // The same clock with a lifetime that has not run out still works.
    expect((await fetch(await presign('simple.txt', 300))).status).toBe(200);
  });
});
