/** The S3 client: one per run, with the action's own retries and timeouts. */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import http from 'node:http';
import https from 'node:https';
import { DEFAULT_S3_TIMEOUTS, S3Timeouts } from '../config/context.js';
import { Sha256 } from './sha256.js';

/** Where the objects live. */
export interface StoreTarget {
  /**
   * S3 endpoint, e.g. `https://s3.us-east-1.amazonaws.com` or `http://127.0.0.1:9000`. A path
   * (`https://gw.example.com/s3`) is kept as a prefix. Default: AWS's regional endpoint.
   */
  endpoint?: URL;
  bucket: string;
  /** Signing region (`auto` for R2, usually `us-east-1` for MinIO). */
  region: string;
  /** Always put the bucket in the path, as MinIO and most self-hosted stores need. */
  forcePathStyle: boolean;
}

/** What signs requests and links. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * One client for the whole run: keep-alive sockets sized to the concurrency. The action retries
 * requests itself (see `s3Retry` in s3-errors.ts), so that each retry's cause is logged and a run stops
 * early on errors no retry can mend.
 * Checksums are `WHEN_REQUIRED`: the SDK's 2025 default streams uploads with a trailing CRC
 * (STREAMING-UNSIGNED-PAYLOAD-TRAILER) that many S3-compatible stores reject. The action proves each
 * upload body itself (body-check.ts): with its SHA-256 in the signature where the store checks that
 * (`signPayloadAs`), else with `Content-MD5` and UNSIGNED-PAYLOAD (the SDK would hash it once more).
 */
export function createS3Client(
  target: StoreTarget,
  credentials: Credentials,
  maxSockets: number,
  timeouts: S3Timeouts = DEFAULT_S3_TIMEOUTS,
): S3Client {
  const agent = { keepAlive: true, maxSockets };
  const client = new S3Client({
    region: target.region,
    endpoint: target.endpoint?.toString(),
    forcePathStyle: target.forcePathStyle,
    credentials,
    maxAttempts: 1,
    // Signing keys kept as key objects: half of each request's signing time on Node 24 (sha256.ts).
    sha256: Sha256,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Each command's middleware chain is built once, not on every request (the SDK's default), which
    // took about 4 % of the CPU time of 1,000 small files. Nothing adds middleware after this function.
    cacheMiddleware: true,
    // No `info`: the SDK's logger middleware then skips copying every input and output through its
    // sensitive-field filter (2 % of the CPU of 1,000 small files), which it does for the default
    // no-op logger. It calls only `logger?.info?.(…)` and `logger?.error?.(…)`.
    logger: QUIET as unknown as S3ClientConfig['logger'],
    requestHandler: new NodeHttpHandler({
      connectionTimeout: timeouts.connectMs,
      socketTimeout: timeouts.idleMs,
      httpAgent: new http.Agent(agent),
      httpsAgent: new https.Agent(agent),
    }),
  });
  // Bucket-level requests (list, delete) in path style go to `/bucket/`; S3 treats that like `/bucket`,
  // but some S3-compatible servers verify the signature only for `/bucket`. Sign what all accept.
  const bucketRoot = `/${target.bucket}/`;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { path?: string };
      if (request.path?.endsWith(bucketRoot)) request.path = request.path.slice(0, -1);
      return next(args);
    },
    { step: 'build', name: 'bucketRootWithoutSlash' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (UPLOADS.has(context.commandName ?? '') && request.headers) {
        // The action's own hash, or none where Content-MD5 proves the body; any other body (a
        // manifest, a comment record) the SDK signs with the SHA-256 it takes itself.
        const input = args.input as { Body?: unknown; ContentMD5?: string };
        const known = input.Body instanceof Uint8Array ? payloadHashes.get(input.Body) : undefined;
        const payload = known ?? (input.ContentMD5 ? 'UNSIGNED-PAYLOAD' : undefined);
        if (payload) request.headers['x-amz-content-sha256'] = payload;
      }
      return next(args);
    },
    { step: 'build', name: 'uploadBodiesHashedByTheAction' },
  );
  return client;
}

const QUIET = { debug: () => undefined, warn: () => undefined };

/** Commands whose bodies the action proves itself (see upload.ts). */
const UPLOADS = new Set(['PutObjectCommand', 'UploadPartCommand']);

const payloadHashes = new WeakMap<Uint8Array, string>();

/**
 * Signs `body` (the very object passed as a PutObject or UploadPart `Body`) with `sha256` (hex) as
 * its payload hash: a store that checks it refuses other bytes (XAmzContentSHA256Mismatch). Bodies
 * not named here are signed UNSIGNED-PAYLOAD and carry `Content-MD5`.
 */
export function signPayloadAs(body: Uint8Array, sha256: string): void {
  payloadHashes.set(body, sha256);
}
