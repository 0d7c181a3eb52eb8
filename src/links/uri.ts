/** Object keys as link paths, and the percent-encoding they and other values use. Pure. */

/**
 * RFC 3986 percent-encoding: every UTF-8 byte except the unreserved `A-Za-z0-9-._~` becomes `%XX`
 * (upper-case hex). This is the encoding SigV4 signs, and the one comment markers and RFC 8187
 * header values build on. Throws URIError on lone UTF-16 surrogates, which have no UTF-8 form.
 */
export function uriEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  // encodeURIComponent leaves !'()* alone; RFC 3986 reserves them.
  return /[!'()*]/.test(encoded) ? encoded.replace(/[!'()*]/g, hexEscape) : encoded;
}

function hexEscape(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * Key → URL path, S3 style: each segment encoded, `/` kept, nothing normalized. S3 signs the path as
 * sent (no double encoding), so this is also the canonical URI; CloudFront links use the same path.
 * Throws a TypeError naming the key on lone UTF-16 surrogates, which have no UTF-8 form.
 */
export function encodeKeyPath(key: string): string {
  let encoded: string;
  try {
    encoded = uriEncode(key);
  } catch {
    throw new TypeError(`Cannot presign ${JSON.stringify(key)}: it is not well-formed Unicode.`);
  }
  // Every `%` in the output starts an escape, so `%2F` can only be an encoded `/`.
  return encoded.replaceAll('%2F', '/');
}

/**
 * Throws unless `key` can be a link. Browsers and fetch() resolve `.` and `..` path segments (even
 * as `%2E`) before sending, so such a link would fetch another path than the one signed; an empty
 * key would sign the bucket itself, i.e. a listing.
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
