/** Test files on disk. */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file of `size` bytes under `root` (a patterned, non-sparse 1 MiB chunk at a time, so
 * writing never holds the file in memory) and returns its hex SHA-256.
 */
export function writeBig(root: string, rel: string, size: number): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0, i = 0; written < size; i++) {
    chunk.fill(i % 251);
    const n = Math.min(chunk.length, size - written);
    writeSync(fd, chunk, 0, n);
    hash.update(chunk.subarray(0, n));
    written += n;
  }
  closeSync(fd);
  return hash.digest('hex');
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
