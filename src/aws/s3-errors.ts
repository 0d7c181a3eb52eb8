/**
 * What S3 and network errors mean: which are retried, which stop the whole run, and the sentence that
 * names the fix. One table of S3 error names (`error.name`) and one of Node network codes
 * (`error.code`); every decision below reads them.
 */
import { STATUS_CODES } from 'node:http';
import { RetryOptions, Sleep } from '../util/retry.js';
import type { StoreTarget } from './s3-client.js';

/** Names the likely fix, given the bucket, the attempted action and where the store is. */
type Fix = (target: StoreTarget, action: string, where: string) => string;

interface Known {
  /** Transient: retried with backoff. */
  retry?: true;
  /** Every other request would fail the same way: stop the run instead of trying every file. */
  stop?: true;
  /**
   * The signing credentials are dead (expired, unknown, revoked, or their secret does not sign what the
   * store verifies): a link signed with them would not work either, so none may be published.
   */
  dead?: true;
  fix?: Fix;
}

const denied: Fix = (target, action) =>
  `The credentials may not ${action} in bucket '${target.bucket}': grant s3:PutObject, s3:GetObject (and s3:DeleteObject, s3:ListBucket for cleanup) on arn:aws:s3:::${target.bucket}/<key-prefix>*.`;
const noBucket: Fix = (target, _action, where) =>
  `Bucket '${target.bucket}' was not found at ${where}: check 'bucket', 'region' and 'endpoint'.`;
const signature: Fix = () =>
  "The store rejected the request signature: the secret access key is wrong, or 'region' does not match the bucket's region.";
const unknownKey: Fix = (_target, _action, where) =>
  `The access key ID is not known to ${where}: check the credentials configured for this job.`;
const expired: Fix = () =>
  'The session credentials have expired: assume the role closer to this step or with a longer role-session-duration.';
const badToken: Fix = () =>
  'The store rejected the session token: pass the AWS_SESSION_TOKEN that belongs to these keys, or refresh the credentials right before this step.';
const otherRegion: Fix = (target) => `Bucket '${target.bucket}' is in a different region: set 'region' to the bucket's region.`;
const reset: Fix = (_target, _action, where) =>
  `The connection was reset by ${where} or a proxy in between, on every retry: re-run the job; if it persists, lower 'concurrency'.`;
const corrupted: Fix = (_target, _action, where) =>
  `The bytes that reached ${where} differed from the file on every retry (a proxy or network device changing request bodies?): no link was made for it.`;
const unreachable: Fix = (_target, _action, where) =>
  `Could not reach ${where}: check 'endpoint' (and 'region') and that the runner can reach it.`;

/** S3 error names (`error.name`), and the SDK's TimeoutError. */
const S3_ERRORS: Readonly<Record<string, Known>> = {
  SlowDown: { retry: true },
  InternalError: { retry: true },
  ServiceUnavailable: { retry: true },
  RequestTimeout: { retry: true },
  RequestTimeoutException: { retry: true },
  Throttling: { retry: true },
  ThrottlingException: { retry: true },
  TooManyRequestsException: { retry: true },
  OperationAborted: { retry: true },
  TimeoutError: { retry: true, fix: unreachable },
  // The body's Content-MD5 (or our check of the store's ETag, digests.ts) did not match: changed in transit.
  BadDigest: { retry: true, fix: corrupted },
  XAmzContentSHA256Mismatch: { retry: true, fix: corrupted },
  AccessDenied: { stop: true, fix: denied },
  Forbidden: { fix: denied },
  NoSuchBucket: { stop: true, fix: noBucket },
  NotFound: { fix: noBucket },
  SignatureDoesNotMatch: { stop: true, dead: true, fix: signature },
  InvalidAccessKeyId: { stop: true, dead: true, fix: unknownKey },
  ExpiredToken: { stop: true, dead: true, fix: expired },
  ExpiredTokenException: { stop: true, dead: true, fix: expired },
  TokenRefreshRequired: { stop: true, dead: true, fix: expired },
  InvalidToken: { stop: true, dead: true, fix: badToken },
  PermanentRedirect: { stop: true, fix: otherRegion },
  AuthorizationHeaderMalformed: { stop: true, fix: otherRegion },
  IllegalLocationConstraintException: { fix: otherRegion },
  InvalidBucketName: { stop: true },
};

/** Node network error codes (`error.code`). An unreachable endpoint stays unreachable for the next file. */
const NETWORK_ERRORS: Readonly<Record<string, Known>> = {
  ECONNRESET: { retry: true, fix: reset },
  EPIPE: { retry: true },
  ETIMEDOUT: { retry: true, fix: unreachable },
  ECONNREFUSED: { retry: true, stop: true, fix: unreachable },
  EAI_AGAIN: { retry: true, stop: true, fix: unreachable },
  ECONNABORTED: { retry: true },
  UND_ERR_SOCKET: { retry: true },
  ENOTFOUND: { stop: true, fix: unreachable },
  EHOSTUNREACH: { stop: true },
  ENETUNREACH: { stop: true },
};

function known(table: Readonly<Record<string, Known>>, key: string | undefined): Known | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

export function isRetryableS3Error(error: unknown): boolean {
  const e = (error ?? {}) as AwsLikeError;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    status >= 500 ||
    status === 429 ||
    Boolean(e.$retryable) ||
    Boolean(known(S3_ERRORS, e.name)?.retry) ||
    Boolean(known(NETWORK_ERRORS, e.code)?.retry) ||
    /socket hang up|ECONNRESET|aborted/i.test(e.message ?? '')
  );
}

export function s3Retry(sleep: Sleep, onRetry?: RetryOptions['onRetry']): RetryOptions {
  return { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000, sleep, isRetryable: isRetryableS3Error, onRetry };
}

/**
 * Why every other request of the run would fail the same way (the error name or code), or undefined
 * when the next file may well succeed.
 */
export function runStoppingCause(error: unknown): string | undefined {
  const e = (error ?? {}) as AwsLikeError;
  if (known(S3_ERRORS, e.name)?.stop) return e.name;
  if (known(NETWORK_ERRORS, e.code)?.stop) return e.code;
  if (e.name === 'TimeoutError' && /timed out|timeout/i.test(e.message ?? '') && !/ECONNRESET|EPIPE|socket hang up/i.test(e.message ?? ''))
    return 'no response (timeout)';
  return undefined;
}

/**
 * The S3 error name when `error` (or an error it wraps as `cause`) says the signing credentials are
 * dead, else undefined. One answer like this to any request of the run means every link signed with
 * those credentials would fail: none may be published.
 */
export function deadCredentialsCause(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as AwsLikeError).name;
    if (known(S3_ERRORS, name)?.dead) return name;
  }
  return undefined;
}

/**
 * The step's error when the store answered `cause` (from `deadCredentialsCause`) to `what`: why no
 * link was published, and what to change.
 */
export function deadCredentialsMessage(cause: string, what: string, target: StoreTarget): string {
  const where = target.endpoint ? `${target.endpoint.host}` : `S3 in ${target.region}`;
  const fix = known(S3_ERRORS, cause)?.fix?.(target, 'sign requests', where) ?? '';
  return (
    `${where} answered ${cause} to ${what}: the signing credentials do not work, so no link signed with them would either. ` +
    `No link was published (no manifest output or file, job summary links or comment). ${fix}`
  ).trim();
}

/** Turns an S3 or network error into a sentence that names the likely fix. */
export function describeS3Error(error: unknown, target: StoreTarget, action: string): string {
  const e = (error ?? {}) as AwsLikeError;
  // Node network errors carry the cause in `code`; the SDK also labels resets 'TimeoutError'.
  const isReset = /ECONNRESET|EPIPE|socket hang up/i.test(`${e.code ?? ''} ${e.message ?? ''}`);
  const name = isReset
    ? 'ECONNRESET'
    : (e.code && /^E[A-Z_]+$/.test(e.code) ? e.code : undefined) || (e.name && e.name !== 'Error' ? e.name : undefined) || 'Error';
  const where = target.endpoint ? `${target.endpoint.host}` : `S3 in ${target.region}`;
  const message = e.message === undefined ? String(error) : e.message.trim();
  const detail = isTerse(message) ? `${name} (${httpStatus(e.$metadata?.httpStatusCode)})` : `${name}: ${message}`;
  const fix = (known(S3_ERRORS, name) ?? known(NETWORK_ERRORS, name))?.fix;
  return fix ? `${detail}. ${fix(target, action, where)}` : detail;
}

/**
 * The AWS SDK fills in 'UnknownError' when the store's `<Message>` is empty or missing: Ceph's radosgw
 * sends `<Message></Message>`, and no HEAD answer has a body.
 */
function isTerse(message: string): boolean {
  return message === '' || message === 'UnknownError';
}

/** "HTTP 404 Not Found", or what is known when the answer had no status. */
function httpStatus(status: number | undefined): string {
  if (status === undefined || status === 0) return 'no message from the store';
  const text = STATUS_CODES[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}
