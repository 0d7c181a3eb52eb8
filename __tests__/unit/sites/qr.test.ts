import { describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { decodeQr as decode } from '../../support/qr.js';
import { blackOnWhitePng, MAX_MOBILE_QR, mobileBuilds, PIXELS_PER_MODULE, QR_MAX_BYTES, qrKey, qrPng } from '../../../src/sites/qr.js';

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

describe('blackOnWhitePng', () => {
  it.each([1, 7, 8, 9, 17])('draws every pixel where it is asked to, %i px wide', (width) => {
    const dark = (x: number, y: number) => (x * 3 + y * 5) % 7 < 3;
    const image = PNG.sync.read(blackOnWhitePng(width, dark));
    expect([image.width, image.height]).toEqual([width, width]);
    for (let y = 0; y < width; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        expect([x, y, image.data[i], image.data[i + 3]]).toEqual([x, y, dark(x, y) ? 0 : 255, 255]);
      }
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
