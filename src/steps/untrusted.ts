/**
 * Step of upload: what files built from a fork's code may do. By default (`trust-fork-content:
 * false`) they get no sites, and HTML, SVG and XML are attachments, so none of their pages or
 * scripts runs on the bucket's origin; their keys never share a scope with this repository's own.
 */
import type { RunContext } from '../config/context.js';
import { Input } from '../config/constants.js';
import type { Inputs } from '../config/inputs.js';
import type { Browse } from '../sites/detect.js';
import { notice, type Logger } from '../util/log.js';

export interface ContentTrust {
  /** The files come from a fork and are not trusted: active types are attachments. */
  untrusted: boolean;
  /** The `browse` to apply: `none` for untrusted files. */
  browse: Browse;
  /** For the section's note (comment, summary, share page): what the restriction means to a reader. */
  note?: string;
  /** The untrusted files' head repository (`owner/repo`, or `unknown`), stored so a refresh restricts them too. */
  fork?: string;
}

/**
 * The trust of this upload's files, logged: a notice when a fork's files are restricted, a warning
 * when `trust-fork-content` lifts the restriction. Throws, before anything is uploaded, when the
 * `key-prefix` could give a fork's files this repository's own keys.
 */
export function contentTrust(
  ctx: Pick<RunContext, 'fork'>,
  inputs: Pick<Inputs, 'browse' | 'trustForkContent' | 'keyPrefix'>,
  log: Logger,
): ContentTrust {
  if (!ctx.fork) return { untrusted: false, browse: inputs.browse };
  const from = forkName(ctx.fork.repository);
  assertForkKeys(inputs.keyPrefix, from);
  if (inputs.trustForkContent) {
    log.warning(
      `Input '${Input.TrustForkContent}' is true: the files were built from ${from}'s code, and its HTML, SVG and sites open on the bucket's origin, ` +
        `where their scripts run with the reader's access to that origin. Set it only for forks whose code you trust.`,
    );
    return { untrusted: false, browse: inputs.browse };
  }
  notice(log, `The files were built from ${from}'s code: ${RESTRICTED}.`);
  return { untrusted: true, browse: { mode: 'none' }, note: untrustedNote(ctx.fork.repository), fork: ctx.fork.repository };
}

const RESTRICTED = `no sites, and HTML, SVG and XML files are downloads, not pages (input '${Input.TrustForkContent}': false)`;

function forkName(repository: string): string {
  return repository === 'unknown' ? 'a repository the event does not name' : `the fork ${repository}`;
}

/** The section note of files built from `fork`'s code (upload and refresh say the same). */
export function untrustedNote(fork: string): string {
  return `Built from ${forkName(fork)}'s code: ${RESTRICTED}.`;
}

/**
 * A fork's objects must never take this repository's keys: the key prefix needs a part that tells a
 * fork's upload apart ({scope}: pr-N or fork-…, {pr}, or {ref}: fork-…).
 */
export function assertForkKeys(template: string, from: string): void {
  if (/\{(scope|pr|ref)\}/.test(template)) return;
  throw new Error(
    `Input '${Input.KeyPrefix}' ('${template}') has no {scope}, {pr} or {ref}, and the files were built from ${from}'s code: ` +
      `they could be stored under the keys of this repository's own uploads. Nothing was uploaded. Add {scope} (e.g. {owner}/{repo}/{scope}/{short_sha}/{section}).`,
  );
}
