import { describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeQr as decode } from '../../support/qr.js';
import {
  blackOnWhitePng,
  MAX_MOBILE_QR,
  mobileBuilds,
  PIXELS_PER_MODULE,
  QR_MAX_BYTES,
  qrKey,
  qrModules,
  qrPng,
} from '../../../src/sites/qr.js';

const presigned = (extra = '') =>
  `https://my-ci-artifacts.s3.eu-west-1.amazonaws.com/octo-org/app/pr-42/1a2b3c4/build-3f9a1c2b7d/.artifact-links/share.html` +
  `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20261122%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261122T140000Z` +
  `&X-Amz-Expires=39600${extra}&X-Amz-Signature=${'ab'.repeat(32)}&X-Amz-SignedHeaders=host`;

describe('qrPng', () => {
  it.each([
    ['a link signed by a long-term key', presigned()],
    ['a link with a session token', presigned(`&X-Amz-Security-Token=${'IQoJb3JpZ2luX2VjE'.repeat(60)}`)],
  ])('encodes %s so that a decoder reads it back exactly', (_what, link) => {
    const image = qrPng(link)!;
    expect(decode(image.png)).toBe(link);
    const { width, height, colorType, depth } = PNG.sync.read(image.png);
    expect([width, height]).toEqual([image.pixels, image.pixels]);
    expect([colorType, depth]).toEqual([0, 1]); // 1-bit grey, not RGBA
    expect(image.modules).toBe(QRCode.create(link, { errorCorrectionLevel: 'L' }).modules.size);
    expect(image.pixels).toBe((image.modules + 8) * PIXELS_PER_MODULE);
    // Shown at 2 CSS px per module, quiet zone included.
    expect(image.displayWidth).toBe((image.modules + 8) * 2);
  });

  it('makes none for a link longer than a QR code holds', () => {
    expect(qrPng(`https://x.example/${'a'.repeat(QR_MAX_BYTES)}`)).toBeUndefined();
  });
});

describe('qrModules', () => {
  // Link-like text of every length a QR code holds, from a fixed seed: each a different symbol.
  const linkOf = (length: number, seed: number) => {
    const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%&=?/';
    let x = seed;
    let text = 'https://b.example/';
    while (text.length < length) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      text += chars[x % chars.length];
    }
    return text.slice(0, length);
  };
  const lengths = [1, 20, 40, 41, 77, 100, 154, 200, 300, 420, 600, 700, 1000, 1300, 1700, 2100, 2500, 2900, QR_MAX_BYTES];

  it.each(lengths)("is qrcode's own symbol, mask chosen as qrcode chooses it, for %i bytes", (length) => {
    for (const seed of [1, 2, 3]) {
      const text = linkOf(length, seed * 7919 + length);
      const reference = QRCode.create(text, { errorCorrectionLevel: 'L' });
      const ours = qrModules(text);
      expect(ours.size).toBe(reference.modules.size);
      expect(Buffer.from(ours.dark).equals(Buffer.from(reference.modules.data))).toBe(true);
    }
  });

  it('is that symbol for 400 short texts, among which qrcode chooses each of the eight masks', () => {
    const chosen = new Set<number>();
    for (let seed = 1; seed <= 400; seed++) {
      const text = linkOf(20 + (seed % 180), seed);
      const reference = QRCode.create(text, { errorCorrectionLevel: 'L' });
      chosen.add(reference.maskPattern!);
      expect(Buffer.from(qrModules(text).dark).equals(Buffer.from(reference.modules.data))).toBe(true);
    }
    expect([...chosen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('blackOnWhitePng', () => {
  it.each([
    [1, 1],
    [7, 1],
    [9, 1],
    [17, 1],
    [3, 4],
    [5, 3],
    [93, 4],
  ])('draws every pixel where it is asked to, %i squares of %i px', (cells, scale) => {
    const dark = (x: number, y: number) => (x * 3 + y * 5) % 7 < 3;
    const width = cells * scale;
    const image = PNG.sync.read(blackOnWhitePng(cells, scale, dark));
    expect([image.width, image.height]).toEqual([width, width]);
    const wrong: number[][] = [];
    for (let y = 0; y < width; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const want = dark(Math.floor(x / scale), Math.floor(y / scale)) ? 0 : 255;
        if (image.data[i] !== want || image.data[i + 3] !== 255) wrong.push([x, y]);
      }
    expect(wrong).toEqual([]);
  });
});

describe('mobileBuilds', () => {
  it(`takes .apk, .aab and .ipa files, at most ${MAX_MOBILE_QR}`, () => {
    const files = ['a.APK', 'b.aab', 'readme.txt', 'c.ipa', 'd.apk', 'apk'].map((path) => ({ path }));
    expect(mobileBuilds(files).map((f) => f.path)).toEqual(['a.APK', 'b.aab', 'c.ipa']);
  });
});

describe('qrKey', () => {
  it("lies in the section's reserved folder, never named by the pull request", () => {
    expect(qrKey('o/r/pr-1/abc/build', { share: true })).toBe('o/r/pr-1/abc/build/.artifact-links/qr-share.png');
    const key = qrKey('o/r/pr-1/abc/build', { fileKey: 'o/r/pr-1/abc/build/../../evil name.apk' });
    expect(key).toMatch(/^o\/r\/pr-1\/abc\/build\/\.artifact-links\/qr-[0-9a-f]{16}\.png$/);
    expect(qrKey('', { share: true })).toBe('.artifact-links/qr-share.png');
  });
});
