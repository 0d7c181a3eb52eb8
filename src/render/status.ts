/**
 * A section as a commit status in the pull request's checks list: its name (context), one line of
 * what it holds (description) and the share page as its Details link. Pure.
 */
import { SECTION_HASH_CHARS } from '../links/section.js';
import { compareWithBase, changeSummary } from './changes.js';
import { filesAndBytes, formatUtc, shortenMiddle } from './format.js';
import { wellFormed } from './markdown.js';
import { ACTION_NAME, type SectionData } from './markers.js';

/** GitHub refuses a longer status description (422). */
export const MAX_STATUS_DESCRIPTION = 140;
/** Long section titles are shortened in the middle in the context. */
const MAX_CONTEXT_CHARS = 100;

export interface CommitStatus {
  state: 'success';
  context: string;
  description: string;
  /** The Details link: the share page, else the workflow run. */
  target_url?: string;
}

/** Plain text: no control or bidi characters (GitHub shows these fields as text, but a name can spoof direction). */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex -- untrusted names are shown without control characters
  return wellFormed(text).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

/**
 * `s3-artifact-links / CI / build (linux) · 3fa9c2d1e0`: one status per section, updated in place by
 * each run. The section id's hash keeps two sections apart whose titles are the same, or differ only
 * where a long title is shortened (the checks list shows one status per context).
 */
export function statusContext(s: Pick<SectionData, 'title' | 'id'>): string {
  const hash = ` · ${s.id.slice(-SECTION_HASH_CHARS)}`;
  return shortenMiddle(`${ACTION_NAME} / ${plain(s.title || s.id)}`, MAX_CONTEXT_CHARS - hash.length) + hash;
}

/**
 * `4 files, 5.6 KiB · 1 changed, 2 new, +4.1 KiB since main · links expire 2026-11-29 14:00 UTC`,
 * within GitHub's 140 characters (the comparison goes first when it does not fit).
 */
export function statusDescription(s: SectionData): string {
  const size = filesAndBytes(
    s.files.length,
    s.files.reduce((n, f) => n + (f.size > 0 ? f.size : 0), 0),
  );
  const expiry = `links expire ${formatUtc(s.expiresAt)}`;
  const changes = s.base ? `${changeSummary(compareWithBase(s.files, s.base))} since ${plain(s.base.ref)}` : undefined;
  const full = [size, changes, expiry].filter(Boolean).join(' · ');
  if (Array.from(full).length <= MAX_STATUS_DESCRIPTION) return full;
  return shortenMiddle([size, expiry].join(' · '), MAX_STATUS_DESCRIPTION);
}

export function commitStatusOf(s: SectionData): CommitStatus {
  const target = s.shareUrl || s.runUrl;
  return {
    state: 'success',
    context: statusContext(s),
    description: statusDescription(s),
    ...(/^https?:\/\//i.test(target) ? { target_url: target } : {}),
  };
}
