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

/** Runs the worker script with a minimal service-worker scope; returns how it answers requests. */
function startWorker(script: string, answers: (url: string, init: RequestInit | undefined) => Response) {
  const listeners = new Map<string, Listener>();
  const fetched: { url: string; headers: Record<string, string> }[] = [];
  const self = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  const fetch = async (input: string, init?: RequestInit) => {
    fetched.push({ url: input, headers: { ...(init?.headers as Record<string, string>) } });
    return answers(input, init);
  };
  vm.runInNewContext(script, { self, fetch, Response, Headers, URL, atob, Date, Promise });
  return {
    listeners,
    fetched,
    async request(
      url: string,
      o: { mode?: string; headers?: Record<string, string>; method?: string } = {},
    ): Promise<Response | undefined> {
      let answer: Promise<Response> | undefined;
      listeners.get('fetch')?.({
        request: { url, method: o.method ?? 'GET', mode: o.mode ?? 'cors', headers: new Headers(o.headers ?? {}) },
        respondWith: (r: Promise<Response>) => (answer = r),
      });
      return answer;
    },
  };
}

describe('the worker script', () => {
  const script = renderWorkerScript(MAP);

  it('holds no raw </script> and parses', () => {
    expect(script).not.toContain('</script>');
    expect(() => new vm.Script(script)).not.toThrow();
  });

  it("installs, takes over at once, and answers a file of its folder from that file's link, Range passed, Content-Disposition dropped", async () => {
    const worker = startWorker(
      script,
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
    expect([...worker.listeners.keys()].sort()).toEqual(['activate', 'fetch', 'install']);
    const response = await worker.request(`${MAP.origin}/p/site/`, { headers: { range: 'bytes=0-3' } });
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

  it('leaves requests outside its folder, and signed subresource requests, to the network', async () => {
    const worker = startWorker(script, () => new Response('x'));
    expect(await worker.request(`${MAP.origin}/p/other/index.html`)).toBeUndefined();
    expect(await worker.request(`${MAP.origin}/p/site/index.html?X-Amz-Signature=00`)).toBeUndefined();
    expect(worker.fetched).toEqual([]);
  });

  it("turns S3's expiry answer into a page that says what to do, never XML", async () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    const worker = startWorker(script, () => new Response(xml, { status: 403, headers: { 'content-type': 'application/xml' } }));
    const page = await worker.request(`${MAP.origin}/p/site/index.html`, { mode: 'navigate' });
    expect(page?.status).toBe(410);
    const html = await page?.text();
    expect(html).toContain('These artifact links have expired');
    expect(html).not.toContain('<Error>');
    expect(html).not.toContain('<b>build</b>');
    const sub = await worker.request(`${MAP.origin}/p/site/index.html`);
    expect(sub?.status).toBe(410);
    expect(await sub?.text()).toMatch(/^The artifact links expired at /);
  });

  it('once the known expiry has passed, answers without asking the store', async () => {
    const worker = startWorker(renderWorkerScript({ ...MAP, expiresAt: Date.now() - 1000 }), () => new Response('x'));
    const page = await worker.request(`${MAP.origin}/p/site/`, { mode: 'navigate' });
    expect(page?.status).toBe(410);
    expect(worker.fetched).toEqual([]);
  });

  it('a removed object (cleanup) is explained, not shown as S3 XML', async () => {
    const worker = startWorker(script, () => new Response('<Error><Code>NoSuchKey</Code></Error>', { status: 404 }));
    const page = await worker.request(`${MAP.origin}/p/site/other.txt`, { mode: 'navigate' });
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
