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
import QRCode from 'qrcode';
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
export async function qrPng(text: string): Promise<QrImage | undefined> {
  if (Buffer.byteLength(text) > QR_MAX_BYTES) return undefined;
  // Encoded once (choosing segments and mask is most of the cost); 8-bit grey, half the bytes of RGBA.
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'L',
    margin: QUIET_MODULES,
    scale: PIXELS_PER_MODULE,
    // Handed on to pngjs (its `colorType`, which qrcode's types leave out).
    rendererOpts: { colorType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
  });
  // The PNG's width (its IHDR chunk, after the 8-byte signature and the chunk's length and type).
  const pixels = png.readUInt32BE(16);
  const side = pixels / PIXELS_PER_MODULE; // modules, quiet zone included
  return { png, modules: side - 2 * QUIET_MODULES, pixels, displayWidth: side * DISPLAY_PX_PER_MODULE };
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
