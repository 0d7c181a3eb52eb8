/**
 * What a reviewer sees at a glance in the comment: thumbnails of images and what changed since the
 * base branch, checked in the Markdown and as GitHub renders it (cmark-gfm with GitHub's extensions),
 * through merges with other jobs' sections and the size limit.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import type { BaseBuild } from '../../../src/links/base-build.js';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';
import { mergeComment, renderSection } from '../../../src/render/comment-body.js';
import { commentMarker, parseSections, type SectionData } from '../../../src/render/markers.js';

const NOW = new Date('2026-11-22T14:00:00Z');
const EXPIRES = '2026-11-29T14:00:00.000Z';
const RUN = 'https://github.com/o/r/actions/runs/42';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const MARKER = commentMarker('');
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function file(path: string, size: number, sha256 = A, contentType = 'application/octet-stream', url?: string): ManifestEntry {
  return {
    path,
    key: `o/r/pr-1/${path}`,
    size,
    sha256,
    contentType,
    url: url ?? `https://bucket.s3.amazonaws.com/o/r/pr-1/${encodeURIComponent(path)}?X-Amz-Signature=abc&X-Amz-Date=2`,
    expiresAt: EXPIRES,
  };
}

const BASE: BaseBuild = {
  ref: 'main',
  sha: 'fedcba9876543210fedcba9876543210fedcba98',
  runUrl: 'https://github.com/o/r/actions/runs/41',
  uploadedAt: '2026-11-21T10:00:00Z',
  files: [
    { path: 'dist/app.js', size: 1000, sha256: A },
    { path: 'dist/same.css', size: 500, sha256: A },
    { path: 'dist/gone.txt', size: 100, sha256: A },
  ],
};

function section(id: string, files: ManifestEntry[], extra: Partial<SectionData> = {}): SectionData {
  return { id, title: id, sha: SHA, runUrl: RUN, updatedAt: NOW.toISOString(), expiresAt: EXPIRES, files, ...extra };
}

/**
 * As GitHub renders a comment: cmark-gfm with its extensions. GitHub keeps raw HTML (then sanitizes
 * it, keeping links and images with src, width and alt), so `unsafe` shows the thumbnails' HTML;
 * without it, cmark-gfm omits every tag.
 */
function gfm(markdown: string, unsafe = false): string {
  const flags = [
    '-e',
    'table',
    '-e',
    'autolink',
    '-e',
    'strikethrough',
    '-e',
    'tagfilter',
    '--hardbreaks',
    ...(unsafe ? ['--unsafe'] : []),
  ];
  return execFileSync('cmark-gfm', flags, { input: markdown, encoding: 'utf8' });
}

const changed = section(
  'build-1',
  [file('dist/app.js', 3150, B), file('dist/new.txt', 50), file('dist/same.css', 500), file('dist/shot.png', 2048, A, 'image/png')],
  { base: BASE, shareUrl: 'https://bucket.s3.amazonaws.com/o/r/pr-1/.artifact-links/share.html?X-Amz-Signature=s' },
);

describe('what changed since the base branch', () => {
  it('sums the section up and gives each file its change, as GitHub renders it', () => {
    const md = renderSection(changed, { now: NOW, collapse: false });
    expect(md).toContain('📊 Since main ([`fedcba9`](https://github.com/o/r/actions/runs/41)): **1 changed, 2 new, 1 removed, +4.1 KiB**');
    const html = gfm(md);
    expect(html).toContain('<th align="left">Change</th>');
    const rows = [
      ...html.matchAll(/<tr>\s*<td align="left">(.*?)<\/td>\s*<td align="right">(.*?)<\/td>\s*<td align="left">(.*?)<\/td>/gs),
    ].map((m) => [m[1].replace(/<[^>]+>/g, ''), m[3]]);
    expect(rows).toEqual([
      ['dist/app.js', '✏️ +2.1 KiB'],
      ['dist/new.txt', '🆕 new'],
      ['dist/same.css', 'unchanged'],
      ['dist/shot.png', '🆕 new'],
    ]);
    expect(html).toContain('Removed: <del>dist/gone.txt</del>');
    expect(html).toContain('<strong>1 changed, 2 new, 1 removed, +4.1 KiB</strong>');
  });

  it('a section without a base build keeps the three-column table', () => {
    const html = gfm(renderSection({ ...changed, base: undefined }, { now: NOW, collapse: false }));
    expect(html).not.toContain('Change</th>');
    expect(html).not.toContain('Since');
  });
});

describe('thumbnails', () => {
  it('renders as linked images with a width (GitHub proxies them), names inert', () => {
    const s = section(
      'shots',
      [
        file('shots/"><img src=x onerror=alert(1)>.png', 900, A, 'image/png'),
        file('shots/b.webp', 900, A, 'image/webp'),
        file('shots/huge.png', 6 * 1024 * 1024, A, 'image/png'),
      ],
      { shareUrl: 'https://bucket.s3.amazonaws.com/share.html?sig=1' },
    );
    const md = renderSection(s, { now: NOW, collapse: false });
    const html = gfm(md, true);
    // Only the thumbnails' own tags: the hostile name is text in an attribute.
    expect(gfm(md)).not.toMatch(/<img|onerror=alert\(1\)>/);
    const imgs = [...html.matchAll(/<a href="([^"]+)"><img src="([^"]+)" width="120" alt="([^"]*)"><\/a>/g)];
    expect(imgs).toHaveLength(2);
    for (const [, href, src] of imgs) expect(href).toBe(src);
    expect(imgs[0][1]).toMatch(/^https:\/\/bucket\.s3\.amazonaws\.com\/o\/r\/pr-1\/shots%2F%22%3E%3Cimg/);
    expect(imgs[0][3]).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.png');
    expect(html).not.toMatch(/<img src=x/);
    expect([...html.matchAll(/<img /g)]).toHaveLength(2);
    expect(html).toContain('+1 more image on the <a href="https://bucket.s3.amazonaws.com/share.html?sig=1">share page</a>');
  });

  it("survive another job's merge byte for byte, and go first when the body must shrink", () => {
    const first = mergeComment(undefined, changed, { marker: MARKER, now: NOW });
    const other = section('build-2', [file('x.bin', 10)]);
    const merged = mergeComment(first, other, { marker: MARKER, now: NOW });
    expect(parseSections(merged).get('build-1')!.raw).toBe(parseSections(first).get('build-1')!.raw);

    // Too long for everything: the thumbnails go, the table (with its Change column) stays.
    const limit = merged.length - 50;
    const shrunk = mergeComment(first, other, { marker: MARKER, now: NOW, limit });
    expect(shrunk.length).toBeLessThanOrEqual(limit);
    const raw = parseSections(shrunk).get('build-1')!.raw;
    expect(raw).not.toContain('<img');
    expect(raw).toContain('| File | Size | Change | SHA-256 |');
    expect(raw).toContain('📊 Since main');
    expect(gfm(shrunk)).toContain('<td align="left">✏️ +2.1 KiB</td>');
  });

  it('many sections with thumbnails of long links stay under the limit', () => {
    const long = `?X-Amz-Security-Token=${'t'.repeat(1500)}`;
    let body: string | undefined;
    for (let i = 0; i < 8; i++) {
      const shots = Array.from({ length: 6 }, (_, j) =>
        file(`s${j}.png`, 100, A, 'image/png', `https://bucket.s3.amazonaws.com/leg${i}/s${j}.png${long}`),
      );
      body = mergeComment(body, section(`leg-${i}`, shots), { marker: MARKER, now: NOW });
      expect(body.length).toBeLessThanOrEqual(65536);
    }
    expect(parseSections(body!).size).toBe(8);
  });
});

describe('QR codes', () => {
  const qr = [
    {
      of: 'share' as const,
      url: 'https://bucket.s3.amazonaws.com/p/.artifact-links/qr-share.png?X-Amz-Signature=q&X-Amz-Date=1',
      width: 210,
    },
    {
      of: 'file' as const,
      path: 'dist/@octocat <b>app</b> #1.apk',
      url: 'https://bucket.s3.amazonaws.com/p/.artifact-links/qr-0123.png?s=1',
      width: 9000,
    },
  ];

  it('fold under one details line: the share page and each mobile build, linked images, captions inert', () => {
    const md = renderSection(section('apps', [file('dist/app.apk', 10)], { qr }), { now: NOW, collapse: false });
    const html = gfm(md, true);
    expect(html).toContain('<details><summary>📱 Scan on a phone: QR codes</summary><p><a href=');
    const imgs = [...html.matchAll(/<a href="([^"]+)"><img src="([^"]+)" width="(\d+)" alt="([^"]*)"><\/a><br>([^<]*)<\/p>/g)];
    expect(imgs.map((m) => [m[1] === m[2], m[3], m[4], m[5]])).toEqual([
      [true, '210', 'QR code of the share page', 'The share page'],
      [
        true,
        '400',
        'QR code of dist/@\u2060octocat &lt;b&gt;app&lt;/b&gt; #\u20601.apk',
        'Download dist/@\u2060octocat &lt;b&gt;app&lt;/b&gt; #\u20601.apk',
      ],
    ]);
    expect(imgs[0][1]).toBe('https://bucket.s3.amazonaws.com/p/.artifact-links/qr-share.png?X-Amz-Signature=q&amp;X-Amz-Date=1');
    expect(html).not.toContain('<b>app</b>');
    // The table after it is still a table.
    expect(html).toMatch(/<\/details>\n<table>/);
  });

  it("survive another job's merge, and go with the thumbnails when the body must shrink", () => {
    const mine = section('apps', [file('dist/app.apk', 10), file('shot.png', 10, A, 'image/png')], { qr });
    const first = mergeComment(undefined, mine, { marker: MARKER, now: NOW });
    const other = section('zz', [file('x.bin', 10)]);
    const merged = mergeComment(first, other, { marker: MARKER, now: NOW });
    expect(parseSections(merged).get('apps')!.raw).toBe(parseSections(first).get('apps')!.raw);
    expect(gfm(merged, true)).toMatch(/<\/details>\n<table>/);
    const shrunk = mergeComment(first, other, { marker: MARKER, now: NOW, limit: merged.length - 10 });
    const raw = parseSections(shrunk).get('apps')!.raw;
    expect(raw).not.toContain('📱');
    expect(raw).not.toContain('<img');
    expect(raw).toContain('dist/app.apk');
  });
});
