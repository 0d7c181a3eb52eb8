/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * Session tokens and the map kept for a stopped worker (serialized like runtime.ts, see its header):
 * Cache Storage holds the map encrypted (AES-GCM) under a name and with a key both derived from the
 * session's token, which only the addresses of the reader's pages carry.
 */

/** Random 128-bit token, base64url. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The Cache Storage name and AES-GCM key of a session, both derived from its token (which the cache never holds). */
export async function sessionKeys(token: string): Promise<{ id: string; key: Awaited<ReturnType<typeof crypto.subtle.importKey>> }> {
  const digest = async (text: string): Promise<Uint8Array> =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let id = '';
  for (const b of (await digest('artifact-links session id\n' + token)).slice(0, 16)) id += b.toString(16).padStart(2, '0');
  const raw = await digest('artifact-links session key\n' + token);
  const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { id, key };
}

/** The map, encrypted with the session's key: 12 bytes of IV, then AES-GCM ciphertext. */
export async function sealMap(token: string, map: unknown): Promise<{ id: string; body: Uint8Array }> {
  const { id, key } = await sessionKeys(token);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(map))));
  const body = new Uint8Array(12 + sealed.length);
  body.set(iv);
  body.set(sealed, 12);
  return { id, body };
}

/** The map sealed by `sealMap` with this token; throws for any other token or a changed body. */
export async function openSealedMap(token: string, body: Uint8Array): Promise<unknown> {
  const { key } = await sessionKeys(token);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: body.slice(0, 12) }, key, body.slice(12));
  return JSON.parse(new TextDecoder().decode(plain));
}
