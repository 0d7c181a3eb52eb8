/**
 * The digests of what is uploaded, taken from the bytes in memory as they are sent (one pass over
 * the file): the file's SHA-256, shown to reviewers, and each request body's digest for the store to
 * check (body-check.ts): its SHA-256 in the signature, or its MD5 (`Content-MD5`, or the ETag the
 * store echoes). Large bodies are hashed on worker threads, so this thread only reads and sends: two
 * when a file is sent in parts, as it is hashed twice (each part for the store, the whole for
 * reviewers), which costs more than a core; else one (a thread costs about 30 ms of CPU to start,
 * and a second one made 20 files of 8 MiB 5–8 % slower on two cores, in A/B runs).
 */
import { createHash, hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Bodies below this are hashed here: a worker round trip costs more than their digest. */
const WORKER_MIN_BYTES = 256 * 1024;

/** `md5` as `Content-MD5` wants it (base64), `sha256` as a signature carries it (hex). */
export type BodyDigest = 'md5' | 'sha256';

const ENCODING = { md5: 'base64', sha256: 'hex' } as const;

/**
 * The worker's source, CommonJS (`eval`), so the bundle needs no second file. A message hashes one
 * body (`algorithm`), or feeds a file's running SHA-256 (`stream`; `end` gives its digest); one
 * with neither is answered at once (the thread is up).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const encoding = ${JSON.stringify(ENCODING)};
const streams = new Map();
parentPort.on('message', ({ id, bytes, algorithm, stream, end }) => {
  if (stream === undefined && algorithm === undefined) return parentPort.postMessage({ id, digest: '' });
  if (stream === undefined) return parentPort.postMessage({ id, digest: createHash(algorithm).update(bytes).digest(encoding[algorithm]) });
  if (!streams.has(stream)) streams.set(stream, createHash('sha256'));
  if (bytes) streams.get(stream).update(bytes);
  let digest = '';
  if (end) {
    digest = streams.get(stream).digest('hex');
    streams.delete(stream);
  }
  parentPort.postMessage({ id, digest });
});`;

/** A file's SHA-256 taken on a thread, from its bodies in order. */
export interface FileHash {
  /** Adds `bytes`; resolves once the thread has read them (then they may be reused). */
  update(bytes: Uint8Array): Promise<void>;
  /** Hex SHA-256 of everything added. */
  digest(): Promise<string>;
}

export interface BodyHasher {
  /** `algorithm` of `bytes` (base64 MD5, hex SHA-256). Do not change `bytes` until it resolves. */
  digest(bytes: Uint8Array, algorithm: BodyDigest): Promise<string>;
  /**
   * A running SHA-256 on one thread. If that thread dies, `digest` rejects (the file is reported
   * failed, never given another hash).
   */
  file(): FileHash;
  /**
   * Starts the threads now rather than with the first large body (a thread takes tens of
   * milliseconds to start, which the first part would wait for). Resolves with their thread ids once
   * each has answered; never rejects.
   */
  start(): Promise<number[]>;
  /** Stops the threads, if any were started; later bodies are hashed on this thread. */
  close(): Promise<void>;
}

/** `algorithm` of `bytes` on this thread, encoded as BodyHasher's. */
export function digestHere(bytes: Uint8Array, algorithm: BodyDigest): string {
  return hash(algorithm, bytes, ENCODING[algorithm]);
}

export const md5Base64 = (bytes: Uint8Array): string => digestHere(bytes, 'md5');

/** One hashing thread, started on first use; what it has not answered yet is `pending`. */
class Thread {
  private worker: Worker | undefined;
  private failed: Error | undefined;
  private next = 0;
  readonly pending = new Map<number, { resolve: (digest: string) => void; reject: (e: Error) => void }>();

  get usable(): boolean {
    return this.failed === undefined;
  }

  /** Starts the worker if it is not running; resolves with its thread id once it answers. */
  async ready(): Promise<number> {
    await this.send({});
    return this.worker?.threadId ?? Promise.reject(this.failed);
  }

  /** Bodies backed by a SharedArrayBuffer are shared with the thread, not copied; others are copied once. */
  send(message: { bytes?: Uint8Array; algorithm?: BodyDigest; stream?: number; end?: boolean }): Promise<string> {
    if (this.failed) return Promise.reject(this.failed);
    const w = (this.worker ??= this.spawn());
    const id = this.next++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    this.fail(this.failed ?? new Error('closed'));
    const w = this.worker;
    this.worker = undefined;
    if (w) {
      w.removeAllListeners('exit');
      await w.terminate();
    }
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.unref();
    w.on('message', ({ id, digest }: { id: number; digest: string }) => {
      this.pending.get(id)?.resolve(digest);
      this.pending.delete(id);
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => this.fail(new Error(`the hashing thread stopped (exit code ${code})`)));
    return w;
  }

  private fail(error: Error): void {
    this.failed = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** A hasher with `threadCount` worker threads: each body goes to the one with the least work waiting. */
export function createBodyHasher(threadCount: 1 | 2): BodyHasher {
  const threads = Array.from({ length: threadCount }, () => new Thread());
  const leastBusy = () =>
    threads
      .filter((t) => t.usable)
      .reduce<Thread | undefined>((a, t) => (a === undefined || t.pending.size < a.pending.size ? t : a), undefined);
  let streams = 0;
  return {
    digest(bytes, algorithm) {
      const thread = bytes.length < WORKER_MIN_BYTES ? undefined : leastBusy();
      if (!thread) return Promise.resolve(digestHere(bytes, algorithm));
      // A dead thread never costs a body: hash it here instead.
      return thread.send({ bytes, algorithm }).catch(() => digestHere(bytes, algorithm));
    },
    file() {
      const stream = streams++;
      const thread = leastBusy();
      if (!thread) {
        const here = createHash('sha256');
        return { update: async (bytes) => void here.update(bytes), digest: async () => here.digest('hex') };
      }
      let last: Promise<unknown> = Promise.resolve();
      return {
        update: (bytes) => {
          const read = thread.send({ bytes, stream });
          last = read;
          return read.then(() => undefined);
        },
        // Messages to one thread arrive in order: the end follows every update.
        digest: () => last.then(() => thread.send({ stream, end: true })),
      };
    },
    async start() {
      const ids = await Promise.all(threads.map((t) => t.ready().catch(() => undefined)));
      return ids.filter((id) => id !== undefined);
    },
    async close() {
      await Promise.all(threads.map((t) => t.close()));
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
