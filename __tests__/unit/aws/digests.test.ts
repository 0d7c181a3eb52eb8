import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import {
  createBodyHasher,
  digestHere,
  DigestMismatch,
  etagContradicts,
  md5Base64,
  md5Hex,
  multipartEtag,
} from '../../../src/aws/digests.js';
import { isRetryableS3Error } from '../../../src/aws/s3-errors.js';

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest();

describe('createBodyHasher', () => {
  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

  it('gives base64 MD5 and hex SHA-256 of small bodies, large ones on the thread, and shared-memory ones without copying', async () => {
    const hasher = createBodyHasher(2);
    try {
      const small = randomBytes(1000);
      const large = randomBytes(3 * 1024 * 1024);
      const shared = Buffer.from(new SharedArrayBuffer(2 * 1024 * 1024));
      randomBytes(shared.length).copy(shared);
      const view = shared.subarray(0, 1_500_000); // a part shorter than its buffer
      const bodies = [small, large, view, new Uint8Array(0)];
      const got = await Promise.all(bodies.flatMap((b) => [hasher.digest(b, 'md5'), hasher.digest(b, 'sha256')]));
      expect(got).toEqual(bodies.flatMap((b) => [md5(b).toString('base64'), sha256(b)]));
      expect(bodies.map((b) => digestHere(b, 'sha256'))).toEqual(bodies.map(sha256));
    } finally {
      await hasher.close();
    }
  });

  it.each([1, 2] as const)('starts its %i thread(s) when asked, once, and answers with their ids; none once closed', async (count) => {
    const hasher = createBodyHasher(count);
    try {
      const ids = await hasher.start();
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      expect(ids).not.toContain(threadId);
      expect(await hasher.start()).toEqual(ids); // the same threads, not new ones
      const large = randomBytes(1024 * 1024);
      expect(await hasher.digest(large, 'sha256')).toBe(sha256(large));
    } finally {
      await hasher.close();
    }
    expect(await hasher.start()).toEqual([]);
  });

  it('hashes on this thread once the worker is gone, never failing a file', async () => {
    const hasher = createBodyHasher(2);
    const big = randomBytes(1024 * 1024);
    expect(await hasher.digest(big, 'md5')).toBe(md5Base64(big));
    await hasher.close();
    expect(await hasher.digest(big, 'md5')).toBe(md5Base64(big));
    expect(await hasher.digest(big, 'sha256')).toBe(sha256(big));
  });
});

describe('multipartEtag', () => {
  it('is the MD5 of the parts’ binary MD5s, a dash and the part count, as S3 computes it', () => {
    const parts = [randomBytes(10), randomBytes(7)];
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map(md5)))
      .digest('hex');
    expect(multipartEtag(parts.map(md5Base64))).toBe(`${expected}-2`);
  });
});

describe('etagContradicts', () => {
  const body = Buffer.from('hello');
  const hex = md5Hex(md5Base64(body));
  it('accepts the ETag of the same bytes, quoted or weak, in any case', () => {
    expect(etagContradicts({ ETag: `"${hex}"` }, hex)).toBe(false);
    expect(etagContradicts({ ETag: `W/"${hex.toUpperCase()}"` }, hex)).toBe(false);
  });
  it('refuses an MD5 ETag of other bytes, single or multipart', () => {
    expect(etagContradicts({ ETag: `"${md5Hex(md5Base64(Buffer.from('hellp')))}"` }, hex)).toBe(true);
    expect(etagContradicts({ ETag: `"${'a'.repeat(32)}-3"` }, `${'b'.repeat(32)}-3`)).toBe(true);
  });
  it('proves nothing either way when the ETag is not an MD5: encrypted objects, other schemes, none', () => {
    expect(etagContradicts({ ETag: `"${'a'.repeat(32)}"`, ServerSideEncryption: 'aws:kms' }, hex)).toBe(false);
    expect(etagContradicts({ ETag: `"${'a'.repeat(32)}"`, ServerSideEncryption: 'aws:kms:dsse' }, hex)).toBe(false);
    expect(etagContradicts({ ETag: `"${'a'.repeat(32)}"`, SSECustomerAlgorithm: 'AES256' }, hex)).toBe(false);
    expect(etagContradicts({ ETag: '"0x8DC1A2B3C4D5E6F"' }, hex)).toBe(false);
    expect(etagContradicts({ ETag: `"${'a'.repeat(32)}"` }, `${'b'.repeat(32)}-3`)).toBe(false); // whole-object MD5 scheme
    expect(etagContradicts({}, hex)).toBe(false);
  });
  it('an ETag of other bytes under SSE-S3 (AES256) still contradicts: its ETag is the MD5', () => {
    expect(etagContradicts({ ETag: `"${'a'.repeat(32)}"`, ServerSideEncryption: 'AES256' }, hex)).toBe(true);
  });
});

describe('DigestMismatch', () => {
  it('is retried like the store’s own BadDigest, and names what and both digests', () => {
    const e = new DigestMismatch('part 2 of big.bin', '"abc"', 'def');
    expect(isRetryableS3Error(e)).toBe(true);
    expect(e.name).toBe('BadDigest');
    expect(e.message).toMatch(/part 2 of big\.bin.*"abc".*def/);
  });
});
