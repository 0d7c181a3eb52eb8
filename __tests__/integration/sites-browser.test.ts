/**
 * Sites and share pages in a real browser: headless Chromium against the local S3 server, which
 * verifies every presigned link's SigV4 signature and expiry. Files are uploaded the way the action
 * uploads them (Content-Type and Content-Disposition from the file name), links are signed with the
 * action's presigner, and the generated objects (worker, bootstrap page, map, share page) come from
 * src/sites. Then a reader clicks through.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { contentDisposition, contentTypeFor, isBrowserViewable } from '../../src/links/disposition.js';
import { createPresigner } from '../../src/aws/presign.js';
import { createS3Client } from '../../src/aws/s3-client.js';
import { buildSectionSites, keyOf, type SectionFile, type SectionSites, signGenerated } from '../../src/sites/build.js';
import { parseBrowse } from '../../src/config/inputs.js';
import { detectSites } from '../../src/sites/detect.js';
import { textOf } from '../../src/util/text-buffer.js';
import { assertNoCollision, generatedNames } from '../../src/sites/names.js';
import { formatLocalTime } from '../../src/sites/runtime.js';
import { launchChromium as launchBrowser } from '../../scripts/lib/chromium.mjs';
import { EXPECTED_RESULTS, HOSTILE, listFiles, siteFixture } from '../support/site-fixture.js';

const BUCKET = 'sites';
const require = createRequire(import.meta.url);
/** @20minutes/s3rver itself, for a server with options scripts/lib/s3-server.mjs does not take. */
const S3rver = require('@20minutes/s3rver') as new (options: object) => { run(): Promise<{ port: number }>; close(): Promise<void> };
const TOKYO_OFFSET = 9 * 60;

let s3: LocalS3;
let browser: Browser;
let work: string;
const clients: S3Client[] = [];

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  browser = await launchBrowser({ hosts: ['artifacts.test'] });
  work = mkdtempSync(path.join(os.tmpdir(), 'sites-'));
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await browser?.close();
  await s3?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Published extends SectionSites {
  files: SectionFile[];
  site(folder: string): string;
  expiresAt: Date;
}

/**
 * Uploads `root` under `prefix` like the action does and the section's generated objects, all links
 * signed at one instant for `seconds`. `claimedExpiry` lets a test pretend the reader's clock is wrong.
 */
async function publish(
  root: string,
  prefix: string,
  o: { seconds?: number; browse?: string; endpoint?: string; uploadEndpoint?: string; signedAt?: Date; claimedExpiry?: Date } = {},
): Promise<Published> {
  const seconds = o.seconds ?? 3600;
  const endpoint = o.endpoint ?? s3.endpoint;
  const target = { bucket: BUCKET, region: 'us-east-1', endpoint: new URL(endpoint), forcePathStyle: true };
  const credentials = { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY };
  const client = createS3Client({ ...target, endpoint: new URL(o.uploadEndpoint ?? s3.endpoint) }, credentials, 8);
  clients.push(client);
  const paths = listFiles(root).sort();
  const sites = detectSites(paths, parseBrowse(o.browse ?? 'auto'));
  assertNoCollision(paths, generatedNames(sites));
  const files: SectionFile[] = [];
  const signedAt = o.signedAt ?? new Date();
  const presign = createPresigner(target, credentials, { now: () => signedAt });
  const sign = (key: string): Promise<string> => presign(key, seconds);
  for (const rel of paths) {
    const body = readFileSync(path.join(root, rel));
    const contentType = contentTypeFor(rel);
    const key = keyOf(prefix, rel);
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentDisposition: contentDisposition(path.basename(rel), 'auto', contentType),
      }),
    );
    files.push({
      path: rel,
      display: `out/${rel}`,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      contentType,
      url: await sign(key),
      viewable: isBrowserViewable(contentType),
    });
  }
  const expiresAt = new Date(Math.floor(signedAt.getTime() / 1000) * 1000 + seconds * 1000);
  const built = buildSectionSites({
    prefix,
    files,
    sites,
    sign: await signGenerated(prefix, sites, sign),
    expiresAt: o.claimedExpiry ?? expiresAt,
    title: `build (${prefix})`,
    sha: '0123456789abcdef0123456789abcdef01234567',
    runUrl: 'https://github.com/octo/widgets/actions/runs/1',
    displayFolder: (folder) => `out/${folder}`,
  });
  for (const object of built.objects) {
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: object.key,
        Body: textOf(object.body),
        ContentType: object.contentType,
        ContentDisposition: 'inline',
      }),
    );
  }
  const site = (folder: string): string => {
    const found = built.sites.find((s) => s.folder === folder);
    if (!found) throw new Error(`no site ${folder} in ${built.sites.map((s) => s.folder).join(', ')}`);
    return found.url;
  };
  return { ...built, files, site, expiresAt };
}

async function newPage(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-US', ...options });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, dialogs };
}

/** The folder URL of a site (the worker's scope), from its start page link (`F/.artifact-links/open.html`). */
function folderOf(bootstrapUrl: string): string {
  return new URL('../', bootstrapUrl).href;
}

/** A session's root: the start page opens the site at `F/.artifact-links/s/<token>/`. */
const SESSION = /\/\.artifact-links\/s\/[A-Za-z0-9_-]{22}\//;

/** Opens a site from its link and returns the root of the session it opened in. */
async function openSite(page: Page, link: string): Promise<string> {
  await page.goto(link);
  await page.waitForURL(SESSION);
  const root = new URL(page.url());
  const match = SESSION.exec(root.pathname) as RegExpExecArray;
  expect(root.origin + root.pathname.slice(0, match.index)).toBe(folderOf(link).replace(/\/$/, ''));
  return root.origin + root.pathname.slice(0, match.index + match[0].length);
}

/** Browser globals used in page callbacks (the tests are type-checked without the DOM library). */
declare const document: { body: { textContent: string | null } };
declare function getComputedStyle(element: unknown): { color: string; fontFamily: string };
interface BrowserImage {
  decode(): Promise<void>;
  naturalWidth: number;
}

/** What the attacking page's code uses (evaluated in the page). */
interface PageWindow {
  addEventListener(type: 'load', listener: (event: unknown) => void): void;
  document: { querySelector(selector: string): { textContent: string | null } | null };
}
interface PageGlobals {
  navigator: {
    serviceWorker: {
      getRegistrations(): Promise<
        {
          scope: string;
          active: { scriptURL: string; postMessage(m: unknown, t: unknown[]): void } | null;
          unregister(): Promise<boolean>;
        }[]
      >;
    };
  };
  caches: {
    keys(): Promise<string[]>;
    open(name: string): Promise<{ keys(): Promise<unknown[]>; match(r: unknown): Promise<{ text(): Promise<string> } | undefined> }>;
  };
  document: {
    createElement(tag: 'iframe'): {
      src: string;
      onload: ((event: unknown) => void) | null;
      contentDocument: { body: { textContent: string | null } } | null;
      contentWindow: unknown;
    };
    body: { append(element: unknown): void };
  };
  window: { open(url: string): PageWindow | null };
  location: { origin: string };
  MessageChannel: new () => { port1: { onmessage: ((event: { data: unknown }) => void) | null }; port2: unknown };
}

const sleepUntil = (when: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, when - Date.now())));

describe('a static site opened from its link', () => {
  let published: Published;
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[];
  const prefix = 'octo/widgets/pr-1/abc1234/build';

  beforeAll(async () => {
    published = await publish(siteFixture(work), prefix);
    ({ context, page, dialogs } = await newPage());
  });
  afterAll(async () => {
    await context?.close();
  });

  /**
   * s3rver allows anonymous reads, so a page could load without the worker: every request under the
   * sites must have reached S3 signed. (The fixture's request outside its folder, `../spa/`, resolves
   * inside the session's folder, where the worker refuses it.)
   */
  function expectEverythingSigned(): void {
    const unsigned = s3.requests.filter((r) => r.url.startsWith(`/${BUCKET}/${prefix}/`) && !r.url.includes('?'));
    expect([...new Set(unsigned.map((r) => `${r.method} ${r.url}`))]).toEqual([]);
  }
  afterEach(() => expectEverythingSigned());

  test('auto finds both sites; the bootstrap link opens index.html, and every kind of reference loads', async () => {
    expect(published.sites.map((s) => s.folder)).toEqual(['main/', 'spa/']);
    const root = await openSite(page, published.site('main/'));
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    expect(page.url()).toBe(root);
    const results = Object.fromEntries(
      await page.$$eval('#results li', (items) => items.map((li) => [li.getAttribute('data-check'), li.textContent])),
    );
    expect(results).toEqual({
      ...EXPECTED_RESULTS,
      // `../spa/index.html` from the site's root: inside the worker's folder, not in the session.
      'outside-folder': '404',
    });
    expectEverythingSigned();
  });

  test('sub-pages, folder links, names with spaces and non-ASCII, 404.html for a missing page', async () => {
    const root = await openSite(page, published.site('main/'));
    await page.click('#to-sub');
    await expect(page.textContent('h1')).resolves.toBe('Sub-page');
    expect(await page.$eval('#styled', (el) => getComputedStyle(el).color)).toBe('rgb(1, 2, 3)');
    await page.click('#to-home');
    await page.click('#to-docs');
    expect(page.url()).toBe(`${root}docs/`);
    await expect(page.textContent('h1')).resolves.toBe('Docs index');
    await page.click('#to-guide');
    await expect(page.textContent('h1')).resolves.toBe('Guide page');
    await page.goto(root);
    await page.click('#to-docs-noslash');
    await page.waitForURL(`${root}docs/`);
    await expect(page.textContent('h1')).resolves.toBe('Docs index');
    await page.goto(root);
    await page.click('#to-cafe');
    await expect(page.textContent('h1')).resolves.toBe('Café page');
    const missing = await page.goto(`${root}no/such/page`);
    expect(missing?.status()).toBe(404);
    await expect(page.textContent('h1')).resolves.toBe('Custom not found page');
  });

  test('hostile file names: served by their own name, listed as text, and nothing runs', async () => {
    const root = await openSite(page, published.site('main/'));
    for (const [i, name] of HOSTILE.entries()) {
      const body = await page.evaluate(async (n) => (await fetch(`odd/${encodeURIComponent(n)}`)).text(), name);
      expect(body).toBe(`contents of hostile name ${i}`);
    }
    // odd/ has no index.html: a listing, with every name as text and every link working.
    await page.click('#to-odd');
    const names = await page.$$eval('li a', (links) => links.map((a) => a.textContent));
    expect(names.sort()).toEqual([...HOSTILE].sort());
    for (const [i, name] of HOSTILE.entries()) {
      await page.goto(`${root}odd/`);
      await page.click(`a:text-is(${JSON.stringify(name)})`);
      expect(await page.evaluate(() => document.body.textContent)).toContain(`contents of hostile name ${i}`);
    }
    expect(dialogs).toEqual([]);
  });

  test('a single-page app falls back to its index.html for a route that is not a file', async () => {
    const spa = await openSite(page, published.site('spa/'));
    await page.waitForSelector('#to-about');
    const response = await page.goto(`${spa}deep/route/42`);
    expect(response?.status()).toBe(200);
    await expect(page.textContent('#route')).resolves.toBe('deep/route/42');
    await page.goto(spa);
    await page.click('#to-about');
    await expect(page.textContent('#about')).resolves.toBe('About the SPA');
  });

  test('the share page lists every file with working links, thumbnails and the expiry in local time', async () => {
    const share = await newPage();
    try {
      await share.page.goto(published.shareUrl);
      const expected = formatLocalTime(published.expiresAt.getTime(), TOKYO_OFFSET);
      await expect(share.page.textContent('time[data-expires]')).resolves.toBe(expected);
      expect(expected).toContain('UTC+09:00');
      expect(await share.page.isHidden('#expired')).toBe(true);
      const rows = await share.page.$$eval('tbody tr[data-path]', (trs) =>
        trs.map((tr) => [tr.querySelector('.name')?.textContent, tr.querySelector('a')?.textContent]),
      );
      expect(rows.map((r) => r[0]).sort()).toEqual(published.files.map((f) => f.display).sort());
      for (const name of HOSTILE) expect(rows.map((r) => r[0])).toContain(`out/main/odd/${name}`);
      expect(Object.fromEntries(rows)).toMatchObject({
        'out/main/fonts/fixture.ttf': 'Download',
        'out/main/data/info.json': 'Open',
        'out/main/index.html': 'Open',
      });
      // Thumbnails load (the CSP allows images from the bucket only).
      const widths = await share.page.$$eval('img.thumb', (imgs) =>
        Promise.all(
          imgs.map(async (img) => {
            const image = img as unknown as BrowserImage;
            await image.decode();
            return image.naturalWidth;
          }),
        ),
      );
      expect(widths).toEqual([1, 1]);
      // Every link answers.
      const hrefs = await share.page.$$eval('a[data-link]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) expect((await fetch(href)).status).toBe(200);
      // Sites, and an HTML page of a site, open through the site.
      await share.page.click('a:text-is("out/spa/")');
      await share.page.waitForSelector('#to-about');
      await share.page.goto(published.shareUrl);
      const docsRow = share.page.locator('tr', { hasText: 'out/main/docs/guide.html' });
      await docsRow.locator('a').click();
      await share.page.waitForURL(
        (url) =>
          SESSION.test(url.pathname) && url.pathname.includes('/main/.artifact-links/s/') && url.pathname.endsWith('/docs/guide.html'),
      );
      await expect(share.page.textContent('h1')).resolves.toBe('Guide page');
      // A download keeps its file name.
      await share.page.goto(published.shareUrl);
      const [download] = await Promise.all([
        share.page.waitForEvent('download'),
        share.page.locator('tr', { hasText: 'out/main/fonts/fixture.ttf' }).locator('a').click(),
      ]);
      expect(download.suggestedFilename()).toBe('fixture.ttf');
      expect(share.dialogs).toEqual([]);
    } finally {
      await share.context.close();
    }
  });
  test('a re-run replaces the worker of the same folder (and its objects: run last)', async () => {
    const root = siteFixture(work);
    writeFileSync(path.join(root, 'spa', 'about.html'), '<!doctype html><h1 id="about">About, second run</h1>');
    const second = await publish(root, prefix, { signedAt: new Date(Date.now() + 2000) });
    expect(second.site('spa/')).not.toBe(published.site('spa/'));
    await page.goto(second.site('spa/'));
    await page.waitForSelector('#to-about');
    await page.click('#to-about');
    await expect(page.textContent('#about')).resolves.toBe('About, second run');
  });
});

describe('one site cannot read another (same origin)', () => {
  test('a site finds no link in the workers or storage, and frames, windows and requests into another site are refused', async () => {
    const a = await publish(siteFixture(work), 'octo/widgets/pr-10/abc1234/victim');
    const b = await publish(siteFixture(work), 'octo/widgets/pr-11/abc1234/attacker');
    const { context, page } = await newPage();
    try {
      // The reader opened site A, and keeps it open while reading site B in another tab.
      const rootA = await openSite(page, a.site('main/'));
      await page.waitForSelector('body[data-done="true"]');
      const tab = await context.newPage();
      await openSite(tab, b.site('main/'));
      const folderA = folderOf(a.site('main/'));
      const found = await tab.evaluate(async (folder) => {
        const { navigator, caches, document, window } = globalThis as unknown as PageGlobals;
        const registrations = await navigator.serviceWorker.getRegistrations();
        const scripts = await Promise.all(registrations.map(async (r) => (await fetch(r.active?.scriptURL ?? '')).text()));
        const stored: string[] = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) stored.push(await (await cache.match(request))!.text());
        }
        const frame = document.createElement('iframe');
        frame.src = folder + 'data/info.json';
        document.body.append(frame);
        await new Promise((resolve) => (frame.onload = resolve));
        const framed = frame.contentDocument?.body.textContent ?? '';
        // The refusal page's policy blocks its requests; were it not, the worker refuses a page it did not open.
        const viaFrame = await (frame.contentWindow as { fetch: typeof fetch }).fetch(folder + 'data/info.json').then(
          async (r) => `${r.status} ${await r.text()}`,
          () => 'blocked',
        );
        const popup = window.open(folder + 'index.html') as PageWindow;
        await new Promise((resolve) => popup.addEventListener('load', resolve));
        return {
          scopes: registrations.map((r) => r.scope),
          scripts,
          stored,
          framed,
          viaFrame,
          popup: popup.document.querySelector('h1')?.textContent,
        };
      }, folderA);
      expect(found.scopes).toEqual(expect.arrayContaining([folderA, folderOf(b.site('main/'))]));
      // No worker script holds a link, and Cache Storage holds only ciphertext.
      for (const script of found.scripts) expect(script).not.toMatch(/X-Amz-Signature=[0-9a-f]{64}|info\.json|pr-10/);
      expect(found.stored.length).toBeGreaterThan(0);
      for (const body of found.stored) expect(body).not.toMatch(/X-Amz|info\.json/);
      expect(found.framed).toContain('Open the site from its link');
      expect(found.viaFrame).toBe('blocked');
      expect(found.popup).toBe('Open the site from its link');
      // A forged session on A's worker is refused (a map must be of A's own folder).
      const forged = await tab.evaluate(async (folder) => {
        const { navigator, MessageChannel, location } = globalThis as unknown as PageGlobals;
        const registration = (await navigator.serviceWorker.getRegistrations()).find((r) => r.scope === folder);
        const channel = new MessageChannel();
        const reply = new Promise((resolve) => (channel.port1.onmessage = (e) => resolve(e.data)));
        const map = {
          v: 1,
          origin: location.origin,
          base: '/elsewhere/',
          query: [],
          dirs: [],
          urls: [],
          expiresAt: Date.now() + 1e6,
          title: 'x',
        };
        registration?.active?.postMessage({ type: 'open', token: 'A'.repeat(22), map }, [channel.port2]);
        return reply;
      }, folderA);
      expect(forged).toEqual({ ok: false });
      // A still works for the reader.
      await page.click('#to-docs');
      await expect(page.textContent('h1')).resolves.toBe('Docs index');
      expect(page.url().startsWith(rootA)).toBe(true);
    } finally {
      await context.close();
    }
  });

  test("a site that unregisters another's worker: the reader re-opens the link and the site works again", async () => {
    const a = await publish(siteFixture(work), 'octo/widgets/pr-12/abc1234/victim');
    const b = await publish(siteFixture(work), 'octo/widgets/pr-13/abc1234/attacker');
    const { context, page } = await newPage();
    try {
      await openSite(page, a.site('main/'));
      const tab = await context.newPage();
      await openSite(tab, b.site('main/'));
      const removed = await tab.evaluate(
        async (folder) => {
          const { navigator } = globalThis as unknown as PageGlobals;
          const registration = (await navigator.serviceWorker.getRegistrations()).find((r) => r.scope === folder);
          return registration?.unregister();
        },
        folderOf(a.site('main/')),
      );
      expect(removed).toBe(true);
      // The reader's next page of A is no longer served by its worker: the bucket answers.
      const next = await page.goto(new URL('docs/', page.url()).href);
      expect(next?.status()).toBeGreaterThanOrEqual(400);
      // Re-opening the link from the comment registers the worker again.
      await openSite(page, a.site('main/'));
      await page.click('#to-docs');
      await expect(page.textContent('h1')).resolves.toBe('Docs index');
    } finally {
      await context.close();
    }
  });

  test('a session outlives the browser stopping its worker, and ends with its last open page', async () => {
    const a = await publish(siteFixture(work), 'octo/widgets/pr-15/abc1234/restart');
    const { context, page } = await newPage();
    try {
      const root = await openSite(page, a.site('main/'));
      const cdp = await context.newCDPSession(page);
      const statuses: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => statuses.push(...versions.map((v) => v.runningStatus)));
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (let i = 0; i < 50 && !statuses.includes('stopped'); i++) await page.waitForTimeout(100);
      expect(statuses).toContain('stopped');
      // A restarted worker opens the session's map from Cache Storage with the key in the page's address.
      await page.click('#to-docs');
      await expect(page.textContent('h1')).resolves.toBe('Docs index');
      const again = await page.evaluate(async () => (await fetch('../data/info.json')).status);
      expect(again).toBe(200);
      // Once no page of the session is open, its address no longer opens the site (even with the worker running).
      const other = await context.newPage();
      await page.close();
      const response = await other.goto(`${root}docs/`);
      expect(response?.status()).toBe(403);
      await expect(other.textContent('h1')).resolves.toBe('Open the site from its link');
    } finally {
      await context.close();
    }
  });

  test('a page whose name has a backslash opens as itself, not the index', async () => {
    const root = siteFixture(work);
    writeFileSync(path.join(root, 'main', 'back\\slash.html'), '<!doctype html><h1>Backslash page</h1>');
    const published = await publish(root, 'octo/widgets/pr-14/abc1234/backslash');
    const link = published.open.get('main/back\\slash.html') as string;
    expect(link).toContain('#back%5Cslash.html');
    const { context, page } = await newPage();
    try {
      await page.goto(link);
      await page.waitForURL(/\/\.artifact-links\/s\/[^/]+\/back%5Cslash\.html$/);
      await expect(page.textContent('h1')).resolves.toBe('Backslash page');
    } finally {
      await context.close();
    }
  });
});

describe('expired links', () => {
  test('an open site, left to expire, explains how to get fresh links instead of showing S3 XML', async () => {
    const published = await publish(
      siteFixture(work),
      'octo/widgets/pr-2/abc1234/short',
      { seconds: 10 } /* long enough to open the site on a loaded machine */,
    );
    const { context, page } = await newPage();
    try {
      await page.goto(published.site('spa/'));
      await page.waitForSelector('#to-about');
      await sleepUntil(published.expiresAt.getTime() + 1000);
      await page.click('#to-about');
      await expect(page.textContent('h1')).resolves.toBe('These artifact links have expired');
      expect(await page.textContent('body')).toContain('mode: refresh');
      // The expired bootstrap link too: the installed worker answers instead of S3.
      const again = await page.goto(published.site('spa/'));
      expect(again?.status()).toBe(410);
      await expect(page.textContent('h1')).resolves.toBe('These artifact links have expired');
    } finally {
      await context.close();
    }
  });

  test('when the reader\'s clock says the links are still valid, S3\'s "Request has expired" is recognized', async () => {
    const signedAt = new Date();
    const published = await publish(siteFixture(work), 'octo/widgets/pr-3/abc1234/skew', {
      seconds: 10,
      signedAt,
      claimedExpiry: new Date(signedAt.getTime() + 3600_000),
    });
    const { context, page } = await newPage();
    try {
      await page.goto(published.site('spa/'));
      await page.waitForSelector('#to-about');
      await sleepUntil(published.expiresAt.getTime() + 1000);
      await page.click('#to-about');
      await expect(page.textContent('h1')).resolves.toBe('These artifact links have expired');
    } finally {
      await context.close();
    }
  });

  test('the share page, left open, shows the expiry notice instead of following a dead link', async () => {
    const published = await publish(siteFixture(work), 'octo/widgets/pr-4/abc1234/share', { seconds: 10 });
    const { context, page } = await newPage();
    try {
      await page.goto(published.shareUrl);
      expect(await page.isHidden('#expired')).toBe(true);
      await sleepUntil(published.expiresAt.getTime() + 500);
      await page.locator('tr', { hasText: 'out/main/data/info.json' }).locator('a').click();
      expect(await page.isVisible('#expired')).toBe(true);
      expect(page.url()).toBe(published.shareUrl);
      expect(await page.textContent('#expired')).toContain('mode: refresh');
    } finally {
      await context.close();
    }
  });
});

describe('without service workers', () => {
  test('blocked service workers: the link says why and lists the files with their own links', async () => {
    const published = await publish(siteFixture(work), 'octo/widgets/pr-5/abc1234/blocked');
    const { context, page } = await newPage({ serviceWorkers: 'block' });
    try {
      await page.goto(published.site('main/'));
      await page.waitForSelector('#files li');
      expect(await page.textContent('#status')).toContain('did not start the service worker');
      const listed = await page.$$eval('#files a', (links) => links.map((a) => a.textContent));
      expect(listed.sort()).toEqual(
        published.files
          .filter((f) => f.path.startsWith('main/'))
          .map((f) => f.path.slice('main/'.length))
          .sort(),
      );
      await page.click('#files a:text-is("data/info.json")');
      expect(await page.textContent('body')).toContain('"answer": 42');
    } finally {
      await context.close();
    }
  });

  test('a plain-HTTP endpoint other than localhost: the link says HTTPS is needed and lists the files', async () => {
    // A second local S3 that takes every host name as an endpoint (not as a bucket, s3rver's default).
    const directory = mkdtempSync(path.join(work, 's3rver-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      vhostBuckets: false,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await server.run();
    try {
      const endpoint = `http://artifacts.test:${port}`;
      const published = await publish(siteFixture(work), 'octo/widgets/pr-6/abc1234/insecure', {
        endpoint,
        uploadEndpoint: `http://127.0.0.1:${port}`,
      });
      expect(published.site('spa/').startsWith(`${endpoint}/`)).toBe(true);
      const { context, page } = await newPage();
      try {
        await page.goto(published.site('spa/'));
        await page.waitForSelector('#files li');
        expect(await page.textContent('#status')).toContain('plain HTTP');
        await page.click('#files a:text-is("about.html")');
        await expect(page.textContent('#about')).resolves.toBe('About the SPA');
      } finally {
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe('a real coverage report', () => {
  test('c8 HTML report: browse the summary, sort it, and click through to an annotated source file', async () => {
    const project = mkdtempSync(path.join(work, 'coverage-'));
    writeFileSync(
      path.join(project, 'math.mjs'),
      'export function add(a, b) {\n  return a + b;\n}\nexport function never() {\n  return "not covered";\n}\n',
    );
    writeFileSync(path.join(project, 'run.mjs'), "import { add } from './math.mjs';\nif (add(1, 2) !== 3) process.exit(1);\n");
    const c8 = path.join(path.dirname(require.resolve('c8/package.json')), 'bin', 'c8.js');
    execFileSync(process.execPath, [c8, '--reporter=html', '--reports-dir=report', '--include=math.mjs', process.execPath, 'run.mjs'], {
      cwd: project,
      stdio: 'pipe',
    });
    const report = path.join(project, 'report');
    expect(listFiles(report)).toEqual(expect.arrayContaining(['index.html', 'math.mjs.html', 'base.css', 'sorter.js', 'prettify.js']));

    const published = await publish(report, 'octo/widgets/pr-7/abc1234/coverage');
    expect(published.sites.map((s) => s.folder)).toEqual(['']);
    const { context, page, dialogs } = await newPage();
    try {
      const root = await openSite(page, published.site(''));
      await page.waitForSelector('table.coverage-summary');
      // base.css applied; sorter.js ran (it makes the header cells sortable).
      expect(await page.$eval('body', (b) => getComputedStyle(b).fontFamily)).toMatch(/Helvetica/);
      await page.click('th[data-col="file"]');
      expect(await page.getAttribute('th[data-col="file"]', 'class')).toMatch(/sorted/);
      await page.click('a:text-is("math.mjs")');
      await page.waitForSelector('td.text');
      expect(page.url()).toBe(`${root}math.mjs.html`);
      // prettify.js ran (on load, it wraps keywords in spans) and the uncovered function is marked.
      await page.waitForSelector('td.text .kwd');
      expect(await page.textContent('td.text')).toContain('return "not covered"');
      expect(await page.$$eval('.cstat-no, .fstat-no', (marks) => marks.length)).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
