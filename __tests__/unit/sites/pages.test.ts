/**
 * The generated worker script and bootstrap page as text: strict CSP that matches the inline script,
 * configuration that cannot break out of its data block, and a worker script that runs on its own
 * (evaluated in a fresh V8 context with only browser-like globals, a recorded fetch standing in for S3).
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import vm from 'node:vm';
import { cspHash, renderBootstrapPage, renderWorkerScript } from '../../../src/sites/pages.js';
import type { SiteMap } from '../../../src/sites/runtime.js';

const MAP: SiteMap = {
  v: 1,
  origin: 'https://bucket.s3.eu-west-1.amazonaws.com',
  base: '/p/site/',
  query: ['X-Amz-Date=20250102T030405Z', ['X-Amz-Signature', 1], 'x-id=GetObject'],
  dirs: [
    ['', [['index.html', Buffer.from('ab'.repeat(32), 'hex').toString('base64url')]]],
    ['odd/', [['</script><script>alert(1)</script>.html', Buffer.from('cd'.repeat(32), 'hex').toString('base64url')]]],
  ],
  urls: [['other.txt', 'https://bucket.s3.eu-west-1.amazonaws.com/p/site/other.txt?X-Amz-Signature=ee']],
  expiresAt: Date.now() + 3600_000,
  title: '</script><b>build</b>',
};

type Listener = (event: unknown) => void;
const SCOPE = `${MAP.origin}${MAP.base}`;
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const ROOT = `${SCOPE}.artifact-links/s/${TOKEN}/`;

/** Runs the worker script with a minimal service-worker scope; returns how it answers messages and requests. */
function startWorker(script: string, answers: (url: string, init: RequestInit | undefined) => Response) {
  const listeners = new Map<string, Listener>();
  const fetched: { url: string; headers: Record<string, string> }[] = [];
  const stored = new Map<string, Response>();
  const open: { id: string; url: string }[] = [];
  const self = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => undefined,
    clients: {
      claim: async () => undefined,
      get: async (id: string) => open.find((c) => c.id === id),
      matchAll: async () => open,
    },
    registration: { scope: SCOPE },
    caches: {
      open: async () => ({
        put: async (key: string, response: Response) => void stored.set(key, response),
        match: async (key: string) => stored.get(key)?.clone(),
        keys: async () => [...stored.keys()].map((url) => ({ url })),
        delete: async (key: string) => stored.delete(key),
      }),
    },
  };
  const fetch = async (input: string, init?: RequestInit) => {
    fetched.push({ url: input, headers: { ...(init?.headers as Record<string, string>) } });
    return answers(input, init);
  };
  vm.runInNewContext(script, {
    self,
    fetch,
    Response,
    Request,
    Headers,
    URL,
    atob,
    btoa,
    Date,
    Promise,
    crypto,
    TextEncoder,
    TextDecoder,
    Uint8Array,
  });
  return {
    listeners,
    fetched,
    stored,
    open,
    /** Posts what a start page posts; resolves with the worker's reply. */
    async message(data: unknown): Promise<unknown> {
      let reply: unknown;
      let done: Promise<unknown> = Promise.resolve();
      listeners.get('message')?.({
        data,
        ports: [{ postMessage: (m: unknown) => (reply = m) }],
        waitUntil: (p: Promise<unknown>) => (done = p),
      });
      await done;
      return reply;
    },
    async request(
      url: string,
      o: { mode?: string; headers?: Record<string, string>; method?: string; clientId?: string; resultingClientId?: string } = {},
    ): Promise<Response | undefined> {
      let answer: Promise<Response> | undefined;
      listeners.get('fetch')?.({
        request: { url, method: o.method ?? 'GET', mode: o.mode ?? 'cors', headers: new Headers(o.headers ?? {}) },
        clientId: o.clientId ?? '',
        resultingClientId: o.resultingClientId ?? '',
        respondWith: (r: Promise<Response>) => (answer = r),
      });
      return answer;
    },
  };
}

/** A worker with a session opened, its first page open (client `page`). */
async function openedWorker(map: SiteMap, answers: (url: string, init: RequestInit | undefined) => Response) {
  const worker = startWorker(renderWorkerScript(), answers);
  expect(await worker.message({ type: 'open', token: TOKEN, map })).toEqual({ ok: true });
  worker.open.push({ id: 'page', url: ROOT });
  return worker;
}

describe('the worker script', () => {
  const script = renderWorkerScript();

  it('holds no raw </script>, no link and no site of its own, and parses', () => {
    expect(script).not.toContain('</script>');
    expect(script).not.toMatch(/X-Amz-Signature=|amazonaws/);
    expect(() => new vm.Script(script)).not.toThrow();
  });

  it("takes a session's map from the start page, and answers a file of the session from that file's link, Range passed, Content-Disposition dropped", async () => {
    const worker = await openedWorker(
      MAP,
      () =>
        new Response('part', {
          status: 206,
          headers: {
            'content-type': 'text/html',
            'content-disposition': 'attachment; filename="index.html"',
            'content-range': 'bytes 0-3/10',
          },
        }),
    );
    expect([...worker.listeners.keys()].sort()).toEqual(['activate', 'fetch', 'install', 'message']);
    // Kept for a restarted worker: encrypted, under a name that is not the token.
    expect([...worker.stored.keys()]).toEqual([expect.stringMatching(/\/p\/site\/\.artifact-links\/session\/[0-9a-f]{32}$/)]);
    expect(await worker.stored.values().next().value?.clone().text()).not.toContain('X-Amz');
    const response = await worker.request(ROOT, { headers: { range: 'bytes=0-3' }, clientId: 'page' });
    expect(worker.fetched).toEqual([
      {
        url: `${MAP.origin}/p/site/index.html?X-Amz-Date=20250102T030405Z&X-Amz-Signature=${'ab'.repeat(32)}&x-id=GetObject`,
        headers: { range: 'bytes=0-3' },
      },
    ]);
    expect(response?.status).toBe(206);
    expect(response?.headers.get('content-disposition')).toBeNull();
    expect(response?.headers.get('content-range')).toBe('bytes 0-3/10');
    expect(await response?.text()).toBe('part');
  });

  it('keeps the newest 20 sessions of its folder, and none whose links have expired', async () => {
    const worker = startWorker(renderWorkerScript(), () => new Response('x'));
    const token = (i: number) => `T${String(i).padStart(21, '0')}`;
    expect(await worker.message({ type: 'open', token: token(0), map: { ...MAP, expiresAt: Date.now() - 1 } })).toEqual({ ok: true });
    for (let i = 1; i <= 5; i++) await worker.message({ type: 'open', token: token(i), map: MAP });
    expect(worker.stored.size).toBe(5);
    for (let i = 6; i <= 22; i++) await worker.message({ type: 'open', token: token(i), map: MAP });
    expect(worker.stored.size).toBe(20);
  });

  it("refuses a map of another folder, and serves nothing to a page it did not open or without the session's token", async () => {
    const worker = await openedWorker(MAP, () => new Response('secret'));
    expect(await worker.message({ type: 'open', token: 'B'.repeat(22), map: { ...MAP, base: '/p/other/' } })).toEqual({ ok: false });
    const framed = await worker.request(`${SCOPE}index.html`, { mode: 'navigate', resultingClientId: 'frame' });
    expect(framed?.status).toBe(403);
    expect(await framed?.text()).toContain('Open the site from its link');
    const guessed = await worker.request(`${SCOPE}.artifact-links/s/${'C'.repeat(22)}/index.html`, { mode: 'navigate' });
    expect(guessed?.status).toBe(403);
    worker.open.push({ id: 'stranger', url: `${SCOPE}index.html` });
    const sub = await worker.request(`${SCOPE}index.html`, { clientId: 'stranger' });
    expect(sub?.status).toBe(403);
    expect(worker.fetched).toEqual([]);
  });

  it('leaves other origins and signed requests (the start page loading its map) to the network', async () => {
    const worker = await openedWorker(MAP, () => new Response('x'));
    expect(await worker.request('https://cdn.example/lib.js', { clientId: 'stranger' })).toBeUndefined();
    expect(await worker.request(`${SCOPE}.artifact-links/files.json?X-Amz-Signature=00`)).toBeUndefined();
    expect(worker.fetched).toEqual([]);
  });

  it('serves a root-absolute request of its page from the site when the site has the file', async () => {
    const worker = await openedWorker(MAP, (url) => new Response(url));
    const response = await worker.request(`${MAP.origin}/index.html`, { clientId: 'page' });
    expect(await response?.text()).toContain('/p/site/index.html?X-Amz-Date=');
  });

  it("turns S3's expiry answer into a page that says what to do, never XML", async () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    const worker = await openedWorker(MAP, () => new Response(xml, { status: 403, headers: { 'content-type': 'application/xml' } }));
    const page = await worker.request(`${ROOT}index.html`, { mode: 'navigate' });
    expect(page?.status).toBe(410);
    const html = await page?.text();
    expect(html).toContain('These artifact links have expired');
    expect(html).not.toContain('<Error>');
    expect(html).not.toContain('<b>build</b>');
    const sub = await worker.request(`${ROOT}index.html`, { clientId: 'page' });
    expect(sub?.status).toBe(410);
    expect(await sub?.text()).toMatch(/^The artifact links expired at /);
  });

  it('once the known expiry has passed, answers without asking the store', async () => {
    const worker = await openedWorker({ ...MAP, expiresAt: Date.now() - 1000 }, () => new Response('x'));
    const page = await worker.request(ROOT, { mode: 'navigate' });
    expect(page?.status).toBe(410);
    expect(worker.fetched).toEqual([]);
  });

  it('a removed object (cleanup) is explained, not shown as S3 XML', async () => {
    const worker = await openedWorker(MAP, () => new Response('<Error><Code>NoSuchKey</Code></Error>', { status: 404 }));
    const page = await worker.request(`${ROOT}other.txt`, { mode: 'navigate' });
    expect(worker.fetched.map((f) => f.url)).toEqual([MAP.urls[0][1]]);
    expect(page?.status).toBe(404);
    expect(await page?.text()).toContain('no longer in the bucket');
  });
});

describe('the bootstrap page', () => {
  const config = {
    worker: `${MAP.origin}/p/site/.artifact-links-sw.js?X-Amz-Signature=1&a=b`,
    map: `${MAP.origin}/p/site/.artifact-links-files.json?X-Amz-Signature=2`,
    scope: `${MAP.origin}/p/site/`,
    expiresAt: MAP.expiresAt,
    title: '</script><script>alert(1)</script>',
    runUrl: 'https://github.com/o/r/actions/runs/1',
  };
  const html = renderBootstrapPage(config);

  it('has one inline script, pinned by its hash in a strict CSP', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replaceAll('&#39;', "'");
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]).digest('base64')}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("worker-src 'self'");
    expect(cspHash('x')).toBe(`'sha256-${createHash('sha256').update('x').digest('base64')}'`);
  });

  it('keeps hostile text inert: escaped in HTML, and the configuration cannot leave its data block', () => {
    expect(html).not.toContain('<script>alert(1)');
    const block = /<script type="application\/json" id="site-config">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(block)).toEqual(config);
    expect(html).toContain('<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;</title>');
  });
});
