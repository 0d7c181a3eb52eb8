/**
 * How the store proves that it holds the bytes that were sent, found out once per run. No link is
 * made for a body the store did not check:
 * - `payload-sha256`: the body's SHA-256 is signed with the request (`x-amz-content-sha256`) and the
 *   store refuses other bytes (S3, MinIO, Ceph RGW). For a file sent in one request this is the
 *   file's own SHA-256, so each byte is hashed once.
 * - `content-md5`: the body carries `Content-MD5`, and the store's ETag is compared with it where the
 *   store ignores that header (see digests.ts). Costs an MD5 of every byte besides the SHA-256.
 * The probe sends one tiny object whose signed hash is another body's: a store that checks answers
 * XAmzContentSHA256Mismatch (or BadDigest) and stores nothing; one that stores it, or answers
 * anything else, gets `content-md5`, which every S3-compatible store honours.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { hash } from 'node:crypto';
import { signPayloadAs } from './s3-client.js';

export type BodyCheck = 'payload-sha256' | 'content-md5';

/** What the probe's PUT came to: stored, or the store's error name (`error.name`). */
export type ProbeAnswer = { stored: true } | { stored: false; error: string };

/** Error names with which a store refuses a body whose signed SHA-256 is not its own. */
const REFUSED_FOR_ITS_HASH = new Set(['XAmzContentSHA256Mismatch', 'BadDigest']);

export function bodyCheckFor(answer: ProbeAnswer): BodyCheck {
  return !answer.stored && REFUSED_FOR_ITS_HASH.has(answer.error) ? 'payload-sha256' : 'content-md5';
}

const PROBE_BODY = 'artifact-links: does this store check signed payload hashes?\n';
/** The probe's signed hash: SHA-256 of other bytes than it sends. */
const WRONG_HASH = hash('sha256', `not ${PROBE_BODY}`);

/**
 * PUTs a tiny object at `key` signed with another body's SHA-256, once, without retries (a failed
 * probe costs only the slower check). On a store that does not check, the object stays at `key`
 * (in the section's reserved folder; cleanup removes it with the section).
 */
export async function probeBodyCheck(client: S3Client, bucket: string, key: string): Promise<{ check: BodyCheck; answer: ProbeAnswer }> {
  const body = Buffer.from(PROBE_BODY);
  signPayloadAs(body, WRONG_HASH);
  const put = new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length, ContentType: 'text/plain' });
  const answer: ProbeAnswer = await client.send(put).then(
    () => ({ stored: true as const }),
    (e: unknown) => ({ stored: false as const, error: (e as Error)?.name ?? 'Error' }),
  );
  return { check: bodyCheckFor(answer), answer };
}
