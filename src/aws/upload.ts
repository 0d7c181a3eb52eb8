/**
 * Upload every file with bounded parallelism, one pass over its bytes: each body is read into
 * memory, hashed there (the file's SHA-256, and the body's digest that the store checks) and sent.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Logger } from '../util/log.js';
import { createLimiter, forEachLimited, RetryOptions, Sleep, withRetry } from '../util/retry.js';
import type { BodyCheck } from './body-check.js';
import { createBodyHasher, digestHere, DigestMismatch, etagContradicts, md5Hex, multipartEtag, type BodyHasher } from './digests.js';
import { createObjectPut, type PutObject } from './object-put.js';
import { changed as changedFile, LocalFileError, readPart, readSmall, unreadable } from './local-file.js';
import { PartBuffers } from './part-buffers.js';
import { Progress } from './progress.js';
import { signPayloadAs, type StoreTarget } from './s3-client.js';
import { deadCredentialsCause, describeS3Error, runStoppingCause, s3Retry } from './s3-errors.js';

/** A file on disk, as the upload sees it. */
export interface LocalFile {
  absolutePath: string;
  /** Path relative to the workspace, as shown to people. */
  displayPath: string;
  size: number;
}

export interface UploadPlan {
  file: LocalFile;
  key: string;
  contentType: string;
  contentDisposition: string;
}

export interface Uploaded {
  plan: UploadPlan;
  sha256: string;
  /** Bytes uploaded (the file may have changed size since it was found). */
  size: number;
}

export interface UploadFailure {
  plan: UploadPlan;
  message: string;
  /** The S3 error name when the store said the signing credentials are dead (see deadCredentialsCause). */
  deadCredentials?: string;
}

export interface UploadOptions {
  client: S3Client;
  target: StoreTarget;
  /** Requests in flight at once (whole small files and parts of large ones share this budget). */
  concurrency: number;
  /** Files larger than this go multipart, in parts of this size (grown if a file needs > 10,000 parts). */
  partSize: number;
  /** Bytes of request bodies held in memory at once (default MEMORY_BUDGET_BYTES). */
  memoryBudget?: number;
  /**
   * How the store checks each body (body-check.ts); never rejects. Files are read and their SHA-256
   * taken while it is on its way; each body waits for it before it is sent.
   */
  bodyCheck: BodyCheck | Promise<BodyCheck>;
  sleep: Sleep;
  log: Logger;
  progressIntervalMs: number;
  now?: () => number;
}

export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/**
 * Request bodies in memory at once, across all files (parts in flight and files up to one part):
 * eight 8 MiB parts. Small files (below) come on top, bounded by concurrency × 1 MiB.
 */
export const MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;
/** Files up to this size are read with one call into their own buffer (no shared part buffer). */
export const SMALL_FILE_BYTES = 1024 * 1024;
const MAX_PARTS = 10_000;
/**
 * Uploads every plan; never throws for a single file. Returns what was uploaded and what was not,
 * each failure with the file and the store's error, so no link is ever made for a missing object.
 */
export async function uploadAll(plans: UploadPlan[], o: UploadOptions): Promise<{ uploaded: Uploaded[]; failed: UploadFailure[] }> {
  const slots = createLimiter(o.concurrency);
  let fatal: string | undefined;
  // Every request waits for a slot; once one file has hit a fatal error, queued requests are not sent.
  const limit: Limit = (task) =>
    slots(async () => {
      if (fatal) throw new Error(`not attempted after an earlier fatal error (${fatal})`);
      try {
        return await task();
      } catch (error) {
        fatal ??= runStoppingCause(error); // before the slot is handed on
        throw error;
      }
    });
  const uploaded: Uploaded[] = [];
  const failed: UploadFailure[] = [];
  // Two threads when a file goes in parts: its SHA-256 grows on one while its parts are hashed on either.
  const hasher = createBodyHasher(plans.some((p) => p.file.size > o.partSize) ? 2 : 1);
  // Files above SMALL_FILE_BYTES are hashed on the threads: started now, while the store answers the
  // body check, so that the first part is sent as soon as it is read.
  if (plans.some((p) => p.file.size > SMALL_FILE_BYTES)) void hasher.start();
  let timer: NodeJS.Timeout | undefined;
  try {
    const bodyCheck = Promise.resolve(o.bodyCheck);
    const progress = new Progress(plans, o.now ?? Date.now);
    timer = setInterval(() => o.log.info(progress.line()), o.progressIntervalMs);
    timer.unref();
    const shared: Shared = {
      options: o,
      bodyCheck,
      limit,
      buffers: new PartBuffers(o.memoryBudget ?? MEMORY_BUDGET_BYTES, o.partSize),
      hasher,
      progress,
      put: createObjectPut(o.client, o.target),
    };
    // One file per worker: a file is read, hashed and sent before its worker takes the next one, so
    // at most `concurrency` small files sit in memory, and per-file state does not pile up in a
    // promise per file. Parts of large files still share the request slots with the other workers.
    await forEachLimited(plans, o.concurrency, async (plan) => {
      try {
        uploaded.push(await uploadOne(plan, shared));
        progress.fileDone();
      } catch (error) {
        const dead = deadCredentialsCause(error);
        failed.push({ plan, message: describe(error, o.target), ...(dead ? { deadCredentials: dead } : {}) });
        progress.fileFailed();
      }
    });
    o.log.info(progress.line());
  } finally {
    clearInterval(timer);
    await hasher.close();
  }
  return { uploaded, failed };
}

function describe(error: unknown, target: StoreTarget): string {
  return error instanceof LocalFileError ? error.message : describeS3Error(error, target, 'write objects');
}

const changed = (file: LocalFile) => changedFile(file.displayPath);

type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** What every file's upload shares: the request slots, the memory for bodies, the hashing threads. */
interface Shared {
  options: UploadOptions;
  /** Awaited by each body before it is sent (the probe's answer; the first files are read meanwhile). */
  bodyCheck: Promise<BodyCheck>;
  limit: Limit;
  buffers: PartBuffers;
  hasher: BodyHasher;
  progress: Progress;
  /** Whole files go out as plain signed PUTs, without the SDK's command stack (object-put.ts). */
  put: PutObject;
}

/** One request body, and the digest the store must find in it: signed SHA-256 (hex) or Content-MD5 (base64). */
type Body = { bytes: Buffer; sha256: string; md5?: undefined } | { bytes: Buffer; md5: string; sha256?: undefined };

/** The digest each body carries for the store to check. */
const digestOf = (check: BodyCheck) => (check === 'payload-sha256' ? 'sha256' : 'md5');

function bodyOf(bytes: Buffer, check: BodyCheck, digest: string): Body {
  return check === 'payload-sha256' ? { bytes, sha256: digest } : { bytes, md5: digest };
}

/** The request's body fields; a signed SHA-256 goes into the signature (s3-client.ts). */
function bodyInput(body: Body): { Body: Buffer; ContentLength: number; ContentMD5?: string } {
  if (body.sha256 !== undefined) signPayloadAs(body.bytes, body.sha256);
  return { Body: body.bytes, ContentLength: body.bytes.length, ...(body.md5 === undefined ? {} : { ContentMD5: body.md5 }) };
}

/** A store that ignores Content-MD5 may still echo the MD5 as its ETag: a different one means other bytes. */
function checkEtag(response: { ETag?: string }, body: Body, what: string): void {
  if (body.md5 !== undefined && etagContradicts(response, md5Hex(body.md5)))
    throw new DigestMismatch(what, response.ETag, md5Hex(body.md5));
}

async function uploadOne(plan: UploadPlan, shared: Shared): Promise<Uploaded> {
  const { file } = plan;
  if (file.size <= SMALL_FILE_BYTES) {
    // One open and one read; what is sent is exactly what was hashed.
    const bytes = await readSmall(file);
    if (bytes.length > SMALL_FILE_BYTES) throw changed(file);
    const sha256 = digestHere(bytes, 'sha256');
    const check = await shared.bodyCheck;
    await putObject(plan, bodyOf(bytes, check, check === 'payload-sha256' ? sha256 : digestHere(bytes, 'md5')), shared);
    return { plan, sha256, size: bytes.length };
  }
  const handle = await open(file.absolutePath, 'r').catch((e: unknown) => {
    throw unreadable(file.displayPath, e);
  });
  try {
    const before = await handle.stat();
    const partSize = Math.max(shared.options.partSize, Math.ceil(before.size / MAX_PARTS));
    const result =
      before.size <= partSize
        ? await putWhole(plan, handle, before.size, shared)
        : await putMultipart(plan, handle, before.size, partSize, shared);
    // The path, not the open handle: a file deleted or replaced meanwhile is reported, not uploaded quietly.
    const after = await stat(file.absolutePath).catch((e: unknown) => {
      throw unreadable(file.displayPath, e);
    });
    if (after.ino !== before.ino || after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw changed(file);
    return result;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * A file up to one part: read into memory, hashed there (on the threads), one PUT. Its SHA-256 is
 * also the signed payload hash; where the store checks MD5 instead, that is taken beside it.
 */
async function putWhole(plan: UploadPlan, handle: FileHandle, size: number, shared: Shared): Promise<Uploaded> {
  const lease = await shared.buffers.take(size);
  try {
    const bytes = await readPart(plan.file.displayPath, handle, lease.bytes, 0, true);
    // The file's SHA-256 is wanted either way: taken while the store's answer to the probe is awaited.
    const hashed = shared.hasher.digest(bytes, 'sha256');
    const check = await shared.bodyCheck;
    if (check === 'payload-sha256') {
      const sha256 = await hashed;
      await putObject(plan, { bytes, sha256 }, shared);
      return { plan, sha256, size };
    }
    const [md5, sha256] = await Promise.all([shared.hasher.digest(bytes, 'md5'), hashed]);
    await putObject(plan, { bytes, md5 }, shared);
    return { plan, sha256, size };
  } finally {
    lease.release();
  }
}

async function putObject(plan: UploadPlan, body: Body, shared: Shared): Promise<void> {
  const { options: o } = shared;
  await shared.limit(() =>
    withRetry(
      async () => {
        const r = await shared.put({
          key: plan.key,
          body: body.bytes,
          contentType: plan.contentType,
          contentDisposition: plan.contentDisposition,
          ...(body.sha256 === undefined ? { md5: body.md5 } : { sha256: body.sha256 }),
        });
        checkEtag(r, body, plan.file.displayPath);
      },
      retryFor(plan, o),
    ),
  );
  shared.progress.addBytes(body.bytes.length);
}

/**
 * A larger file in parts, read in order and sent as soon as each is read: the upload is created
 * while the first part is read, the file's SHA-256 grows part by part on a thread, and memory holds
 * only the parts in flight (the budget of PartBuffers). The first failed part stops the reading.
 */
async function putMultipart(plan: UploadPlan, handle: FileHandle, size: number, partSize: number, shared: Shared): Promise<Uploaded> {
  const { options: o, limit } = shared;
  const retry = retryFor(plan, o);
  // The object records which upload made it, so a lost CompleteMultipartUpload response can be confirmed.
  const upload = randomUUID();
  const created = limit(() =>
    withRetry(() => o.client.send(new CreateMultipartUploadCommand({ ...common(plan, o), Metadata: { upload } })), retry),
  );
  created.catch(() => undefined); // awaited below; a failure before the first part is read is not lost
  const whole = shared.hasher.file();
  const md5s: string[] = [];
  const sending: Promise<{ ETag?: string; PartNumber: number }>[] = [];
  let failure: { error: unknown } | undefined;
  let uploadId: string | undefined;
  try {
    const count = Math.ceil(size / partSize);
    for (let i = 0; i < count && !failure; i++) {
      const start = i * partSize;
      const lease = await shared.buffers.take(Math.min(partSize, size - start));
      let sent = false;
      try {
        const bytes = await readPart(plan.file.displayPath, handle, lease.bytes, start, i === count - 1);
        // The threads hash this part while the file's SHA-256 grows, and the next part is read
        // without waiting for either: the part is sent once its digest is known, and its memory is
        // reused once it is sent and in the file's SHA-256.
        const check = await shared.bodyCheck;
        const digest = shared.hasher.digest(bytes, digestOf(check));
        const hashed = whole.update(bytes);
        const partNumber = i + 1;
        const posted = Promise.all([digest, created]).then(([d, upload]) => {
          if (check === 'content-md5') md5s[partNumber - 1] = d;
          uploadId ??= upload.UploadId;
          return sendPart(plan, bodyOf(bytes, check, d), partNumber, upload.UploadId!, shared, retry);
        });
        // The buffer goes back only when neither the request nor the hashing thread still reads it.
        const part = Promise.allSettled([posted, hashed]).then(([p, h]) => {
          lease.release();
          if (p.status === 'rejected') throw p.reason;
          if (h.status === 'rejected') throw h.reason;
          return p.value;
        });
        sent = true;
        part.catch((error: unknown) => (failure ??= { error }));
        sending.push(part);
      } finally {
        if (!sent) lease.release();
      }
    }
    const parts = await Promise.all(sending);
    const check = await shared.bodyCheck;
    // Parts signed with their SHA-256 were each checked by the store; otherwise the whole ETag is checked too.
    const expected = check === 'content-md5' ? multipartEtag(md5s) : undefined;
    const completed = await limit(() =>
      withRetry(async (attempt) => {
        try {
          return await o.client.send(
            new CompleteMultipartUploadCommand({
              Bucket: o.target.bucket,
              Key: plan.key,
              UploadId: uploadId,
              MultipartUpload: { Parts: parts },
            }),
          );
        } catch (error) {
          // A retry after a lost response finds the upload already completed (NoSuchUpload / 404):
          // the object is there if this upload made it; its HEAD carries the same ETag.
          const head = attempt > 1 ? await completedBy(o, plan, upload, size) : undefined;
          if (head) return head;
          throw error;
        }
      }, retry),
    );
    // Checked once, outside the retries: a completed upload cannot be sent again, only refused.
    if (expected !== undefined && etagContradicts(completed, expected))
      throw new DigestMismatch(plan.file.displayPath, completed.ETag, expected);
  } catch (error) {
    await Promise.allSettled(sending);
    if (uploadId === undefined) uploadId = await created.then((c) => c.UploadId).catch(() => undefined);
    if (uploadId !== undefined) {
      await o.client
        .send(new AbortMultipartUploadCommand({ Bucket: o.target.bucket, Key: plan.key, UploadId: uploadId }))
        .catch(() => undefined);
    }
    throw failure?.error ?? error;
  }
  return { plan, sha256: await whole.digest(), size };
}

function sendPart(
  plan: UploadPlan,
  body: Body,
  partNumber: number,
  uploadId: string,
  shared: Shared,
  retry: RetryOptions,
): Promise<{ ETag?: string; PartNumber: number }> {
  const { options: o } = shared;
  return shared.limit(() =>
    withRetry(async () => {
      const r = await o.client.send(
        new UploadPartCommand({
          Bucket: o.target.bucket,
          Key: plan.key,
          UploadId: uploadId,
          PartNumber: partNumber,
          ...bodyInput(body),
        }),
      );
      checkEtag(r, body, `part ${partNumber} of ${plan.file.displayPath}`);
      shared.progress.addBytes(body.bytes.length);
      return { ETag: r.ETag, PartNumber: partNumber };
    }, retry),
  );
}

function common(plan: UploadPlan, o: UploadOptions) {
  return { Bucket: o.target.bucket, Key: plan.key, ContentType: plan.contentType, ContentDisposition: plan.contentDisposition };
}

function retryFor(plan: UploadPlan, o: UploadOptions): RetryOptions {
  return s3Retry(o.sleep, (e, attempt, ms) =>
    o.log.info(
      `Retrying ${plan.file.displayPath} (attempt ${attempt + 1}) in ${ms} ms after ${(e as Error).name}: ${(e as Error).message}`,
    ),
  );
}

/** After a lost CompleteMultipartUpload response: the object's HEAD, if it exists, made by this upload, of this size. */
async function completedBy(o: UploadOptions, plan: UploadPlan, upload: string, size: number) {
  const head = await o.client.send(new HeadObjectCommand({ Bucket: o.target.bucket, Key: plan.key })).catch(() => undefined);
  return head?.Metadata?.upload === upload && head.ContentLength === size ? head : undefined;
}
