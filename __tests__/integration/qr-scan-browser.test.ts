/**
 * Can a phone scan the comment's QR codes off a screen? Each code is drawn by headless Chromium at
 * the width the comment gives it, captured at one device pixel per CSS pixel (a plain laptop screen,
 * no zoom), and decoded (npm `jsqr`). The longest links (a session token in the query) make the
 * densest codes.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { qrPng } from '../../src/sites/qr.js';
import { decodeQr } from '../support/qr.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const link = (token: string) =>
  `https://my-ci-artifacts.s3.eu-west-1.amazonaws.com/octo-org/app/pr-42/1a2b3c4/build-3f9a1c2b7d/.artifact-links/share.html` +
  `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20261122%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261122T140000Z` +
  `&X-Amz-Expires=39600${token}&X-Amz-Signature=${'ab'.repeat(32)}&X-Amz-SignedHeaders=host`;

test.each([
  ['a long-term signing key', link('')],
  ['an OIDC session (about 1,000 characters of token)', link(`&X-Amz-Security-Token=${'IQoJb3JpZ2luX2VjEKj%2F%2F%2F'.repeat(40)}`)],
])('a QR code of a link signed by %s scans at the width the comment shows it', async (_what, url) => {
  const image = qrPng(url)!;
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<body style="margin:20px;background:#fff"><img id="qr" src="data:image/png;base64,${image.png.toString('base64')}" width="${image.displayWidth}"></body>`,
    );
    await page.locator('#qr').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    const shot = await page.locator('#qr').screenshot();
    expect(decodeQr(shot)).toBe(url);
  } finally {
    await page.close();
  }
});
