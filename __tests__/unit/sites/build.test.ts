import { describe, expect, it } from '@jest/globals';
import { buildSectionSites, type SectionFile } from '../../../src/sites/build.js';
import { textOf } from '../../../src/util/text-buffer.js';

const sign = (key: string) =>
  `https://cdn.example/${key.split('/').map(encodeURIComponent).join('/')}?Expires=1736391845&Signature=${Buffer.from(key).toString('base64url')}&Key-Pair-Id=K1`;
const file = (path: string, contentType = 'text/html; charset=utf-8'): SectionFile => ({
  path,
  display: `out/${path}`,
  size: 10,
  sha256: '0'.repeat(64),
  contentType,
  url: sign(`pre/fix/${path}`),
  viewable: true,
});

describe('buildSectionSites', () => {
  const files = [file('docs/index.html'), file('docs/guide/a b.html'), file('docs/style.css', 'text/css'), file('notes.txt', 'text/plain')];
  const built = buildSectionSites({
    prefix: 'pre/fix',
    files,
    sites: ['docs/'],
    sign,
    expiresAt: new Date('2025-01-09T03:04:05Z'),
    title: 'build',
    sha: 'abc',
    displayFolder: (folder) => `out/${folder}`,
  });

  it('generates a worker in the site folder, a map and start page in its .artifact-links folder and one share page, at reserved keys', () => {
    expect(built.objects.map((o) => [o.key, o.contentType])).toEqual([
      ['pre/fix/docs/.artifact-links-sw.js', 'text/javascript; charset=utf-8'],
      ['pre/fix/docs/.artifact-links/files.json', 'application/json; charset=utf-8'],
      ['pre/fix/docs/.artifact-links/open.html', 'text/html; charset=utf-8'],
      ['pre/fix/.artifact-links/share.html', 'text/html; charset=utf-8'],
    ]);
    expect(built.shareUrl).toBe(sign('pre/fix/.artifact-links/share.html'));
    expect(built.sites).toEqual([{ folder: 'docs/', display: 'out/docs/', url: sign('pre/fix/docs/.artifact-links/open.html'), files: 3 }]);
  });

  it("the map holds the site's files only, relative to its folder", () => {
    const map = JSON.parse(textOf(built.objects[1].body));
    expect(map.base).toBe('/pre/fix/docs/');
    expect(map.dirs.flatMap(([dir, entries]: [string, string[][]]) => entries.map((e) => dir + e[0])).sort()).toEqual([
      'guide/a b.html',
      'index.html',
      'style.css',
    ]);
    expect(map.title).toBe('build · out/docs/');
  });

  it('the start page registers the worker by its link, scoped to the folder', () => {
    const page = textOf(built.objects[2].body);
    const config = JSON.parse(/id="site-config">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '');
    expect(config).toMatchObject({
      worker: sign('pre/fix/docs/.artifact-links-sw.js'),
      map: sign('pre/fix/docs/.artifact-links/files.json'),
      scope: 'https://cdn.example/pre/fix/docs/',
    });
  });

  it("the share page opens a site's HTML pages through the site, everything else by its own link", () => {
    const share = textOf(built.objects[3].body);
    const site = sign('pre/fix/docs/.artifact-links/open.html').replaceAll('&', '&#38;');
    expect(share).toContain(`href="${site}#guide/a%20b.html">Open</a>`);
    expect(share).toContain(`href="${file('docs/style.css').url.replaceAll('&', '&#38;')}">Open</a>`);
    expect(share).toContain('out/notes.txt');
  });

  it('a site folder without any uploaded file gets no site', () => {
    const none = buildSectionSites({
      prefix: 'p',
      files: [file('notes.txt', 'text/plain')],
      sites: ['docs/'],
      sign,
      expiresAt: new Date(),
      title: 't',
      sha: '',
    });
    expect(none.sites).toEqual([]);
    expect(none.objects.map((o) => o.key)).toEqual(['p/.artifact-links/share.html']);
  });
});
