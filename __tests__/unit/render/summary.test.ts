import { describe, expect, it } from '@jest/globals';
import { earliestExpiry, escapeHtml, renderSummary, type Report } from '../../../src/render/summary.js';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';

const NOW = new Date('2026-11-22T14:00:00Z');
const EXPIRES = '2026-11-29T14:00:00.000Z';

function entry(p: string, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    path: p,
    key: `o/r/pr-1/${p}`,
    size: 2048,
    sha256: 'abcdef0123456789'.repeat(4),
    contentType: 'application/octet-stream',
    url: `https://bucket.s3.amazonaws.com/o/r/pr-1/${encodeURIComponent(p)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=604800`,
    expiresAt: EXPIRES,
    ...extra,
  };
}

function report(r: Partial<Report>): Report {
  return { entries: [], failed: [], notes: [], ...r };
}

/** Text between tags, with entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

describe('escapeHtml', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['<img src=x onerror=1>', '&#60;img src=x onerror=1&#62;'],
    ['a & b', 'a &#38; b'],
    ['"quoted" \'single\' `tick`', '&#34;quoted&#34; &#39;single&#39; &#96;tick&#96;'],
    ['@octocat', '&#64;octocat'],
    ['line1\nline2\r\n', 'line1&#10;line2&#13;&#10;'],
    ['&#60;', '&#38;#60;'],
    ['日本.txt', '日本.txt'],
    ['invoice\u202efdp.exe', 'invoice\ufffdfdp.exe'],
    ['\u2067x\u2069', '\ufffdx\ufffd'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });

  it.each(['<script>alert(1)</script>', '"><svg onload=1>', "' onmouseover='x", '@org/team', 'a\n\n<b>x</b>'])(
    'leaves no markup characters, @ or newline in %j',
    (text) => {
      expect(escapeHtml(text)).not.toMatch(/[<>"'`@\n\r]/);
    },
  );
});

describe('earliestExpiry', () => {
  it('picks the earliest ISO time, or undefined with no entries', () => {
    expect(
      earliestExpiry([entry('a', { expiresAt: '2026-11-29T14:00:00.000Z' }), entry('b', { expiresAt: '2026-11-23T01:00:00.000Z' })]),
    ).toBe('2026-11-23T01:00:00.000Z');
    expect(earliestExpiry([])).toBeUndefined();
  });
});

describe('renderSummary', () => {
  it('renders a heading, count, size, expiry and one row per file', () => {
    const html = renderSummary(report({ entries: [entry('dist/app.js'), entry('dist/app.css', { size: 100 })], expiresAt: EXPIRES }), NOW);
    const lines = html.split('\n');
    expect(lines[0]).toBe('<h2>📦 Artifact links</h2>');
    expect(lines[1]).toBe('<p>2 files, 2.1 KiB. Links expire <b>2026-11-29 14:00 UTC</b> (in 7 days).</p>');
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
    expect(html).toContain('<tr><td>dist/app.js</td><td align="right">2.0 KiB</td><td><code>abcdef012345</code></td>');
    expect(html).toContain('<td>2026-11-29 14:00 UTC</td>');
    expect(html).not.toContain('❌');
  });

  it('links the sites and the share page above the table, names escaped; not when links are listed elsewhere', () => {
    const pages = {
      sites: [
        { path: 'dist/<b>site</b>', url: 'https://b.s3.amazonaws.com/p/dist/site/.artifact-links-open.html?X-Amz-Signature=1&a="x"' },
      ],
      shareUrls: ['https://b.s3.amazonaws.com/p/.artifact-links-share.html?X-Amz-Signature=2'],
    };
    const html = renderSummary(report({ entries: [entry('dist/site/index.html')], expiresAt: EXPIRES }), NOW, undefined, pages);
    expect(html).toContain(
      '<p>🌐 Open in the browser: <a href="https://b.s3.amazonaws.com/p/dist/site/.artifact-links-open.html?X-Amz-Signature=1&#38;a=&#34;x&#34;">dist/&#60;b&#62;site&#60;/b&#62;</a><br>' +
        '📋 Every file on one page: <a href="https://b.s3.amazonaws.com/p/.artifact-links-share.html?X-Amz-Signature=2">share page</a></p>',
    );
    expect(html.indexOf('Open in the browser')).toBeLessThan(html.indexOf('<table>'));
    const elsewhere = renderSummary(report({ entries: [entry('a')], maskedInLinks: 'a session token' }), NOW, 'in the PR comment', pages);
    expect(elsewhere).not.toContain('artifact-links-open');
    expect(renderSummary(report({ entries: [entry('a')] }), NOW, undefined, { sites: [], shareUrls: [] })).not.toContain('🌐');
  });

  it('says "1 file" and omits the expiry sentence when there is none', () => {
    const html = renderSummary(report({ entries: [entry('a.txt', { size: 5 })] }), NOW);
    expect(html.split('\n')[1]).toBe('<p>1 file, 5 B.</p>');
  });

  it('renders no table for zero files', () => {
    const html = renderSummary(report({}), NOW);
    expect(html).toBe('<h2>📦 Artifact links</h2>\n<p>0 files, 0 B.</p>');
  });

  it('escapes the link, so & in the query stays an attribute-safe entity and " cannot close href', () => {
    const html = renderSummary(report({ entries: [entry('a', { url: 'https://h/k?a=1&b="><script>' })] }), NOW);
    expect(html).toContain('<a href="https://h/k?a=1&#38;b=&#34;&#62;&#60;script&#62;">Download</a>');
  });

  const hostile = [
    '<img src=x onerror=1>',
    '@octocat',
    '"><script>alert(1)</script>',
    "x' onclick='y",
    'line\n\n# heading',
    '`code` & <b>',
  ];

  it.each(hostile)('renders the file name %j inert, and still shows it', (name) => {
    const html = renderSummary(
      report({ entries: [entry(name)], failed: [{ path: name, message: `failed: ${name}` }], notes: [`note about ${name}`] }),
      NOW,
    );
    // Only the tags the summary itself writes (no <b>: there is no expiry in this report).
    const tags = [...new Set(html.match(/<\/?[a-z][a-z0-9]*/g))].sort();
    expect(tags).toEqual(
      [
        '<a',
        '</a',
        '<code',
        '</code',
        '<h2',
        '</h2',
        '<h3',
        '</h3',
        '<li',
        '</li',
        '<p',
        '</p',
        '<table',
        '</table',
        '<td',
        '</td',
        '<th',
        '</th',
        '<tr',
        '</tr',
        '<ul',
        '</ul',
      ].sort(),
    );
    expect(html).not.toContain(name);
    expect(html).not.toMatch(/@octocat|onerror=1>|onclick='|<script|<img|<svg/);
    // heading, count, note, table, failure heading, failure list: a name cannot add lines
    expect(html.split('\n')).toHaveLength(6);
    expect(visibleText(html)).toContain(name);
  });

  it('caps the table below the 1 MiB summary limit, whatever the row length, and counts the rest', () => {
    const long = 'd/'.repeat(100);
    const entries = Array.from({ length: 3000 }, (_, i) =>
      entry(`${long}f${i}.bin`, { size: 1, url: `https://b.s3.amazonaws.com/${'k'.repeat(600)}${i}` }),
    );
    const html = renderSummary(report({ entries, expiresAt: EXPIRES }), NOW);
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
    const shown = html.match(/<tr><td>(d\/)+f\d+\.bin<\/td>/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(500);
    expect(shown).toBeLessThan(3000);
    expect(html).toContain(`<td>${long}f0.bin</td>`);
    expect(html).toContain(`<tr><td colspan="5">… and ${3000 - shown} more: see the <code>manifest-file</code> output.</td></tr>`);
    expect(html).toContain('<p>3000 files, 2.9 KiB.');
  });

  it.each([[1000, false]])('with %i short rows, every file is listed: %s', (n, more) => {
    const entries = Array.from({ length: n }, (_, i) => entry(`f${i}`));
    const html = renderSummary(report({ entries }), NOW);
    expect(html.includes('… and')).toBe(more);
  });

  it('withholds the links (and never prints the URL) when asked', () => {
    const e = entry('dist/app.js');
    const html = renderSummary(report({ entries: [e] }), NOW, 'withheld (public-repo: refuse)');
    expect(html).toContain('<td>withheld (public-repo: refuse)</td>');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('X-Amz-');
    expect(html).not.toContain(escapeHtml(e.url));
    expect(html).toContain('<td>dist/app.js</td>');
  });

  it('links signed with a session token: none in the summary, which says where they are', () => {
    const e = entry('dist/app.js');
    const html = renderSummary(
      report({ entries: [e], maskedInLinks: 'the session token of the temporary credentials that signed them' }),
      NOW,
      'in the PR comment',
    );
    expect(html).toContain('<td>in the PR comment</td>');
    expect(html).toMatch(/session token.*masks/);
    expect(html).not.toContain('X-Amz-');
  });

  it('shows the links by default', () => {
    expect(renderSummary(report({ entries: [entry('a')] }), NOW)).toContain('">Download</a>');
  });

  it('lists every failure with its escaped message', () => {
    const html = renderSummary(
      report({
        entries: [entry('ok.txt')],
        failed: [
          { path: 'a.bin', message: 'AccessDenied: Access Denied. grant s3:PutObject' },
          { path: 'b<1>.bin', message: 'SlowDown & retry' },
        ],
      }),
      NOW,
    );
    expect(html).toContain('<h3>❌ 2 not uploaded (no link)</h3>');
    expect(html).toContain(
      '<ul><li>a.bin: AccessDenied: Access Denied. grant s3:PutObject</li><li>b&#60;1&#62;.bin: SlowDown &#38; retry</li></ul>',
    );
  });

  it('renders notes as escaped warnings before the table', () => {
    const html = renderSummary(report({ entries: [entry('a')], notes: ['links expire in 59m <instead> of 7d'] }), NOW);
    const lines = html.split('\n');
    expect(lines[2]).toBe('<p>⚠️ links expire in 59m &#60;instead&#62; of 7d</p>');
    expect(lines[3]).toMatch(/^<table>/);
  });
});
