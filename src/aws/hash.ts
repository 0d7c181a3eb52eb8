/** Hashing files for upload: SHA-256 of the whole file and of each multipart part. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * Whole-file SHA-256 (hex) and one SHA-256 per part (base64, as S3 checksum headers want), in one
 * read through a single reused buffer: no garbage per chunk, so memory stays flat for any file size.
 */
export async function hashFile(filePath: string, partSize: number): Promise<{ sha256: string; parts: string[]; size: number }> {
  const whole = createHash('sha256');
  const parts: string[] = [];
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const handle = await open(filePath, 'r');
  let part = createHash('sha256');
  let inPart = 0;
  let size = 0;
  try {
    for (;;) {
      const want = Math.min(buffer.length, partSize - inPart);
      const { bytesRead } = await handle.read(buffer, 0, want, size);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      whole.update(chunk);
      part.update(chunk);
      size += bytesRead;
      inPart += bytesRead;
      if (inPart === partSize) {
        parts.push(part.digest('base64'));
        part = createHash('sha256');
        inPart = 0;
      }
    }
  } finally {
    await handle.close();
  }
  if (inPart > 0 || parts.length === 0) parts.push(part.digest('base64'));
  return { sha256: whole.digest('hex'), parts, size };
}
