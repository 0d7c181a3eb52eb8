/**
 * The local test S3 (scripts/lib/s3-server.mjs) behaves like a private bucket: an unsigned request is
 * refused with 403 AccessDenied, while header-signed requests and presigned URLs keep working.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../../scripts/lib/s3-server.mjs';

const BUCKET = 'private';
const KEY = 'dir/page.html';
const BODY = '<!doctype html><p>secret</p>';

describe('local S3 server: a private bucket', () => {
  let s3: LocalS3;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3Server({ buckets: [BUCKET] });
    client = new S3Client({
      endpoint: s3.endpoint,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    // Header-signed PUT: the action's own upload path.
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: BODY, ContentType: 'text/html' }));
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });

  const url = (p: string) => `${s3.endpoint}/${BUCKET}/${p}`;

  it.each([
    ['GET', KEY],
    ['HEAD', KEY],
    ['GET', ''], // a listing
    ['GET', '?list-type=2'], // ListObjectsV2
    ['GET', 'missing.txt'],
  ])('refuses an anonymous %s of "%s" with 403 AccessDenied', async (method, p) => {
    const res = await fetch(url(p), { method });
    const body = await res.text();
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amz-error-code')).toBe('AccessDenied');
    if (method === 'GET') expect(body).toContain('<Code>AccessDenied</Code>');
    expect(body).not.toContain('secret');
  });

  it('refuses an anonymous PUT and DELETE, and stores or removes nothing', async () => {
    const put = await fetch(url('dropped.txt'), { method: 'PUT', body: 'planted' });
    expect(put.status).toBe(403);
    const del = await fetch(url(KEY), { method: 'DELETE' });
    expect(del.status).toBe(403);
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'dropped.txt' }))).rejects.toMatchObject({ name: 'NotFound' });
    const kept = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
    expect(await kept.Body?.transformToString()).toBe(BODY);
  });

  it('serves a presigned GET and a header-signed GET', async () => {
    const presigned = await getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key: KEY }), { expiresIn: 60 });
    const res = await fetch(presigned);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(BODY);
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
    expect(await got.Body?.transformToString()).toBe(BODY);
  });

  it('still verifies signatures: a tampered presigned URL is refused, not served as anonymous', async () => {
    const presigned = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key: KEY }), { expiresIn: 60 }));
    presigned.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    const res = await fetch(presigned);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('SignatureDoesNotMatch');
  });

  it('answers a CORS preflight without a signature, as S3 does', async () => {
    const res = await fetch(url(KEY), {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'GET' },
    });
    // No CORS rules on the bucket: S3 refuses the preflight by its CORS rules, not as anonymous.
    expect(res.headers.get('x-amz-error-code')).not.toBe('AccessDenied');
  });

  it('records refused requests with their status', () => {
    const refused = s3.requests.filter((r) => r.status === 403 && !r.url.includes('X-Amz-'));
    expect(refused.length).toBeGreaterThanOrEqual(7);
  });
});
