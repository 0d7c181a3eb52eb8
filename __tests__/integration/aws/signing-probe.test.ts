/**
 * The signing probe against real peers: the local S3 server (it verifies SigV4 and knows which key
 * pairs exist), a fault proxy in front of it, and the local verifying "CloudFront".
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../../scripts/lib/s3-server.mjs';
import {
  explainCloudFrontFailure,
  explainSigningKeyFailure,
  probeLink,
  type ProbeOutcome,
  type SigningKeyContext,
} from '../../../src/aws/signing-probe.js';
import { createCloudFrontSigner, parseCloudFrontPrivateKey } from '../../../src/links/cloudfront.js';
import { createPresigner } from '../../../src/aws/presign.js';
import { startCloudFrontFake } from '../../support/cloudfront-fake.js';
import { startFaultProxy } from '../../support/fault-proxy.js';

const BUCKET = 'probe-artifacts';
const SIGNER = { accessKeyId: 'AKIASIGNINGKEY000001', secretAccessKey: 'signing/secret+key=0123456789abcdefghij' };
const KEY = 'octo/repo/pr-7/abc1234/build/.artifact-links.json';
const EMPTY_KEY = 'octo/repo/pr-7/abc1234/build/empty file.txt';
const noSleep = async () => undefined;

let s3: LocalS3;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  await s3.addCredentials(SIGNER.accessKeyId, SIGNER.secretAccessKey);
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: '{"files":[]}' }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: EMPTY_KEY, Body: Buffer.alloc(0) }));
  client.destroy();
});

afterAll(async () => {
  await s3?.stop();
});

async function link(
  credentials: { accessKeyId: string; secretAccessKey: string },
  options: { bucket?: string; endpoint?: string; key?: string } = {},
): Promise<string> {
  const presign = createPresigner(
    { endpoint: new URL(options.endpoint ?? s3.endpoint), bucket: options.bucket ?? BUCKET, region: 'us-east-1', forcePathStyle: true },
    credentials,
  );
  return presign(options.key ?? KEY, 600);
}

const CTX: SigningKeyContext = { bucket: BUCKET, region: 'us-east-1', keyPrefix: 'octo/repo/', where: '127.0.0.1' };

function failed(outcome: ProbeOutcome): Exclude<ProbeOutcome, { ok: true }> {
  if (outcome.ok) throw new Error('expected the probe to fail');
  return outcome;
}

describe('probeLink with a dedicated signing key, against the local S3 server', () => {
  it('passes when the signing key can read the object, empty objects included', async () => {
    expect(await probeLink(await link(SIGNER))).toEqual({ ok: true, status: 206 });
    expect((await probeLink(await link(SIGNER, { key: EMPTY_KEY }))).ok).toBe(true);
    // The probe's request is the link itself, Range aside: signed on host only, so a browser can click it.
    expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', url: expect.stringContaining('X-Amz-SignedHeaders=host&') });
  });

  it('names signing-access-key-id when the store does not know the key', async () => {
    const outcome = failed(await probeLink(await link({ accessKeyId: 'AKIAUNKNOWNKEY000002', secretAccessKey: SIGNER.secretAccessKey })));
    expect(outcome).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    const message = explainSigningKeyFailure(outcome, CTX);
    expect(message).toContain("does not know the access key in 'signing-access-key-id'");
    expect(message).not.toContain('AKIAUNKNOWNKEY000002');
  });

  it('names signing-secret-access-key when the secret is wrong', async () => {
    const outcome = failed(await probeLink(await link({ accessKeyId: SIGNER.accessKeyId, secretAccessKey: 'not-the-secret' })));
    expect(outcome).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const message = explainSigningKeyFailure(outcome, CTX);
    expect(message).toContain("'signing-secret-access-key' is not the secret of the access key in 'signing-access-key-id'");
    expect(message).not.toContain(SIGNER.secretAccessKey);
    expect(message).not.toContain('not-the-secret');
  });

  it('names the bucket when the key signs for a bucket that does not exist', async () => {
    const outcome = failed(await probeLink(await link(SIGNER, { bucket: 'another-bucket' })));
    expect(outcome).toMatchObject({ status: 404, code: 'NoSuchBucket' });
    expect(explainSigningKeyFailure(outcome, CTX)).toContain("Bucket 'probe-artifacts' does not exist at 127.0.0.1");
  });

  it('retries 503s and passes once the store answers', async () => {
    const proxy = await startFaultProxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 1,
      faults: ['503'],
      maxConsecutiveFaultsPerRoute: 2,
    });
    try {
      const delays: number[] = [];
      const outcome = await probeLink(await link(SIGNER, { endpoint: proxy.url }), { sleep: async (ms) => void delays.push(ms) });
      expect(outcome).toEqual({ ok: true, status: 206 });
      expect(proxy.stats.faulted['503']).toBe(2);
      expect(delays).toEqual([500, 1000]);
    } finally {
      await proxy.close();
    }
  });

  it('gives up after the attempts and says the store is unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    let sleeps = 0;
    const outcome = failed(
      await probeLink(await link(SIGNER, { endpoint: `http://127.0.0.1:${port}` }), { sleep: async () => void sleeps++ }),
    );
    expect(outcome).toMatchObject({ code: 'ECONNREFUSED' });
    expect(outcome.status).toBeUndefined();
    expect(sleeps).toBe(2);
    expect(explainSigningKeyFailure(outcome, CTX)).toContain('Could not reach 127.0.0.1');
  });
});

describe('probeLink with CloudFront signed links, through the local verifying edge', () => {
  it('passes with the right key pair, and names the inputs when the key or its id is wrong', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const cf = await startCloudFrontFake({ origin: s3.endpoint, bucket: BUCKET, publicKeys: { K2JCJMDEHXQW5F: keys.publicKey } });
    try {
      const pem = parseCloudFrontPrivateKey(keys.privateKey.export({ type: 'sec1', format: 'pem' }).toString());
      const ctx = { cloudFrontUrl: cf.url, bucket: BUCKET, key: KEY };
      const good = createCloudFrontSigner({ baseUrl: cf.url, keyPairId: 'K2JCJMDEHXQW5F', privateKeyPem: pem });
      expect(await probeLink(good(KEY, 3600), { sleep: noSleep })).toEqual({ ok: true, status: 206 });

      const unknownId = createCloudFrontSigner({ baseUrl: cf.url, keyPairId: 'KUNKNOWN00001', privateKeyPem: pem });
      const byId = failed(await probeLink(unknownId(KEY, 3600), { sleep: noSleep }));
      expect(byId).toMatchObject({ status: 403, code: 'InvalidKey' });
      expect(explainCloudFrontFailure(byId, ctx)).toContain("does not trust 'cloudfront-key-pair-id'");

      const otherPem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const wrongKey = createCloudFrontSigner({ baseUrl: cf.url, keyPairId: 'K2JCJMDEHXQW5F', privateKeyPem: otherPem });
      const bySignature = failed(await probeLink(wrongKey(KEY, 3600), { sleep: noSleep }));
      expect(bySignature).toMatchObject({ status: 403, code: 'AccessDenied', fromS3: false });
      expect(explainCloudFrontFailure(bySignature, ctx)).toContain(
        "'cloudfront-private-key' must be the private key of the public key 'cloudfront-key-pair-id' names",
      );

      const missing = failed(await probeLink(good('octo/repo/elsewhere.txt', 3600), { sleep: noSleep }));
      expect(missing).toMatchObject({ status: 404, code: 'NoSuchKey' });
      expect(explainCloudFrontFailure(missing, ctx)).toContain('no origin path');
    } finally {
      await cf.close();
    }
  });
});
