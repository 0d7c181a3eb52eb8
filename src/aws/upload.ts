/** Upload every file, streaming from disk, with bounded parallelism and verified checksums. */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { plural, type Logger } from '../util/log.js';
import { createLimiter, forEachLimited, Sleep, withRetry } from '../util/retry.js';
import { hashFile } from './hash.js';
import type { StoreTarget } from './s3-client.js';
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
  sleep: Sleep;
  log: Logger;
  progressIntervalMs: number;
  now?: () => number;
}

export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;
/**
 * Files up to this size are read once into memory, hashed and sent from that buffer: one open and
 * one read instead of a hashing pass plus a stream. Memory stays bounded by concurrency × this.
 */
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
  const progress = new Progress(plans, o.now ?? Date.now);
  const timer = setInterval(() => o.log.info(progress.line()), o.progressIntervalMs);
  timer.unref();
  const uploaded: Uploaded[] = [];
  const failed: UploadFailure[] = [];
  try {
    // One file per worker: a file is read, hashed and sent before its worker takes the next one, so
    // at most `concurrency` small files sit in memory, and per-file state does not pile up in a
    // promise per file. Parts of large files still share the request slots with the other workers.
    await forEachLimited(plans, o.concurrency, async (plan) => {
      try {
        uploaded.push(await uploadOne(plan, o, limit, progress));
        progress.fileDone();
      } catch (error) {
        const dead = deadCredentialsCause(error);
        failed.push({ plan, message: describe(error, o.target), ...(dead ? { deadCredentials: dead } : {}) });
        progress.fileFailed();
      }
    });
  } finally {
    clearInterval(timer);
  }
  o.log.info(progress.line());
  return { uploaded, failed };
}

function describe(error: unknown, target: StoreTarget): string {
  return error instanceof LocalFileError ? error.message : describeS3Error(error, target, 'write objects');
}

/** The file on disk, not the store, is why it was not uploaded. */
class LocalFileError extends Error {}

/** Why `file` could not be read, with its real cause: gone, not readable, or something else. */
export function unreadable(displayPath: string, error: unknown): LocalFileError {
  const e = (error ?? {}) as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return new LocalFileError(`${displayPath} disappeared before it was uploaded (${e.code}); is another step deleting it?`);
    case 'EACCES':
    case 'EPERM':
      return new LocalFileError(
        `${displayPath} could not be read: permission denied (${e.code}). Make it readable by the user the job runs as (e.g. chmod a+r), or exclude it in 'path'.`,
      );
    case 'EISDIR':
      return new LocalFileError(
        `${displayPath} was replaced by a directory before it was uploaded (${e.code}); upload after the step that writes it.`,
      );
    default:
      return new LocalFileError(`${displayPath} could not be read (${e.code ?? 'error'}: ${e.message ?? String(error)}).`);
  }
}

type Limit = <T>(task: () => Promise<T>) => Promise<T>;

async function uploadOne(plan: UploadPlan, o: UploadOptions, limit: Limit, progress: Progress): Promise<Uploaded> {
  const { file } = plan;
  const retry = s3Retry(o.sleep, (e, attempt, ms) =>
    o.log.info(`Retrying ${file.displayPath} (attempt ${attempt + 1}) in ${ms} ms after ${(e as Error).name}: ${(e as Error).message}`),
  );
  const common = {
    Bucket: o.target.bucket,
    Key: plan.key,
    ContentType: plan.contentType,
    ContentDisposition: plan.contentDisposition,
  };
  if (file.size <= SMALL_FILE_BYTES) {
    // What is sent is exactly what was hashed, so a file rewritten meanwhile cannot mismatch its checksum.
    const bytes = await limit(() => readFile(file.absolutePath)).catch((e: unknown) => {
      throw unreadable(file.displayPath, e);
    });
    if (bytes.length > SMALL_FILE_BYTES) throw changed(file);
    const digest = createHash('sha256').update(bytes).digest();
    await limit(() =>
      withRetry(
        () =>
          o.client.send(
            new PutObjectCommand({
              ...common,
              Metadata: { sha256: digest.toString('hex') },
              Body: bytes,
              ContentLength: bytes.length,
              ChecksumSHA256: digest.toString('base64'),
            }),
          ),
        retry,
      ),
    );
    progress.addBytes(bytes.length);
    return { plan, sha256: digest.toString('hex'), size: bytes.length };
  }
  const before = await statOrExplain(file);
  const partSize = Math.max(o.partSize, Math.ceil(before.size / MAX_PARTS));
  const digest = await limit(() => hashFile(file.absolutePath, partSize)).catch((e: unknown) => {
    throw unreadable(file.displayPath, e);
  });
  if (digest.size !== before.size) throw changed(file);
  const metadata = { Metadata: { sha256: digest.sha256 } };
  if (before.size <= partSize) {
    await limit(() =>
      withRetry(
        () =>
          o.client.send(
            new PutObjectCommand({
              ...common,
              ...metadata,
              Body: body(file.absolutePath, 0, before.size),
              ContentLength: before.size,
              ChecksumSHA256: digest.parts[0],
            }),
          ),
        retry,
      ),
    );
    progress.addBytes(before.size);
  } else if (await limit(() => isSame(o, plan, digest.sha256, before.size))) {
    progress.addBytes(before.size);
  } else {
    const { UploadId } = await limit(() =>
      withRetry(() => o.client.send(new CreateMultipartUploadCommand({ ...common, ...metadata, ChecksumAlgorithm: 'SHA256' })), retry),
    );
    try {
      const parts = await Promise.all(
        digest.parts.map((checksum, i) => {
          const start = i * partSize;
          const length = Math.min(partSize, before.size - start);
          return limit(() =>
            withRetry(async () => {
              const r = await o.client.send(
                new UploadPartCommand({
                  Bucket: common.Bucket,
                  Key: common.Key,
                  UploadId,
                  PartNumber: i + 1,
                  Body: body(file.absolutePath, start, length),
                  ContentLength: length,
                  ChecksumSHA256: checksum,
                }),
              );
              progress.addBytes(length);
              return { ETag: r.ETag, PartNumber: i + 1, ChecksumSHA256: checksum };
            }, retry),
          );
        }),
      );
      await limit(() =>
        withRetry(async (attempt) => {
          try {
            await o.client.send(
              new CompleteMultipartUploadCommand({ Bucket: common.Bucket, Key: common.Key, UploadId, MultipartUpload: { Parts: parts } }),
            );
          } catch (error) {
            // A retry after a lost response finds the upload already completed (NoSuchUpload / 404):
            // the object is there if it holds our bytes.
            if (attempt > 1 && (await isSame(o, plan, digest.sha256, before.size))) return;
            throw error;
          }
        }, retry),
      );
    } catch (error) {
      await o.client.send(new AbortMultipartUploadCommand({ Bucket: common.Bucket, Key: common.Key, UploadId })).catch(() => undefined);
      throw error;
    }
  }
  const after = await statOrExplain(file);
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw changed(file);
  return { plan, sha256: digest.sha256, size: before.size };
}

/** A re-run of the same job skips large files whose object already holds the same bytes and headers. */
async function isSame(o: UploadOptions, plan: UploadPlan, sha256: string, size: number): Promise<boolean> {
  const head = await o.client.send(new HeadObjectCommand({ Bucket: o.target.bucket, Key: plan.key })).catch(() => undefined);
  return (
    head?.Metadata?.sha256 === sha256 &&
    head.ContentLength === size &&
    head.ContentType === plan.contentType &&
    head.ContentDisposition === plan.contentDisposition
  );
}

async function statOrExplain(file: LocalFile) {
  try {
    return await stat(file.absolutePath);
  } catch (error) {
    throw unreadable(file.displayPath, error);
  }
}

function changed(file: LocalFile): LocalFileError {
  return new LocalFileError(
    `${file.displayPath} changed while it was being uploaded; upload artifacts after the step that writes them has finished.`,
  );
}

function body(p: string, start: number, length: number): Readable {
  if (length === 0) return Readable.from([]);
  return createReadStream(p, { start, end: start + length - 1, highWaterMark: 256 * 1024 });
}

/**
 * Files uploaded (failed ones apart), bytes the store accepted (a retried request counts once, when it
 * succeeds) and rate, for the periodic progress line.
 */
export class Progress {
  private files = 0;
  private failed = 0;
  private bytes = 0;
  private readonly totalBytes: number;
  private readonly started: number;
  constructor(
    private readonly plans: UploadPlan[],
    private readonly now: () => number,
  ) {
    this.totalBytes = plans.reduce((n, p) => n + p.file.size, 0);
    this.started = now();
  }
  fileDone(): void {
    this.files++;
  }
  fileFailed(): void {
    this.failed++;
  }
  addBytes(n: number): void {
    this.bytes += n;
  }
  line(): string {
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    return `Uploaded ${this.files}/${plural(this.plans.length, 'file')}${failed}, ${mib(this.bytes)} of ${mib(this.totalBytes)} MiB (${mib(this.bytes / seconds)} MiB/s)`;
  }
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
