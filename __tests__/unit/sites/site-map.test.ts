import { describe, expect, it } from '@jest/globals';
import { getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { generateKeyPairSync } from 'node:crypto';
import { createPresigner } from '../../../src/aws/presign.js';
import { renderBootstrapPage, renderWorkerScript } from '../../../src/sites/pages.js';
import { fileLink, siteIndex } from '../../../src/sites/runtime.js';
import { buildSiteMap } from '../../../src/sites/site-map.js';

const SIGNED_AT = new Date('2025-01-02T03:04:05Z');
const EXPIRES = new Date('2025-01-09T03:04:05Z');
const HOSTILE = [`it's "q" <b>.txt`, 'hash#1.txt', 'what?.txt', '100%.txt', 'naïve 日本.txt', '__proto__', 'constructor', 'sub dir/ü.html'];
const PREFIX = 'octo/widgets/pr-7/0123456/build';

function s3Signer(sessionToken?: string) {
  const presign = createPresigner(
    { bucket: 'artifacts-bucket', region: 'eu-west-1', forcePathStyle: false },
    { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret', sessionToken },
    { now: () => SIGNED_AT },
  );
  return (key: string) => presign(key, 604800);
}

const folderUrl = async (sign: (k: string) => Promise<string>, folder: string) =>
  new URL('./', await sign(`${PREFIX}/${folder}.artifact-links-sw.js`)).href;

function expectEveryLinkRebuilt(map: ReturnType<typeof buildSiteMap>, links: { path: string; url: string }[]) {
  const index = siteIndex(map);
  expect(index.files.size).toBe(links.length);
  for (const link of links) expect(fileLink(map, index, link.path)).toBe(link.url);
}

describe('buildSiteMap with SigV4 links', () => {
  it('stores the shared query once and per file only the signature (base64url), and rebuilds every link exactly', async () => {
    const sign = s3Signer('FwoGZXIvYXdzE//token+with/slashes==');
    const paths = ['index.html', 'css/site.css', 'js/a.mjs', ...HOSTILE.map((h) => `odd/${h}`)];
    const links = await Promise.all(paths.map(async (path) => ({ path, url: await sign(`${PREFIX}/site/${path}`) })));
    const map = buildSiteMap(await folderUrl(sign, 'site/'), links, { expiresAt: EXPIRES, title: 'build · site/' });
    expect(map.origin).toBe('https://artifacts-bucket.s3.eu-west-1.amazonaws.com');
    expect(map.base).toBe(`/${PREFIX}/site/`);
    expect(map.query.filter((q) => typeof q !== 'string')).toEqual([['X-Amz-Signature', 1]]);
    expect(map.query.join('&')).toContain('X-Amz-Security-Token=');
    expect(map.urls).toEqual([]);
    for (const [, entries] of map.dirs) for (const entry of entries) expect(entry[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectEveryLinkRebuilt(map, links);
    expect(map.expiresAt).toBe(EXPIRES.getTime());
  });

  it('keeps a link that does not fit the template whole, and still rebuilds it', async () => {
    const sign = s3Signer();
    const links = [
      { path: 'a.html', url: await sign(`${PREFIX}/site/a.html`) },
      { path: 'b.html', url: await sign(`${PREFIX}/site/b.html`) },
      { path: 'c.html', url: `https://elsewhere.example/c.html?X-Amz-Signature=00` },
      { path: 'd.html', url: `${await sign(`${PREFIX}/site/d.html`)}&response-content-type=text%2Fplain` },
    ];
    const map = buildSiteMap(await folderUrl(sign, 'site/'), links, { expiresAt: EXPIRES, title: 't' });
    expect(map.urls.map(([p]) => p)).toEqual(['c.html', 'd.html']);
    expectEveryLinkRebuilt(map, links);
  });

  it('the root of the section can be a site', async () => {
    const sign = s3Signer();
    const links = await Promise.all(['index.html', 'a/b.txt'].map(async (path) => ({ path, url: await sign(`${PREFIX}/${path}`) })));
    const map = buildSiteMap(await folderUrl(sign, ''), links, { expiresAt: EXPIRES, title: 't' });
    expect(map.base).toBe(`/${PREFIX}/`);
    expectEveryLinkRebuilt(map, links);
  });

  it('refuses a folder URL with a query or without its slash', () => {
    expect(() => buildSiteMap('https://h/p/site', [], { expiresAt: EXPIRES, title: 't' })).toThrow(/must end in "\/"/);
    expect(() => buildSiteMap('https://h/p/site/?x=1', [], { expiresAt: EXPIRES, title: 't' })).toThrow(/no query/);
  });
});

describe('buildSiteMap with CloudFront signed URLs', () => {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const sign = (key: string) =>
    getSignedUrl({
      url: `https://d111111abcdef8.cloudfront.net/${key.split('/').map(encodeURIComponent).join('/')}`,
      keyPairId: 'K2JCJMDEHXQW5F',
      privateKey,
      dateLessThan: EXPIRES.toISOString(),
    });

  it('finds the shared Expires and Key-Pair-Id, keeps the per-file Signature, and rebuilds every link', () => {
    const paths = ['index.html', 'css/site.css', 'naïve 日本.txt', 'sub dir/page.html'];
    const links = paths.map((path) => ({ path, url: sign(`${PREFIX}/site/${path}`) }));
    const map = buildSiteMap(new URL('./', sign(`${PREFIX}/site/.artifact-links-sw.js`)).href, links, { expiresAt: EXPIRES, title: 't' });
    expect(map.origin).toBe('https://d111111abcdef8.cloudfront.net');
    expect(map.query).toEqual([`Expires=${EXPIRES.getTime() / 1000}`, 'Key-Pair-Id=K2JCJMDEHXQW5F', ['Signature', 0]]);
    expect(map.urls).toEqual([]);
    expectEveryLinkRebuilt(map, links);
  });
});

describe('size: what a browser fetches to open a 10,000-file site', () => {
  it('stays well under 2 MB (the map, the worker script and the start page)', async () => {
    const sign = s3Signer('IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD' + 'x'.repeat(700));
    const links: { path: string; url: string }[] = [];
    for (let i = 0; i < 10_000; i++) {
      const path = `src/module-${Math.floor(i / 100)}/component-${i % 100}/file-${i}.ts.html`;
      links.push({ path, url: await sign(`${PREFIX}/coverage/lcov-report/${path}`) });
    }
    const folder = await folderUrl(sign, 'coverage/lcov-report/');
    const map = buildSiteMap(folder, links, { expiresAt: EXPIRES, title: 'build · coverage/lcov-report/' });
    const worker = JSON.stringify(map) + renderWorkerScript();
    const bootstrap = renderBootstrapPage({
      worker: await sign('w'),
      map: await sign('m'),
      scope: folder,
      expiresAt: EXPIRES.getTime(),
      title: 't',
    });
    const bytes = Buffer.byteLength(worker) + Buffer.byteLength(bootstrap);
    // Per file: its name and a 43-character signature, not a 1,100-character link.
    expect(bytes).toBeLessThan(1_200_000);
    expect(Buffer.byteLength(links.map((l) => l.url).join('\n'))).toBeGreaterThan(10 * bytes);
  });
});
