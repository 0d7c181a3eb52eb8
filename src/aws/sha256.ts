/**
 * SHA-256 and HMAC-SHA256 for the AWS SDK's SigV4 signer (its `sha256` option), as the SDK's own
 * `Hash` computes them, but with each HMAC secret kept as a `KeyObject`. Node 24 builds a key
 * object on every `createHmac` that is given raw key bytes or a string, about 46 µs here, four
 * times the HMAC itself; the signer makes two HMACs per request and per link with the same two
 * secrets (the secret access key, for its cache key, and the day's signing key).
 */
import { createHash, createHmac, createSecretKey, type Hash, type Hmac, type KeyObject } from 'node:crypto';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: SourceData, encoding?: BufferEncoding): Buffer {
  if (typeof data === 'string') return Buffer.from(data, encoding ?? 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** Secrets seen lately, by their bytes. A run signs with a handful; the map is emptied past this. */
const MAX_KEYS = 32;
const keys = new Map<string, KeyObject>();

function keyFor(secret: SourceData): KeyObject {
  const bytes = bytesOf(secret);
  const id = bytes.toString('latin1');
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = createSecretKey(Buffer.from(bytes));
    keys.set(id, key);
  }
  return key;
}

/** The SDK's `Checksum` for SHA-256: a hash, or an HMAC when constructed with a secret. */
export class Sha256 {
  private hash!: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.reset();
  }

  update(data: SourceData, encoding?: 'utf8' | 'ascii' | 'latin1'): void {
    this.hash.update(bytesOf(data, encoding));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }

  reset(): void {
    this.hash = this.secret ? createHmac('sha256', keyFor(this.secret)) : createHash('sha256');
  }
}
