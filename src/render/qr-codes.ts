/** The section's QR codes in the comment: one line each, the image linked to itself at full size. Pure. */
import { shortenMiddle } from './format.js';
import { escapeMarkdown, escapeUrl } from './markdown.js';
import type { QrLink } from './markers.js';
import { attrText } from './thumbnails.js';

/** Every QR code line starts with this, so it is found again in an existing comment. */
export const QR_PREFIX = '📱 ';
/** Shown no larger than this in the comment (the image links to itself at full size). */
const MAX_WIDTH = 400;

export function qrLines(codes: readonly QrLink[] | undefined): string[] {
  return (codes ?? []).flatMap((c) => {
    const url = escapeUrl(c.url);
    if (!url) return [];
    const src = url.replace(/&/g, '&amp;');
    const name = c.of === 'file' ? shortenMiddle(c.path ?? '', 80) : '';
    const alt = c.of === 'share' ? 'QR code of the share page' : `QR code of ${attrText(name)}`;
    const width = Math.min(MAX_WIDTH, Math.max(1, Math.round(c.width)));
    const what = c.of === 'share' ? 'Scan to open the share page on a phone' : `Scan to download ${escapeMarkdown(name)} on a phone`;
    return [`${QR_PREFIX}<a href="${src}"><img src="${src}" width="${width}" alt="${alt}"></a> ${what}`];
  });
}
