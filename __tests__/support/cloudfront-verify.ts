/**
 * An independent check of CloudFront canned-policy signed URLs, written from AWS's documentation
 * ("Create a signed URL using a canned policy"), sharing no code with the action or the AWS SDK:
 *
 * - the signed URL is the base URL plus `Expires`, `Signature`, `Key-Pair-Id` (and optionally
 *   `Hash-Algorithm=SHA256`);
 * - the signed data is the canned policy, exactly
 *   `{"Statement":[{"Resource":"<base URL>","Condition":{"DateLessThan":{"AWS:EpochTime":<Expires>}}}]}`;
 * - the signature is RSA (PKCS#1 v1.5) or ECDSA over SHA-1 (SHA-256 with `Hash-Algorithm=SHA256`),
 *   base64 with `+` `=` `/` replaced by `-` `_` `~`;
 * - the URL is valid while the request time is before `Expires`.
 *
 * It works on the URL string as a browser sends it, never on a re-serialized form.
 */
import { verify, type KeyObject } from 'node:crypto';

export const CLOUDFRONT_PARAMS = ['Expires', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm', 'Policy'] as const;

export type CloudFrontVerdict =
  | { ok: true; resource: string; expires: number; keyPairId: string }
  | { ok: false; code: 'MissingKey' | 'InvalidKey' | 'MalformedSignature' | 'InvalidSignature' | 'Expired'; reason: string };

/** The canned policy as AWS documents it (no white space). */
export function cannedPolicy(resource: string, expires: number): string {
  if (/["\\\s]/.test(resource)) throw new Error(`resource ${JSON.stringify(resource)} cannot appear unescaped in a policy`);
  return `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
}

/** CloudFront's URL-safe base64 (`-` `_` `~` for `+` `=` `/`) to bytes; undefined unless it is exactly that alphabet. */
export function decodeCloudFrontBase64(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9~-]+_{0,2}$/.test(value)) return undefined;
  const standard = value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/');
  const bytes = Buffer.from(standard, 'base64');
  return bytes.toString('base64') === standard ? bytes : undefined;
}

/**
 * Verifies `url` (absolute, as sent) against the public keys by key pair ID, at `now`. The other
 * query parameters, if any, stay in the resource in their order.
 */
export function verifyCloudFrontUrl(url: string, publicKeys: ReadonlyMap<string, KeyObject>, now: Date): CloudFrontVerdict {
  const q = url.indexOf('?');
  const base = q < 0 ? url : url.slice(0, q);
  const pairs = q < 0 ? [] : url.slice(q + 1).split('&');
  const own = new Map<string, string>();
  const kept: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if ((CLOUDFRONT_PARAMS as readonly string[]).includes(name)) own.set(name, eq < 0 ? '' : pair.slice(eq + 1));
    else kept.push(pair);
  }
  const keyPairId = own.get('Key-Pair-Id');
  if (!keyPairId) return { ok: false, code: 'MissingKey', reason: 'Missing Key-Pair-Id query parameter' };
  const publicKey = publicKeys.get(keyPairId);
  if (!publicKey) return { ok: false, code: 'InvalidKey', reason: `Unknown Key ${keyPairId}` };
  if (own.has('Policy')) return { ok: false, code: 'MalformedSignature', reason: 'custom policies are not expected from this action' };
  const expiresText = own.get('Expires') ?? '';
  if (!/^\d{1,12}$/.test(expiresText))
    return { ok: false, code: 'MalformedSignature', reason: `Expires '${expiresText}' is not an epoch time` };
  const expires = Number(expiresText);
  const signature = decodeCloudFrontBase64(own.get('Signature') ?? '');
  if (!signature) return { ok: false, code: 'MalformedSignature', reason: 'Signature is not CloudFront base64' };
  const hashParam = own.get('Hash-Algorithm');
  if (hashParam !== undefined && hashParam !== 'SHA256')
    return { ok: false, code: 'MalformedSignature', reason: `Hash-Algorithm '${hashParam}'` };
  const resource = kept.length > 0 ? `${base}?${kept.join('&')}` : base;
  let policy: string;
  try {
    policy = cannedPolicy(resource, expires);
  } catch (e) {
    return { ok: false, code: 'InvalidSignature', reason: (e as Error).message };
  }
  const good = verify(hashParam === 'SHA256' ? 'sha256' : 'sha1', Buffer.from(policy, 'utf8'), publicKey, signature);
  if (!good) return { ok: false, code: 'InvalidSignature', reason: 'Signature does not match the canned policy of this URL' };
  if (Math.floor(now.getTime() / 1000) >= expires)
    return { ok: false, code: 'Expired', reason: `Expired at ${new Date(expires * 1000).toISOString()}` };
  return { ok: true, resource, expires, keyPairId };
}
