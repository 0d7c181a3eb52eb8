/**
 * End to end: the bundled action (dist/index.js) uploads a static site, a single-page app, a
 * download and files with hostile names, against the local S3 server and the GitHub API fake. A
 * reviewer then opens the site from the `sites` output in headless Chromium, and reads the comment
 * as GitHub shows it (rendered by cmark-gfm, GitHub's Markdown engine, with GitHub's extensions)
 * and clicks every link in it.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { launchChromium as launchBrowser } from '../../scripts/lib/chromium.mjs';
import { startCloudFrontFake } from '../support/cloudfront-fake.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import { EXPECTED_RESULTS, HOSTILE, siteFixture } from '../support/site-fixture.js';

const BUCKET = 'site-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const PR = 7;
const RUN_URL = `https://github.com/${OWNER}/${REPO}/actions/runs/`;

let s3: LocalS3;
let gh: GitHubFake;
let browser: Browser;
let workspace: string;
let run: ActionRun;

interface Site {
  path: string;
  url: string;
  expiresAt: string;
}

/** Renders Markdown as GitHub renders comments. */
function renderLikeGitHub(markdown: string): string {
  return execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter', '--hardbreaks'], {
    input: markdown,
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  gh = await startGitHubFake();
  gh.addRepo(OWNER, REPO, { private: true });
  gh.addPull(OWNER, REPO, { number: PR, headSha: HEAD });
  browser = await launchBrowser();
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  const site = siteFixture(workspace);
  // dist/main (a site), dist/spa (a site), and files that are not in a site.
  const dist = path.join(workspace, 'dist');
  mkdirSync(path.join(dist, 'loose'), { recursive: true });
  writeFileSync(path.join(dist, 'app.zip'), Buffer.from('PK\u0003\u0004 not really a zip'));
  for (const name of HOSTILE) writeFileSync(path.join(dist, 'loose', name), `loose ${name.length}`);
  execFileSync('cp', ['-r', path.join(site, 'main'), path.join(site, 'spa'), dist]);
  run = await runAction({
    cwd: workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: PR, head: { sha: HEAD, ref: 'feature/site' } }, repository: { private: true } },
    inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test' },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
  });
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
});
afterAll(async () => {
  const violations = gh ? [...gh.violations] : [];
  await browser?.close();
  await gh?.close();
  await s3?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

async function withPage<T>(fn: (page: Page, context: BrowserContext, dialogs: string[]) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    return await fn(page, context, dialogs);
  } finally {
    await context.close();
  }
}

test('outputs: every site with the link that opens it, and the share page', () => {
  const sites = JSON.parse(run.outputs.sites) as Site[];
  expect(sites.map((s) => s.path)).toEqual(['dist/main', 'dist/spa']);
  for (const site of sites) {
    expect(site.url).toContain(`/${BUCKET}/`);
    expect(site.url).toMatch(/\/\.artifact-links\/open\.html\?X-Amz-/);
    expect(site.expiresAt).toBe(run.outputs['expires-at']);
  }
  expect(run.outputs['share-url']).toMatch(/\/\.artifact-links\/share\.html\?X-Amz-/);
  // The manifest lists the user's files only.
  const manifest = JSON.parse(run.outputs.manifest) as { path: string }[];
  expect(manifest.some((e) => e.path.includes('.artifact-links'))).toBe(false);
});

test('the site opens from its link and every kind of reference loads', async () => {
  const [main] = JSON.parse(run.outputs.sites) as Site[];
  await withPage(async (page, _context, dialogs) => {
    await page.goto(main.url);
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    const results = Object.fromEntries(
      await page.$$eval('#results li', (items) => items.map((li) => [li.getAttribute('data-check'), li.textContent])),
    );
    expect(results).toEqual({ ...EXPECTED_RESULTS, 'outside-folder': '404' });
    await page.click('#to-docs');
    await expect(page.textContent('h1')).resolves.toBe('Docs index');
    expect(dialogs).toEqual([]);
  });
});

test('the comment as GitHub renders it: sites and share page above the table, and every link works when clicked', async () => {
  const [comment] = gh.commentsOn(OWNER, REPO, PR);
  const markdown = comment.body ?? '';
  const html = renderLikeGitHub(markdown);
  const sites = JSON.parse(run.outputs.sites) as Site[];
  const manifest = JSON.parse(run.outputs.manifest) as { path: string; url: string; contentType: string }[];
  // One header: the expiry is said once.
  expect(markdown.match(/Links expire/g)).toHaveLength(1);

  await withPage(async (page, context, dialogs) => {
    await page.setContent(html);
    await page.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
    const rendered = await page.$$eval('a', (links) =>
      links.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '', title: a.getAttribute('title') })),
    );
    // The comment puts an invisible word joiner after @ and # so names cannot mention or reference.
    const anchors = rendered.map((a) => ({ ...a, text: a.text.replaceAll('\u2060', '') }));
    // Hostile names stay text: nothing but links and the comment's own formatting was made of them.
    expect(await page.$$eval('img, script, iframe, object, embed, form', (els) => els.length)).toBe(0);
    for (const name of HOSTILE) expect(anchors.map((a) => a.text)).toContain(`dist/loose/${name}`);

    const external = anchors.filter((a) => !a.href.startsWith(s3.endpoint));
    expect(external.every((a) => a.href.startsWith(RUN_URL))).toBe(true);
    const siteLinks = anchors.filter((a) => sites.some((s) => s.url === a.href));
    expect(siteLinks.map((a) => a.text)).toEqual(['dist/main/', 'dist/spa/']);
    expect(anchors.filter((a) => a.href === run.outputs['share-url']).map((a) => a.text)).toEqual(['share page']);
    const fileLinks = anchors.filter((a) => a.title === 'Open in the browser' || a.title === 'Download');
    expect(fileLinks.map((a) => a.text).sort()).toEqual(manifest.map((e) => e.path).sort());
    // Sites and share page come before the table.
    const order = await page.evaluate(() => document.body.innerHTML);
    expect(order.indexOf('share page')).toBeLessThan(order.indexOf('<table'));

    // Click every link of the rendered comment, each from a fresh copy of the comment.
    const clicked: string[] = [];
    for (const [i, a] of anchors.entries()) {
      if (!a.href.startsWith(s3.endpoint)) continue;
      const tab = await context.newPage();
      await tab.setContent(html);
      await tab.$$eval('details', (all) => all.forEach((d) => d.setAttribute('open', '')));
      const link = tab.locator('a').nth(i);
      if (a.title === 'Download') {
        const [download] = await Promise.all([tab.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toBe(path.posix.basename(a.text));
        clicked.push(`download ${a.text}`);
      } else {
        const [response] = await Promise.all([tab.waitForNavigation(), link.click()]);
        expect(response?.status()).toBe(200);
        if (siteLinks.includes(a)) {
          // A session of the site's folder: its start page is in F/.artifact-links/, its sessions in F/.artifact-links/s/.
          await tab.waitForURL((url) => url.href.startsWith(new URL('s/', a.href).href));
        } else if (a.href.includes('/.artifact-links/open.html?') && a.href.includes('#')) {
          // A site's HTML page opens through its site, at its own path.
          const entry = decodeURIComponent(a.href.slice(a.href.indexOf('#') + 1));
          await tab.waitForURL((url) => decodeURIComponent(url.pathname).endsWith(`/${entry}`));
        } else if (a.href === run.outputs['share-url']) {
          await expect(tab.textContent('h1')).resolves.toContain('build');
        } else {
          // Inline types display: the browser shows the file itself at its link.
          expect(tab.url()).toBe(a.href);
          const type = manifest.find((e) => e.path === a.text)?.contentType ?? '';
          expect(response?.headers()['content-type']).toBe(type);
        }
        clicked.push(`open ${a.text}`);
      }
      await tab.close();
    }
    expect(clicked.filter((c) => c.startsWith('download '))).toEqual(
      expect.arrayContaining(['download dist/app.zip', 'download dist/main/fonts/fixture.ttf']),
    );
    expect(clicked.length).toBe(anchors.length - external.length);
    expect(dialogs).toEqual([]);
  });
});

test("another pull request's site, open in the same browser, finds no link and cannot open this one", async () => {
  // The attacker's upload: a page whose script tries what any page of the origin can.
  const attacker = mkdtempSync(path.join(workspace, 'attacker-'));
  mkdirSync(path.join(attacker, 'site'));
  writeFileSync(path.join(attacker, 'site', 'index.html'), '<!doctype html><h1>Attacker</h1><a href="back%5Cslash.html">next</a>');
  writeFileSync(path.join(attacker, 'site', 'back\\slash.html'), '<!doctype html><h1>Backslash page</h1>');
  gh.addPull(OWNER, REPO, { number: PR + 2, headSha: HEAD });
  const other = await runAction({
    cwd: attacker,
    eventName: 'pull_request',
    event: { pull_request: { number: PR + 2, head: { sha: HEAD, ref: 'feature/other' } }, repository: { private: true } },
    inputs: { path: 'site/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test' },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
  });
  expect(other.code).toBe(0);
  const [victim] = JSON.parse(run.outputs.sites) as Site[];
  const [site] = JSON.parse(other.outputs.sites) as Site[];
  const victimFolder = new URL('../', victim.url).href;
  await withPage(async (page, context) => {
    await page.goto(victim.url);
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    const tab = await context.newPage();
    await tab.goto(site.url);
    await tab.waitForSelector('h1:text("Attacker")');
    const found = await tab.evaluate(async (folder) => {
      const { navigator, caches, document } = globalThis as unknown as AttackerGlobals;
      const registrations = await navigator.serviceWorker.getRegistrations();
      const scripts = await Promise.all(registrations.map(async (r) => (await fetch(r.active?.scriptURL ?? '')).text()));
      const stored: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) stored.push((await (await cache.match(request))?.text()) ?? '');
      }
      const frame = document.createElement('iframe');
      frame.src = folder + 'index.html';
      document.body.append(frame);
      await new Promise((resolve) => (frame.onload = resolve));
      return { scopes: registrations.map((r) => r.scope), scripts, stored, framed: frame.contentDocument?.body.textContent ?? '' };
    }, victimFolder);
    expect(found.scopes).toContain(victimFolder);
    for (const script of found.scripts) expect(script).not.toMatch(/X-Amz-Signature=[0-9a-f]{64}|main\.mjs|pr-7/);
    expect(found.stored.length).toBeGreaterThan(0);
    for (const body of found.stored) expect(body).not.toMatch(/X-Amz|main\.mjs/);
    expect(found.framed).toContain('Open the site from its link');
    // The reader's tab of the victim still works; the attacker's own page named with a backslash opens as itself.
    await page.click('#to-docs');
    await expect(page.textContent('h1')).resolves.toBe('Docs index');
    await tab.click('a:text("next")');
    await expect(tab.textContent('h1')).resolves.toBe('Backslash page');
  });
});

test('refresh rebuilds the sites with fresh links; cleanup deletes every generated object too', async () => {
  const act = (inputs: Record<string, string>) =>
    runAction({
      cwd: workspace,
      eventName: 'pull_request',
      event: { pull_request: { number: PR, head: { sha: HEAD, ref: 'feature/site' } }, repository: { private: true } },
      inputs: { bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', ...inputs },
      env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
    });
  const refreshed = await act({ mode: 'refresh', 'expires-in': '2d' });
  expect(refreshed.code).toBe(0);
  const before = JSON.parse(run.outputs.sites) as Site[];
  const after = JSON.parse(refreshed.outputs.sites) as Site[];
  expect(after.map((s) => s.path)).toEqual(before.map((s) => s.path));
  expect(after[0].url).not.toBe(before[0].url);
  expect(after[0].url).toContain('X-Amz-Expires=172800&');
  await withPage(async (page) => {
    await page.goto(after[0].url);
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    expect(await page.textContent('[data-check="fetch-json"]')).toBe('42');
    // The site's links are the new ones: its worker fetched files with the refreshed expiry.
  });
  const fetchedByWorker = s3.requests.filter((r) => r.url.includes('/main/data/info.json?'));
  expect(fetchedByWorker[fetchedByWorker.length - 1].url).toContain('X-Amz-Expires=172800&');

  const manifest = JSON.parse(run.outputs.manifest) as unknown[];
  const cleaned = await act({ mode: 'cleanup' });
  expect({ code: cleaned.code, errors: cleaned.errors }).toEqual({ code: 0, errors: [] });
  // Artifacts only: not the manifest object, the share page, or per site its worker, start page and map.
  expect(Number(cleaned.outputs.count)).toBe(manifest.length);
  expect((await fetch(after[0].url)).status).toBe(404);
  expect((await fetch(refreshed.outputs['share-url'])).status).toBe(404);
});

test('with CloudFront signed URLs, the site opens through the distribution and every reference loads', async () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cf = await startCloudFrontFake({ origin: s3.endpoint, bucket: BUCKET, publicKeys: { K2JCJMDEHXQW5F: keys.publicKey } });
  try {
    gh.addPull(OWNER, REPO, { number: PR + 1, headSha: HEAD });
    const viaCloudFront = await runAction({
      cwd: workspace,
      eventName: 'pull_request',
      event: { pull_request: { number: PR + 1, head: { sha: HEAD, ref: 'feature/cdn' } }, repository: { private: true } },
      inputs: {
        path: 'dist/**',
        bucket: BUCKET,
        endpoint: s3.endpoint,
        'github-token': 'ghs_test',
        'cloudfront-url': cf.url,
        'cloudfront-key-pair-id': 'K2JCJMDEHXQW5F',
        'cloudfront-private-key': keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      },
      env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
    });
    if (viaCloudFront.code !== 0)
      throw new Error(`action failed (${viaCloudFront.code}):\n${viaCloudFront.stdout}\n${viaCloudFront.stderr}`);
    const [main] = JSON.parse(viaCloudFront.outputs.sites) as Site[];
    expect(main.url.startsWith(`${cf.url}/`)).toBe(true);
    expect(main.url).toMatch(/[?&]Signature=/);
    await withPage(async (page) => {
      await page.goto(main.url);
      await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
      const results = Object.fromEntries(
        await page.$$eval('#results li', (items) => items.map((li) => [li.getAttribute('data-check'), li.textContent])),
      );
      // `../spa/` from the session's root is in the worker's folder but not the site's: refused, never sent unsigned.
      expect(results).toEqual({ ...EXPECTED_RESULTS, 'outside-folder': '404' });
    });
    // Every request the site made reached the distribution signed, and was served (the browser's
    // own /favicon.ico is not the site's).
    const refused = cf.requests.filter((r) => r.status >= 400 && r.url !== '/favicon.ico');
    expect(refused.map((r) => r.url.split('?')[0])).toEqual([]);
  } finally {
    await cf.close();
  }
});

/** Browser globals used in page callbacks (the tests are type-checked without the DOM library). */
declare const document: { body: { innerHTML: string } };
/** What the attacking page's script uses. */
interface AttackerGlobals {
  navigator: { serviceWorker: { getRegistrations(): Promise<{ scope: string; active: { scriptURL: string } | null }[]> } };
  caches: {
    keys(): Promise<string[]>;
    open(name: string): Promise<{ keys(): Promise<unknown[]>; match(r: unknown): Promise<{ text(): Promise<string> } | undefined> }>;
  };
  document: {
    createElement(tag: 'iframe'): {
      src: string;
      onload: ((event: unknown) => void) | null;
      contentDocument: { body: { textContent: string | null } } | null;
    };
    body: { append(element: unknown): void };
  };
}
