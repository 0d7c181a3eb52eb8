/**
 * CloudFront signed links downloaded for real: objects in the local S3 server, links signed by the
 * action's CloudFront signer for a local verifying "CloudFront" in front of it.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../../scripts/lib/s3-server.mjs';
import {
  createCloudFrontSigner,
  parseCloudFrontPrivateKey,
  parseCloudFrontUrl,
  type CloudFrontSign,
} from '../../../src/links/cloudfront.js';
import { CloudFrontFake, startCloudFrontFake } from '../../support/cloudfront-fake.js';

const BUCKET = 'cf-artifacts';
const KEY_PAIR_ID = 'K2JCJMDEHXQW5F';
const DAY = 86_400;

const OBJECTS: Record<string, string> = {
  'octo/repo/pr-7/abc1234/build/dir with spaces/report.html': '<h1>report</h1>',
  'octo/repo/pr-7/abc1234/build/unicode/été/naïve-日本語.txt': 'unicode',
  "octo/repo/pr-7/abc1234/build/chars/+&=%#?'.bin": 'reserved characters',
  'octo/repo/pr-7/abc1234/build/more/!()*~@$,;[]{}.txt': 'more characters',
  'octo/repo/pr-7/abc1234/build/pct%2Fnot-a-slash%20.txt': 'percent',
};

let s3: LocalS3;
let cf: CloudFrontFake;
let client: S3Client;
let publicKey: KeyObject;
let sign: CloudFrontSign;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  for (const [key, body] of Object.entries(OBJECTS)) {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'text/plain; charset=utf-8' }));
  }
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  publicKey = keys.publicKey;
  cf = await startCloudFrontFake({ origin: s3.endpoint, bucket: BUCKET, publicKeys: { [KEY_PAIR_ID]: publicKey } });
  sign = createCloudFrontSigner({
    baseUrl: parseCloudFrontUrl(cf.url),
    keyPairId: KEY_PAIR_ID,
    privateKeyPem: parseCloudFrontPrivateKey(keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
  });
});

afterAll(async () => {
  await cf?.close();
  client?.destroy();
  await s3?.stop();
});

describe('CloudFront signed links through a verifying edge', () => {
  it.each(Object.keys(OBJECTS))('downloads %j with a 90-day link', async (key) => {
    const link = sign(key, 90 * DAY);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(OBJECTS[key]);
    expect(cf.requests.at(-1)).toMatchObject({ status: 200, url: link.slice(cf.url.length) });
  });

  it('passes ranges through (the signing probe and media players use them)', async () => {
    const key = Object.keys(OBJECTS)[0];
    // (s3rver answers `bytes=0-0` with the whole object, so ask for bytes 1-2.)
    const response = await fetch(sign(key, DAY), { headers: { range: 'bytes=1-2' } });
    expect(response.status).toBe(206);
    expect(await response.text()).toBe('h1');
    expect(response.headers.get('content-range')).toBe(`bytes 1-2/${Buffer.byteLength(OBJECTS[key])}`);
  });

  it('refuses the link once it has expired, and not a second before', async () => {
    const key = Object.keys(OBJECTS)[1];
    const signedAt = Date.now();
    const link = sign(key, 30 * DAY);
    const expires = Number(new URL(link).searchParams.get('Expires'));
    expect(expires).toBe(Math.floor(signedAt / 1000) + 30 * DAY);
    try {
      cf.now = () => new Date(expires * 1000 - 1);
      expect((await fetch(link)).status).toBe(200);
      cf.now = () => new Date(expires * 1000);
      const late = await fetch(link);
      expect(late.status).toBe(403);
      expect(await late.text()).toContain('Expired at');
    } finally {
      cf.now = () => new Date();
    }
  });

  it('refuses links that were altered, signed with another key, or lack the key pair id', async () => {
    const key = Object.keys(OBJECTS)[2];
    const link = sign(key, DAY);
    const other = createCloudFrontSigner({
      baseUrl: cf.url,
      keyPairId: KEY_PAIR_ID,
      privateKeyPem: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const cases: [string, string][] = [
      [link.replace('/chars/', '/Chars/'), 'InvalidSignature'],
      [link.replace(/Expires=(\d+)/, (_, e: string) => `Expires=${Number(e) + DAY}`), 'InvalidSignature'],
      [other(key, DAY), 'InvalidSignature'],
      [link.replace(`Key-Pair-Id=${KEY_PAIR_ID}`, 'Key-Pair-Id=KUNKNOWN1'), 'InvalidKey'],
      [link.replace(`&Key-Pair-Id=${KEY_PAIR_ID}`, ''), 'MissingKey'],
      [link.split('?')[0], 'MissingKey'],
    ];
    for (const [url, refused] of cases) {
      const response = await fetch(url);
      expect({ url, status: response.status }).toEqual({ url, status: 403 });
      expect(cf.requests.at(-1)?.refused).toBe(refused);
    }
  });

  it('passes origin errors through: a signed link to a missing object is a 404', async () => {
    const response = await fetch(sign('octo/repo/pr-7/abc1234/build/missing.txt', DAY));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('NoSuchKey');
  });
});
