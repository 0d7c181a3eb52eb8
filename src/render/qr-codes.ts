/**
 * The section's QR codes in the comment, folded under one `<details>` line (the comment stays short;
 * a reader on a laptop opens it and scans with a phone): each image linked to itself at full size,
 * captioned with what it opens. The line is an HTML block, so captions are HTML-escaped text, with
 * mentions and issue references broken as in the rest of the comment. Pure.
 */
import { shortenMiddle } from './format.js';
import { escapeUrl } from './markdown.js';
import type { QrLink } from './markers.js';
import { attrText } from './thumbnails.js';

/** The QR codes' line starts with this, so it is found again in an existing comment. */
export const QR_PREFIX = '<details><summary>📱 ';
/** Shown no larger than this in the comment (the image links to itself at full size). */
const MAX_WIDTH = 400;
const WJ = '\u2060';

/** HTML text that GitHub turns into nothing: escaped, no mention, issue reference or URL. */
function inert(text: string): string {
  return attrText(text)
    .replace(/[@#]/g, `$&${WJ}`)
    .replace(/:(?=\/)/g, `:${WJ}`)
    .replace(/(www)\./gi, `$1${WJ}.`);
}

export function qrLine(codes: readonly QrLink[] | undefined): string | undefined {
  const items = (codes ?? []).flatMap((c) => {
    const url = escapeUrl(c.url);
    if (!url) return [];
    const src = url.replace(/&/g, '&amp;');
    const name = inert(shortenMiddle(c.path ?? '', 80));
    const alt = c.of === 'share' ? 'QR code of the share page' : `QR code of ${name}`;
    const width = Math.min(MAX_WIDTH, Math.max(1, Math.round(c.width)));
    const caption = c.of === 'share' ? 'The share page' : `Download ${name}`;
    return [`<p><a href="${src}"><img src="${src}" width="${width}" alt="${alt}"></a><br>${caption}</p>`];
  });
  if (items.length === 0) return undefined;
  return `${QR_PREFIX}Scan on a phone: QR code${items.length === 1 ? '' : 's'}</summary>${items.join('')}</details>`;
}
