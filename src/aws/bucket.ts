/** Object-level operations for the stored manifest, refresh and cleanup: list, read, write and delete, each retried. */
import { DeleteObjectsCommand, GetObjectCommand, paginateListObjectsV2, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { plural } from '../util/log.js';
import type { LazyText } from '../util/text-buffer.js';
import { realSleep, withRetry } from '../util/retry.js';
import { md5Base64 } from './digests.js';
import type { StoreTarget } from './s3-client.js';
import { deadCredentialsCause, deadCredentialsMessage, describeS3Error, s3Retry } from './s3-errors.js';

const retry = s3Retry(realSleep);

async function attempt<T>(target: StoreTarget, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(fn, retry);
  } catch (error) {
    const dead = deadCredentialsCause(error);
    if (dead) throw new Error(deadCredentialsMessage(dead, `a request to ${action}`, target), { cause: error });
    throw new Error(describeS3Error(error, target, action), { cause: error });
  }
}

/** Every key under `prefix/` (paginated). */
export async function listKeys(client: S3Client, target: StoreTarget, prefix: string): Promise<string[]> {
  return attempt(target, 'list objects (s3:ListBucket)', async () => {
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client }, { Bucket: target.bucket, Prefix: `${prefix}/` })) {
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    }
    return keys;
  });
}

export async function getText(client: S3Client, target: StoreTarget, key: string): Promise<string> {
  return attempt(target, 'read objects (s3:GetObject)', async () => {
    const r = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: key }));
    return (await r.Body?.transformToString('utf-8')) ?? '';
  });
}

export async function putJson(client: S3Client, target: StoreTarget, key: string, value: unknown): Promise<void> {
  await attempt(target, 'write objects (s3:PutObject)', () =>
    client.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: JSON.stringify(value), ContentType: 'application/json' })),
  );
}

/**
 * Writes a generated object (a site's worker or page, the share page, a QR code); displayed, never
 * downloaded. Lazy text is rendered as it is sent, again for each attempt. Every body carries its
 * Content-MD5, as uploads do: a page changed in transit is refused, not linked.
 */
export async function putText(
  client: S3Client,
  target: StoreTarget,
  key: string,
  body: string | Uint8Array | LazyText,
  contentType: string,
): Promise<void> {
  const whole =
    typeof body === 'string' || body instanceof Uint8Array
      ? { Body: body, ContentMD5: md5Base64(typeof body === 'string' ? Buffer.from(body, 'utf8') : body) }
      : undefined;
  await attempt(target, 'write objects (s3:PutObject)', () => {
    // A stream is read once: each attempt renders the lazy text again.
    const payload = whole ?? {
      Body: Readable.from((body as LazyText).chunks()),
      ContentLength: (body as LazyText).byteLength,
      ContentMD5: (body as LazyText).md5,
    };
    return client.send(
      new PutObjectCommand({ Bucket: target.bucket, Key: key, ...payload, ContentType: contentType, ContentDisposition: 'inline' }),
    );
  });
}

/** Deletes `keys` in batches of 1,000 (the DeleteObjects maximum). Throws naming the keys S3 refused. */
export async function deleteKeys(client: S3Client, target: StoreTarget, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const r = await attempt(target, 'delete objects (s3:DeleteObject)', () =>
      client.send(new DeleteObjectsCommand({ Bucket: target.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } })),
    );
    if (r.Errors?.length) {
      throw new Error(
        `S3 did not delete ${plural(r.Errors.length, 'object')}, e.g. ${r.Errors[0].Key}: ${r.Errors[0].Code} ${r.Errors[0].Message ?? ''}`.trim(),
      );
    }
  }
}
