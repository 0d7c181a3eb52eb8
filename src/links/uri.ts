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
