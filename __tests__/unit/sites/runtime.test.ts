import { describe, expect, it } from '@jest/globals';
import { encodeKeyPath } from '../../../src/links/uri.js';
import { neutralizeBidi as neutralizeBidiForNode } from '../../../src/util/bidi.js';
import { entryFromHash } from '../../../src/sites/bootstrap.js';
import {
  encodePath,
  expiredPage,
  formatLocalTime,
  hexFromBase64url,
  listingPage,
  neutralizeBidi,
  routeRequest,
  siteIndex,
  type SiteMap,
} from '../../../src/sites/runtime.js';

const HOSTILE = [`it's "q" <b>.txt`, 'hash#1.txt', 'what?.txt', '100%.txt', 'naïve 日本.txt', 'a+b=c&d.txt', '(x)!*~.txt', '__proto__'];

function mapOf(paths: string[], extra: Partial<SiteMap> = {}): SiteMap {
  const dirs = new Map<string, string[][]>();
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    const dir = p.slice(0, slash + 1);
    dirs.set(dir, [...(dirs.get(dir) ?? []), [p.slice(slash + 1), 'c2ln']]);
  }
  return {
    v: 1,
    origin: 'https://bucket.s3.eu-west-1.amazonaws.com',
    base: '/o/r/pr-1/abc/build/site/',
    query: ['X-Amz-Date=20250102T030405Z', ['X-Amz-Signature', 1]],
    dirs: [...dirs.entries()],
    urls: [],
    expiresAt: Date.parse('2025-01-09T03:04:05Z'),
    title: 'build · site/',
    ...extra,
  };
}

describe('encodePath', () => {
  it.each(HOSTILE.concat(['dir/sub dir/f.txt', 'a/b/c']))('encodes %j exactly like the presigner (RFC 3986 per segment)', (name) => {
    expect(encodePath(name)).toBe(encodeKeyPath(name));
  });
});

describe('hexFromBase64url', () => {
  it('inverts base64url', () => {
    const hex = 'a3f1009cde'.repeat(6) + 'ff00';
    expect(hexFromBase64url(Buffer.from(hex, 'hex').toString('base64url'))).toBe(hex);
  });
});

describe('routeRequest: like a static web server', () => {
  const map = mapOf([
    'index.html',
    '404.html',
    'docs/index.html',
    'docs/guide.html',
    'odd/x.txt',
    ...HOSTILE.map((h) => `odd/${h}`),
    'img/a.png',
  ]);
  const index = siteIndex(map);
  const base = map.origin + map.base;
  /** What the worker asks: the decoded site path of a URL under the site's root (session.ts `sitePathOf`). */
  const route = (path: string, navigate = false) => {
    const url = new URL(base + path);
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(url.pathname.slice(map.base.length));
    } catch {
      return { kind: 'missing' };
    }
    return routeRequest(index, decoded, url.href, navigate);
  };

  it('serves files by their encoded name, ignoring an unsigned query', () => {
    expect(route('img/a.png')).toEqual({ kind: 'file', path: 'img/a.png', status: 200 });
    expect(route('img/a.png?v=3')).toEqual({ kind: 'file', path: 'img/a.png', status: 200 });
    for (const name of HOSTILE) expect(route(`odd/${encodePath(name)}`)).toEqual({ kind: 'file', path: `odd/${name}`, status: 200 });
    // Browsers leave ' unescaped in paths.
    expect(route(`odd/it's%20%22q%22%20%3Cb%3E.txt`)).toEqual({ kind: 'file', path: `odd/it's "q" <b>.txt`, status: 200 });
  });

  it('maps folders to index.html and redirects a folder without its slash', () => {
    expect(route('')).toEqual({ kind: 'file', path: 'index.html', status: 200 });
    expect(route('docs/')).toEqual({ kind: 'file', path: 'docs/index.html', status: 200 });
    expect(route('docs')).toEqual({ kind: 'redirect', location: `${base}docs/` });
    expect(route('docs?x=1')).toEqual({ kind: 'redirect', location: `${base}docs/?x=1` });
  });

  it('lists a folder without index.html to a navigation', () => {
    expect(route('odd/', true)).toEqual({ kind: 'listing', dir: 'odd/' });
    expect(route('odd/', false)).toEqual({ kind: 'missing' });
  });

  it('navigations to a path that is not a file get 404.html (status 404), else index.html', () => {
    expect(route('app/route/42', true)).toEqual({ kind: 'file', path: '404.html', status: 404 });
    expect(route('app/route/42', false)).toEqual({ kind: 'missing' });
    const spa = mapOf(['index.html', 'main.js']);
    expect(routeRequest(siteIndex(spa), 'deep/link', `${spa.origin}${spa.base}deep/link`, true)).toEqual({
      kind: 'file',
      path: 'index.html',
      status: 200,
    });
    const bare = mapOf(['a.txt']);
    expect(routeRequest(siteIndex(bare), 'nope', `${bare.origin}${bare.base}nope`, true)).toEqual({ kind: 'missing' });
  });

  it('a request that is not for the site (no site path) is outside', () => {
    expect(routeRequest(index, undefined, `${map.origin}/o/r/pr-1/abc/build/other/index.html`, true)).toEqual({ kind: 'outside' });
  });

  it('generated objects and undecodable paths are not files', () => {
    expect(route('.artifact-links-sw.js')).toEqual({ kind: 'missing' });
    expect(route('odd/%E0%A4%A')).toEqual({ kind: 'missing' });
  });

  it('a file named __proto__ is an ordinary file', () => {
    expect(route('odd/__proto__')).toEqual({ kind: 'file', path: 'odd/__proto__', status: 200 });
  });
});

describe('entryFromHash: where the bootstrap page goes inside the site', () => {
  it.each([
    ['', ''],
    ['#', ''],
    ['#docs/guide.html', 'docs/guide.html'],
    ['#docs/a%20b%C3%A9.html', 'docs/a%20b%C3%A9.html'],
    ['#odd/hash%231.txt', 'odd/hash%231.txt'],
    ['#../../other/index.html', ''],
    ['#docs/./x', ''],
    ['#/etc/passwd', ''],
    ['#back%5Cslash.html', 'back%5Cslash.html'],
    ['#a\\b', 'a%5Cb'],
    ['#%E0%A4%A', ''],
    ['#javascript:alert(1)', 'javascript%3Aalert%281%29'],
    ['#//evil.example/x', ''],
  ])('%j → %j', (hash, entry) => {
    expect(entryFromHash(hash)).toBe(entry);
  });
});

describe('pages the worker writes', () => {
  it("formatLocalTime shows the reader's zone", () => {
    const t = Date.parse('2025-01-02T03:04:05Z');
    expect(formatLocalTime(t, 9 * 60)).toBe('2025-01-02 12:04 UTC+09:00 (your time)');
    expect(formatLocalTime(t, -5 * 60)).toBe('2025-01-01 22:04 UTC-05:00 (your time)');
    expect(formatLocalTime(t, 5 * 60 + 30)).toBe('2025-01-02 08:34 UTC+05:30 (your time)');
    expect(formatLocalTime(t, 0)).toBe('2025-01-02 03:04 UTC (your time)');
  });

  it('the expired page says how to get fresh links, with names escaped', () => {
    const html = expiredPage(
      '<img src=x onerror=alert(1)>',
      Date.parse('2025-01-02T03:04:05Z'),
      'https://github.com/o/r/actions/runs/1?"x',
    );
    expect(html).toContain('2025-01-02 03:04 UTC');
    expect(html).toContain('<code>mode: refresh</code>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('href="https://github.com/o/r/actions/runs/1?&#34;x"');
    expect(html).not.toContain('<img');
  });

  it('a listing shows names as text and links them by their encoded name', () => {
    const map = mapOf(HOSTILE.map((h) => `odd/${h}`).concat('odd/sub/x.txt'));
    const html = listingPage(map, siteIndex(map), 'odd/');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;b&#62;');
    expect(html).toContain(`href="./${encodePath('hash#1.txt')}"`);
    expect(html).toContain('href="./sub/"');
  });
});

describe('bidirectional controls', () => {
  const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

  it.each(CONTROLS.map((c) => [c.codePointAt(0)!.toString(16)]))('neutralizeBidi replaces U+%s with U+FFFD', (hex) => {
    expect(neutralizeBidi(`evil${String.fromCodePoint(parseInt(hex, 16))}gpj.exe`)).toBe('evil\ufffdgpj.exe');
  });

  it('leaves other text as it is', () => {
    expect(neutralizeBidi('naïve 日本 עברית.txt')).toBe('naïve 日本 עברית.txt');
  });

  it('is the same as the comment’s (util/bidi.ts) for every code point', () => {
    let all = '';
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x3000 ? 1 : 97) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCodePoint(cp);
    expect(neutralizeBidi(all)).toBe(neutralizeBidiForNode(all));
  });

  it('a listing shows no bidi control from a file or folder name', () => {
    const map = mapOf(['odd/evil\u202egpj.exe', 'odd/\u2067sub\u2069/x.txt'], { title: 'build\u202e' });
    const html = listingPage(map, siteIndex(map), 'odd/');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('evil\ufffdgpj.exe');
  });
});
