import { describe, expect, it } from '@jest/globals';
import { GITHUB_COMMENT_LIMIT, mergeComment, renderSection } from '../../../src/render/comment-body.js';
import { formatUtc, humanBytes, relativeTime } from '../../../src/render/format.js';
import { escapeMarkdown, escapeUrl } from '../../../src/render/markdown.js';
import { commentMarker, DEFAULT_COMMENT_KEY, parseSections, sectionMeta, type SectionData } from '../../../src/render/markers.js';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';

const NOW = new Date('2026-11-22T14:00:00Z');
const EXPIRES = '2026-11-29T14:00:00.000Z';
const RUN = 'https://github.com/o/r/actions/runs/42';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const WJ = '\u2060';

function file(path: string, size = 1536, extra: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    path,
    key: `o/r/pr-1/${path}`,
    size,
    sha256: '0123456789abcdef'.repeat(4),
    contentType: 'application/octet-stream',
    url: `https://bucket.s3.amazonaws.com/${encodeURIComponent(path)}?X-Amz-Signature=abc`,
    expiresAt: EXPIRES,
    ...extra,
  };
}

function section(id: string, files: ManifestEntry[], extra: Partial<SectionData> = {}): SectionData {
  return { id, title: id, sha: SHA, runUrl: RUN, updatedAt: NOW.toISOString(), expiresAt: EXPIRES, files, ...extra };
}

function files(n: number, make: (i: number) => ManifestEntry = (i) => file(`dist/file-${i}.zip`, i * 1000)): ManifestEntry[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** GFM table cells of one row: split on pipes not escaped by a backslash. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') {
      cur += row[i] + (row[i + 1] ?? '');
      i++;
    } else if (row[i] === '|') {
      out.push(cur);
      cur = '';
    } else cur += row[i];
  }
  out.push(cur);
  return out.slice(1, -1).map((c) => c.trim());
}

/** Data rows of a raw section, and the N of "… and N more". */
function tableOf(raw: string): { rows: string[]; more: number } {
  const lines = raw.split('\n');
  const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| File |') && !l.startsWith('| :--'));
  const m = /^… and ([\d,]+) more/m.exec(raw);
  return { rows, more: m ? Number(m[1].replace(/,/g, '')) : 0 };
}

const MIB = 1024 * 1024;
const LONG_URL = `https://bucket.s3.eu-west-1.amazonaws.com/${'k'.repeat(200)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${'c'.repeat(150)}&X-Amz-Signature=${'s'.repeat(200)}`;
const bigFiles = (n: number, prefix = 'build') =>
  files(n, (i) => file(`${prefix}/${'deeply/nested/'.repeat(40)}artifact-${i}.tar.gz`, 3 * MIB + i, { url: LONG_URL }));

describe('commentMarker', () => {
  it('is a hidden HTML comment naming the key', () => {
    expect(commentMarker('pr-artifacts')).toBe('<!-- s3-artifact-links:pr-artifacts -->');
  });

  it.each(['x --> <script>', 'a--b', '--!>', '<!-- nested -->', 'spaces and ünïcode'])(
    'sanitises %j so it cannot end the comment early',
    (key) => {
      const marker = commentMarker(key);
      const inner = marker.slice('<!-- '.length, -' -->'.length);
      expect(inner).toMatch(/^s3-artifact-links:[A-Za-z0-9._-]+$/);
      expect(inner).not.toContain('--');
    },
  );

  it('falls back to the one default comment per pull request', () => {
    expect(commentMarker('')).toBe('<!-- s3-artifact-links:default -->');
    expect(commentMarker(DEFAULT_COMMENT_KEY)).toBe(commentMarker(''));
  });

  it.each([
    ['a b', 'a_b'],
    ['a b', 'a-b'],
    ['é', 'è'],
    ['x'.repeat(65), 'x'.repeat(66)],
    ['a--b', 'a-b'],
  ])('gives %j and %j different comments', (a, b) => {
    expect(commentMarker(a)).not.toBe(commentMarker(b));
  });

  it('keeps keys that are already safe, and bounds the others', () => {
    expect(commentMarker('nightly.v2_x')).toBe('<!-- s3-artifact-links:nightly.v2_x -->');
    expect(commentMarker('y'.repeat(10_000)).length).toBeLessThan(100);
  });
});

describe('humanBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 * 1024 - 1, '1.0 MiB'],
    [12.34 * MIB, '12.3 MiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
    [3 * 1024 ** 4, '3.0 TiB'],
    [-1, '?'],
    [Number.NaN, '?'],
  ])('%p → %p', (n, text) => {
    expect(humanBytes(n)).toBe(text);
  });
});

describe('relativeTime', () => {
  const at = (ms: number) => new Date(NOW.getTime() + ms);
  const MIN = 60_000;
  const H = 60 * MIN;
  const D = 24 * H;
  it.each([
    [7 * D, 'in 7 days'],
    // Rounded down, with no allowance: 5 s short of 7 days is not 7 days.
    [7 * D - 5000, 'in 6 days 23 hours'],
    [7 * D - 60 * MIN, 'in 6 days 23 hours'],
    [7 * D - 61 * MIN, 'in 6 days 22 hours'],
    [3 * D + 1 * H, 'in 3 days 1 hour'],
    [2 * D, 'in 2 days'],
    [2 * D - 1, 'in 47 hours'],
    [36 * H, 'in 36 hours'],
    [23 * H, 'in 23 hours'],
    [23 * H - 1000, 'in 22 hours'],
    [1 * H, 'in 1 hour'],
    [1 * H - 1000, 'in 59 minutes'],
    [45 * MIN, 'in 45 minutes'],
    [1 * MIN, 'in 1 minute'],
    [2 * MIN - 1, 'in 1 minute'],
    [10_000, 'in less than a minute'],
    [0, 'expired'],
    [-D, 'expired'],
  ])('%p ms ahead → %p', (ms, text) => {
    expect(relativeTime(NOW, at(ms))).toBe(text);
  });

  it('says unknown for an invalid date', () => {
    expect(relativeTime(NOW, new Date('nope'))).toBe('unknown');
  });
});

describe('formatUtc', () => {
  it('formats to the minute in UTC', () => {
    expect(formatUtc('2026-11-29T14:00:59.999+02:00')).toBe('2026-11-29 12:00 UTC');
    expect(formatUtc(NOW)).toBe('2026-11-22 14:00 UTC');
    expect(formatUtc('garbage')).toBe('unknown time');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['[click](http://evil)', `\\[click\\]\\(http:${WJ}//evil\\)`],
    ['![img](x.png)', '\\!\\[img\\]\\(x.png\\)'],
    ['@octocat', `@${WJ}octocat`],
    ['owner/repo#12', `owner/repo#${WJ}12`],
    ['line1\nline2', 'line1␊line2'],
    ['a\r\nb\tc\u0000d\u007f', 'a␍␊b␉c␀d␡'],
    ['<!-- s3-artifact-links:x -->', '&lt;\\!-- s3-artifact-links:x --&gt;'],
    ['`code` ``x``', '\\`code\\` \\`\\`x\\`\\`'],
    ['*b* _i_ ~~s~~ $x$', '\\*b\\* \\_i\\_ \\~\\~s\\~\\~ \\$x\\$'],
    ['back\\slash', 'back\\\\slash'],
    ['AT&T', 'AT&amp;T'],
    ['www.evil.com', `www${WJ}.evil.com`],
    ['GH-12', `GH-${WJ}12`],
    ['🚀 报告-最终版.zip', '🚀 报告-最终版.zip'],
    ['dist/app-1.2.3.tar.gz', 'dist/app-1.2.3.tar.gz'],
    ['evil\u202Egpj.exe', 'evil\uFFFDgpj.exe'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  const hostile = [
    'a|b',
    'a\\|b',
    '|||',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '[click](http://evil)',
    '[x]: http://evil',
    '@octocat and @github/team',
    'line1\nline2\r\n| injected | row |',
    '<!-- s3-artifact-links:x -->',
    '--> <!-- /s3-artifact-links section=a -->',
    '```fence```',
    'https://evil.example/x',
    '<details><summary>x</summary>',
    '&lt;b&gt;',
    '😀 emoji 中文 ファイル',
  ];

  it.each(hostile)('keeps %j inert inside a table cell', (name) => {
    const text = escapeMarkdown(name);
    expect(cells(`| ${text} | 1 B |`)).toHaveLength(2);
    expect(text).not.toMatch(/[<>\n\r\t]/);
    expect(text).not.toMatch(/(^|[^\\])[[\]()]/);
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });
});

describe('escapeUrl', () => {
  it('leaves a presigned URL as it is', () => {
    const url =
      'https://b.s3.us-east-1.amazonaws.com/o/r/a%20b.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261122%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261122T140000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=ab12';
    expect(escapeUrl(url)).toBe(url);
  });

  it('encodes what could end a Markdown link or a table cell', () => {
    expect(escapeUrl('http://h/a b(c)d|e<f>"g\'h\\i[j]k;l`m')).toBe('http://h/a%20b%28c%29d%7Ce%3Cf%3E%22g%27h%5Ci%5Bj%5Dk%3Bl%60m');
    expect(escapeUrl('https://h/x) [pwn](http://evil')).not.toMatch(/[() [\]]/);
    expect(escapeUrl('https://h/ä\n')).toBe('https://h/%C3%A4');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil', 'ftp://x', '', 'https://'])('refuses %j', (url) => {
    expect(escapeUrl(url)).toBeUndefined();
  });
});

describe('renderSection', () => {
  const three = [file('dist/app.zip', 1536), file('dist/app.tar.gz', 12.34 * MIB), file('report.html', 10)];

  it('renders a marked block with heading, expiry, provenance and a table', () => {
    const out = renderSection(section('linux', three, { title: 'Linux x64' }), { now: NOW, collapse: false });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^<!-- s3-artifact-links section=linux meta=[A-Za-z0-9+/=]+ -->$/);
    expect(lines[lines.length - 1]).toBe('<!-- /s3-artifact-links section=linux -->');
    expect(lines.slice(1, 4)).toEqual([
      '#### Linux x64',
      '⏳ Links expire **2026-11-29 14:00 UTC** — in 7 days',
      `<sub>3 files, 12.3 MiB · commit \`0123456\` · [workflow run](${RUN}) · updated 2026-11-22 14:00 UTC</sub>`,
    ]);
    expect(out).toContain('| File | Size | SHA-256 |\n| :-- | --: | :-- |\n');
    // The file name is the link; its title says what a click does.
    expect(out).toContain(
      `| [dist/app.zip](https://bucket.s3.amazonaws.com/dist%2Fapp.zip?X-Amz-Signature=abc "Download") | 1.5 KiB | \`0123456789ab\` |`,
    );
    expect(out).not.toContain('<details>');
    // a blank line ends the table, so the end marker cannot become a row
    expect(out).toMatch(/\| `0123456789ab` \|\n\n<!-- \/s3-artifact-links/);
  });

  it('folds more than 10 files under <details> with a count and total size', () => {
    const out = renderSection(
      section(
        'a',
        files(11, () => file('x.bin', MIB)),
      ),
      { now: NOW, collapse: false },
    );
    expect(out).toContain('<details><summary>11 files, 11.0 MiB</summary>\n\n| File |');
    expect(out).toMatch(/\n\n<\/details>\n<!-- \/s3-artifact-links section=a -->$/);
    expect(renderSection(section('a', files(10)), { now: NOW, collapse: false })).not.toContain('<details>');
    expect(renderSection(section('a', three), { now: NOW, collapse: true })).toContain('<details><summary>3 files, 12.3 MiB</summary>');
  });

  it('cuts rows at maxRows and points to the job summary', () => {
    const out = renderSection(section('a', files(11)), { now: NOW, collapse: false, maxRows: 3 });
    expect(tableOf(out)).toEqual({ rows: expect.any(Array), more: 8 });
    expect(tableOf(out).rows).toHaveLength(3);
    expect(out).toContain(`… and 8 more — see the [job summary](${RUN}).`);
    const none = renderSection(section('a', files(11)), { now: NOW, collapse: false, maxRows: 0 });
    expect(none).not.toContain('| File |');
    expect(tableOf(none).more).toBe(11);
  });

  it('renders the removed state without links', () => {
    const out = renderSection(section('a', three, { removed: true, note: 'Links were removed after merge' }), {
      now: NOW,
      collapse: false,
    });
    expect(out).toContain('🗑️ **Links removed**');
    expect(out).toContain('> ⚠️ Links were removed after merge');
    expect(out).not.toContain('Download');
    expect(out).not.toContain('| File |');
  });

  it('says when the links have expired', () => {
    const out = renderSection(section('a', three), { now: new Date('2026-12-01T00:00:00Z'), collapse: false });
    expect(out).toContain('⌛ **Links expired** 2026-11-29 14:00 UTC');
  });

  it('escapes hostile names, titles and notes so every row keeps 4 cells', () => {
    const names = [
      'a|b',
      '<img src=x onerror=alert(1)>',
      '[click](http://evil)',
      '@octocat',
      'line1\nline2',
      '<!-- s3-artifact-links:x -->',
      '<!-- /s3-artifact-links section=evil -->',
      '`tick`',
      '😀 中文',
    ];
    const out = renderSection(
      section(
        'evil',
        names.map((n) => file(n, 1, { url: 'https://h/x) | [y](http://z' })),
        {
          title: '<b>@octocat</b> | x',
          note: 'public repo: @everyone [x](y)',
        },
      ),
      { now: NOW, collapse: false },
    );
    const { rows } = tableOf(out);
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(cells(row)).toHaveLength(3);
    // Each name is the text of its link, whole: the hostile URL cannot open a second link.
    for (const row of rows)
      expect(cells(row)[0]).toMatch(/^\[[^\]]*(?:\\\][^\]]*)*\]\(https:\/\/h\/x%29%20%7C%20%5By%5D%28http:\/\/z "Download"\)$/);
    expect(out).not.toMatch(/<(?!!-- \/?s3-artifact-links section=|\/?sub>)/);
    expect(out).not.toMatch(/@[a-z]/);
    expect(out).toContain('#### &lt;b&gt;@\u2060octocat&lt;/b&gt; \\| x');
    expect(parseSections(out).size).toBe(1);
  });

  it('shortens very long names in the middle', () => {
    const out = renderSection(section('a', [file(`${'d/'.repeat(200)}end.zip`)]), { now: NOW, collapse: false });
    const name = /^\[(.*)\]\(/.exec(cells(tableOf(out).rows[0])[0])?.[1] ?? '';
    expect(Array.from(name).length).toBeLessThanOrEqual(120);
    expect(name).toContain('…');
    expect(name.endsWith('end.zip')).toBe(true);
  });

  it('renders an empty section', () => {
    expect(renderSection(section('a', []), { now: NOW, collapse: false })).toContain('_No files._');
  });
});

describe('parseSections', () => {
  const a = renderSection(section('a', files(2)), { now: NOW, collapse: false });
  const b = renderSection(section('b', files(12)), { now: NOW, collapse: false });

  it('finds sections and their metadata', () => {
    const found = parseSections(`header\n\n${a}\n\n${b}\n\nfooter`);
    expect([...found.keys()]).toEqual(['a', 'b']);
    expect(found.get('a')?.raw).toBe(a);
    expect(found.get('b')?.raw).toBe(b);
    expect(found.get('b')?.meta).toEqual(sectionMeta(section('b', files(12))));
  });

  it('round-trips awkward ids', () => {
    for (const id of ['linux -- x64 >', 'ünï/cødé (1)', '--', 'a-', '-->', '😀']) {
      const raw = renderSection(section(id, files(1)), { now: NOW, collapse: false });
      const start = raw.split('\n')[0];
      expect(start.slice(4, -4)).not.toContain('--');
      expect(start.slice(4, -4)).not.toContain('>');
      expect(parseSections(raw).get(id)?.raw).toBe(raw);
    }
  });

  it('tolerates garbage, missing end markers and bad metadata', () => {
    const noEnd = a.split('\n').slice(0, -1).join('\n');
    const badMeta = b.replace(/meta=[A-Za-z0-9+/=]+/, 'meta=bm90IGpzb24=');
    const found = parseSections(`${noEnd}\n\n${badMeta}\n<!-- s3-artifact-links section=%E0%A4%A meta= -->\n`);
    expect([...found.keys()]).toEqual(['b']);
    expect(found.get('b')?.meta).toBeUndefined();
    expect(parseSections('').size).toBe(0);
    expect(parseSections('just a human comment').size).toBe(0);
  });

  it('does not let one section close another', () => {
    const end = '<!-- /s3-artifact-links section=b -->';
    const broken = a.replace(/<!-- \/s3-artifact-links section=a -->$/, end);
    expect(parseSections(broken).size).toBe(0);
  });

  it('keeps the first of duplicate ids and accepts CRLF bodies', () => {
    const a2 = renderSection(section('a', files(3)), { now: NOW, collapse: false });
    const found = parseSections(`${a}\r\n\r\n${a2}`.replace(/\n/g, '\r\n'));
    expect(found.size).toBe(1);
    expect(found.get('a')?.raw).toBe(a);
  });
});

describe('sites and the share page in a section', () => {
  const SHARE = 'https://bucket.s3.amazonaws.com/p/.artifact-links-share.html?X-Amz-Signature=s';
  const SITE = 'https://bucket.s3.amazonaws.com/p/cov/.artifact-links-open.html?X-Amz-Signature=o';
  const page = file('coverage/index.html', 10, { key: 'p/cov/index.html', contentType: 'text/html; charset=utf-8' });
  const withSites = (extra: Partial<SectionData> = {}) =>
    section('linux', [page, file('dist/app.zip')], {
      sites: [
        { path: 'coverage', url: SITE },
        { path: 'docs/[x](y) @team', url: `${SITE}2` },
      ],
      shareUrl: SHARE,
      open: new Map([[page.key, `${SITE}#index.html`]]),
      ...extra,
    });

  it('links each site and the share page above the table, folder names as text', () => {
    const out = renderSection(withSites(), { now: NOW, collapse: false });
    const lines = out.split('\n');
    const at = lines.indexOf('| File | Size | SHA-256 |');
    expect(lines.slice(0, at)).toContain(
      `🌐 Open in the browser: [coverage/](${SITE}) · [docs/\\[x\\]\\(y\\) @${WJ}team/](${SITE}2) — 📋 Every file on one [share page](${SHARE})`,
    );
  });

  it("a site's HTML page opens through its site; other files by their own link", () => {
    const out = renderSection(withSites(), { now: NOW, collapse: false });
    expect(out).toContain(`| [coverage/index.html](${SITE}#index.html "Open in the browser") |`);
    expect(out).toContain(`| [dist/app.zip](${file('dist/app.zip').url.replace('/', '/')} "Download") |`);
  });

  it('a removed section shows no sites or share page', () => {
    const out = renderSection(withSites({ removed: true }), { now: NOW, collapse: false });
    expect(out).not.toContain('share page');
    expect(out).not.toContain('Open in the browser');
  });

  it('at the size limit, the cut table and the one-line summaries point to the share page', () => {
    const big = (id: string) => withSites({ id, title: id, files: bigFiles(200, id) });
    let body = mergeComment(undefined, big('a'), { marker: commentMarker('k'), now: NOW, limit: 20_000 });
    body = mergeComment(body, big('b'), { marker: commentMarker('k'), now: NOW, limit: 20_000 });
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toMatch(new RegExp(`… and [\\d,]+ more — see the \\[share page\\]\\(${SHARE.replace(/[.?]/g, '\\$&')}\\)\\.`));
    const tight = mergeComment(body, big('c'), { marker: commentMarker('k'), now: NOW, limit: 3_000 });
    expect(tight.length).toBeLessThanOrEqual(3_000);
    expect(tight).toMatch(/^\*\*[ab]\*\* · 200 files, .* see the \[share page\]\(/m);
  });
});

describe('mergeComment', () => {
  const marker = commentMarker('pr');
  const opts = { marker, now: NOW };

  it('creates a body with header, section and footer; with one section the header is the title alone', () => {
    const body = mergeComment(undefined, section('linux', files(2)), opts);
    const lines = body.split('\n');
    expect(lines[0]).toBe(marker);
    expect(lines[1]).toBe('### 📦 Build artifacts');
    expect(lines[2]).toBe('');
    expect(lines[3]).toMatch(/^<!-- s3-artifact-links section=linux /);
    // The commit, run and expiry appear once, in the section.
    expect(body.match(/Links expire/g)).toHaveLength(1);
    expect(body.match(/workflow run/g)).toHaveLength(1);
    expect(body).toContain(renderSection(section('linux', files(2)), { now: NOW, collapse: false }));
    expect(lines[lines.length - 1]).toMatch(/^<sub>.*s3-artifact-links.*<\/sub>$/);
  });

  it('with several sections, the header sums them up: latest commit, earliest expiry, totals', () => {
    const first = mergeComment(undefined, section('linux', files(2)), opts);
    const body = mergeComment(first, section('windows', files(3)), opts);
    const lines = body.split('\n');
    expect(lines[1]).toBe('### 📦 Build artifacts');
    expect(lines[2]).toBe(`Commit \`0123456\` · [workflow run](${RUN}) · updated 2026-11-22 14:00 UTC`);
    expect(lines[3]).toBe('⏳ Links expire **2026-11-29 14:00 UTC** — in 7 days');
    expect(lines[4]).toBe('<sub>2 jobs · 5 files, 3.9 KiB</sub>');
  });

  it('keeps other sections byte-for-byte, sorted by id, and replaces its own', () => {
    const b1 = mergeComment(undefined, section('windows', files(2)), opts);
    const later = { ...opts, now: new Date('2026-11-23T10:00:00Z') };
    const b2 = mergeComment(b1, section('linux', files(3), { updatedAt: later.now.toISOString() }), later);
    const windowsRaw = parseSections(b1).get('windows')?.raw;
    expect(parseSections(b2).get('windows')?.raw).toBe(windowsRaw);
    expect([...parseSections(b2).keys()]).toEqual(['linux', 'windows']);

    const b3 = mergeComment(b2, section('windows', files(5), { updatedAt: later.now.toISOString() }), later);
    const found = parseSections(b3);
    expect([...found.keys()]).toEqual(['linux', 'windows']);
    expect(found.get('linux')?.raw).toBe(parseSections(b2).get('linux')?.raw);
    expect(tableOf(found.get('windows')?.raw ?? '').rows).toHaveLength(5);
    expect(b3.split(marker)).toHaveLength(2);
    expect(b3).toContain('<sub>2 jobs · 8 files,');
  });

  it('is idempotent', () => {
    const s = section('a', files(4));
    const once = mergeComment('garbage <!-- s3-artifact-links section=x', s, opts);
    expect(mergeComment(once, s, opts)).toBe(once);
  });

  it('recomputes the header from every section', () => {
    let body = mergeComment(undefined, section('a', files(1), { expiresAt: '2026-11-23T13:00:00Z' }), opts);
    body = mergeComment(body, section('b', files(1), { sha: 'ffffffffff', updatedAt: '2026-11-22T15:00:00Z', runUrl: `${RUN}9` }), opts);
    expect(body).toContain(`Commit \`fffffff\` · [workflow run](${RUN}9)`);
    expect(body).toContain('⏳ First links expire **2026-11-23 13:00 UTC** — in 23 hours');
    expect(body).toContain('<sub>2 jobs · 2 files, 0 B · 1 from an older commit</sub>');
    const days = mergeComment(body, section('c', files(1)), { ...opts, now: new Date('2026-11-24T00:00:00Z') });
    expect(days).toContain('⌛ Some links have expired (2026-11-23 13:00 UTC): re-run the job to get fresh ones.');
  });

  it('ignores removed sections for the expiry line', () => {
    let body = mergeComment(undefined, section('a', files(1), { expiresAt: '2026-11-23T13:00:00Z', removed: true }), opts);
    body = mergeComment(body, section('b', files(1)), opts);
    expect(body).toContain('⏳ Links expire **2026-11-29 14:00 UTC**');
  });

  it('fits 3,000 files with long names and long URLs in the limit', () => {
    const body = mergeComment(undefined, section('big', bigFiles(3000)), opts);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT * 0.95); // it uses the room it has
    expect(body.startsWith(marker)).toBe(true);
    const raw = parseSections(body).get('big')?.raw ?? '';
    const { rows, more } = tableOf(raw);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length + more).toBe(3000);
    expect(raw).toContain(`<details><summary>3,000 files,`);
    for (const row of rows) expect(cells(row)).toHaveLength(3);
  });

  it('renders only the rows that can fit: 20,000 files, the same body as a section cut to its first rows', () => {
    let rendered = 0;
    const many = files(20_000, (i) => {
      const f = file(`dist/d${i % 40}/f${i}.txt`, i);
      return Object.defineProperty(f, 'url', {
        enumerable: true,
        get: () => (rendered++, `https://bucket.s3.amazonaws.com/${f.key}?X-Amz-Signature=${'a'.repeat(64)}`),
      });
    });
    const body = mergeComment(undefined, section('many', many), opts);
    expect(rendered).toBeLessThan(2_000); // not every row of the table, once or more
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT * 0.95);
    const { rows, more } = tableOf(parseSections(body).get('many')?.raw ?? '');
    expect(rows.length + more).toBe(20_000);
    // A table of at most 400 rows is rendered whole: what fits of it must be what fits of the 20,000.
    const few = mergeComment(undefined, { ...section('many', many.slice(0, 400)) }, opts);
    const fewTable = tableOf(parseSections(few).get('many')?.raw ?? '');
    expect(fewTable.rows).toEqual(rows);
  });

  it('shares the room between big sections and keeps them consistent across merges', () => {
    let body: string | undefined;
    for (const id of ['linux', 'mac', 'windows', 'linux', 'arm']) {
      body = mergeComment(body, section(id, bigFiles(3000, id)), opts);
      expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    }
    const found = parseSections(body ?? '');
    expect([...found.keys()]).toEqual(['arm', 'linux', 'mac', 'windows']);
    const counts = [...found.values()].map((s) => tableOf(s.raw));
    for (const c of counts) {
      expect(c.rows.length).toBeGreaterThan(0);
      expect(c.rows.length + c.more).toBe(3000);
    }
    const sizes = counts.map((c) => c.rows.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('reduces other sections to one-line summaries when there are many', () => {
    let body: string | undefined;
    for (let i = 0; i < 110; i++) {
      body = mergeComment(body, section(`job-${String(i).padStart(3, '0')}`, bigFiles(20, `j${i}`)), opts);
      expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    }
    const found = parseSections(body ?? '');
    expect(found.size).toBe(110);
    const last = found.get('job-109')?.raw ?? '';
    expect(last).toContain('#### job-109');
    const summaries = [...found.values()].filter((s) => s.raw.split('\n').length === 3);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries[0].raw.split('\n')[1]).toMatch(
      /^\*\*job-\d{3}\*\* · 20 files, 60\.0 MiB · links expire 2026-11-29 14:00 UTC, see the \[job summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/42\)$/,
    );
    expect(summaries[0].meta?.files).toBe(20);
  });

  it('drops other sections, then cuts, rather than exceed a tiny limit', () => {
    let body: string | undefined;
    for (let i = 0; i < 30; i++) {
      body = mergeComment(body, section(`job-${i}`, files(5)), { ...opts, limit: 4000 });
      expect(body.length).toBeLessThanOrEqual(4000);
    }
    expect(body).toMatch(/_\d+ more job sections? not shown \(comment size limit\)\._/);
    expect(parseSections(body ?? '').has('job-29')).toBe(true);
    for (const limit of [0, 1, 50, 300]) {
      expect(mergeComment(body, section('😀', files(5)), { ...opts, limit }).length).toBeLessThanOrEqual(limit);
    }
  });

  it('always respects the limit (sweep)', () => {
    const base = mergeComment(
      mergeComment(undefined, section('a', bigFiles(200, 'a')), opts),
      section(
        'b',
        files(40, (i) => file(`😀/中文-${i}|<x>`, i)),
      ),
      opts,
    );
    for (let limit = 200; limit <= 70_000; limit += 3_331) {
      const body = mergeComment(base, section('c', bigFiles(300, 'c')), { ...opts, limit });
      expect(body.length).toBeLessThanOrEqual(limit);
    }
  });
});
