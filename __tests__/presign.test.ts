import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  assertPresignableKey,
  createPresigner,
  encodeKeyPath,
  isVirtualHostableBucket,
  type PresignCredentials,
  type PresignTarget,
} from '../src/presign.js';

const KEYS = [
  'simple.txt',
  'dir/sub dir/file with spaces.txt',
  'unicode/été/naïve-日本語.txt',
  'emoji/😀🚀 party.png',
  "chars/+&=%#?'()!*~@$,;:[]{}|^`\"<>\\.bin",
  'pct%2Fnot-a-slash%20.txt',
  'a//b.txt',
  '/leading-slash.txt',
  'dots.../...x/.hidden',
  // ~1 KB, the S3 maximum, in segments short enough for s3rver's file store.
  `long/${`${'x'.repeat(200)}/`.repeat(4)}end.txt`,
];

const KEYS_WITH_ACCESS_KEY: PresignCredentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const TEMPORARY_KEYS: PresignCredentials = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEPT//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc/def==',
};

const SIGNED_AT = new Date('2025-03-04T05:06:07.891Z');

interface Case {
  name: string;
  target: PresignTarget;
}

const TARGETS: Case[] = [
  { name: 'AWS, virtual-hosted', target: { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'my-bucket', region: 'us-east-1', forcePathStyle: false } },
  { name: 'AWS, path style', target: { endpoint: new URL('https://s3.eu-west-3.amazonaws.com'), bucket: 'my-bucket', region: 'eu-west-3', forcePathStyle: true } },
  { name: 'AWS default endpoint', target: { bucket: 'my-bucket', region: 'ap-southeast-2', forcePathStyle: false } },
  { name: 'AWS China default endpoint', target: { bucket: 'my-bucket', region: 'cn-north-1', forcePathStyle: false } },
  { name: 'dotted bucket over https', target: { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'my.bucket', region: 'us-east-1', forcePathStyle: false } },
  { name: 'bucket not DNS-compatible', target: { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'My_Bucket', region: 'us-east-1', forcePathStyle: false } },
  { name: 'MinIO by IP, port', target: { endpoint: new URL('http://127.0.0.1:9000'), bucket: 'ci-artifacts', region: 'us-east-1', forcePathStyle: false } },
  { name: 'MinIO by name, path style', target: { endpoint: new URL('http://minio.internal:9000'), bucket: 'ci-artifacts', region: 'us-east-1', forcePathStyle: true } },
  { name: 'virtual host with port', target: { endpoint: new URL('http://minio.internal:9000'), bucket: 'ci-artifacts', region: 'us-east-1', forcePathStyle: false } },
  { name: 'R2', target: { endpoint: new URL('https://0123456789abcdef.r2.cloudflarestorage.com'), bucket: 'ci-artifacts', region: 'auto', forcePathStyle: false } },
  { name: 'gateway with a path prefix', target: { endpoint: new URL('https://gw.example.com/storage/s3'), bucket: 'ci-artifacts', region: 'us-west-2', forcePathStyle: true } },
];

const DISPOSITION = "attachment; filename=\"r_sum_ (1).pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%281%29.pdf";

/** The SDK's own presigned URL for the same request. */
async function sdkUrl(target: PresignTarget, creds: PresignCredentials, key: string, expiresIn: number, signingDate: Date, disposition?: string): Promise<string> {
  const client = new S3Client({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint.href } : {}),
    forcePathStyle: target.forcePathStyle,
    credentials: creds,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const command = new GetObjectCommand({ Bucket: target.bucket, Key: key, ResponseContentDisposition: disposition });
    return await getSignedUrl(client, command, { expiresIn, signingDate });
  } finally {
    client.destroy();
  }
}

function parts(url: string): { origin: string; path: string; params: [string, string][] } {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: parsed.pathname, params: [...parsed.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

describe('createPresigner matches the AWS SDK getSignedUrl', () => {
  const table = TARGETS.flatMap(({ name, target }) =>
    [KEYS_WITH_ACCESS_KEY, TEMPORARY_KEYS].flatMap((creds) =>
      [undefined, DISPOSITION].map((disposition) => ({
        label: `${name}, ${creds.sessionToken ? 'session token' : 'access key'}, ${disposition ? 'with' : 'without'} disposition`,
        target,
        creds,
        disposition,
      })),
    ),
  );

  test.each(table)('$label', async ({ target, creds, disposition }) => {
    const presign = createPresigner(target, creds, { now: () => SIGNED_AT });
    for (const key of KEYS) {
      const expected = await sdkUrl(target, creds, key, 3600, SIGNED_AT, disposition);
      const actual = presign(key, 3600, disposition ? { 'response-content-disposition': disposition } : undefined);
      expect(parts(actual)).toEqual(parts(expected));
      expect(actual).toBe(expected);
      expect(actual).toContain('X-Amz-SignedHeaders=host&');
      expect(actual).not.toMatch(/checksum/i);
    }
  });

  test('a new signing key when the clock crosses midnight', async () => {
    const target = TARGETS[0].target;
    const times = [new Date('2025-03-04T23:59:59Z'), new Date('2025-03-05T00:00:01Z'), new Date('2025-03-04T23:59:59Z')];
    let i = 0;
    const presign = createPresigner(target, TEMPORARY_KEYS, { now: () => times[i] });
    for (i = 0; i < times.length; i++) {
      expect(presign('simple.txt', 604800)).toBe(await sdkUrl(target, TEMPORARY_KEYS, 'simple.txt', 604800, times[i]));
    }
  });

  test('several extra parameters are sorted into the signature', async () => {
    const target = TARGETS[0].target;
    const client = new S3Client({ region: 'us-east-1', endpoint: target.endpoint?.href, credentials: KEYS_WITH_ACCESS_KEY, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    const expected = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: 'my-bucket', Key: 'k', ResponseContentType: 'text/plain; charset=utf-8', ResponseCacheControl: 'no-store', VersionId: 'v1' }),
      { expiresIn: 60, signingDate: SIGNED_AT },
    );
    const presign = createPresigner(target, KEYS_WITH_ACCESS_KEY, { now: () => SIGNED_AT });
    const query = { versionId: 'v1', 'response-content-type': 'text/plain; charset=utf-8', 'response-cache-control': 'no-store' };
    expect(presign('k', 60, query)).toBe(expected);
  });
});

describe('createPresigner rejects what cannot become a working link', () => {
  const presign = createPresigner(TARGETS[0].target, KEYS_WITH_ACCESS_KEY);

  test.each([0, -1, 604801, 1.5, Number.NaN, Infinity])('expiresIn %p', (seconds) => {
    expect(() => presign('k', seconds)).toThrow(RangeError);
  });

  test('the limits themselves are fine', () => {
    expect(presign('k', 1)).toContain('X-Amz-Expires=1&');
    expect(presign('k', 604800)).toContain('X-Amz-Expires=604800&');
  });

  test.each(['', '.', '..', 'a/./b', 'a/../b', '../up', 'dir/.'])('key %p', (key) => {
    expect(() => presign(key, 60)).toThrow(TypeError);
  });

  test('a key that is not well-formed Unicode', () => {
    expect(() => presign('broken-\ud800', 60)).toThrow(/not well-formed Unicode/);
  });

  test('reserved query parameters', () => {
    expect(() => presign('k', 60, { 'X-Amz-Expires': '1' })).toThrow(/reserved/);
    expect(() => presign('k', 60, { 'x-amz-security-token': 't' })).toThrow(/reserved/);
    expect(() => presign('k', 60, { 'x-id': 'PutObject' })).toThrow(/reserved/);
  });

  test('bad targets and credentials', () => {
    const target = TARGETS[0].target;
    expect(() => createPresigner({ ...target, bucket: '' }, KEYS_WITH_ACCESS_KEY)).toThrow(/bucket/);
    expect(() => createPresigner({ ...target, region: '' }, KEYS_WITH_ACCESS_KEY)).toThrow(/region/);
    expect(() => createPresigner({ ...target, endpoint: new URL('ftp://x') }, KEYS_WITH_ACCESS_KEY)).toThrow(/http/);
    expect(() => createPresigner({ ...target, endpoint: new URL('https://x/?a=b') }, KEYS_WITH_ACCESS_KEY)).toThrow(/query/);
    expect(() => createPresigner(target, { accessKeyId: 'A', secretAccessKey: '' })).toThrow(/secret/);
  });
});

describe('helpers', () => {
  test('encodeKeyPath keeps slashes and encodes everything outside A-Za-z0-9-._~', () => {
    expect(encodeKeyPath("a b/c+d/é/!'()*~._-/%2F")).toBe('a%20b/c%2Bd/%C3%A9/%21%27%28%29%2A~._-/%252F');
    expect(encodeKeyPath('/x//y/')).toBe('/x//y/');
  });

  test.each([
    ['my-bucket', true],
    ['abc', true],
    ['ab', false],
    ['my.bucket', false],
    ['My-Bucket', false],
    ['my_bucket', false],
    ['-bucket', false],
    ['bucket-', false],
    ['192.168.1.1', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
  ])('isVirtualHostableBucket(%p) is %p', (bucket, expected) => {
    expect(isVirtualHostableBucket(bucket)).toBe(expected);
  });

  test('assertPresignableKey accepts dots that are not whole segments', () => {
    expect(() => assertPresignableKey('.hidden/...x/a.')).not.toThrow();
  });
});

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
      const response = await fetch(presign(key, 300));
      expect({ key, status: response.status }).toEqual({ key, status: 200 });
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bodies.get(key));
    }
  });

  test('an IP endpoint gets path style without forcePathStyle', async () => {
    const presign = createPresigner({ ...target(), forcePathStyle: false }, S3RVER_KEYS);
    const url = presign('simple.txt', 300);
    expect(new URL(url).pathname).toBe(`/${BUCKET}/simple.txt`);
    expect((await fetch(url)).status).toBe(200);
  });

  test('response-content-disposition is signed and applied', async () => {
    // s3rver mis-verifies response-* values containing *'()!, so no filename*= here.
    const disposition = 'attachment; filename="report final.txt"';
    const presign = createPresigner(target(), S3RVER_KEYS);
    const response = await fetch(presign('simple.txt', 300, { 'response-content-disposition': disposition }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(disposition);
  });

  test('a tampered signature is refused', async () => {
    const url = createPresigner(target(), S3RVER_KEYS)('simple.txt', 300);
    const tampered = url.replace(/(X-Amz-Signature=[0-9a-f]{63})([0-9a-f])/, (_m, head: string, last: string) => head + (last === '0' ? '1' : '0'));
    expect(tampered).not.toBe(url);
    const response = await fetch(tampered);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('SignatureDoesNotMatch');
  });

  test('a wrong secret is refused', async () => {
    const response = await fetch(createPresigner(target(), { accessKeyId: 'S3RVER', secretAccessKey: 'nope' })('simple.txt', 300));
    expect(response.status).toBe(403);
  });

  test('an expired link is refused', async () => {
    const tenSecondsAgo = new Date(Date.now() - 10_000);
    const presign = createPresigner(target(), S3RVER_KEYS, { now: () => tenSecondsAgo });
    const response = await fetch(presign('simple.txt', 1));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
    // The same clock with a lifetime that has not run out still works.
    expect((await fetch(presign('simple.txt', 300))).status).toBe(200);
  });
});
