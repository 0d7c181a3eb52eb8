import { describe, expect, it } from '@jest/globals';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';
import {
  attrText,
  isPreviewable,
  outsideSites,
  MAX_THUMBNAILS,
  pickThumbnails,
  PROXY_MAX_BYTES,
  THUMBNAIL_CHARS,
  thumbnailsLine,
} from '../../../src/render/thumbnails.js';

function img(
  path: string,
  contentType = 'image/png',
  size = 2048,
  url = `https://b.s3.amazonaws.com/${path}?X-Amz-Signature=abc&X-Amz-Date=1`,
): ManifestEntry {
  return { path, key: `k/${path}`, size, sha256: 'a'.repeat(64), contentType, url, expiresAt: '2026-11-29T14:00:00.000Z' };
}

describe('isPreviewable', () => {
  it('takes PNG, JPEG, GIF and WebP of at most 5 MiB, nothing else', () => {
    for (const t of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'IMAGE/PNG; charset=binary'])
      expect(isPreviewable(img('a', t))).toBe(true);
    for (const t of ['image/svg+xml', 'image/avif', 'image/bmp', 'text/html', 'application/octet-stream'])
      expect(isPreviewable(img('a', t))).toBe(false);
    expect(isPreviewable(img('a', 'image/png', PROXY_MAX_BYTES))).toBe(true);
    expect(isPreviewable(img('a', 'image/png', PROXY_MAX_BYTES + 1))).toBe(false);
    expect(isPreviewable(img('a', 'image/png', 0))).toBe(false);
  });
});

describe('pickThumbnails', () => {
  it('shows at most MAX_THUMBNAILS previewable images in file order and counts the other images', () => {
    const files = [
      img('big.png', 'image/png', PROXY_MAX_BYTES + 1),
      img('vector.svg', 'image/svg+xml'),
      img('notes.txt', 'text/plain'),
      ...Array.from({ length: 8 }, (_, i) => img(`shot-${i}.png`)),
    ];
    const { shown, hidden } = pickThumbnails(files);
    expect(shown.map((f) => f.path)).toEqual(Array.from({ length: MAX_THUMBNAILS }, (_, i) => `shot-${i}.png`));
    expect(hidden).toBe(2 + 8 - MAX_THUMBNAILS);
  });

  it('stays within its character budget, whatever the length of the links', () => {
    const long = 'x'.repeat(4000);
    const files = Array.from({ length: 6 }, (_, i) =>
      img(`s${i}.png`, 'image/png', 10, `https://b.example/s${i}.png?X-Amz-Security-Token=${long}`),
    );
    const { shown, hidden } = pickThumbnails(files);
    expect(shown.length).toBe(1);
    expect(hidden).toBe(5);
    expect(thumbnailsLine(files)!.length).toBeLessThan(THUMBNAIL_CHARS + 200);
  });

  it('skips files whose link is not http(s)', () => {
    expect(pickThumbnails([img('a.png', 'image/png', 10, 'javascript:alert(1)')]).shown).toEqual([]);
  });
});

describe('thumbnailsLine', () => {
  it('links each thumbnail to its full file, with a width, and points to the share page for the rest', () => {
    const files = Array.from({ length: 7 }, (_, i) => img(`shots/s${i}.png`));
    const line = thumbnailsLine(files, 'https://b.s3.amazonaws.com/share.html?sig=1')!;
    const thumbs = [...line.matchAll(/<a href="([^"]+)"><img src="([^"]+)" width="120" alt="([^"]*)"><\/a>/g)];
    expect(thumbs).toHaveLength(6);
    for (const [, href, src] of thumbs) expect(href).toBe(src);
    expect(thumbs[0][1]).toBe('https://b.s3.amazonaws.com/shots/s0.png?X-Amz-Signature=abc&amp;X-Amz-Date=1');
    expect(thumbs[0][3]).toBe('s0.png');
    expect(line).toMatch(/<sub>\+1 more image on the \[share page\]\(https:\/\/b\.s3\.amazonaws\.com\/share\.html\?sig=1\)<\/sub>$/);
  });

  it('has nothing to show without a previewable image', () => {
    expect(thumbnailsLine([img('a.svg', 'image/svg+xml')])).toBeUndefined();
  });

  it('keeps hostile names inside the alt attribute', () => {
    const line = thumbnailsLine([img('dir/"><script>alert(1)<\\script>\u202e.png')])!;
    expect(line).not.toContain('<script>');
    expect(line).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;\\script&gt;\uFFFD.png"');
    expect(attrText(`a'b&c\u0000`)).toBe('a&#39;b&amp;c\uFFFD');
  });
});

describe('outsideSites', () => {
  it("leaves out a site's own images: they are part of its pages", () => {
    const files = [img('coverage/favicon.png'), img('coverage-shots/a.png'), img('shots/b.png'), img('docs/api/logo.png')];
    const paths = (sites: { path: string }[]) => outsideSites(files, sites).map((f) => f.path);
    expect(paths([{ path: 'coverage' }, { path: 'docs/api' }])).toEqual(['coverage-shots/a.png', 'shots/b.png']);
    expect(paths([{ path: '.' }])).toEqual([]);
    expect(paths([])).toHaveLength(4);
  });
});
