/**
 * The hidden markers of the sticky comment: the comment's own marker, and each section's start
 * marker (carrying its metadata, base64 JSON) and end marker. Pure.
 */
import { createHash } from 'node:crypto';
import type { BaseBuild } from '../links/base-build.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { uriEncode } from '../links/uri.js';
import { hexPrefix, shortenMiddle } from './format.js';
import { wellFormed } from './markdown.js';

export const ACTION_NAME = 's3-artifact-links';
/** Commit prefix kept in a section's metadata. */
const SHA_CHARS = 12;

/** One job's part of the comment. */
export interface SectionData {
  id: string;
  title: string;
  sha: string;
  runUrl: string;
  /** ISO time this section was rendered. */
  updatedAt: string;
  /** ISO time of the earliest link expiry in this section. */
  expiresAt: string;
  files: ManifestEntry[];
  /** Shown under the heading, e.g. a public-repository warning. Escaped: plain text only. */
  note?: string;
  /** Links were deleted or revoked: render the section without links. */
  removed?: boolean;
  /** The section's browsable sites: folder as the user knows it, and the link that opens it. */
  sites?: readonly { path: string; url: string }[];
  /** The share page: every file of the section on one page. */
  shareUrl?: string;
  /** Built from a fork's code: its HTML, SVG and XML download (their rows say so). */
  untrusted?: boolean;
  /** Better links for some files, by object key (a site's HTML page opens through its site). */
  open?: ReadonlyMap<string, string>;
  /** The base branch's latest upload of this section: each file shows what changed since. */
  base?: BaseBuild;
  /** QR codes for phones: of the share page, and of mobile builds (by path). */
  qr?: readonly QrLink[];
}

/** A hosted QR code image: what it encodes, its link, and the width to show it at (CSS px). */
export interface QrLink {
  of: 'share' | 'file';
  /** The file it opens (for `of: 'file'`), as the user knows it. */
  path?: string;
  url: string;
  width: number;
}

/** What a section's start marker carries, enough to re-render the header and a one-line summary. */
export interface SectionMeta {
  id: string;
  title: string;
  sha: string;
  runUrl: string;
  updatedAt: string;
  expiresAt: string;
  files: number;
  bytes: number;
  removed: boolean;
  /** The section's share page, where every file is listed when the comment has no room. */
  shareUrl?: string;
}

/** A section found in an existing body: its raw block, and its metadata if readable. */
export interface ParsedSection {
  id: string;
  raw: string;
  meta?: SectionMeta;
}

export const START = '<!-- s3-artifact-links section=';
export const END = '<!-- /s3-artifact-links section=';
const START_RE = /^<!-- s3-artifact-links section=(\S+) meta=([A-Za-z0-9+/=]*) -->$/gm;

/**
 * The comment key of the default comment: one comment per pull request for every use of the action
 * in the repository, whatever its bucket or key-prefix (each job in its own section).
 */
export const DEFAULT_COMMENT_KEY = 'default';

/**
 * `<!-- s3-artifact-links:KEY -->`, KEY from `[A-Za-z0-9._-]` so it cannot end the comment. Injective:
 * a key that is not already such text (or is long) becomes a readable part plus a hash of the whole
 * key, so `a b` and `a_b` name different comments.
 */
export function commentMarker(commentKey: string): string {
  const key = commentKey || DEFAULT_COMMENT_KEY;
  if (/^[A-Za-z0-9._]+(-[A-Za-z0-9._]+)*$/.test(key) && key.length <= 64) return `<!-- ${ACTION_NAME}:${key} -->`;
  const readable = key
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/-{2,}/g, '-')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `<!-- ${ACTION_NAME}:${readable}.${createHash('sha256').update(key).digest('hex').slice(0, 10)} -->`;
}

/** Percent-encode an id so it holds no space, `>` or `--` inside a marker. */
function encodeId(id: string): string {
  return uriEncode(wellFormed(id)).replace(/-(?=-)/g, '%2D');
}

function decodeId(enc: string): string | undefined {
  try {
    return decodeURIComponent(enc);
  } catch {
    return undefined;
  }
}

/** Compact JSON (short keys, id is in the marker itself) as base64: no `-`, `>` or space. */
function encodeMeta(m: SectionMeta): string {
  const compact = {
    v: 1,
    t: m.title,
    s: m.sha,
    r: m.runUrl,
    u: m.updatedAt,
    e: m.expiresAt,
    n: m.files,
    b: m.bytes,
    ...(m.removed ? { x: 1 } : {}),
    ...(m.shareUrl && !m.removed ? { h: m.shareUrl } : {}),
  };
  return Buffer.from(JSON.stringify(compact), 'utf8').toString('base64');
}

function decodeMeta(b64: string, id: string): SectionMeta | undefined {
  try {
    const o: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
    if (!o || typeof o !== 'object') return undefined;
    const r = o as Record<string, unknown>;
    if (r.v !== 1) return undefined;
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2000) : '');
    const nat = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
    return {
      id,
      title: str(r.t),
      sha: hexPrefix(str(r.s), SHA_CHARS),
      runUrl: str(r.r),
      updatedAt: str(r.u),
      expiresAt: str(r.e),
      files: nat(r.n),
      bytes: nat(r.b),
      removed: r.x === 1,
      ...(typeof r.h === 'string' && r.x !== 1 ? { shareUrl: r.h.slice(0, 4000) } : {}),
    };
  } catch {
    return undefined;
  }
}

export function startMarker(m: SectionMeta): string {
  return `${START}${encodeId(m.id)} meta=${encodeMeta(m)} -->`;
}

export function endMarker(id: string): string {
  return `${END}${encodeId(id)} -->`;
}

/** The metadata a section's marker carries; expiresAt falls back to the earliest file expiry. */
export function sectionMeta(s: SectionData): SectionMeta {
  let expiresAt = s.expiresAt;
  if (Number.isNaN(Date.parse(expiresAt))) {
    const times = s.files.map((f) => Date.parse(f.expiresAt)).filter((t) => !Number.isNaN(t));
    expiresAt = times.length ? new Date(Math.min(...times)).toISOString() : '';
  }
  return {
    id: s.id,
    title: shortenMiddle(s.title, 200),
    sha: hexPrefix(s.sha, SHA_CHARS),
    runUrl: s.runUrl,
    updatedAt: s.updatedAt,
    expiresAt,
    files: s.files.length,
    bytes: Math.round(s.files.reduce((sum, f) => sum + (Number.isFinite(f.size) && f.size > 0 ? f.size : 0), 0)),
    removed: s.removed === true,
    ...(s.shareUrl && !s.removed ? { shareUrl: s.shareUrl } : {}),
  };
}

/**
 * Sections of an existing body, by id. A start marker without its end marker (before the next
 * start) is skipped; unreadable metadata leaves `meta` undefined; the first of duplicate ids wins.
 */
export function parseSections(body: string): Map<string, ParsedSection> {
  const text = body.replace(/\r\n?/g, '\n');
  const starts = [...text.matchAll(START_RE)];
  const out = new Map<string, ParsedSection>();
  starts.forEach((m, i) => {
    const from = m.index ?? 0;
    const limit = i + 1 < starts.length ? (starts[i + 1].index ?? text.length) : text.length;
    const end = `${END}${m[1]} -->`;
    const at = text.indexOf(end, from);
    const id = decodeId(m[1]);
    if (id === undefined || at === -1 || at + end.length > limit || out.has(id)) return;
    out.set(id, { id, raw: text.slice(from, at + end.length), meta: decodeMeta(m[2], id) });
  });
  return out;
}
