/** Every step output the action sets, in one place. */
import * as core from '@actions/core';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Output } from '../config/constants.js';
import type { Report } from '../render/summary.js';
import type { Logger } from '../util/log.js';

export type SetOutput = (name: string, value: string) => void;

/** Step outputs are limited to 1 MiB each; beyond that the manifest is only in `manifest-file`. */
const OUTPUT_LIMIT = 1024 * 1024;

/**
 * The links: `manifest` (JSON, when it fits), `manifest-file` (always, written to `tempDir`),
 * `expires-at`, `count` and `total-bytes`. Returns the manifest file's path.
 */
export async function setLinkOutputs(
  report: Report,
  tempDir: string,
  name: string,
  log: Logger,
  set: SetOutput = core.setOutput,
): Promise<string> {
  const manifestFile = path.join(tempDir, `artifact-links-${name}.json`);
  const bytes = await writeJsonArray(manifestFile, report.entries);
  if (bytes <= OUTPUT_LIMIT) {
    set(Output.Manifest, JSON.stringify(report.entries));
  } else {
    set(Output.Manifest, '[]');
    log.warning(`The manifest is larger than the 1 MiB output limit; read it from the '${Output.ManifestFile}' output (${manifestFile}).`);
  }
  set(Output.ManifestFile, manifestFile);
  set(Output.ExpiresAt, report.expiresAt ?? '');
  set(Output.Count, String(report.entries.length));
  set(Output.TotalBytes, String(report.entries.reduce((n, e) => n + e.size, 0)));
  return manifestFile;
}

/**
 * Writes `JSON.stringify(items)` to `file` a few hundred kilobytes at a time, so 20,000 links never
 * sit in memory as one string (and its bytes) at once. Returns the file's size in bytes.
 */
export async function writeJsonArray(file: string, items: readonly unknown[], chunkChars = 256 * 1024): Promise<number> {
  const handle = await open(file, 'w');
  let bytes = 0;
  let chunk = '[';
  const flush = async () => {
    const data = Buffer.from(chunk);
    await handle.writeFile(data);
    bytes += data.length;
    chunk = '';
  };
  try {
    for (let i = 0; i < items.length; i++) {
      chunk += (i > 0 ? ',' : '') + (JSON.stringify(items[i]) ?? 'null'); // as JSON.stringify(items) writes undefined
      if (chunk.length >= chunkChars) await flush();
    }
    chunk += ']';
    await flush();
  } finally {
    await handle.close();
  }
  return bytes;
}

/** `sites` (JSON array of {path, url, expiresAt}) and `share-url`. */
export function setSiteOutputs(
  sites: readonly { path: string; url: string; expiresAt: string }[],
  shareUrl: string,
  set: SetOutput = core.setOutput,
): void {
  set(Output.Sites, JSON.stringify(sites.map(({ path, url, expiresAt }) => ({ path, url, expiresAt }))));
  set(Output.ShareUrl, shareUrl);
}

/** `comment-id` and `comment-url` of the sticky comment. */
export function setCommentOutputs(comment: { id: number; url: string }, set: SetOutput = core.setOutput): void {
  set(Output.CommentId, String(comment.id));
  set(Output.CommentUrl, comment.url);
}

/** `count` alone: mode cleanup reports the objects it deleted. */
export function setCount(count: number, set: SetOutput = core.setOutput): void {
  set(Output.Count, String(count));
}
