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
import { getEncodedBits } from 'qrcode/lib/core/format-info.js';
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
  const { size, dark } = qrModules(text);
  const side = size + 2 * QUIET_MODULES;
  const png = blackOnWhitePng(side, PIXELS_PER_MODULE, (x, y) => {
    const mx = x - QUIET_MODULES;
    const my = y - QUIET_MODULES;
    return mx >= 0 && my >= 0 && mx < size && my < size && dark[my * size + mx] === 1;
  });
  return { png, modules: size, pixels: side * PIXELS_PER_MODULE, displayWidth: side * DISPLAY_PX_PER_MODULE };
}

/**
 * The modules of `text`'s QR code (error correction L), row by row, 1 for dark: the symbol qrcode
 * makes, with the mask the standard's penalty rules choose, as qrcode chooses it. qrcode applies
 * each of the eight masks module by module through function calls, which in a process that runs it
 * once took more than half of a QR code's 20–30 ms; here qrcode encodes once with mask 0, and the
 * masks and their penalties are taken over the module array directly (tested: the same symbol as
 * qrcode's own choice, for links of every length a QR code holds).
 */
export function qrModules(text: string): { size: number; dark: Uint8Array } {
  const { modules, errorCorrectionLevel } = create(text, { errorCorrectionLevel: 'L', maskPattern: 0 });
  const { size, reservedBit } = modules;
  // Unmasked, in place: the data modules with mask 0 taken off again (reserved ones are never masked).
  const plain = modules.data;
  applyMask(plain, reservedBit, size, 0);
  let best: Uint8Array | undefined;
  let lowest = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const candidate = plain.slice();
    setFormatInfo(candidate, size, getEncodedBits(errorCorrectionLevel, mask));
    applyMask(candidate, reservedBit, size, mask);
    const score = penalty(candidate, size);
    if (score < lowest) {
      lowest = score;
      best = candidate;
    }
  }
  return { size, dark: best! };
}

/** Flips the data modules (not `reserved`) where mask pattern `mask` (0–7) is dark. */
function applyMask(dark: Uint8Array, reserved: Uint8Array, size: number, mask: number): void {
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const at = i * size + j;
      if (reserved[at] || !maskAt(mask, i, j)) continue;
      dark[at] ^= 1;
    }
  }
}

/** The standard's eight mask patterns, row `i`, column `j`. */
function maskAt(mask: number, i: number, j: number): boolean {
  switch (mask) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

/** The 15 format bits (error correction level and mask) beside the finder patterns, where qrcode puts them. */
function setFormatInfo(dark: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    dark[row * size + 8] = bit;
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    dark[8 * size + col] = bit;
  }
  dark[(size - 8) * size + 8] = 1; // the dark module
}

/**
 * The standard's penalty of a masked symbol, as qrcode scores it: runs of five or more modules of
 * one colour in a row or column (3 + the run's length beyond 5), 2 × 2 blocks of one colour (3
 * each), the finder-like 1:1:3:1:1 pattern with four light modules on either side (40 each), and
 * 10 per 5 % that dark modules are away from half.
 */
function penalty(dark: Uint8Array, size: number): number {
  let points = 0;
  let darkCount = 0;
  for (let a = 0; a < size; a++) {
    let rowRun = 0;
    let colRun = 0;
    let rowLast = -1;
    let colLast = -1;
    let rowBits = 0;
    let colBits = 0;
    for (let b = 0; b < size; b++) {
      const inRow = dark[a * size + b];
      const inCol = dark[b * size + a];
      darkCount += inRow;
      if (inRow === rowLast) rowRun++;
      else {
        if (rowRun >= 5) points += rowRun - 2;
        rowLast = inRow;
        rowRun = 1;
      }
      if (inCol === colLast) colRun++;
      else {
        if (colRun >= 5) points += colRun - 2;
        colLast = inCol;
        colRun = 1;
      }
      rowBits = ((rowBits << 1) & 0x7ff) | inRow;
      colBits = ((colBits << 1) & 0x7ff) | inCol;
      if (b >= 10) {
        if (rowBits === 0x5d0 || rowBits === 0x05d) points += 40;
        if (colBits === 0x5d0 || colBits === 0x05d) points += 40;
      }
      if (a < size - 1 && b < size - 1) {
        const block = inRow + dark[a * size + b + 1] + dark[(a + 1) * size + b] + dark[(a + 1) * size + b + 1];
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (rowRun >= 5) points += rowRun - 2;
    if (colRun >= 5) points += colRun - 2;
  }
  return points + Math.abs(Math.ceil((darkCount * 100) / (size * size) / 5) - 10) * 10;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A square PNG of `cells` × `cells` squares of `scale` pixels each, 1 bit of grey per pixel (what a
 * QR code needs: a 100-module code is about 1 KB, against 3 KB in 8-bit grey), each row unfiltered:
 * the square at column `x`, row `y` is black where `dark(x, y)`. Each row of squares is drawn once
 * and copied to its other pixel rows.
 */
export function blackOnWhitePng(cells: number, scale: number, dark: (x: number, y: number) => boolean): Buffer {
  const width = cells * scale;
  const stride = 1 + Math.ceil(width / 8); // the row's filter byte (0: none), then its pixels
  const raw = Buffer.alloc(stride * width);
  for (let y = 0; y < cells; y++) {
    const first = y * scale * stride;
    for (let x = 0; x < cells; x++) {
      if (dark(x, y)) continue;
      for (let px = x * scale; px < (x + 1) * scale; px++) raw[first + 1 + (px >> 3)] |= 0x80 >> (px & 7);
    }
    for (let copy = 1; copy < scale; copy++) raw.copy(raw, first + copy * stride, first, first + stride);
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
