/**
 * The digests of what is uploaded, taken from the bytes in memory as they are sent (one pass over
 * the file): the file's SHA-256, shown to reviewers, and each request body's MD5, which every
 * S3-compatible store checks (`Content-MD5`) or echoes (the ETag of an unencrypted object or part).
 * MD5 runs on a worker thread beside the SHA-256 on this one: the two together cost more than a core.
 */
import { createHash, hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Bodies below this are hashed here: a worker round trip costs more than their MD5. */
const WORKER_MIN_BYTES = 256 * 1024;

/** The worker's source, CommonJS (`eval`), so the bundle needs no second file. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, bytes }) => {
  parentPort.postMessage({ id, md5: createHash('md5').update(bytes).digest('base64') });
});`;

export interface Md5Hasher {
  /** Base64 MD5 of `bytes` (as `Content-MD5` wants). Do not change `bytes` until it resolves. */
  md5(bytes: Uint8Array): Promise<string>;
  /** Stops the worker, if one was started; later bodies are hashed on this thread. */
  close(): Promise<void>;
}

export function md5Base64(bytes: Uint8Array): string {
  return hash('md5', bytes, 'base64');
}

/**
 * An MD5 hasher with one worker thread, started on first use. Bodies backed by a SharedArrayBuffer
 * are shared with the worker, not copied; others are copied once (structured clone).
 */
export function createMd5Hasher(): Md5Hasher {
  let worker: Worker | undefined;
  let failed: Error | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (md5: string) => void; reject: (e: Error) => void }>();
  const fail = (error: Error) => {
    failed = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.unref();
    w.on('message', ({ id, md5 }: { id: number; md5: string }) => {
      pending.get(id)?.resolve(md5);
      pending.delete(id);
    });
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the hashing thread stopped (exit code ${code})`)));
    return w;
  };
  return {
    md5(bytes) {
      if (bytes.length < WORKER_MIN_BYTES || failed) return Promise.resolve(md5Base64(bytes));
      worker ??= start();
      const id = next++;
      const w = worker;
      return new Promise<string>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, bytes });
      }).catch(() => md5Base64(bytes)); // a dead worker never costs a file: hash here instead
    },
    async close() {
      failed ??= new Error('closed');
      const w = worker;
      worker = undefined;
      if (w) {
        w.removeAllListeners('exit');
        await w.terminate();
      }
    },
  };
}

/** Hex MD5 of a base64 one, as ETags carry it. */
export function md5Hex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex');
}

/** The ETag S3-compatible stores give a completed multipart upload: MD5 of the parts' MD5s, dash, count. */
export function multipartEtag(partMd5s: readonly string[]): string {
  const md5 = createHash('md5');
  for (const p of partMd5s) md5.update(Buffer.from(p, 'base64'));
  return `${md5.digest('hex')}-${partMd5s.length}`;
}

/**
 * Whether a store's answer proves it holds other bytes than were sent: its ETag has the form of
 * `expected` (32 hex digits for a body, MD5-dash-count for a completed multipart upload) and differs.
 * An encrypted object's ETag (SSE-KMS, SSE-C) is not its MD5, and such stores check `Content-MD5`
 * instead; a store with another scheme (some give a multipart object its whole MD5): no proof.
 */
export function etagContradicts(
  response: { ETag?: string; ServerSideEncryption?: string; SSECustomerAlgorithm?: string },
  expected: string,
): boolean {
  if (response.SSECustomerAlgorithm || (response.ServerSideEncryption ?? '').startsWith('aws:kms')) return false;
  const etag = (response.ETag ?? '').replace(/^W\//, '').replace(/"/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}(-\d+)?$/.test(etag) || etag.includes('-') !== expected.includes('-')) return false;
  return etag !== expected.toLowerCase();
}

/** The store answered with a digest of other bytes than were sent: retried, then a failed file. */
export class DigestMismatch extends Error {
  override name = 'BadDigest';
  constructor(what: string, etag: string | undefined, expected: string) {
    super(
      `the store holds different bytes than were sent for ${what} (its ETag ${etag ?? '(none)'}, expected ${expected}): the body was changed in transit`,
    );
  }
}
