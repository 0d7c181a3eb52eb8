/**
 * QR codes for phones: one for the share page and one per mobile build (`.apk`, `.aab`, `.ipa`),
 * as PNG images the action uploads beside the share page (GitHub strips `data:` URIs from comments,
 * so they must be hosted; its image proxy fetches them like the thumbnails).
 *
 * A presigned link is long (600 to 2,000 characters): its QR code is dense (version 15 to 35, 77 to
 * 157 modules). So: error correction L (a screen does not smudge), 4 px per module in the PNG, a
 * quiet zone of 4 modules, and a width in the comment of 2 CSS px per module (a phone's camera reads
 * that from a screen; the image links to itself at full size).
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
// The encoder alone: qrcode's entry point also loads its renderers (and pngjs) for one PNG.
import { create } from 'qrcode/lib/core/qrcode.js';
import { RESERVED_SEGMENT } from '../links/keys.js';

/** Files a phone installs: Android packages and bundles, iOS apps. */
export const MOBILE_BUILD = /\.(apk|aab|ipa)$/i;
/** Mobile builds that get a QR code, at most; the share page lists the others. */
export const MAX_MOBILE_QR = 3;
/** What a QR code holds at most, in bytes (version 40, error correction L). */
export const QR_MAX_BYTES = 2953;
export const PIXELS_PER_MODULE = 4;
export const QUIET_MODULES = 4;
/** CSS px per module in the comment. */
export const DISPLAY_PX_PER_MODULE = 2;

export interface QrImage {
  png: Buffer;
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** Width of the PNG in pixels (square). */
  pixels: number;
  /** Width to show it at, in CSS px. */
  displayWidth: number;
}

/** The QR code of `text` as a PNG, or undefined when it holds more than a QR code can. */
export function qrPng(text: string): QrImage | undefined {
  if (Buffer.byteLength(text) > QR_MAX_BYTES) return undefined;
  const { modules } = create(text, { errorCorrectionLevel: 'L' });
  const side = modules.size + 2 * QUIET_MODULES;
  const png = blackOnWhitePng(side * PIXELS_PER_MODULE, (x, y) => {
    const mx = Math.floor(x / PIXELS_PER_MODULE) - QUIET_MODULES;
    const my = Math.floor(y / PIXELS_PER_MODULE) - QUIET_MODULES;
    return mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
  });
  return { png, modules: modules.size, pixels: side * PIXELS_PER_MODULE, displayWidth: side * DISPLAY_PX_PER_MODULE };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A square PNG of `width` pixels, 1 bit of grey per pixel (what a QR code needs: a 100-module code
 * is about 1 KB, against 3 KB in 8-bit grey), each row unfiltered: `dark(x, y)` is black.
 */
export function blackOnWhitePng(width: number, dark: (x: number, y: number) => boolean): Buffer {
  const stride = 1 + Math.ceil(width / 8); // the row's filter byte (0: none), then its pixels
  const raw = Buffer.alloc(stride * width);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) if (!dark(x, y)) raw[y * stride + 1 + (x >> 3)] |= 0x80 >> (x & 7);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 1; // bit depth; colour type 0 (grey), compression, filter and interlace methods 0
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND')]);
}

/** Length, type, data, and the CRC-32 of type and data. */
function pngChunk(type: string, data = Buffer.alloc(0)): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** The mobile builds of a section that get a QR code, in its order. */
export function mobileBuilds<T extends { path: string }>(files: readonly T[]): T[] {
  return files.filter((f) => MOBILE_BUILD.test(f.path)).slice(0, MAX_MOBILE_QR);
}

/**
 * Where a QR code is stored: in the section's `.artifact-links` folder, named for what it encodes
 * (`share`) or by a hash of the file's key (never by a name from the pull request).
 */
export function qrKey(prefix: string, of: { share: true } | { fileKey: string }): string {
  const name = 'share' in of ? 'share' : createHash('sha256').update(of.fileKey).digest('hex').slice(0, 16);
  return `${prefix ? `${prefix}/` : ''}${RESERVED_SEGMENT}/qr-${name}.png`;
}
