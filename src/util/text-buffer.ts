/** Long generated text (a share page of 20,000 links), sent without ever being held whole. */
import { createHash } from 'node:crypto';

/** Text rendered on demand, as often as it is read: its UTF-8 length, and its bytes in chunks. */
export interface LazyText {
  byteLength: number;
  /** Base64 MD5 of the bytes (as `Content-MD5` wants). */
  md5: string;
  /** The bytes, in chunks of about `chunkChars` characters, rendered afresh on each call. */
  chunks(): Generator<Buffer>;
}

/**
 * Text from `parts` (called once to measure it, and again for each read, e.g. each attempt of a
 * request): what is held at once is one chunk, not the whole text, nor the pieces of it (a rope of
 * small strings several times its size).
 */
export function lazyText(parts: () => Iterable<string>, chunkChars = 64 * 1024): LazyText {
  let byteLength = 0;
  const md5 = createHash('md5');
  for (const part of parts()) {
    byteLength += Buffer.byteLength(part, 'utf8');
    md5.update(part, 'utf8');
  }
  return {
    byteLength,
    md5: md5.digest('base64'),
    *chunks() {
      let chunk = '';
      for (const part of parts()) {
        chunk += part;
        if (chunk.length >= chunkChars) {
          yield Buffer.from(chunk, 'utf8');
          chunk = '';
        }
      }
      if (chunk) yield Buffer.from(chunk, 'utf8');
    },
  };
}

/** The whole text (tests, small bodies). */
export function textOf(body: string | LazyText): string {
  return typeof body === 'string' ? body : Buffer.concat([...body.chunks()]).toString('utf8');
}
