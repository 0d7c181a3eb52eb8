/**
 * A comment section as the bucket records it. GitHub has no compare-and-swap, so another job's
 * write based on an older read can drop a section from the comment after its job has checked it.
 * Every writer therefore stores its section here before it touches the comment, and renders the
 * comment from all of them: whoever writes last writes every job's latest section back. Pure.
 *
 * One exact place per section and comment, in the action's namespace (keys.ts):
 * `<scope>/.artifact-links/comment/<section-id>.json`.
 */
import { isBaseBuild } from '../links/base-build.js';
import { RESERVED_SEGMENT } from '../links/keys.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { SECTION_ID } from '../links/section.js';
import type { SectionData } from './markers.js';

export const RECORD_VERSION = 1;

/** The folder of a scope's comment records. */
export function recordFolder(scope: string): string {
  return `${scope}/${RESERVED_SEGMENT}/comment`;
}

export function recordKey(scope: string, sectionId: string): string {
  return `${recordFolder(scope)}/${sectionId}.json`;
}

/** The record of `section` for the comment with `marker` (stored as JSON). */
export function recordOf(section: SectionData, marker: string): object {
  const { open, ...rest } = section;
  return { version: RECORD_VERSION, marker, section: { ...rest, open: open ? [...open] : undefined } };
}

/** The record as its stored text. */
export function toRecord(section: SectionData, marker: string): string {
  return JSON.stringify(recordOf(section, marker));
}

/**
 * The section a stored record holds, when it is a record of the comment `marker` at `key` that the
 * renderer can show: the section id its key names, files in the scope, ISO times, http(s) links. Anything
 * else (another comment's record, a damaged or foreign object) is undefined: never rendered.
 */
export function fromRecord(text: string, key: string, scope: string, marker: string): SectionData | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const v = value as { version?: unknown; marker?: unknown; section?: Record<string, unknown> } | null;
  if (!v || v.version !== RECORD_VERSION || v.marker !== marker || !isObject(v.section)) return undefined;
  const s = v.section;
  if (typeof s.id !== 'string' || !SECTION_ID.test(s.id) || recordKey(scope, s.id) !== key) return undefined;
  if (!['title', 'sha', 'runUrl', 'updatedAt', 'expiresAt'].every((f) => typeof s[f] === 'string')) return undefined;
  if (!isTime(s.updatedAt) || !isTime(s.expiresAt) || !isUrl(s.runUrl)) return undefined;
  // Its files lie in the scope it was found in: a record copied into another pull request's folder is not rendered.
  if (!Array.isArray(s.files) || !s.files.every((f) => isEntry(f) && f.key.startsWith(`${scope}/`))) return undefined;
  if (s.note !== undefined && typeof s.note !== 'string') return undefined;
  if (s.removed !== undefined && typeof s.removed !== 'boolean') return undefined;
  if (s.untrusted !== undefined && typeof s.untrusted !== 'boolean') return undefined;
  if (s.shareUrl !== undefined && !isUrl(s.shareUrl)) return undefined;
  if (s.base !== undefined && !isBaseBuild(s.base, isUrl)) return undefined;
  const qr = s.qr ?? [];
  if (!Array.isArray(qr) || !qr.every(isQrLink)) return undefined;
  const sites = s.sites ?? [];
  if (!Array.isArray(sites) || !sites.every((x) => isObject(x) && typeof x.path === 'string' && isUrl(x.url))) return undefined;
  const open = s.open ?? [];
  if (!Array.isArray(open) || !open.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && isUrl(p[1]))) {
    return undefined;
  }
  return { ...(s as unknown as SectionData), open: s.open ? new Map(open as [string, string][]) : undefined };
}

/** Whether `body`'s section `id` is at least as new as `record` (sections carry their render time). */
export function isAtLeastAsNew(updatedAt: string | undefined, record: Pick<SectionData, 'updatedAt'>): boolean {
  return updatedAt !== undefined && (Date.parse(updatedAt) || 0) >= Date.parse(record.updatedAt);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isTime(v: unknown): boolean {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}

function isUrl(v: unknown): v is string {
  return typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
}

function isEntry(v: unknown): v is ManifestEntry {
  if (!isObject(v)) return false;
  return (
    typeof v.path === 'string' &&
    typeof v.key === 'string' &&
    typeof v.size === 'number' &&
    typeof v.sha256 === 'string' &&
    typeof v.contentType === 'string' &&
    isUrl(v.url) &&
    isTime(v.expiresAt)
  );
}

function isQrLink(v: unknown): boolean {
  return (
    isObject(v) &&
    (v.of === 'share' || v.of === 'file') &&
    (v.path === undefined || typeof v.path === 'string') &&
    isUrl(v.url) &&
    typeof v.width === 'number'
  );
}
