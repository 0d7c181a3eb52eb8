/** Reading a file to upload, and why a file on disk, not the store, was not uploaded: a sentence naming the file and the fix. */
import { readFileSync } from 'node:fs';
import { readFile, type FileHandle } from 'node:fs/promises';

/** Files up to this size (as found) are read with a blocking call (see readSmall). */
const SYNC_READ_BYTES = 64 * 1024;

/** The file on disk, not the store, is why it was not uploaded. */
export class LocalFileError extends Error {}

/** Why `file` could not be read, with its real cause: gone, not readable, or something else. */
export function unreadable(displayPath: string, error: unknown): LocalFileError {
  const e = (error ?? {}) as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return new LocalFileError(`${displayPath} disappeared before it was uploaded (${e.code}); is another step deleting it?`);
    case 'EACCES':
    case 'EPERM':
      return new LocalFileError(
        `${displayPath} could not be read: permission denied (${e.code}). Make it readable by the user the job runs as (e.g. chmod a+r), or exclude it in 'path'.`,
      );
    case 'EISDIR':
      return new LocalFileError(
        `${displayPath} was replaced by a directory before it was uploaded (${e.code}); upload after the step that writes it.`,
      );
    default:
      return new LocalFileError(`${displayPath} could not be read (${e.code ?? 'error'}: ${e.message ?? String(error)}).`);
  }
}

export function changed(displayPath: string): LocalFileError {
  return new LocalFileError(
    `${displayPath} changed while it was being uploaded; upload artifacts after the step that writes them has finished.`,
  );
}

/** Reads `into.length` bytes at `start`; a short read, or (for the last part) more bytes, means the file changed. */
export async function readPart(displayPath: string, handle: FileHandle, into: Buffer, start: number, last: boolean): Promise<Buffer> {
  let done = 0;
  try {
    while (done < into.length) {
      const { bytesRead } = await handle.read(into, done, into.length - done, start + done);
      if (bytesRead === 0) throw changed(displayPath);
      done += bytesRead;
    }
    if (last && (await handle.read(Buffer.alloc(1), 0, 1, start + done)).bytesRead > 0) throw changed(displayPath);
  } catch (error) {
    throw error instanceof LocalFileError ? error : unreadable(displayPath, error);
  }
  return into;
}

/**
 * A small file's bytes. Up to SYNC_READ_BYTES, in one blocking call: from the page cache that takes
 * microseconds, where the four thread-pool round trips of an asynchronous read (open, stat, read,
 * close) cost several times more CPU than the read itself.
 */
export async function readSmall(file: { absolutePath: string; displayPath: string; size: number }): Promise<Buffer> {
  try {
    return file.size <= SYNC_READ_BYTES ? readFileSync(file.absolutePath) : await readFile(file.absolutePath);
  } catch (e) {
    throw unreadable(file.displayPath, e);
  }
}
