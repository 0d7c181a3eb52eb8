import { describe, expect, it } from '@jest/globals';
import {
  contentDisposition,
  contentTypeFor,
  type DispositionMode,
  isActiveContent,
  isBrowserViewable,
  opensInBrowser,
} from '../../../src/links/disposition.js';

describe('contentTypeFor', () => {
  it.each([
    ['dist/shot.png', 'image/png'],
    ['dist/SHOT.PNG', 'image/png'],
    ['report/index.html', 'text/html; charset=utf-8'],
    ['log.txt', 'text/plain; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['manual.pdf', 'application/pdf'],
    ['bundle.zip', 'application/zip'],
    ['icon.svg', 'image/svg+xml'],
    ['/abs/dir.with.dots/app.tar.gz', 'application/gzip'],
    ['archive.unknownext123', 'application/octet-stream'],
    ['bin/tool', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
    ['.bashrc', 'application/octet-stream'],
    ['dir.d/LICENSE', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  // mime-types reads a bare word as an extension: an extension-less file *named* `html`, `json` or
  // `png` must not get that type (and `auto` must not serve it inline).
  it.each(['out/html', 'out/json', 'out/png'])('gives the extension-less file %s application/octet-stream', (file) => {
    expect(contentTypeFor(file)).toBe('application/octet-stream');
  });
});

describe('isBrowserViewable', () => {
  it.each([
    ['image/png', true],
    ['image/svg+xml', true],
    ['text/html; charset=utf-8', true],
    ['TEXT/PLAIN', true],
    ['audio/mpeg', true],
    ['video/mp4', true],
    ['application/pdf', true],
    ['application/json; charset=utf-8', true],
    ['application/ld+json', true],
    ['application/zip', false],
    ['application/octet-stream', false],
    ['application/gzip', false],
    ['application/javascript', false],
  ])('%s → %s', (type, viewable) => {
    expect(isBrowserViewable(type)).toBe(viewable);
  });
});

describe('contentDisposition', () => {
  it.each<[string, DispositionMode, string, string]>([
    ['shot.png', 'auto', 'image/png', 'inline; filename="shot.png"'],
    ['index.html', 'auto', 'text/html; charset=utf-8', 'inline; filename="index.html"'],
    ['log.txt', 'auto', 'text/plain; charset=utf-8', 'inline; filename="log.txt"'],
    ['data.json', 'auto', 'application/json; charset=utf-8', 'inline; filename="data.json"'],
    ['manual.pdf', 'auto', 'application/pdf', 'inline; filename="manual.pdf"'],
    ['bundle.zip', 'auto', 'application/zip', 'attachment; filename="bundle.zip"'],
    ['tool', 'auto', 'application/octet-stream', 'attachment; filename="tool"'],
    ['bundle.zip', 'inline', 'application/zip', 'inline; filename="bundle.zip"'],
    ['shot.png', 'attachment', 'image/png', 'attachment; filename="shot.png"'],
    ['index.html', 'attachment', 'text/html; charset=utf-8', 'attachment; filename="index.html"'],
    ["it's (1) *final*.txt", 'inline', 'text/plain', `inline; filename="it's (1) *final*.txt"`],
    ['a;b,c=d.txt', 'attachment', 'text/plain', 'attachment; filename="a;b,c=d.txt"'],
  ])('%j %s %s → %s', (name, mode, type, header) => {
    expect(contentDisposition(name, mode, type)).toBe(header);
  });

  it.each([
    ['résumé.pdf', 'r_sum_.pdf', 'r%C3%A9sum%C3%A9.pdf'],
    ['日本.txt', '__.txt', '%E6%97%A5%E6%9C%AC.txt'],
    ['😀.png', '__.png', '%F0%9F%98%80.png'],
    ["café's (draft)*.txt", "caf_'s (draft)*.txt", 'caf%C3%A9%27s%20%28draft%29%2A.txt'],
    ['say "hi".txt', 'say _hi_.txt', 'say%20%22hi%22.txt'],
    ['back\\slash.txt', 'back_slash.txt', 'back%5Cslash.txt'],
    ['100%.txt', '100_.txt', '100%25.txt'],
    ['a\r\nX-Evil: 1.txt', 'a__X-Evil: 1.txt', 'a%0D%0AX-Evil%3A%201.txt'],
    ['tab\there.txt', 'tab_here.txt', 'tab%09here.txt'],
    ['del\x7f.txt', 'del_.txt', 'del%7F.txt'],
  ])("%j gets the ASCII fallback %j and filename*=UTF-8''%s", (name, fallback, encoded) => {
    expect(contentDisposition(name, 'attachment', 'application/octet-stream')).toBe(
      `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`,
    );
  });

  const hostile = [
    'plain.txt',
    'say "hi".txt',
    '"; filename="evil.exe',
    'x\\"; evil=1',
    '\\',
    '"',
    'a\r\nSet-Cookie: x=1',
    'résumé "final" \\ (2).pdf',
    "it's*(a)!~.txt",
    '\u0000null\u001f.txt',
    '\u2028line\u2029sep',
    '😀🙃',
    '%E9.txt',
  ];

  it.each(hostile)('keeps %j inside one well-formed, pure-ASCII header value', (name) => {
    for (const mode of ['auto', 'inline', 'attachment'] as const) {
      const header = contentDisposition(name, mode, 'application/octet-stream');
      expect(header).toMatch(/^[\x20-\x7e]*$/);
      // type; filename="<no quote or backslash>" [; filename*=UTF-8''<attr-char or %XX>]
      const m = /^(inline|attachment); filename="([^"\\]*)"(?:; filename\*=UTF-8''((?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})*))?$/.exec(
        header,
      );
      expect(m).not.toBeNull();
      if (m![3] !== undefined) expect(decodeURIComponent(m![3])).toBe(name);
      else expect(m![2]).toBe(name);
    }
  });

  it("percent-encodes ' ( ) * in filename* (RFC 8187 attr-char) but not ! ~", () => {
    const header = contentDisposition("é'()*!~", 'inline', 'text/plain');
    expect(header.slice(header.indexOf("UTF-8''") + 7)).toBe('%C3%A9%27%28%29%2A!~');
  });

  it('omits filename* when the name is plain printable ASCII without quote, backslash or %', () => {
    expect(contentDisposition('Report v1.2 (final)!.html', 'auto', 'text/html')).toBe('inline; filename="Report v1.2 (final)!.html"');
  });
});

describe('untrusted files (from a fork)', () => {
  it.each([
    'text/html; charset=utf-8',
    'image/svg+xml',
    'application/xhtml+xml',
    'text/xml',
    'application/xml',
    'application/xslt+xml',
    'application/rss+xml',
    'text/mathml; charset=utf-8',
    'TEXT/HTML',
  ])('%s is active content and an attachment, whatever the mode', (type) => {
    expect(isActiveContent(type)).toBe(true);
    for (const mode of ['auto', 'inline', 'attachment'] as const) {
      expect(contentDisposition('x', mode, type, true)).toBe('attachment; filename="x"');
    }
    expect(opensInBrowser(type, true)).toBe(false);
  });

  it.each(['image/png', 'application/pdf', 'text/plain; charset=utf-8', 'application/json', 'text/css', 'text/javascript'])(
    '%s keeps its disposition',
    (type) => {
      expect(isActiveContent(type)).toBe(false);
      expect(contentDisposition('x', 'auto', type, true)).toBe(contentDisposition('x', 'auto', type));
      expect(opensInBrowser(type, true)).toBe(isBrowserViewable(type));
    },
  );

  it('trusted files keep inline HTML', () => {
    expect(contentDisposition('index.html', 'auto', 'text/html', false)).toBe('inline; filename="index.html"');
    expect(opensInBrowser('text/html', false)).toBe(true);
  });
});
