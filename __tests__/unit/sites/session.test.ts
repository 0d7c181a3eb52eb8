import { describe, expect, it } from '@jest/globals';
import type { SiteMap } from '../../../src/sites/runtime.js';
import { acceptMap, isToken, nestedWorkerDir, newSession, sessionOf, sitePathOf } from '../../../src/sites/session.js';
import { openSealedMap, randomToken, sealMap } from '../../../src/sites/seal.js';
import { expiryOfUrl } from '../../../src/sites/worker.js';

const ORIGIN = 'https://bucket.s3.eu-west-1.amazonaws.com';
const SCOPE = `${ORIGIN}/p/site/`;
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const MAP: SiteMap = {
  v: 1,
  origin: ORIGIN,
  base: '/p/site/',
  query: ['X-Amz-Date=20250102T030405Z', ['X-Amz-Signature', 1]],
  dirs: [
    ['', [['index.html', 'q83v']]],
    ['assets/', [['app.js', 'q83v']]],
    [
      'trace/',
      [
        ['index.html', 'q83v'],
        ['sw.bundle.js', 'q83v'],
      ],
    ],
  ],
  urls: [['other.txt', `${SCOPE}other.txt?X-Amz-Signature=ee`]],
  expiresAt: Date.now() + 3600_000,
  title: 'build',
};

describe('sessions', () => {
  it('tokens are 128 random bits in base64url', () => {
    const tokens = new Set(Array.from({ length: 50 }, randomToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) expect(isToken(t)).toBe(true);
    for (const bad of ['', 'short', 'a/b'.repeat(10), '../../../../../../../../x', 42]) expect(isToken(bad)).toBe(false);
  });

  it('a session lives at F/.artifact-links/s/<token>/', () => {
    expect(sessionOf(SCOPE, `${SCOPE}.artifact-links/s/${TOKEN}/docs/a.html`)).toEqual({
      token: TOKEN,
      root: `${SCOPE}.artifact-links/s/${TOKEN}/`,
    });
    expect(sessionOf(SCOPE, `${SCOPE}.artifact-links/s/${TOKEN}`)?.token).toBe(TOKEN);
    expect(sessionOf(SCOPE, `${SCOPE}index.html`)).toBeUndefined();
    expect(sessionOf(SCOPE, `${SCOPE}.artifact-links/s/spa/index.html`)).toBeUndefined();
    expect(sessionOf(SCOPE, `${ORIGIN}/p/other/.artifact-links/s/${TOKEN}/`)).toBeUndefined();
  });

  it("accepts only a map of the worker's own folder: another site's or a forged one is refused", () => {
    expect(acceptMap(SCOPE, MAP)).toBe(MAP);
    expect(acceptMap(SCOPE, { ...MAP, base: '/p/other/' })).toBeUndefined();
    expect(acceptMap(SCOPE, { ...MAP, origin: 'https://evil.example' })).toBeUndefined();
    expect(acceptMap(SCOPE, { ...MAP, urls: [['x', 'https://evil.example/x']] })).toBeUndefined();
    for (const junk of [null, 'x', {}, { ...MAP, v: 2 }, { ...MAP, dirs: 'x' }]) expect(acceptMap(SCOPE, junk)).toBeUndefined();
  });

  it('resolves relative, root-absolute (when the site has the file) and folder URLs to site paths', () => {
    const session = newSession(SCOPE, TOKEN, MAP);
    const root = session.root;
    expect(sitePathOf(session, SCOPE, `${root}assets/app.js?v=1`)).toBe('assets/app.js');
    expect(sitePathOf(session, SCOPE, `${root}odd/a%20b.txt`)).toBe('odd/a b.txt');
    expect(sitePathOf(session, SCOPE, `${ORIGIN}/assets/app.js`)).toBe('assets/app.js');
    expect(sitePathOf(session, SCOPE, `${ORIGIN}/assets`)).toBe('assets');
    expect(sitePathOf(session, SCOPE, `${ORIGIN}/favicon.ico`)).toBeUndefined();
    expect(sitePathOf(session, SCOPE, `https://cdn.example/assets/app.js`)).toBeUndefined();
    expect(sitePathOf(session, SCOPE, `${SCOPE}assets/app.js`)).toBe('assets/app.js');
    // Another session of the folder is not this one's.
    expect(sitePathOf(session, SCOPE, `${SCOPE}.artifact-links/s/${'x'.repeat(22)}/index.html`)).toBeUndefined();
    expect(sitePathOf(session, SCOPE, `${root}%E0%A4%A`)).toBeUndefined();
  });

  it("finds the folders whose own service worker the site's worker runs (Playwright's trace viewer)", () => {
    const session = newSession(SCOPE, TOKEN, MAP);
    expect(session.nested).toEqual(['trace/']);
    expect(nestedWorkerDir(session, 'trace/contexts')).toBe('trace/');
    expect(nestedWorkerDir(session, 'index.html')).toBeUndefined();
  });
});

describe('the map kept for a stopped worker: encrypted with the token', () => {
  it('opens with its token only', async () => {
    const { id, body } = await sealMap(TOKEN, MAP);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(body).toString('latin1')).not.toContain('X-Amz');
    await expect(openSealedMap(TOKEN, body)).resolves.toEqual(MAP);
    await expect(openSealedMap('B'.repeat(22), body)).rejects.toThrow();
    const changed = body.slice();
    changed[20] ^= 1;
    await expect(openSealedMap(TOKEN, changed)).rejects.toThrow();
    expect((await sealMap('B'.repeat(22), MAP)).id).not.toBe(id);
  });
});

describe('expiryOfUrl: when a signed link stops working, from its own query', () => {
  it('reads SigV4 and CloudFront links', () => {
    expect(expiryOfUrl(`${SCOPE}x?X-Amz-Date=20250102T030405Z&X-Amz-Expires=60&X-Amz-Signature=1`)).toBe(
      Date.parse('2025-01-02T03:05:05Z'),
    );
    expect(expiryOfUrl(`${SCOPE}x?Expires=1735787045&Signature=a`)).toBe(1735787045000);
    expect(expiryOfUrl(`${SCOPE}x`)).toBeUndefined();
  });
});
