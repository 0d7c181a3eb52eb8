// npm run demo: runs the bundled action end to end against a local S3 server and a local fake of
// the GitHub API, on sample artifacts (a small static site among them); prints what was uploaded and
// where, how long the links live, the PR comment as text and one link, writes the comment, the job
// summary, the outputs and the log in full to .demo/out/, downloads every link to prove the links
// work, and opens the site and the share page: in your browser when there is a desktop (then waits
// for Ctrl-C), else in headless Chromium when /usr/bin/chromium is installed. No AWS account or
// GitHub token.
// `npm run demo -- --screenshots DIR` also saves screenshots there (the README's come from it): the
// comment rendered by cmark-gfm (GitHub's Markdown engine), the site and the share page.
// (The GitHub fake is the test suite's, in TypeScript: Node 24, which npm scripts use here, runs it.)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { runAction } from './lib/run-action.mjs';
import { S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from './lib/s3-server.mjs';

/** Enough of GitHub's comment styling for a screenshot. */
const GITHUB_LIKE_CSS =
  'body{margin:0;background:#fff}article{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;' +
  'max-width:1000px;padding:16px 24px;border:1px solid #d0d7de;border-radius:6px;margin:8px}a{color:#0969da;text-decoration:none}' +
  'table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 10px}tr:nth-child(2n){background:#f6f8fa}' +
  'code{background:#afb8c133;padding:.1em .3em;border-radius:6px;font-size:85%}h3,h4{margin:12px 0 6px}sub{color:#59636e}';

const { startGitHubFake } = await import('../__tests__/support/github-fake/index.ts');

const workspace = path.resolve('.demo');
rmSync(workspace, { recursive: true, force: true });
const samples = {
  'dist/report.txt': 'All 128 tests passed.\n',
  'dist/preview.html': '<!doctype html><title>Preview</title><h1>Build preview</h1>\n',
  'dist/coverage.json': JSON.stringify({ lines: 91.2, branches: 84.5 }) + '\n',
  'dist/logo.png': tinyPng(),
  'dist/app.bin': Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) % 256)),
  'dist/résumé ✓ 报告.md': '# Unicode file names work too\n',
  'dist/debug.log': 'excluded by the ! pattern\n',
  // A static site: opens from one link, relative references and all.
  'dist/site/index.html':
    '<!doctype html><meta charset="utf-8"><title>Demo site</title><link rel="stylesheet" href="css/site.css">\n' +
    '<h1>Demo site</h1><p><a href="guide/">Guide</a></p><p id="data">loading…</p>\n' +
    '<script type="module">const r = await fetch("data/stats.json"); document.getElementById("data").textContent = "Tests passed: " + (await r.json()).passed;</script>\n',
  'dist/site/css/site.css': 'body { font-family: system-ui, sans-serif; color: #0b3d91; }\n',
  'dist/site/data/stats.json': JSON.stringify({ passed: 128 }) + '\n',
  'dist/site/guide/index.html':
    '<!doctype html><meta charset="utf-8"><title>Guide</title><link rel="stylesheet" href="../css/site.css"><h1>Guide</h1><a href="../">Back</a>\n',
};
for (const [file, content] of Object.entries(samples)) {
  mkdirSync(path.join(workspace, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(workspace, file), content);
}
coverageReport(path.join(workspace, 'dist', 'coverage'));

const HEAD_SHA = 'c0ffee5a1b2c3d4e5f60718293a4b5c6d7e8f901';
const s3 = await startS3Server({ buckets: ['demo-artifacts'] });
const gh = await startGitHubFake();
gh.addRepo('octo-org', 'demo-app', { private: true });
gh.addPull('octo-org', 'demo-app', { number: 7, headSha: HEAD_SHA, headRef: 'feature/preview' });
const out = path.join(workspace, 'out');
try {
  console.log('The bundled action (dist/index.js), run as the runner runs it, for pull request #7 of octo-org/demo-app,');
  console.log(`against a local S3 server (${s3.endpoint}, bucket demo-artifacts) and a local GitHub API (${gh.url}).\n`);
  const run = await runAction({
    cwd: workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: 7, head: { sha: HEAD_SHA, ref: 'feature/preview' } }, repository: { private: true } },
    inputs: {
      path: 'dist/**\n!dist/**/*.log',
      bucket: 'demo-artifacts',
      endpoint: s3.endpoint,
      'expires-in': '7d',
      'github-token': 'ghs_test',
    },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
  });
  const log = run.stdout
    .replace(/^::debug::.*\n/gm, '')
    .replace(/^::add-mask::.*\n/gm, '')
    .replace(/^::(warning|error|notice)[^:]*::/gm, '$1: ');
  console.log('The action says:');
  console.log(indent(log.trimEnd()));
  process.stderr.write(run.stderr);
  if (run.code !== 0) throw new Error(`the action exited with ${run.code}`);

  const manifest = JSON.parse(run.outputs.manifest);
  const [comment] = gh.commentsOn('octo-org', 'demo-app', 7);
  // Everything in full, in files: the comment's Markdown, the job summary's HTML, every output, the log.
  mkdirSync(out, { recursive: true });
  const written = {
    'comment.md': comment.body,
    'summary.html': run.summary,
    'outputs.json': JSON.stringify(run.outputs, null, 2) + '\n',
    'action.log': log,
  };
  for (const [name, text] of Object.entries(written)) writeFileSync(path.join(out, name), text);

  const prefix = manifest[0].key.slice(0, manifest[0].key.length - manifest[0].path.length + 'dist/'.length);
  const bytes = manifest.reduce((n, e) => n + e.size, 0);
  console.log(`\nUploaded ${manifest.length} files (${bytes.toLocaleString('en-US')} bytes) to demo-artifacts/${prefix}`);
  console.log(`Links live ${describeLifetime(run.outputs['expires-at'])}.`);
  console.log(`\nThe pull-request comment (${run.outputs['comment-url']}), as a reviewer reads it:\n`);
  console.log(indent(markdownAsText(comment.body)));

  // File names are the links; a site's HTML page links through its site.
  const commentLinks = [...comment.body.matchAll(/\]\((http[^)\s]+) "(?:Open in the browser|Download)"\)/g)].map((m) => m[1]);
  if (commentLinks.length !== manifest.length) {
    console.log('FAIL: the comment does not link every file of the manifest');
    process.exitCode = 1;
  }
  // Every link downloaded, as a reviewer clicking it would: status, bytes and headers, in a file.
  const downloads = [];
  for (const entry of manifest) {
    const response = await fetch(entry.url);
    const body = Buffer.from(await response.arrayBuffer());
    const sha256 = createHash('sha256').update(body).digest('hex');
    const expected = createHash('sha256')
      .update(readFileSync(path.join(workspace, entry.path)))
      .digest('hex');
    const ok = response.status === 200 && sha256 === entry.sha256 && sha256 === expected;
    downloads.push({
      ok,
      line: `${ok ? 'OK  ' : 'FAIL'} ${response.status} ${entry.path}  ${response.headers.get('content-type')}  ${response.headers.get('content-disposition')}`,
    });
  }
  writeFileSync(path.join(out, 'downloads.txt'), downloads.map((d) => d.line).join('\n') + '\n');
  const failed = downloads.filter((d) => !d.ok);
  if (failed.length === 0) {
    console.log(`\nDownloaded every link (${manifest.length}): each answered 200 with the file's exact bytes (SHA-256 checked).`);
  } else {
    console.log(
      `\nFAIL: ${failed.length} of ${manifest.length} links did not download the file:\n${indent(failed.map((d) => d.line).join('\n'))}`,
    );
    process.exitCode = 1;
  }

  const sites = JSON.parse(run.outputs.sites).sort((a, b) => (a.path === 'dist/site' ? -1 : b.path === 'dist/site' ? 1 : 0));
  const coverageSite = sites.find((s) => s.path === 'dist/coverage');
  console.log(`Sites, each opened from one link: ${sites.map((s) => `${s.path}/`).join(', ')} (links in the comment and in outputs.json).`);
  console.log(`\nOne link to share, the share page (every file on one page):\n${run.outputs['share-url']}`);
  console.log(`\nIn full, in ${path.relative(process.cwd(), out)}/: ${[...Object.keys(written), 'downloads.txt'].join(', ')}.`);

  const screenshots = process.argv.includes('--screenshots')
    ? path.resolve(process.argv[process.argv.indexOf('--screenshots') + 1])
    : undefined;
  const where = (url) => new URL(url).pathname.replace(`/demo-artifacts/${prefix}`, '') || '/';
  if (screenshots) {
    await checkInHeadlessChromium(
      sites[0].url,
      run.outputs['share-url'],
      { dir: screenshots, comment: comment.body },
      coverageSite?.url,
      where,
    );
  } else if (await openInDesktopBrowser([sites[0].url, run.outputs['share-url']])) {
    console.log('\nOpened in your browser. The local servers keep running: press Ctrl-C to stop.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
  } else if (existsSync('/usr/bin/chromium')) {
    await checkInHeadlessChromium(sites[0].url, run.outputs['share-url'], undefined, coverageSite?.url, where);
  }
} finally {
  await gh.close();
  await s3.stop();
}

function indent(text) {
  return text.replace(/^(?=.)/gm, '  ');
}

/** "7 days: they expire 2026-12-09 13:45 UTC" from the expires-at output (the lifetime rounded to the hour). */
function describeLifetime(expiresAt) {
  const hours = Math.round((Date.parse(expiresAt) - Date.now()) / 3_600_000);
  const days = Math.floor(hours / 24);
  const left = days > 0 ? `${days} day${days === 1 ? '' : 's'}${hours % 24 ? ` ${hours % 24} h` : ''}` : `${hours} h`;
  return `${left}: they expire ${expiresAt.slice(0, 16).replace('T', ' ')} UTC (expires-in: 7d, the SigV4 maximum)`;
}

/** The comment's Markdown as text: no hidden markers, links as their text, no emphasis or HTML tags. */
function markdownAsText(markdown) {
  return (
    markdown
      .replace(/<!--[\s\S]*?-->\n?/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Thumbnails and QR codes: their alt text, as a screen reader says them.
      .replace(/<a [^>]*><img [^>]*alt="([^"]*)"[^>]*><\/a>/g, '[image: $1]')
      .replace(/<br>|<\/summary>/g, ' ')
      .replace(/<\/?(sub|details|summary|b|p)>/g, '')
      .replace(/\*\*|`/g, '')
      .replace(/^#+ /gm, '')
      .replace(/^\| :?-+:? \|.*\n/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Opens the links with the desktop's browser (macOS `open`, `xdg-open` where there is a display). */
async function openInDesktopBrowser(urls) {
  const opener = process.platform === 'darwin' ? 'open' : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? 'xdg-open' : undefined;
  if (!opener || process.env.CI) return false;
  const opened = await Promise.all(
    urls.map(
      (url) =>
        new Promise((resolve) =>
          spawn(opener, [url], { stdio: 'ignore' })
            .on('error', () => resolve(false))
            .on('exit', (code) => resolve(code === 0)),
        ),
    ),
  );
  return opened.every(Boolean);
}

/** No desktop: open the site and the share page in headless Chromium, and say what a reader sees. */
async function checkInHeadlessChromium(siteUrl, shareUrl, shots, coverageUrl, where) {
  const { launchChromium } = await import('./lib/chromium.mjs');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
    if (shots) {
      mkdirSync(shots.dir, { recursive: true });
      const html = execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter', '--hardbreaks'], {
        input: shots.comment,
        encoding: 'utf8',
      });
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>${GITHUB_LIKE_CSS}</style><article>${html}</article>`);
      await page.locator('article').screenshot({ path: path.join(shots.dir, 'comment.png') });
    }
    await page.goto(siteUrl);
    await page.waitForSelector('#data:has-text("Tests passed")');
    // Runs in the page: the color the stylesheet gives the heading.
    const color = await page.$eval('h1', (h) => h.ownerDocument.defaultView.getComputedStyle(h).color);
    console.log(
      `\nIn headless Chromium, as a reader clicking the links:\n  the site dist/site/ shows "${await page.textContent('#data')}" at ${where(page.url())} (stylesheet applied: ${color === 'rgb(11, 61, 145)'})`,
    );
    if (shots) await page.screenshot({ path: path.join(shots.dir, 'site.png') });
    await page.click('text=Guide');
    console.log(`  clicked Guide: "${await page.textContent('h1')}" at ${where(page.url())}`);
    if (coverageUrl) {
      // A real HTML coverage report (c8), browsed like any static site: the summary, then a source file.
      await page.goto(coverageUrl);
      await page.waitForSelector('table.coverage-summary');
      if (shots) await page.screenshot({ path: path.join(shots.dir, 'coverage-report.png') });
      await page.click('table.coverage-summary a[href="math.mjs.html"]');
      await page.waitForSelector('.cline-no');
      console.log(
        `  the coverage report dist/coverage/: opened ${await page.title()} (uncovered lines highlighted) at ${where(page.url())}`,
      );
      if (shots) await page.screenshot({ path: path.join(shots.dir, 'coverage-source.png') });
    }
    await page.goto(shareUrl);
    console.log(
      `  the share page: ${await page.locator('tbody tr[data-path]').count()} files listed, links expire ${await page.textContent('time[data-expires]')}`,
    );
    if (shots) {
      await page.screenshot({ path: path.join(shots.dir, 'share-page.png'), fullPage: true });
      console.log(`  screenshots in ${shots.dir}`);
    }
  } finally {
    await browser.close();
  }
}

/** An HTML coverage report made by c8 (a dev dependency) over a two-function module: a real report to browse. */
function coverageReport(dir) {
  const project = path.join(workspace, '.coverage-project');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    path.join(project, 'math.mjs'),
    'export function add(a, b) {\n  return a + b;\n}\n\nexport function untested() {\n  return 42;\n}\n',
  );
  writeFileSync(path.join(project, 'run.mjs'), "import { add } from './math.mjs';\nif (add(1, 2) !== 3) process.exit(1);\n");
  const c8 = path.resolve('node_modules', 'c8', 'bin', 'c8.js');
  execFileSync(
    process.execPath,
    [c8, '--reporter=html', `--reports-dir=${dir}`, '--temp-directory=.c8', '--include=math.mjs', process.execPath, 'run.mjs'],
    {
      cwd: project,
      stdio: 'pipe',
    },
  );
  rmSync(project, { recursive: true, force: true });
}

/** A valid 2×2 PNG, made here so the demo needs no binary fixtures. */
function tinyPng() {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
