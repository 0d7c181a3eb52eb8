/** The S3 client and what S3 errors mean for the person reading the log. */
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import http from 'node:http';
import https from 'node:https';
import { RetryOptions, Sleep } from './retry.js';
import type { Credentials, StoreTarget } from './types.js';

export type { Credentials, StoreTarget } from './types.js';

/** Connect timeout: an unreachable endpoint fails in seconds, not minutes. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A socket that sends or receives nothing for this long is abandoned (and the request retried). */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * One client for the whole run: keep-alive sockets sized to the concurrency. The action retries
 * requests itself (see `s3Retry`): a retried upload must reopen its file, which the SDK cannot do.
 * Checksums are `WHEN_REQUIRED`: the SDK's 2025 default streams uploads with a trailing CRC
 * (STREAMING-UNSIGNED-PAYLOAD-TRAILER) that many S3-compatible stores reject; the action sends its
 * own SHA-256 of every file and part instead, which S3 verifies.
 */
export function createS3Client(target: StoreTarget, credentials: Credentials, maxSockets: number): S3Client {
  const agent = { keepAlive: true, maxSockets };
  const client = new S3Client({
    region: target.region,
    endpoint: target.endpoint?.toString(),
    forcePathStyle: target.forcePathStyle,
    credentials,
    maxAttempts: 1,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: new NodeHttpHandler({
      connectionTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: IDLE_TIMEOUT_MS,
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
  return client;
}

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const RETRYABLE_NAMES = new Set([
  'SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'RequestTimeoutException',
  'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'TimeoutError', 'OperationAborted',
]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export function isRetryableS3Error(error: unknown): boolean {
  const e = (error ?? {}) as AwsLikeError;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    status >= 500 || status === 429 || Boolean(e.$retryable) ||
    RETRYABLE_NAMES.has(e.name ?? '') || RETRYABLE_CODES.has(e.code ?? '') ||
    /socket hang up|ECONNRESET|aborted/i.test(e.message ?? '')
  );
}

export function s3Retry(sleep: Sleep, onRetry?: RetryOptions['onRetry']): RetryOptions {
  return { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000, sleep, isRetryable: isRetryableS3Error, onRetry };
}

/** Turns an S3 or network error into a sentence that names the likely fix. */
export function describeS3Error(error: unknown, target: StoreTarget, action: string): string {
  const e = (error ?? {}) as AwsLikeError;
  // Node network errors carry the cause in `code`; the SDK also labels resets 'TimeoutError'.
  const reset = /ECONNRESET|EPIPE|socket hang up/i.test(`${e.code ?? ''} ${e.message ?? ''}`);
  const name = reset ? 'ECONNRESET' : (e.code && /^E[A-Z_]+$/.test(e.code) ? e.code : undefined) || (e.name && e.name !== 'Error' ? e.name : undefined) || 'Error';
  const where = target.endpoint ? `${target.endpoint.host}` : `S3 in ${target.region}`;
  const detail = `${name}: ${e.message ?? String(error)}`;
  switch (name) {
    case 'AccessDenied':
    case 'Forbidden':
      return `${detail}. The credentials may not ${action} in bucket '${target.bucket}': grant s3:PutObject, s3:GetObject (and s3:DeleteObject, s3:ListBucket for cleanup) on arn:aws:s3:::${target.bucket}/<key-prefix>*.`;
    case 'NoSuchBucket':
    case 'NotFound':
      return `${detail}. Bucket '${target.bucket}' was not found at ${where}: check 'bucket', 'region' and 'endpoint'.`;
    case 'SignatureDoesNotMatch':
      return `${detail}. The store rejected the request signature: the secret access key is wrong, or 'region' does not match the bucket's region.`;
    case 'InvalidAccessKeyId':
      return `${detail}. The access key ID is not known to ${where}: check the credentials configured for this job.`;
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return `${detail}. The session credentials have expired: assume the role closer to this step or with a longer role-session-duration.`;
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
    case 'IllegalLocationConstraintException':
      return `${detail}. Bucket '${target.bucket}' is in a different region: set 'region' to the bucket's region.`;
    case 'ECONNRESET':
      return `${detail}. The connection was reset by ${where} or a proxy in between, on every retry: re-run the job; if it persists, lower 'concurrency'.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ECONNREFUSED':
    case 'TimeoutError':
    case 'ETIMEDOUT':
      return `${detail}. Could not reach ${where}: check 'endpoint' (and 'region') and that the runner can reach it.`;
    default:
      return detail;
  }
}
