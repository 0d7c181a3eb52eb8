/**
 * The share page's tools in a real browser: headless Chromium against the local S3 server, which
 * verifies every presigned link. Files are uploaded as the action uploads them, the share page is
 * built by src/sites and signed with the action's presigner; a reader then searches, folds folders,
 * copies a link and downloads everything as one .zip, which is read back (unzip, Python's zipfile).
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { type LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { createPresigner } from '../../src/aws/presign.js';
import { createS3Client } from '../../src/aws/s3-client.js';
import { contentDisposition, contentTypeFor, isBrowserViewable } from '../../src/links/disposition.js';
import { buildSectionSites, keyOf, signGenerated, type SectionFile } from '../../src/sites/build.js';
import { textOf } from '../../src/util/text-buffer.js';

const BUCKET = 'share';
const PREFIX = 'octo/widgets/pr-9/abc1234/build';

/** Browser globals used in page callbacks (the tests are type-checked without the DOM library). */
declare const navigator: { clipboard: { readText(): Promise<string> } };

const FILES: Record<string, Buffer> = {
  'dist/app.js': Buffer.from('console.log("app");\n'),
  'dist/app.css': Buffer.from('body { color: red }\n'),
  'dist/assets/logo.bin': Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256)),
  'dist/assets/deep/nested.txt': Buffer.from('deep'),
  'reports/junit.xml': Buffer.from('<testsuite/>'),
  'reports/ünïcødé & "quotes" <b>.txt': Buffer.from('hostile name'),
  'README.md': Buffer.from('# readme\n'),
};

let s3: LocalS3;
let browser: Browser;
let client: S3Client;
let shareUrl: string;
let files: SectionFile[];
let work: string;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  browser = await launchChromium();
  work = mkdtempSync(path.join(os.tmpdir(), 'share-'));
  const target = { bucket: BUCKET, region: 'us-east-1', endpoint: new URL(s3.endpoint), forcePathStyle: true };
  const credentials = { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY };
  client = createS3Client(target, credentials, 8);
  const signedAt = new Date();
  const presign = createPresigner(target, credentials, { now: () => signedAt });
  const sign = (key: string) => presign(key, 3600);
  files = [];
  for (const [rel, body] of Object.entries(FILES).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = keyOf(PREFIX, rel);
    const contentType = contentTypeFor(rel);
    await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentDisposition: contentDisposition(path.basename(rel), 'auto', contentType),
      }),
    );
    const sha256 = createHash('sha256').update(body).digest('hex');
    files.push({
      path: rel,
      display: rel,
      size: body.length,
      sha256,
      contentType,
      url: await sign(key),
      viewable: isBrowserViewable(contentType),
    });
  }
  const built = buildSectionSites({
    prefix: PREFIX,
    files,
    sites: [],
    sign: await signGenerated(PREFIX, [], sign),
    expiresAt: new Date(Math.floor(signedAt.getTime() / 1000) * 1000 + 3600_000),
    title: 'build (linux)',
    sha: 'abc1234def5678abc1234def5678abc1234def56',
  });
  for (const o of built.objects) {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: o.key, Body: textOf(o.body), ContentType: o.contentType }));
  }
  shareUrl = built.shareUrl;
});
afterAll(async () => {
  client?.destroy();
  await browser?.close();
  await s3?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shareUrl).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(shareUrl);
  return { context, page, errors };
}

const visibleRows = (page: Page) => page.$$eval('tr[data-path]:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-path')));
const visibleFolders = (page: Page) => page.$$eval('tr.folder:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-folder')));

/** Names and SHA-256 of every entry of a .zip, read by Python's zipfile after unzip has tested it. */
function readZip(file: string): Record<string, string> {
  expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  const script =
    'import sys,zipfile,json,hashlib;z=zipfile.ZipFile(sys.argv[1]);print(json.dumps({i.filename:hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, string>;
}

describe('the share page tools', () => {
  test('the search box filters the files as you type; folders without a match hide', async () => {
    const { context, page, errors } = await open();
    try {
      expect(await page.isVisible('#filter')).toBe(true);
      // Grouped by folder, a folder before the folders inside it.
      expect(await visibleRows(page)).toEqual([
        'README.md',
        'dist/app.css',
        'dist/app.js',
        'dist/assets/logo.bin',
        'dist/assets/deep/nested.txt',
        'reports/junit.xml',
        'reports/ünïcødé & "quotes" <b>.txt',
      ]);
      await page.keyboard.press('/');
      await page.keyboard.type('APP');
      expect(await visibleRows(page)).toEqual(['dist/app.css', 'dist/app.js']);
      expect(await visibleFolders(page)).toEqual(['dist/']);
      await expect(page.textContent('#shown')).resolves.toBe('2 of 7 files match');
      await expect(page.textContent('#zip')).resolves.toBe('Download 2 as .zip');
      await page.fill('#filter', 'quotes" <b>');
      expect(await visibleRows(page)).toEqual(['reports/ünïcødé & "quotes" <b>.txt']);
      await page.fill('#filter', 'nothing matches this');
      expect(await visibleRows(page)).toEqual([]);
      expect(await page.isDisabled('#zip')).toBe(true);
      await page.fill('#filter', '');
      expect(await visibleRows(page)).toHaveLength(7);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a folder collapses with the folders inside it, and opens again', async () => {
    const { context, page, errors } = await open();
    try {
      const toggle = page.locator('button[data-toggle="dist/assets/"]');
      await toggle.click();
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      expect(await visibleRows(page)).toEqual([
        'README.md',
        'dist/app.css',
        'dist/app.js',
        'reports/junit.xml',
        'reports/ünïcødé & "quotes" <b>.txt',
      ]);
      expect(await visibleFolders(page)).toEqual(['', 'dist/', 'dist/assets/', 'reports/']);
      await toggle.click();
      expect(await visibleRows(page)).toHaveLength(7);
      expect(await visibleFolders(page)).toContain('dist/assets/deep/');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a file's copy-link button puts its working link on the clipboard", async () => {
    const { context, page, errors } = await open();
    try {
      const row = page.locator('tr[data-path="dist/assets/logo.bin"]');
      await row.locator('button[data-copy]').click();
      // The clipboard write is asynchronous: the button says so once it is done.
      await row.locator('button[data-copy]:text-is("Copied")').waitFor({ timeout: 5000 });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(files.find((f) => f.display === 'dist/assets/logo.bin')!.url);
      const response = await fetch(copied);
      expect(Buffer.from(await response.arrayBuffer()).equals(FILES['dist/assets/logo.bin'])).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('Download all is one .zip, assembled in the browser, with every file and its exact bytes; a filter narrows it', async () => {
    const { context, page, errors } = await open();
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#zip')]);
      expect(download.suggestedFilename()).toBe('build-linux-abc1234.zip');
      const all = path.join(work, 'all.zip');
      await download.saveAs(all);
      const expected = Object.fromEntries(files.map((f) => [f.display, f.sha256]));
      expect(readZip(all)).toEqual(expected);
      await expect(page.textContent('#zip-status')).resolves.toBe('7 files in build-linux-abc1234.zip.');

      await page.fill('#filter', 'reports/');
      const [narrow] = await Promise.all([page.waitForEvent('download'), page.click('#zip')]);
      const some = path.join(work, 'some.zip');
      await narrow.saveAs(some);
      expect(Object.keys(readZip(some))).toEqual(['reports/junit.xml', 'reports/ünïcødé & "quotes" <b>.txt']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('once the links have expired, Download all shows how to get fresh ones instead of fetching', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await context.newPage();
      // The reader comes back two hours later: the page's clock is past the links' expiry.
      await page.clock.setFixedTime(new Date(Date.now() + 2 * 3600_000));
      await page.goto(shareUrl);
      expect(await page.isVisible('#expired')).toBe(true);
      let downloads = 0;
      page.on('download', () => downloads++);
      const fetched: string[] = [];
      page.on('request', (r) => {
        if (r.url() !== shareUrl) fetched.push(r.url());
      });
      await page.click('#zip');
      await page.waitForTimeout(500);
      expect(downloads).toBe(0);
      expect(fetched).toEqual([]);
      await expect(page.textContent('#expired')).resolves.toContain('mode: refresh');
    } finally {
      await context.close();
    }
  });
});
