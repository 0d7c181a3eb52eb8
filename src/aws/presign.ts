/**
 * Presigned GET links, fast enough for tens of thousands of files.
 *
 * A hand-written AWS Signature V4 query signer (node:crypto). Per day it derives the signing key
 * once; per link it hashes one canonical request and computes one HMAC. The URLs are byte for
 * byte what `getSignedUrl` from @aws-sdk/s3-request-presigner produces for a `GetObjectCommand`
 * (client with `requestChecksumCalculation: 'WHEN_REQUIRED'`), including its `x-id=GetObject`
 * parameter, but much faster, because the SDK runs its whole middleware stack per call (see
 * README, Performance, for measured figures).
 *
 * Links are signed on `host` only with `UNSIGNED-PAYLOAD`, so a plain browser click works.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createHash, createHmac, type Hash } from 'node:crypto';
import { SIGV4_MAX_SECONDS } from '../links/expiry.js';
import { uriEncode as rfc3986 } from '../links/uri.js';
import type { Credentials, StoreTarget } from './s3-client.js';

export interface PresignOptions {
  /** Clock used for `X-Amz-Date`; injectable for tests. */
  now?: () => Date;
}

/**
 * Returns the presigned GET URL of `key`, valid for `expiresInSeconds` (an integer, 1..604800)
 * from the clock's now.
 */
export type Presign = (key: string, expiresInSeconds: number) => string;

/** SigV4 refuses presigned URLs valid for more than seven days. */
const MAX_PRESIGN_EXPIRY_SECONDS = SIGV4_MAX_SECONDS;

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

type EndpointProvider = S3Client['config']['endpointProvider'];
let sdkEndpointProvider: EndpointProvider | undefined;

/**
 * The endpoint the AWS SDK's own S3 endpoint resolver gives `region` when none is configured, so
 * links use the host uploads went to in every partition (`amazonaws.com.cn`, `c2s.ic.gov`,
 * `amazonaws.eu`, …). The resolver is not exported on its own: it is read once from a client's
 * resolved configuration (no request is made).
 */
export function awsEndpoint(region: string): URL {
  if (!sdkEndpointProvider) {
    const client = new S3Client({ region: 'us-east-1' });
    sdkEndpointProvider = client.config.endpointProvider;
    client.destroy();
  }
  const { url } = sdkEndpointProvider({
    Region: region,
    UseFIPS: false,
    UseDualStack: false,
    ForcePathStyle: false,
    Accelerate: false,
    UseGlobalEndpoint: false,
  });
  return new URL(url.href);
}

/**
 * RFC 3986 encoding, as SigV4 wants it (links/uri.ts). Throws a TypeError naming the value on lone
 * UTF-16 surrogates, which have no UTF-8 form.
 */
export function uriEncode(value: string): string {
  try {
    return rfc3986(value);
  } catch {
    throw new TypeError(`Cannot presign ${JSON.stringify(value)}: it is not well-formed Unicode.`);
  }
}

/**
 * Key → URL path, S3 style: each segment encoded, `/` kept, nothing normalized. S3 signs the
 * path as sent (no double encoding), so this is also the canonical URI.
 */
export function encodeKeyPath(key: string): string {
  // Every `%` in the output starts an escape, so `%2F` can only be an encoded `/`.
  return uriEncode(key).replaceAll('%2F', '/');
}

/**
 * Throws unless `key` can be a link. Browsers and fetch() resolve `.` and `..` path segments
 * (even as `%2E`) before sending, so such a link would fetch another path than the one signed;
 * an empty key would sign the bucket itself, i.e. a listing.
 */
export function assertPresignableKey(key: string): void {
  if (key.length === 0) throw new TypeError('Cannot presign an empty object key.');
  for (const segment of key.split('/')) {
    if (segment === '.' || segment === '..') {
      throw new TypeError(
        `Cannot presign ${JSON.stringify(key)}: browsers rewrite "." and ".." path segments, so the link would not work. Choose keys without them.`,
      );
    }
  }
}

/** The bucket may go in the host name (same rule as the AWS SDK's S3 endpoint resolver). */
export function isVirtualHostableBucket(bucket: string): boolean {
  return bucket.length >= 3 && bucket.length <= 63 && /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(bucket) && !/^\d+\.\d+\.\d+\.\d+$/.test(bucket);
}

function isIpHost(hostname: string): boolean {
  return (hostname.startsWith('[') && hostname.endsWith(']')) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

/** Origin and path prefix (ending in `/`) of every object URL of the target; `pathStyle`: the bucket is in the path. */
function resolveBase(target: StoreTarget): { origin: string; host: string; prefix: string; pathStyle: boolean } {
  const { bucket, region } = target;
  if (bucket.length === 0 || bucket.includes('/')) {
    throw new TypeError(`Invalid bucket name ${JSON.stringify(bucket)}.`);
  }
  if (region.length === 0 || region.includes('/')) {
    throw new TypeError(`Invalid region ${JSON.stringify(region)}.`);
  }
  const endpoint = target.endpoint ?? awsEndpoint(region);
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
    throw new TypeError(`The S3 endpoint must be an http(s) URL, got ${endpoint.href}.`);
  }
  if (endpoint.search || endpoint.hash || endpoint.username || endpoint.password) {
    throw new TypeError(`The S3 endpoint must not have credentials, a query or a fragment: ${endpoint.origin}${endpoint.pathname}`);
  }
  // `URL.host` omits default ports, as browsers do in the Host header that S3 checks.
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  if (!target.forcePathStyle && !isIpHost(endpoint.hostname) && isVirtualHostableBucket(bucket)) {
    const host = `${bucket}.${endpoint.host}`;
    return { origin: `${endpoint.protocol}//${host}`, host, prefix: `${basePath}/`, pathStyle: false };
  }
  return { origin: endpoint.origin, host: endpoint.host, prefix: `${basePath}/${uriEncode(bucket)}/`, pathStyle: true };
}

/** AWS's own domains (every partition), where a host whose first label is `s3…` serves every bucket. */
const AWS_S3_SERVICE_HOST =
  /^s3([.-][^.]+)*\.(amazonaws\.com|amazonaws\.com\.cn|amazonaws\.eu|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/i;

/**
 * The host of the target's links when it is an AWS origin that every bucket shares: path-style links
 * (a bucket name with dots, `force-path-style`, or an AWS `endpoint` in path style) on
 * `s3.REGION.amazonaws.com` and its kin. Undefined when the links have the bucket's own host. Pure.
 */
export function sharedAwsOrigin(target: StoreTarget): string | undefined {
  const { host, pathStyle } = resolveBase(target);
  const hostname = host.replace(/:\d+$/, '');
  return pathStyle && AWS_S3_SERVICE_HOST.test(hostname) ? host : undefined;
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * HMAC-SHA256 with a fixed key (RFC 2104), keyed once: SHA-256 states that have absorbed the
 * inner and outer key pads are copied per message. Node 24's `createHmac` costs about 6x what
 * Node 20's does (OpenSSL 3 MAC setup per call), which alone would cap presigning at ~50k/s.
 */
function keyedHmacSha256(key: Buffer): (data: string) => string {
  const inner = Buffer.alloc(64, 0x36);
  const outer = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    inner[i] ^= key[i];
    outer[i] ^= key[i];
  }
  const innerState: Hash = createHash('sha256').update(inner);
  const outerState: Hash = createHash('sha256').update(outer);
  return (data) => outerState.copy().update(innerState.copy().update(data, 'utf8').digest()).digest('hex');
}

/** `20250102T030405Z` and `20250102` from a date. */
function amzDates(date: Date): { longDate: string; shortDate: string } {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z; throws RangeError on an invalid date
  const shortDate = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  return { shortDate, longDate: `${shortDate}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z` };
}

/**
 * Builds a presigner for one bucket and one set of credentials. Cheap per call: after the first
 * link of a day, a link costs one SHA-256 and one HMAC-SHA256.
 */
export function createPresigner(target: StoreTarget, credentials: Credentials, options: PresignOptions = {}): Presign {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  if (!accessKeyId || !secretAccessKey) {
    throw new TypeError('Presigning needs an access key id and a secret access key.');
  }
  const now = options.now ?? (() => new Date());
  const { origin, host, prefix } = resolveBase(target);
  const region = target.region;
  const canonicalHeaders = `host:${host}\n\nhost\n${UNSIGNED_PAYLOAD}`;
  const tokenParam = sessionToken ? `X-Amz-Security-Token=${uriEncode(sessionToken)}&` : '';

  // One signing key per UTC day; a run that crosses midnight derives a second one.
  let day = '';
  let sign: (stringToSign: string) => string = () => '';
  let credentialParam = '';
  let scope = '';
  const forDay = (shortDate: string): void => {
    if (shortDate === day) return;
    scope = `${shortDate}/${region}/s3/aws4_request`;
    const kDate = hmac(`AWS4${secretAccessKey}`, shortDate);
    sign = keyedHmacSha256(hmac(hmac(hmac(kDate, region), 's3'), 'aws4_request'));
    credentialParam = `X-Amz-Credential=${uriEncode(`${accessKeyId}/${scope}`)}&`;
    day = shortDate;
  };

  return (key, expiresInSeconds) => {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS) {
      throw new RangeError(
        `A presigned link must expire after a whole number of seconds between 1 and ${MAX_PRESIGN_EXPIRY_SECONDS} (7 days), got ${expiresInSeconds}.`,
      );
    }
    assertPresignableKey(key);
    const path = prefix + encodeKeyPath(key);
    const { longDate, shortDate } = amzDates(now());
    forDay(shortDate);

    // Canonical query: parameters sorted by name, a fixed order here. X-Amz-Signature (not signed)
    // goes between Security-Token and SignedHeaders, as in the SDK's URLs.
    const head =
      `X-Amz-Algorithm=${ALGORITHM}&X-Amz-Content-Sha256=${UNSIGNED_PAYLOAD}&` +
      `${credentialParam}X-Amz-Date=${longDate}&X-Amz-Expires=${expiresInSeconds}&${tokenParam}`;
    const tail = 'X-Amz-SignedHeaders=host&x-id=GetObject';
    const canonicalRequest = `GET\n${path}\n${head}${tail}\n${canonicalHeaders}`;
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
    return `${origin}${path}?${head}X-Amz-Signature=${sign(stringToSign)}&${tail}`;
  };
}
