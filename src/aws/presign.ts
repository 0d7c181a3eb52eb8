/**
 * Presigned GET links, signed by the AWS SDK's S3 presigner (`S3RequestPresigner` from
 * @aws-sdk/s3-request-presigner), fast enough for tens of thousands of files.
 *
 * `getSignedUrl` runs a whole `GetObjectCommand` through the client's middleware stack per link;
 * here the request is built directly (the URL the SDK's endpoint resolver and serializer give a
 * GetObject of the key) and only signed by the SDK, which is several times faster (see README,
 * Performance). The URLs are byte for byte what `getSignedUrl` produces for a `GetObjectCommand`
 * (client with `requestChecksumCalculation: 'WHEN_REQUIRED'`), including its `x-id=GetObject`
 * parameter (__tests__/unit/aws/presign.test.ts checks it against the SDK).
 *
 * Links are signed on `host` only with `UNSIGNED-PAYLOAD`, so a plain browser click works.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { SIGV4_MAX_SECONDS } from '../links/expiry.js';
import { assertPresignableKey, encodeKeyPath, uriEncode } from '../links/uri.js';
import type { Credentials, StoreTarget } from './s3-client.js';
import { Sha256 } from './sha256.js';

export interface PresignOptions {
  /** Clock used for `X-Amz-Date`; injectable for tests. */
  now?: () => Date;
}

/**
 * Returns the presigned GET URL of `key`, valid for `expiresInSeconds` (an integer, 1..604800)
 * from the clock's now.
 */
export type Presign = (key: string, expiresInSeconds: number) => Promise<string>;

/** SigV4 refuses presigned URLs valid for more than seven days. */
const MAX_PRESIGN_EXPIRY_SECONDS = SIGV4_MAX_SECONDS;

/** What the presigner takes from the SDK's own S3 client configuration, read once (no request is made). */
interface SdkDefaults {
  endpointProvider: S3Client['config']['endpointProvider'];
}
let sdkDefaults: SdkDefaults | undefined;

function sdk(): SdkDefaults {
  if (!sdkDefaults) {
    const client = new S3Client({ region: 'us-east-1' });
    sdkDefaults = { endpointProvider: client.config.endpointProvider };
    client.destroy();
  }
  return sdkDefaults;
}

/**
 * The endpoint the AWS SDK's own S3 endpoint resolver gives `region` when none is configured, so
 * links use the host uploads went to in every partition (`amazonaws.com.cn`, `c2s.ic.gov`,
 * `amazonaws.eu`, …). The resolver is not exported on its own: it is read once from a client's
 * resolved configuration.
 */
export function awsEndpoint(region: string): URL {
  const { url } = sdk().endpointProvider({
    Region: region,
    UseFIPS: false,
    UseDualStack: false,
    ForcePathStyle: false,
    Accelerate: false,
    UseGlobalEndpoint: false,
  });
  return new URL(url.href);
}

/** The bucket may go in the host name (same rule as the AWS SDK's S3 endpoint resolver). */
export function isVirtualHostableBucket(bucket: string): boolean {
  return bucket.length >= 3 && bucket.length <= 63 && /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(bucket) && !/^\d+\.\d+\.\d+\.\d+$/.test(bucket);
}

function isIpHost(hostname: string): boolean {
  return (hostname.startsWith('[') && hostname.endsWith(']')) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}

/** Where every object URL of the target goes: protocol, host (and port), and path prefix (ending in `/`). */
export interface UrlBase {
  protocol: string;
  hostname: string;
  port?: number;
  /** The Host header browsers send: `URL.host` omits default ports, as they do. */
  host: string;
  prefix: string;
  /** The bucket is in the path (not the host). */
  pathStyle: boolean;
}

/** Where `target`'s objects are: their URLs are `protocol//host` + `prefix` + the encoded key. */
export function objectUrlBase(target: StoreTarget): UrlBase {
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
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const port = endpoint.port ? Number(endpoint.port) : undefined;
  if (!target.forcePathStyle && !isIpHost(endpoint.hostname) && isVirtualHostableBucket(bucket)) {
    const hostname = `${bucket}.${endpoint.hostname}`;
    return { protocol: endpoint.protocol, hostname, port, host: `${bucket}.${endpoint.host}`, prefix: `${basePath}/`, pathStyle: false };
  }
  return {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port,
    host: endpoint.host,
    prefix: `${basePath}/${uriEncode(bucket)}/`,
    pathStyle: true,
  };
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
  const { host, pathStyle } = objectUrlBase(target);
  const hostname = host.replace(/:\d+$/, '');
  return pathStyle && AWS_S3_SERVICE_HOST.test(hostname) ? host : undefined;
}

/** The signed request as a URL: query parameters sorted by name, RFC 3986 encoded (as the SDK formats it). */
function formatUrl(base: UrlBase, path: string, query: NonNullable<Awaited<ReturnType<S3RequestPresigner['presign']>>['query']>): string {
  const params = Object.keys(query)
    .sort()
    .map((name) => `${uriEncode(name)}=${uriEncode(String(query[name]))}`);
  return `${base.protocol}//${base.host}${path}?${params.join('&')}`;
}

/**
 * Builds a presigner for one bucket and one set of credentials. The SDK derives the signing key once
 * per day and caches it; per link it hashes one canonical request and computes one HMAC.
 */
export function createPresigner(target: StoreTarget, credentials: Credentials, options: PresignOptions = {}): Presign {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  if (!accessKeyId || !secretAccessKey) {
    throw new TypeError('Presigning needs an access key id and a secret access key.');
  }
  const now = options.now ?? (() => new Date());
  const base = objectUrlBase(target);
  const presigner = new S3RequestPresigner({
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    region: target.region,
    sha256: Sha256,
    service: 's3',
  });

  return async (key, expiresInSeconds) => {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS) {
      throw new RangeError(
        `A presigned link must expire after a whole number of seconds between 1 and ${MAX_PRESIGN_EXPIRY_SECONDS} (7 days), got ${expiresInSeconds}.`,
      );
    }
    assertPresignableKey(key);
    const path = base.prefix + encodeKeyPath(key);
    const signingDate = now();
    if (Number.isNaN(signingDate.getTime())) throw new RangeError('Cannot presign at an invalid date.');
    // The request a GetObject of the key makes, with the only header a browser click sends.
    const signed = await presigner.presign(
      {
        method: 'GET',
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path,
        query: { 'x-id': 'GetObject' },
        headers: { host: base.host },
      },
      { expiresIn: expiresInSeconds, signingDate },
    );
    const query = signed.query ?? {};
    if (query['X-Amz-SignedHeaders'] !== 'host') {
      throw new Error(
        `The S3 presigner signed ${String(query['X-Amz-SignedHeaders'])}, not host only: a browser click could not use the link.`,
      );
    }
    return formatUrl(base, path, query);
  };
}
