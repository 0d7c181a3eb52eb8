import { describe, expect, it } from '@jest/globals';
import { startNestedWorker } from '../../../src/sites/nested-worker.js';
import type { ClientsLike, FetchEventLike } from '../../../src/sites/runtime.js';

const SCOPE = 'https://bucket.example/p/site/.artifact-links/s/AbCdEfGhIjKlMnOpQrStUv/trace/';
const clients: ClientsLike = { claim: async () => undefined, get: async () => undefined, matchAll: async () => [] };
const event = (url: string): FetchEventLike => ({
  request: new Request(url),
  clientId: 'c',
  resultingClientId: '',
  respondWith: () => undefined,
});

/** A service worker script in the shape of Playwright's sw.bundle.js: `self` and `fetch` as globals. */
const SCRIPT = `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
const scopePath = new URL(self.registration.scope).pathname;
self.addEventListener('fetch', (e) => {
  const path = new URL(e.request.url).pathname.slice(scopePath.length - 1);
  if (path === '/contexts') {
    const trace = new URL(e.request.url).searchParams.get('trace');
    e.respondWith(fetch(trace, { headers: { range: 'bytes=0-1' } }).then(async (r) => new Response('read ' + (await r.text()))));
    return;
  }
  if (path === '/ping') e.respondWith(new Response(self.location.href));
  // Anything else: not answered (the site's file, through the site).
});
`;

describe("a site's own service worker, run inside the site's worker", () => {
  it('answers its requests, reading the files it fetches (even from a query string) through the site', async () => {
    const fetched: { url: string; range: string | null }[] = [];
    const siteFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request && !init ? input : new Request(input, init);
      fetched.push({ url: request.url, range: request.headers.get('range') });
      return new Response('zip');
    };
    const worker = startNestedWorker(SCRIPT, `${SCOPE}sw.bundle.js`, SCOPE, clients, siteFetch);
    const trace = 'https://bucket.example/p/site/.artifact-links/s/AbCdEfGhIjKlMnOpQrStUv/data/t.zip';
    const answer = await worker.handle(event(`${SCOPE}contexts?trace=${trace}`));
    expect(await answer?.text()).toBe('read zip');
    expect(fetched).toEqual([{ url: trace, range: 'bytes=0-1' }]);
    expect(await (await worker.handle(event(`${SCOPE}ping`)))?.text()).toBe(`${SCOPE}sw.bundle.js`);
    await expect(worker.handle(event(`${SCOPE}index.html`))).resolves.toBeUndefined();
  });
});
