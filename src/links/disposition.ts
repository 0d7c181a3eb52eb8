/** Content-Type and Content-Disposition of uploaded objects. */
import { contentType as mimeContentType } from 'mime-types';
import path from 'node:path';
import { uriEncode } from './uri.js';

export type DispositionMode = 'auto' | 'inline' | 'attachment';

/** Content-Type from the file extension, with a charset for text; `application/octet-stream` if unknown. */
export function contentTypeFor(filePath: string): string {
  return (path.extname(filePath) && mimeContentType(path.extname(filePath))) || 'application/octet-stream';
}

/** What browsers display rather than download: images, PDF, text (incl. HTML), JSON, audio and video. */
export function isBrowserViewable(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return /^(image|text|audio|video)\//.test(type) || type === 'application/pdf' || type === 'application/json' || type.endsWith('+json');
}

/**
 * RFC 6266 Content-Disposition value: an ASCII `filename` fallback plus `filename*=UTF-8''…` (RFC 8187)
 * when the name is not plain ASCII.
 */
export function contentDisposition(fileName: string, mode: DispositionMode, contentType: string): string {
  const type = mode === 'auto' ? (isBrowserViewable(contentType) ? 'inline' : 'attachment') : mode;
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const header = `${type}; filename="${fallback}"`;
  return fallback === fileName ? header : `${header}; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/**
 * RFC 8187 value-chars: RFC 3986 percent-encoding, with `!` (an attr-char) left as is. Every `%` in
 * uriEncode's output starts an escape, so `%21` can only be an encoded `!`.
 */
function encodeRfc8187(value: string): string {
  return uriEncode(value).replaceAll('%21', '!');
}
