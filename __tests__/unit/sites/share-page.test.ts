import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { humanBytes } from '../../../src/render/format.js';
import { renderSharePage, type ShareFile } from '../../../src/sites/share-page.js';

const EXPIRES = '2025-01-09T03:04:05.000Z';
const link = (name: string) => `https://bucket.s3.eu-west-1.amazonaws.com/p/${encodeURIComponent(name)}?X-Amz-Signature=ab&X-Amz-Date=1`;
const file = (path: string, contentType: string, viewable: boolean, extra: Partial<ShareFile> = {}): ShareFile => ({
  path,
  size: 2048,
  sha256: 'f'.repeat(64),
  contentType,
  url: link(path),
  viewable,
  ...extra,
});

const HOSTILE = '<img src=x onerror=alert(1)>"\'&.png';

describe('renderSharePage', () => {
  const html = renderSharePage({
    title: 'build (<script>alert(1)</script>)',
    sha: '0123456789abcdef0123',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    expiresAt: EXPIRES,
    files: [
      file(HOSTILE, 'image/png', true),
      file('dist/app.zip', 'application/zip', false),
      file('site/index.html', 'text/html; charset=utf-8', true, {
        openUrl: 'https://bucket.s3.eu-west-1.amazonaws.com/p/site/.artifact-links-open.html?X-Amz-Signature=cd#index.html',
      }),
      file('report.svg', 'image/svg+xml', true),
    ],
    sites: [{ path: 'site/', url: 'https://bucket.s3.eu-west-1.amazonaws.com/p/site/.artifact-links-open.html?X-Amz-Signature=cd' }],
    note: 'This repository is public <b>!</b>',
  });

  it('escapes every name: no markup from file or section names survives', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>!</b>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;.png');
    expect([...html.matchAll(/<script/g)]).toHaveLength(1);
  });

  it("pins its script and style by hash and allows images only from the links' origin", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replaceAll('&#39;', "'") ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `script-src ${hash(script)}`,
      `style-src ${hash(style)}`,
      'img-src https://bucket.s3.eu-west-1.amazonaws.com',
      // "Download all" fetches the files' own links, from their origin only.
      'connect-src https://bucket.s3.eu-west-1.amazonaws.com',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
  });

  it("Open for what a browser shows (through its site for a site's page), Download for the rest; thumbnails for images", () => {
    // Grouped by folder: the top folder (the hostile name, report.svg), dist/, site/.
    const rows = html.split('\n').filter((l) => l.startsWith('<tr data-path='));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('<img class="thumb" loading="lazy" alt="" src="');
    expect(rows[0]).toMatch(/>Open<\/a>/);
    expect(rows[2]).toMatch(/>Download<\/a>/);
    expect(rows[2]).not.toContain('<img');
    expect(rows[3]).toContain('.artifact-links-open.html?X-Amz-Signature=cd#index.html');
    expect(rows[1]).toContain('<img class="thumb"');
    expect(rows[0]).toContain('2.0 KiB');
    expect(rows[0]).toContain(`<code>${'f'.repeat(64)}</code>`);
  });

  it('gives sizes as the comment and the job summary do (render/format.ts)', () => {
    const sizes = [0, 1023, 15 * 1024 + 100, 3 * 1024 * 1024 * 1024];
    const page = renderSharePage({
      title: 't',
      sha: '',
      expiresAt: EXPIRES,
      files: sizes.map((size, i) => file(`f${i}.bin`, 'application/octet-stream', false, { size })),
      sites: [],
    });
    expect(humanBytes(15 * 1024 + 100)).toBe('15.1 KiB');
    for (const size of sizes) expect(page).toContain(`<td class="size">${humanBytes(size)}</td>`);
  });

  it('has the tools, hidden until its script shows them: search, folders, copy links, Download all', () => {
    expect(html).toMatch(/<input id="filter" type="search"[^>]* hidden>/);
    expect(html).toMatch(
      /<button id="zip" type="button" data-name="build-script-alert-1-script-0123456\.zip" hidden>Download all as \.zip<\/button>/,
    );
    const heads = [
      ...html.matchAll(/<tr class="folder" data-folder="([^"]*)"><th colspan="6"><button type="button" data-toggle="([^"]*)"/g),
    ];
    expect(heads.map((m) => [m[1], m[2]])).toEqual([
      ['', ''],
      ['dist/', 'dist/'],
      ['site/', 'site/'],
    ]);
    const rows = html.split('\n').filter((l) => l.startsWith('<tr data-path='));
    expect(rows[0]).toContain('data-path="&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;.png" data-folder=""');
    expect(rows[2]).toContain(`data-folder="dist/" data-url="${link('dist/app.zip').replace('&', '&#38;')}" data-size="2048"`);
    // A site's page copies the link that opens it through its site.
    expect(rows[3]).toContain(
      'data-copy="https://bucket.s3.eu-west-1.amazonaws.com/p/site/.artifact-links-open.html?X-Amz-Signature=cd#index.html"',
    );
  });

  it('links escape &', () => {
    expect(html).toContain('X-Amz-Signature=ab&#38;X-Amz-Date=1');
  });

  it('shows the expiry (UTC until the script shows local time), the sites, and a hidden notice for when links expire', () => {
    expect(html).toContain('<time datetime="2025-01-09T03:04:05.000Z" data-expires>2025-01-09 03:04 UTC</time>');
    expect(html).toMatch(
      /<p id="expired"[^>]* hidden>These links expired at 2025-01-09 03:04 UTC\. To get fresh links, <a href="https:\/\/github.com\/o\/r\/actions\/runs\/1">re-run the job<\/a>/,
    );
    expect(html).toContain('<code>mode: refresh</code>');
    expect(html).toContain('<h2>Sites</h2>');
    expect(html).toContain('>site/</a>');
    expect(html).toContain('4 files, 8.0 KiB, commit <code>0123456789ab</code>');
  });

  it('without images, allows no image source', () => {
    const plain = renderSharePage({ title: 't', sha: '', expiresAt: EXPIRES, files: [file('a.txt', 'text/plain', true)], sites: [] });
    expect(plain).toContain('img-src &#39;none&#39;');
    expect(plain).not.toContain('<h2>Sites</h2>');
  });

  it('refuses an invalid expiry', () => {
    expect(() => renderSharePage({ title: 't', sha: '', expiresAt: 'soon', files: [], sites: [] })).toThrow('Invalid expiry');
  });
});

describe('renderSharePage: bidi controls', () => {
  it('shows no bidi control from a file, site or section name (as the comment does)', () => {
    const html = renderSharePage({
      title: 'build \u202eevil',
      sha: 'abc',
      expiresAt: EXPIRES,
      files: [file('invoice\u202efdp.exe', 'application/octet-stream', false), file('\u2066x\u2069.png', 'image/png', true)],
      sites: [{ path: 'site\u202e/', url: 'https://bucket.s3.eu-west-1.amazonaws.com/p/site/open.html' }],
      note: 'note \u200f',
    });
    expect(html).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('invoice\ufffdfdp.exe');
  });
});
