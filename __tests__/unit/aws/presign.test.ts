import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { awsEndpoint, createPresigner, isVirtualHostableBucket, sharedAwsOrigin } from '../../../src/aws/presign.js';
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

const KEYS_WITH_ACCESS_KEY: PresignCredentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
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

/** One region of each AWS partition (and the China one the old suffix rule knew). */
const PARTITION_REGIONS = [
  'us-east-1',
  'cn-northwest-1',
  'us-gov-west-1',
  'us-iso-east-1',
  'us-isob-east-1',
  'us-isof-south-1',
  'eu-isoe-west-1',
  'eusc-de-east-1',
];

const TARGETS: Case[] = [
  {
    name: 'AWS, virtual-hosted',
    target: { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'my-bucket', region: 'us-east-1', forcePathStyle: false },
  },
  {
    name: 'AWS, path style',
    target: { endpoint: new URL('https://s3.eu-west-3.amazonaws.com'), bucket: 'my-bucket', region: 'eu-west-3', forcePathStyle: true },
  },
  { name: 'AWS default endpoint', target: { bucket: 'my-bucket', region: 'ap-southeast-2', forcePathStyle: false } },
  { name: 'AWS China default endpoint', target: { bucket: 'my-bucket', region: 'cn-north-1', forcePathStyle: false } },
  // Every partition the `region` input accepts: the host comes from the SDK's own endpoint resolver.
  ...PARTITION_REGIONS.map((region) => ({
    name: `default endpoint in ${region}`,
    target: { bucket: 'my-bucket', region, forcePathStyle: false },
  })),
  { name: 'GovCloud, path style', target: { bucket: 'my-bucket', region: 'us-gov-west-1', forcePathStyle: true } },
  {
    name: 'dotted bucket over https',
    target: { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'my.bucket', region: 'us-east-1', forcePathStyle: false },
  },
  {
    name: 'bucket not DNS-compatible',
    target: { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'My_Bucket', region: 'us-east-1', forcePathStyle: false },
  },
  {
    name: 'MinIO by IP, port',
    target: { endpoint: new URL('http://127.0.0.1:9000'), bucket: 'ci-artifacts', region: 'us-east-1', forcePathStyle: false },
  },
  {
    name: 'MinIO by name, path style',
    target: { endpoint: new URL('http://minio.internal:9000'), bucket: 'ci-artifacts', region: 'us-east-1', forcePathStyle: true },
  },
  {
    name: 'virtual host with port',
    target: { endpoint: new URL('http://minio.internal:9000'), bucket: 'ci-artifacts', region: 'us-east-1', forcePathStyle: false },
  },
  {
    name: 'R2',
    target: {
      endpoint: new URL('https://0123456789abcdef.r2.cloudflarestorage.com'),
      bucket: 'ci-artifacts',
      region: 'auto',
      forcePathStyle: false,
    },
  },
  {
    name: 'gateway with a path prefix',
    target: { endpoint: new URL('https://gw.example.com/storage/s3'), bucket: 'ci-artifacts', region: 'us-west-2', forcePathStyle: true },
  },
];

/** The SDK's own presigned URL for the same request. */
async function sdkUrl(
  target: PresignTarget,
  creds: PresignCredentials,
  key: string,
  expiresIn: number,
  signingDate: Date,
): Promise<string> {
  const client = new S3Client({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint.href } : {}),
    forcePathStyle: target.forcePathStyle,
    credentials: creds,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const command = new GetObjectCommand({ Bucket: target.bucket, Key: key });
    return await getSignedUrl(client, command, { expiresIn, signingDate });
  } finally {
    client.destroy();
  }
}

function parts(url: string): { origin: string; path: string; params: [string, string][] } {
  const parsed = new URL(url);
  return {
    origin: parsed.origin,
    path: parsed.pathname,
    params: [...parsed.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

describe('createPresigner matches the AWS SDK getSignedUrl', () => {
  const table = TARGETS.flatMap(({ name, target }) =>
    [KEYS_WITH_ACCESS_KEY, TEMPORARY_KEYS].map((creds) => ({
      label: `${name}, ${creds.sessionToken ? 'session token' : 'access key'}`,
      target,
      creds,
    })),
  );

  test.each(table)('$label', async ({ target, creds }) => {
    const presign = createPresigner(target, creds, { now: () => SIGNED_AT });
    for (const key of KEYS) {
      const expected = await sdkUrl(target, creds, key, 3600, SIGNED_AT);
      const actual = await presign(key, 3600);
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
      expect(await presign('simple.txt', 604800)).toBe(await sdkUrl(target, TEMPORARY_KEYS, 'simple.txt', 604800, times[i]));
    }
  });
});

describe('link hosts per partition', () => {
  test.each(PARTITION_REGIONS)('%s: the host of the SDK own presigned URL', async (region) => {
    const target: PresignTarget = { bucket: 'my-bucket', region, forcePathStyle: false };
    const ours = new URL(await createPresigner(target, KEYS_WITH_ACCESS_KEY, { now: () => SIGNED_AT })('a.txt', 60));
    const sdk = new URL(await sdkUrl(target, KEYS_WITH_ACCESS_KEY, 'a.txt', 60, SIGNED_AT));
    expect(ours.host).toBe(sdk.host);
    expect(awsEndpoint(region).host).toBe(sdk.host.replace(/^my-bucket\./, ''));
  });

  test('hosts that a hand-written amazonaws.com rule got wrong', () => {
    expect(awsEndpoint('us-iso-east-1').host).toBe('s3.us-iso-east-1.c2s.ic.gov');
    expect(awsEndpoint('us-isob-east-1').host).toBe('s3.us-isob-east-1.sc2s.sgov.gov');
    expect(awsEndpoint('eusc-de-east-1').host).toBe('s3.eusc-de-east-1.amazonaws.eu');
    expect(awsEndpoint('cn-north-1').host).toBe('s3.cn-north-1.amazonaws.com.cn');
  });
});

describe('createPresigner rejects what cannot become a working link', () => {
  const presign = createPresigner(TARGETS[0].target, KEYS_WITH_ACCESS_KEY);

  test.each([0, -1, 604801, 1.5, Number.NaN, Infinity])('expiresIn %p', async (seconds) => {
    await expect(presign('k', seconds)).rejects.toThrow(RangeError);
  });

  test('the limits themselves are fine', async () => {
    expect(await presign('k', 1)).toContain('X-Amz-Expires=1&');
    expect(await presign('k', 604800)).toContain('X-Amz-Expires=604800&');
  });

  test.each(['', '.', '..', 'a/./b', 'a/../b', '../up', 'dir/.'])('key %p', async (key) => {
    await expect(presign(key, 60)).rejects.toThrow(TypeError);
  });

  test('a key that is not well-formed Unicode', async () => {
    await expect(presign('broken-\ud800', 60)).rejects.toThrow(/not well-formed Unicode/);
  });

  test('an invalid signing date', async () => {
    await expect(createPresigner(TARGETS[0].target, KEYS_WITH_ACCESS_KEY, { now: () => new Date(Number.NaN) })('k', 60)).rejects.toThrow(
      /invalid date/,
    );
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

describe('isVirtualHostableBucket', () => {
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
});

describe('sharedAwsOrigin', () => {
  test.each<[string, PresignTarget, string | undefined]>([
    ['virtual-hosted', { bucket: 'my-bucket', region: 'eu-west-1', forcePathStyle: false }, undefined],
    ['a dotted bucket name', { bucket: 'my.bucket', region: 'eu-west-1', forcePathStyle: false }, 's3.eu-west-1.amazonaws.com'],
    ['force-path-style', { bucket: 'my-bucket', region: 'eu-west-1', forcePathStyle: true }, 's3.eu-west-1.amazonaws.com'],
    ['China', { bucket: 'a.b', region: 'cn-north-1', forcePathStyle: false }, 's3.cn-north-1.amazonaws.com.cn'],
    [
      'an AWS endpoint in path style',
      { bucket: 'my-bucket', region: 'eu-west-1', forcePathStyle: true, endpoint: new URL('https://s3.eu-west-1.amazonaws.com') },
      's3.eu-west-1.amazonaws.com',
    ],
    [
      'a legacy dash endpoint',
      { bucket: 'my-bucket', region: 'eu-west-1', forcePathStyle: true, endpoint: new URL('https://s3-eu-west-1.amazonaws.com') },
      's3-eu-west-1.amazonaws.com',
    ],
    [
      'a bucket-specific AWS endpoint',
      { bucket: 'x', region: 'eu-west-1', forcePathStyle: true, endpoint: new URL('https://my-bucket.s3.eu-west-1.amazonaws.com') },
      undefined,
    ],
    [
      'a custom store (documented, not refused)',
      { bucket: 'my.bucket', region: 'auto', forcePathStyle: true, endpoint: new URL('http://127.0.0.1:9000') },
      undefined,
    ],
  ])('%s', (_label, target, host) => {
    expect(sharedAwsOrigin(target)).toBe(host);
  });
});
