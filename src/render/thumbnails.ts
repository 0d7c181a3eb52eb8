/**
 * Image previews in the comment: a row of small thumbnails, each linked to its full file. Pure.
 *
 * GitHub shows a comment's images through its image proxy (camo), which fetches them server-side and
 * serves only image content types, at most 5 MiB, within about 10 s; `data:` URIs are stripped. So
 * only PNG, JPEG, GIF and WebP files of at most 5 MiB get a thumbnail, at most MAX_THUMBNAILS of
 * them and within THUMBNAIL_CHARS of the comment; the share page shows every image.
 */
import type { ManifestEntry } from '../links/manifest-entry.js';
import { count } from './format.js';
import { escapeUrl, link, wellFormed } from './markdown.js';

/** The image types GitHub's proxy serves and every browser shows. */
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** GitHub's image proxy refuses larger images. */
export const PROXY_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_THUMBNAILS = 6;
/** Width of a thumbnail in the comment, in CSS pixels: six fit in one row of a comment. */
export const THUMBNAIL_WIDTH = 120;
/** Characters the row of thumbnails may take (two presigned links per image). */
export const THUMBNAIL_CHARS = 16_000;
/** Every thumbnail row starts with this, so a section's row is found again in an existing comment. */
export const THUMBNAILS_PREFIX = '🖼️ ';

/** True when GitHub's image proxy would show this file: a preview type, not empty, at most 5 MiB. */
export function isPreviewable(f: Pick<ManifestEntry, 'contentType' | 'size'>): boolean {
  const type = f.contentType.split(';')[0].trim().toLowerCase();
  return PREVIEW_TYPES.has(type) && Number.isFinite(f.size) && f.size > 0 && f.size <= PROXY_MAX_BYTES;
}

function isImageType(f: Pick<ManifestEntry, 'contentType'>): boolean {
  return /^image\//i.test(f.contentType.trim());
}

const ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside a double-quoted HTML attribute: no quote, tag, entity, control or bidi character. */
export function attrText(text: string): string {
  return (
    wellFormed(text)
      // eslint-disable-next-line no-control-regex -- control characters in untrusted names are dropped
      .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
      .replace(/[&<>"']/g, (c) => ATTR[c] ?? c)
  );
}

function thumbnail(f: ManifestEntry): string | undefined {
  const url = escapeUrl(f.url);
  if (!url) return undefined;
  const src = url.replace(/&/g, '&amp;');
  const name = f.path.split('/').pop() ?? f.path;
  const alt = attrText(Array.from(name).length > 60 ? `${Array.from(name).slice(0, 59).join('')}…` : name);
  return `<a href="${src}"><img src="${src}" width="${THUMBNAIL_WIDTH}" alt="${alt}"></a>`;
}

export interface ThumbnailChoice {
  /** The images shown, in the section's file order. */
  shown: ManifestEntry[];
  /** Images of the section that are not shown (too many, too large, not a preview type). */
  hidden: number;
}

/** The images that get a thumbnail: previewable, at most `max`, within `chars` characters of thumbnails. */
export function pickThumbnails(files: readonly ManifestEntry[], max = MAX_THUMBNAILS, chars = THUMBNAIL_CHARS): ThumbnailChoice {
  const shown: ManifestEntry[] = [];
  let used = 0;
  let images = 0;
  for (const f of files) {
    if (!isImageType(f)) continue;
    images++;
    if (shown.length >= max || !isPreviewable(f)) continue;
    const html = thumbnail(f);
    if (!html || used + html.length + 1 > chars) continue;
    used += html.length + 1;
    shown.push(f);
  }
  return { shown, hidden: images - shown.length };
}

/**
 * The files outside the section's sites: a site's images (icons, sprites, a report's assets) are
 * part of the page, not something to preview. `sites` paths are as the user knows them (`.` = all).
 */
export function outsideSites<T extends { path: string }>(files: readonly T[], sites: readonly { path: string }[] | undefined): T[] {
  const folders = (sites ?? []).map((s) => (s.path === '.' ? '' : `${s.path.replace(/\/$/, '')}/`));
  return files.filter((f) => !folders.some((folder) => f.path.startsWith(folder)));
}

/**
 * The section's row of thumbnails, or undefined when it has no previewable image. Images not shown
 * are counted, pointing to the share page (which shows every one).
 */
export function thumbnailsLine(files: readonly ManifestEntry[], shareUrl?: string): string | undefined {
  const { shown, hidden } = pickThumbnails(files);
  if (shown.length === 0) return undefined;
  const thumbs = shown.flatMap((f) => thumbnail(f) ?? []);
  const share = shareUrl ? link('share page', shareUrl) : undefined;
  const more = hidden > 0 ? ` <sub>+${count(hidden)} more image${hidden === 1 ? '' : 's'}${share ? ` on the ${share}` : ''}</sub>` : '';
  return `${THUMBNAILS_PREFIX}${thumbs.join(' ')}${more}`;
}
