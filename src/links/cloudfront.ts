/**
 * CloudFront signed URLs with a canned policy, for links that outlive SigV4's 7 days:
 * `<cloudfront-url>/<key>?Expires=…&Signature=…&Key-Pair-Id=…`.
 *
 * The key goes into the URL exactly as the bucket's presigner puts it into an S3 URL (each segment
 * RFC 3986 encoded, `/` kept), so a link's path is the same whichever way it is signed and browsers
 * send it unchanged. The policy and signature come from `@aws-sdk/cloudfront-signer`; its
 * `getSignedCookies` is used because `getSignedUrl` re-encodes the path its own way (it leaves
 * `!'()*` raw), while the canned policy must name the URL byte for byte as the browser sends it.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { getSignedCookies } from '@aws-sdk/cloudfront-signer';
import { assertPresignableKey, encodeKeyPath } from './uri.js';

const URL_INPUT = 'cloudfront-url';
const KEY_PAIR_ID_INPUT = 'cloudfront-key-pair-id';
const PRIVATE_KEY_INPUT = 'cloudfront-private-key';

/** Hash of the signature. SHA-1 is what every CloudFront signer accepts; SHA-256 adds `Hash-Algorithm=SHA256`. */
export type CloudFrontHashAlgorithm = 'SHA1' | 'SHA256';

export interface CloudFrontSigning {
  /** Distribution URL without a trailing slash, e.g. `https://d111111abcdef8.cloudfront.net`. */
  baseUrl: string;
  /** ID of the public key in the distribution's trusted key group, e.g. `K2JCJMDEHXQW5F`. */
  keyPairId: string;
  /** The private key of that public key (RSA 2048 or ECDSA P-256), PEM. */
  privateKeyPem: string;
}

export interface CloudFrontSignerOptions {
  /** Signing time; injectable for tests. */
  now?: () => Date;
  hashAlgorithm?: CloudFrontHashAlgorithm;
}

/** Returns the signed URL of `key`, valid for `expiresInSeconds` (a positive integer) from the clock's now. */
export type CloudFrontSign = (key: string, expiresInSeconds: number) => string;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Validates `cloudfront-url` and returns it without a trailing slash. https only (plain http only
 * on loopback, for local testing); no credentials, query or fragment; a path prefix is kept (links
 * are `<cloudfront-url>/<key>`, so a prefix only works with a distribution that strips it).
 */
export function parseCloudFrontUrl(value: string): string {
  const raw = value.trim();
  const fail = (
    problem: string,
    fix = 'Use the distribution URL, e.g. https://d111111abcdef8.cloudfront.net or https://files.example.com.',
  ) => new Error(`Input '${URL_INPUT}' ${problem}. ${fix}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail(`is '${raw}', which is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw fail(`must use https (got ${url.protocol.replace(':', '')}): reviewers' browsers and CloudFront's signed URLs expect https`);
  }
  if (url.username || url.password) throw fail('must not contain a user name or password');
  if (raw.includes('?') || raw.includes('#')) {
    throw fail(
      'must not have a query or fragment: the signature covers the URL of each file, which the action builds as <cloudfront-url>/<key>',
    );
  }
  const path = raw.slice(raw.indexOf('//') + 2).replace(/^[^/]*/, '');
  if (path.split('/').some((s) => s === '.' || s === '..' || /^%2e(%2e)?$/i.test(s)) || /\/\/./.test(path)) {
    throw fail(`has a path with "." or ".." or empty segments: '${path}'`);
  }
  if (/(^|\.)amazonaws\.com(\.cn)?$/.test(url.hostname)) {
    throw fail(
      `points at ${url.hostname}, an AWS service endpoint, not a CloudFront distribution`,
      "Uploads go to 'bucket'; set 'cloudfront-url' to the distribution in front of it (its domain name or alternate domain).",
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Validates `cloudfront-key-pair-id`: the ID CloudFront gave the public key (`K…`, or a legacy
 * account key pair `APKA…`), not the key group's ID.
 */
export function parseCloudFrontKeyPairId(value: string): string {
  const id = value.trim();
  if (!/^[A-Z0-9]{8,64}$/.test(id)) {
    const hint = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(id) ? ' This looks like the key group ID; use the ID of the public key inside it.' : '';
    throw new Error(
      `Input '${KEY_PAIR_ID_INPUT}' is '${id.slice(0, 80)}', which is not a CloudFront public key ID.${hint} ` +
        "Use the ID of the public key in the distribution's trusted key group (upper-case letters and digits, e.g. K2JCJMDEHXQW5F; `aws cloudfront list-public-keys`).",
    );
  }
  return id;
}

/**
 * Validates `cloudfront-private-key` and returns it as a PKCS#8 PEM. CloudFront accepts RSA 2048
 * and ECDSA P-256 keys. Tolerates the usual ways a PEM gets mangled in a secret (surrounding blank
 * space, CRLF, `\n` written as two characters). Error messages never quote the key.
 */
export function parseCloudFrontPrivateKey(value: string): string {
  let pem = value.trim();
  if (!pem.includes('\n') && pem.includes('\\n')) pem = pem.replaceAll('\\n', '\n');
  const fail = (problem: string, fix: string) => new Error(`Input '${PRIVATE_KEY_INPUT}' ${problem}. ${fix}`);
  const generate =
    'Generate a key pair with `openssl genrsa -out private_key.pem 2048` (or `openssl ecparam -name prime256v1 -genkey -noout -out private_key.pem`), upload its public key to CloudFront and store the whole private_key.pem file as a secret.';
  if (pem === '') throw fail('is empty', generate);
  const header = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (!header) {
    throw fail('is not a PEM key', `Store the whole file, including the -----BEGIN … KEY----- and -----END … KEY----- lines. ${generate}`);
  }
  if (/PUBLIC KEY|CERTIFICATE/.test(header)) {
    throw fail(
      `holds a ${header.toLowerCase()}`,
      'The action signs with the private key; the public key is what you upload to CloudFront.',
    );
  }
  if (header === 'OPENSSH PRIVATE KEY') {
    throw fail('is in OpenSSH format', `Convert it to PEM with \`ssh-keygen -p -m PEM -f <file>\`, or generate a new pair. ${generate}`);
  }
  if (header === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(pem)) {
    throw fail('is encrypted with a passphrase', 'Store it decrypted (`openssl pkey -in private_key.pem -out plain.pem`) in a secret.');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw fail(
      `could not be read as a private key${code ? ` (${code})` : ''}`,
      `Check that the secret holds the complete PEM file, unmodified. ${generate}`,
    );
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if (details.modulusLength !== 2048) {
      throw fail(
        `is a ${details.modulusLength}-bit RSA key`,
        `CloudFront accepts RSA keys of exactly 2048 bits, or ECDSA P-256. ${generate}`,
      );
    }
  } else if (key.asymmetricKeyType === 'ec') {
    if (details.namedCurve !== 'prime256v1') {
      throw fail(
        `is an ECDSA key on curve ${details.namedCurve}`,
        `CloudFront accepts ECDSA keys on P-256 (prime256v1) only, or RSA 2048. ${generate}`,
      );
    }
  } else {
    throw fail(`is an ${key.asymmetricKeyType} key`, `CloudFront accepts RSA 2048 and ECDSA P-256 keys. ${generate}`);
  }
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Builds a signer for one distribution and key. Each link costs one private-key signature
 * (about 1.5 ms with RSA 2048, 0.2 ms with ECDSA P-256).
 */
export function createCloudFrontSigner(signing: CloudFrontSigning, options: CloudFrontSignerOptions = {}): CloudFrontSign {
  const now = options.now ?? (() => new Date());
  const algorithm = options.hashAlgorithm ?? 'SHA1';
  const { baseUrl, keyPairId, privateKeyPem } = signing;
  return (key, expiresInSeconds) => {
    if (!Number.isSafeInteger(expiresInSeconds) || expiresInSeconds < 1) {
      throw new RangeError(`A CloudFront link must expire after a whole positive number of seconds, got ${expiresInSeconds}.`);
    }
    assertPresignableKey(key);
    const resource = `${baseUrl}/${encodeKeyPath(key)}`;
    const expires = Math.floor(now().getTime() / 1000) + expiresInSeconds;
    const signed = getSignedCookies({
      url: resource,
      keyPairId,
      privateKey: privateKeyPem,
      dateLessThan: new Date(expires * 1000),
      algorithm,
    });
    if (signed['CloudFront-Expires'] !== expires || signed['CloudFront-Policy'] !== undefined) {
      throw new Error('@aws-sdk/cloudfront-signer did not produce a canned policy for this link; refusing to publish it.');
    }
    const hash = algorithm === 'SHA256' ? '&Hash-Algorithm=SHA256' : '';
    return `${resource}?Expires=${expires}&Signature=${signed['CloudFront-Signature']}&Key-Pair-Id=${keyPairId}${hash}`;
  };
}
