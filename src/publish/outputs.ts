/** Every step output the action sets, in one place. */
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
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
  const manifest = JSON.stringify(report.entries);
  const manifestFile = path.join(tempDir, `artifact-links-${name}.json`);
  await writeFile(manifestFile, manifest);
  if (Buffer.byteLength(manifest) <= OUTPUT_LIMIT) {
    set(Output.Manifest, manifest);
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
