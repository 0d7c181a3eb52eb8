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
 * Types a browser runs as a document with scripts on the link's origin: HTML, SVG, XHTML and every
 * XML type (an XML document can hold XHTML or SVG elements, or load an XSLT stylesheet).
 */
export function isActiveContent(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return (
    type === 'text/html' ||
    type === 'text/xml' ||
    type === 'application/xml' ||
    type === 'text/xsl' ||
    type === 'text/mathml' ||
    type.endsWith('+xml')
  );
}

/**
 * What a browser shows when the link is opened: viewable types, except active ones when the files
 * are untrusted (they are then attachments, see contentDisposition).
 */
export function opensInBrowser(contentType: string, untrusted: boolean): boolean {
  return isBrowserViewable(contentType) && !(untrusted && isActiveContent(contentType));
}

/**
 * RFC 6266 Content-Disposition value: an ASCII `filename` fallback plus `filename*=UTF-8''…` (RFC 8187)
 * when the name is not plain ASCII. `untrusted` (files built from a fork's code): active types
 * (isActiveContent) are attachments whatever the mode, so they never run on the bucket's origin.
 */
export function contentDisposition(fileName: string, mode: DispositionMode, contentType: string, untrusted = false): string {
  const type =
    untrusted && isActiveContent(contentType)
      ? 'attachment'
      : mode === 'auto'
        ? isBrowserViewable(contentType)
          ? 'inline'
          : 'attachment'
        : mode;
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
