/**
 * End to end with real generators' output (made offline in beforeAll, see support/generators.ts):
 * a Playwright HTML report with traces and screenshots, a Vite build with base `/`, TypeDoc, a c8
 * coverage report and JSDoc, uploaded by the bundled action (dist/index.js) with `browse: auto` to
 * the local S3 server. A reviewer opens each from the `sites` output and from the comment's link in
 * headless Chromium and clicks through; the tests check what renders.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { generateAll, PLAYWRIGHT_TESTS } from '../support/generators.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'reports';
const OWNER = 'octo-org';
const REPO = 'demo-app'; // run-action.mjs's GITHUB_REPOSITORY
const HEAD = 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const PR = 12;
const SITES = ['playwright', 'vite', 'typedoc', 'coverage', 'jsdoc'] as const;
type SiteName = (typeof SITES)[number];

let s3: LocalS3;
let gh: GitHubFake;
let browser: Browser;
let work: string;
let run: ActionRun;
/** Each site's link: from the `sites` output and from the comment as GitHub renders it. */
const fromOutput = new Map<SiteName, string>();
const fromComment = new Map<SiteName, string>();

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'real-sites-'));
  const [generated] = await Promise.all([
    generateAll(path.join(work, 'generated')),
    (async () => {
      s3 = await startS3Server({ buckets: [BUCKET] });
      gh = await startGitHubFake();
      browser = await launchChromium();
    })(),
  ]);
  gh.addRepo(OWNER, REPO, { private: true });
  gh.addPull(OWNER, REPO, { number: PR, headSha: HEAD });
  const workspace = path.join(work, 'workspace');
  for (const name of SITES) cpSync(generated[name], path.join(workspace, 'reports', name), { recursive: true });
  run = await runAction({
    cwd: workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: PR, head: { sha: HEAD, ref: 'feature/reports' } }, repository: { private: true } },
    inputs: { path: 'reports/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', browse: 'auto' },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
  });
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  for (const site of JSON.parse(run.outputs.sites) as { path: string; url: string }[]) {
    fromOutput.set(site.path.replace('reports/', '') as SiteName, site.url);
  }
  const [comment] = gh.commentsOn(OWNER, REPO, PR);
  const html = execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter', '--hardbreaks'], {
    input: comment.body ?? '',
    encoding: 'utf8',
  });
  for (const [, href, text] of html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)) {
    const name = /^reports\/([a-z]+)\/$/.exec(text)?.[1] as SiteName | undefined;
    if (name) fromComment.set(name, href.replaceAll('&amp;', '&'));
  }
}, 240_000);

afterAll(async () => {
  const violations = gh ? [...gh.violations] : [];
  await browser?.close();
  await gh?.close();
  await s3?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

/** Opens `link` in a fresh context; `fn` clicks through. Page errors and dialogs fail the test. */
async function reviewing(link: string, fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    // The trace viewer registers its own worker and goes on without it (ours runs it): from a private
    // bucket the browser's unsigned fetch of the script fails, and the viewer leaves that promise unhandled.
    if (!/^Failed to register a ServiceWorker .*\/trace\/sw\.bundle\.js'\)/.test(error.message)) errors.push(error.message);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  try {
    await page.goto(link);
    await page.waitForURL(/\/\.artifact-links\/s\/[A-Za-z0-9_-]{22}\//);
    await fn(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Browser globals used in page callbacks (the tests are type-checked without the DOM library). */
interface PageImage {
  complete: boolean;
  naturalWidth: number;
}
declare function getComputedStyle(element: unknown): { color: string; fontFamily: string };

test('every report is a site, in the outputs and in the comment', () => {
  expect([...fromOutput.keys()].sort()).toEqual([...SITES].sort());
  expect([...fromComment.keys()].sort()).toEqual([...SITES].sort());
  for (const name of SITES) expect(fromComment.get(name)).toBe(fromOutput.get(name));
});

async function playwrightReport(page: Page): Promise<void> {
  // The test list.
  await page.waitForSelector(`text=${PLAYWRIGHT_TESTS.failed}`);
  expect(await page.textContent('body')).toContain(PLAYWRIGHT_TESTS.passed);
  // The failed test: its error and its screenshot.
  await page.click(`text=${PLAYWRIGHT_TESTS.failed}`);
  await page.waitForSelector('text=Total: 42');
  const screenshot = page.locator('img[src$=".png"]').first();
  await screenshot.waitFor();
  await page.waitForFunction('[...document.images].some((i) => /\\.png$/.test(i.src) && i.complete && i.naturalWidth > 0)');
  // Its trace: the viewer loads the trace from the private bucket and lists the actions.
  await page.locator('a[href*="trace/index.html?trace="]').first().click();
  await page.waitForURL(/\/trace\/index\.html\?trace=/);
  await page.waitForSelector('text=/toHaveText/', { timeout: 30_000 });
  expect(await page.textContent('body')).toMatch(/Set content/);
  // The DOM snapshot of the action, which the viewer's worker renders into a frame.
  await page.click('text=/Expect "toHaveText"/');
  await waitForFrame(page, async (frame) => frame.url().includes('/trace/snapshot/') && (await frame.content()).includes('Total: 41'));
}

async function viteApp(page: Page): Promise<void> {
  await page.waitForSelector('#title:text("Welcome to the shop")');
  expect(await page.$eval('#title', (h1) => getComputedStyle(h1).color)).toBe('rgb(10, 20, 30)');
  await page.waitForSelector('#data:text("items: 3")');
  await page.waitForSelector('#lazy:text("lazy chunk loaded")');
  await page.waitForSelector('body[data-font="true"]');
  expect(await page.$eval('#logo', (img) => (img as unknown as PageImage).naturalWidth)).toBe(8);
}

async function typedoc(page: Page): Promise<void> {
  await page.waitForSelector('h1:text("shop")');
  await page.click('.col-content a:text-is("Cart")');
  await page.waitForSelector('h1:text("Class Cart")');
  expect(await page.textContent('.col-content')).toContain('Adds an item; returns the new count.');
  // Its scripts ran: the navigation is rendered by assets/navigation.js.
  await page.waitForSelector('.tsd-navigation a:has-text("total")');
  await page.click('.tsd-navigation a:has-text("total")');
  await page.waitForSelector('h1:text("Function total")');
}

async function coverage(page: Page): Promise<void> {
  await page.waitForSelector('table.coverage-summary');
  expect(await page.$eval('body', (b) => getComputedStyle(b).fontFamily)).toMatch(/Helvetica/);
  await page.click('a:text-is("math.mjs")');
  await page.waitForSelector('td.text .kwd');
  expect(await page.$$eval('.cstat-no, .fstat-no', (marks) => marks.length)).toBeGreaterThan(0);
}

async function jsdoc(page: Page): Promise<void> {
  await page.waitForSelector('nav a:text-is("Cart")');
  await page.click('nav a:text-is("Cart")');
  await page.waitForSelector('h2:text("Cart")');
  expect(await page.textContent('body')).toContain('Adds an item.');
  await page.click('a:text-is("shop.js")');
  // prettify.js ran on the source page.
  await page.waitForSelector('pre.prettyprint .kwd:text-is("class")');
}

/** Resolves once a frame of the page passes `check`. */
async function waitForFrame(page: Page, check: (frame: Frame) => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(250)) {
    for (const frame of page.frames()) if (await check(frame).catch(() => false)) return;
  }
  throw new Error(
    `no frame passed the check; frames: ${page
      .frames()
      .map((f) => f.url())
      .join(', ')}`,
  );
}

const REVIEWS: Record<SiteName, (page: Page) => Promise<void>> = { playwright: playwrightReport, vite: viteApp, typedoc, coverage, jsdoc };

describe.each(SITES)('%s', (name) => {
  test('opens from the sites output and renders as the generator made it', async () => {
    await reviewing(fromOutput.get(name) as string, REVIEWS[name]);
  }, 90_000);
  test('opens from the comment link', async () => {
    await reviewing(fromComment.get(name) as string, REVIEWS[name]);
  }, 90_000);
});

// Last: after every review above.
test("the browser asked the bucket for nothing unsigned but the trace viewer's own worker script", () => {
  // The action's own reads (manifests, comment records) are signed in headers and carry the SDK's `x-id`.
  const unsigned = s3.requests.filter(
    (r) => r.method === 'GET' && r.url.startsWith(`/${BUCKET}/`) && !r.url.includes('X-Amz-Signature=') && !/[?&]x-id=/.test(r.url),
  );
  expect([...new Set(unsigned.map((r) => r.url.replace(/\/s\/[A-Za-z0-9_-]{22}\//, '/s/TOKEN/')))]).toEqual([
    expect.stringMatching(/\/playwright\/\.artifact-links\/s\/TOKEN\/trace\/sw\.bundle\.js$/),
  ]);
});
