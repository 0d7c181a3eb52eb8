/**
 * What changed since the base branch: each file of a pull request's upload against the base
 * branch's latest upload of the same section (matched by path; bytes compared by SHA-256), and the
 * lines that say so in the comment. Pure.
 */
import type { BaseBuild } from '../links/base-build.js';
import { count, hexPrefix, humanBytes, shortenMiddle } from './format.js';
import { escapeMarkdown, link } from './markdown.js';

export type FileChange = { status: 'new'; delta: number } | { status: 'changed' | 'same'; delta: number };

export interface Comparison {
  base: Pick<BaseBuild, 'ref' | 'sha' | 'runUrl'>;
  /** By path: how each file of the upload differs from the base file of the same path. */
  files: Map<string, FileChange>;
  /** Base files with no file of that path in the upload, in path order. */
  removed: { path: string; size: number }[];
  changed: number;
  added: number;
  unchanged: number;
  /** Total size of the upload minus the total size of the base upload, in bytes. */
  delta: number;
}

/** Removed files named in the comment, at most; the rest are counted. */
export const MAX_REMOVED_NAMES = 10;
const REMOVED_NAME_CHARS = 80;

/** Compares the upload's files with the base build's, by path (the first of duplicate paths wins). */
export function compareWithBase(files: readonly { path: string; size: number; sha256: string }[], base: BaseBuild): Comparison {
  const before = new Map<string, { size: number; sha256: string }>();
  for (const f of base.files) if (!before.has(f.path)) before.set(f.path, f);
  const out = new Map<string, FileChange>();
  let changed = 0;
  let added = 0;
  let unchanged = 0;
  let total = 0;
  for (const f of files) {
    if (out.has(f.path)) continue;
    total += f.size;
    const b = before.get(f.path);
    if (!b) {
      out.set(f.path, { status: 'new', delta: f.size });
      added++;
    } else if (b.sha256 === f.sha256 && b.size === f.size) {
      out.set(f.path, { status: 'same', delta: 0 });
      unchanged++;
    } else {
      out.set(f.path, { status: 'changed', delta: f.size - b.size });
      changed++;
    }
  }
  const removed = [...before]
    .filter(([path]) => !out.has(path))
    .map(([path, b]) => ({ path, size: b.size }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const delta = total - [...before.values()].reduce((n, f) => n + f.size, 0);
  return { base: { ref: base.ref, sha: base.sha, runUrl: base.runUrl }, files: out, removed, changed, added, unchanged, delta };
}

/** +2.1 KiB, -300 B, ±0 B. */
export function signedBytes(n: number): string {
  if (n === 0) return '±0 B';
  return `${n > 0 ? '+' : '-'}${humanBytes(Math.abs(n))}`;
}

/** "3 changed, 1 new, 1 removed, +2.1 KiB"; "no changes, ±0 B" when every file is the same. */
export function changeSummary(c: Pick<Comparison, 'changed' | 'added' | 'removed' | 'delta'>): string {
  const bits: string[] = [];
  if (c.changed) bits.push(`${count(c.changed)} changed`);
  if (c.added) bits.push(`${count(c.added)} new`);
  if (c.removed.length) bits.push(`${count(c.removed.length)} removed`);
  if (bits.length === 0) bits.push('no changes');
  return [...bits, signedBytes(c.delta)].join(', ');
}

/** A file's cell in the Change column. */
export function changeCell(change: FileChange | undefined): string {
  if (!change) return '—';
  if (change.status === 'new') return '🆕 new';
  if (change.status === 'same') return 'unchanged';
  return change.delta === 0 ? '✏️ changed, same size' : `✏️ ${signedBytes(change.delta)}`;
}

/**
 * The section's lines about the comparison: what it sums up to, against which build, and the files
 * that were removed (at most MAX_REMOVED_NAMES named; names are escaped text).
 */
export function comparisonLines(c: Comparison): string[] {
  const sha = hexPrefix(c.base.sha, 7);
  const build = link(sha ? `\`${sha}\`` : 'build', c.base.runUrl) ?? (sha ? `\`${sha}\`` : 'build');
  const lines = [`📊 Since ${escapeMarkdown(c.base.ref)} (${build}): **${changeSummary(c)}**`];
  if (c.removed.length) {
    const named = c.removed.slice(0, MAX_REMOVED_NAMES).map((f) => `~~${escapeMarkdown(shortenMiddle(f.path, REMOVED_NAME_CHARS))}~~`);
    const more = c.removed.length - named.length;
    lines.push(`<sub>Removed: ${named.join(' · ')}${more > 0 ? ` … and ${count(more)} more` : ''}</sub>`);
  }
  return lines;
}
