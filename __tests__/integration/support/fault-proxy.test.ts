/**
 * Tests of the fault-injecting proxy itself: it forwards byte for byte, its faults look to a plain
 * HTTP client like the real thing, they replay from a seed, and the S3 client's signatures survive it.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ServiceException } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server, type LocalS3 } from '../../../scripts/lib/s3-server.mjs';
import { startFaultProxy, type FaultLogEntry, type FaultProxy, type FaultProxyOptions } from '../../support/fault-proxy.js';

const MiB = 1024 * 1024;
const BIG = randomBytes(5 * MiB);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// ───────────── a tiny upstream: records what it received, echoes bodies, serves a big file ─────────────

interface Seen {
  method: string;
  url: string;
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  bytes: number;
  sha256: string;
}

interface Upstream {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

async function startUpstream(): Promise<Upstream> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      seen.push({
        method: req.method ?? '',
        url,
        rawHeaders: req.rawHeaders,
        headers: req.headers,
        bytes: body.length,
        sha256: sha256(body),
      });
      if (url.startsWith('/big')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': BIG.length });
        res.end(BIG);
      } else if (url.startsWith('/chunked')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }); // no length: chunked
        for (let i = 0; i < BIG.length; i += 256 * 1024) res.write(BIG.subarray(i, i + 256 * 1024));
        res.end();
      } else if (url.startsWith('/empty')) {
        res.writeHead(204);
        res.end();
      } else {
        res.writeHead(201, 'Made It', [
          'Content-Type',
          'application/octet-stream',
          'X-Upstream',
          'yes',
          'Set-Cookie',
          'a=1',
          'Set-Cookie',
          'b=2',
          'X-Received-Sha256',
          sha256(body),
        ]);
        res.end(body);
      }
    });
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ───────────── a plain node:http client that reports what a caller would see ─────────────

interface Outcome {
  status?: number;
  statusMessage?: string;
  headers?: IncomingHttpHeaders;
  body: Buffer;
  /** Error code of the request or of the response stream (ECONNRESET, EPIPE, …). */
  error?: string;
  ms: number;
}

interface Send {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: Buffer;
  /** Stream the body in 64 KiB writes without a content-length (chunked transfer encoding). */
  chunked?: boolean;
  timeoutMs?: number;
}

function send(base: string, path: string, { method = 'GET', headers = {}, body, chunked = false, timeoutMs }: Send = {}): Promise<Outcome> {
  const start = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let statusMessage: string | undefined;
    let resHeaders: IncomingHttpHeaders | undefined;
    let done = false;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      resolve({ status, statusMessage, headers: resHeaders, body: Buffer.concat(chunks), error, ms: performance.now() - start });
    };
    const allHeaders = { ...headers };
    if (body && !chunked) allHeaders['content-length'] = String(body.length);
    const req = request(`${base}${path}`, { method, headers: allHeaders, agent: false, timeout: timeoutMs });
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    req.on('response', (res) => {
      status = res.statusCode;
      statusMessage = res.statusMessage;
      resHeaders = res.headers;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
      res.on('end', () => finish(res.complete ? undefined : 'INCOMPLETE'));
    });
    if (!body) return void req.end();
    if (!chunked) return void req.end(body);
    // Stream in pieces, honouring backpressure, as an uploader does.
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, (offset += 64 * 1024));
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

let upstream: Upstream;
const proxies: FaultProxy[] = [];

async function proxy(options: Partial<Extract<FaultProxyOptions, { upstream: string }>> = {}): Promise<FaultProxy> {
  const p = await startFaultProxy({ upstream: upstream.url, style: 's3', ...options });
  proxies.push(p);
  return p;
}

beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await upstream.close();
});

describe('forwarding', () => {
  it('streams a 5 MiB chunked PUT and its echo byte for byte', async () => {
    const p = await proxy();
    const out = await send(p.url, '/bucket/key?x-id=PutObject', { method: 'PUT', body: BIG, chunked: true });
    expect(out.error).toBeUndefined();
    const seen = upstream.seen.at(-1)!;
    expect(seen).toMatchObject({ method: 'PUT', url: '/bucket/key?x-id=PutObject', bytes: BIG.length, sha256: sha256(BIG) });
    expect(seen.headers['transfer-encoding']).toBe('chunked');
    expect(out.body.length).toBe(BIG.length);
    expect(sha256(out.body)).toBe(sha256(BIG));
    expect(p.stats).toMatchObject({ total: 1, forwarded: 1 });
  });

  it('forwards a PUT with content-length, and 5 MiB downloads (sized and chunked)', async () => {
    const p = await proxy();
    const put = await send(p.url, '/sized', { method: 'PUT', body: BIG });
    expect(upstream.seen.at(-1)).toMatchObject({ bytes: BIG.length, sha256: sha256(BIG) });
    expect(upstream.seen.at(-1)!.headers['content-length']).toBe(String(BIG.length));
    expect(sha256(put.body)).toBe(sha256(BIG));
    for (const path of ['/big', '/chunked']) {
      const get = await send(p.url, path);
      expect(get.error).toBeUndefined();
      expect(sha256(get.body)).toBe(sha256(BIG));
    }
  });

  it('keeps the Host header, other headers (case, repeats), status and status text', async () => {
    const p = await proxy();
    const body = Buffer.from('hello');
    const out = await send(p.url, '/echo?a=1&b=%2F', {
      method: 'POST',
      headers: { 'X-Custom': 'Value', 'X-Multi': ['one', 'two'], Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250101' },
      body,
    });
    const seen = upstream.seen.at(-1)!;
    expect(seen.url).toBe('/echo?a=1&b=%2F');
    expect(seen.headers.host).toBe(new URL(p.url).host); // what the client signed, not the upstream's
    expect(seen.rawHeaders).toEqual(expect.arrayContaining(['X-Custom', 'Value']));
    expect(seen.headers['x-multi']).toBe('one, two');
    expect(seen.headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKID/20250101');
    expect(out).toMatchObject({ status: 201, statusMessage: 'Made It', body });
    expect(out.headers).toMatchObject({ 'x-upstream': 'yes', 'set-cookie': ['a=1', 'b=2'], 'x-received-sha256': sha256(body) });
  });

  it('answers 502 when the upstream is down', async () => {
    const p = await startFaultProxy({ upstream: 'http://127.0.0.1:1', style: 's3' });
    proxies.push(p);
    expect((await send(p.url, '/x')).status).toBe(502);
  });
});

describe('corrupt', () => {
  const flipped = (bytes: Buffer, at: number) => {
    const copy = Buffer.from(bytes);
    copy[at] ^= 0xff;
    return copy;
  };

  it.each([
    ['with content-length', false],
    ['chunked, across 64 KiB writes', true],
  ])('flips exactly the byte at the offset (%s), past the first MiB of a 3 MiB PUT', async (_label, chunked) => {
    const body = BIG.subarray(0, 3 * MiB);
    const at = MiB + 12_345;
    const p = await proxy({ corrupt: (r) => (r.method === 'PUT' ? at : undefined) });
    const out = await send(p.url, '/bucket/three-mib', { method: 'PUT', body, chunked });
    expect(out.error).toBeUndefined();
    const seen = upstream.seen.at(-1)!;
    expect(seen.bytes).toBe(body.length);
    expect(seen.sha256).not.toBe(sha256(body));
    expect(seen.sha256).toBe(sha256(flipped(body, at)));
    expect(p.log).toEqual([{ method: 'PUT', path: '/bucket/three-mib', fault: 'corrupt', corruptedAt: at }]);
  });

  it('leaves other requests, and a body shorter than the offset, intact', async () => {
    const p = await proxy({ corrupt: (r) => (r.path.includes('partNumber=2') ? 5 * MiB : undefined) });
    await send(p.url, '/k?partNumber=1&uploadId=u', { method: 'PUT', body: BIG });
    expect(upstream.seen.at(-1)!.sha256).toBe(sha256(BIG));
    await send(p.url, '/k?partNumber=2&uploadId=u', { method: 'PUT', body: BIG.subarray(0, MiB) });
    expect(upstream.seen.at(-1)!.sha256).toBe(sha256(BIG.subarray(0, MiB)));
    expect(p.log.map((e) => [e.fault, e.corruptedAt])).toEqual([
      [undefined, undefined],
      ['corrupt', undefined],
    ]);
  });
});

describe('fault selection', () => {
  async function sequence(seed: number): Promise<FaultLogEntry['fault'][]> {
    const p = await proxy({ seed, faultRate: 0.5, faults: ['500', '503'] });
    for (let i = 0; i < 30; i++) await fetch(`${p.url}/item/${i}`).then((r) => r.arrayBuffer());
    await p.close();
    return p.log.map((entry) => entry.fault);
  }

  it('replays the same faults for the same seed', async () => {
    const first = await sequence(42);
    expect(await sequence(42)).toEqual(first);
    expect(await sequence(43)).not.toEqual(first);
    expect(first).toEqual(expect.arrayContaining(['500', '503', undefined]));
  });

  it('exposes a random seed when none is given', async () => {
    const p = await proxy();
    expect(Number.isInteger(p.seed)).toBe(true);
  });

  it('faults only requests that `match`, and setFaultRate switches faults on and off', async () => {
    const p = await proxy({ faultRate: 1, faults: ['503'], match: (r) => r.method === 'PUT' });
    expect((await send(p.url, '/a')).status).toBe(201);
    expect((await send(p.url, '/a', { method: 'PUT', body: Buffer.from('x') })).status).toBe(503);
    p.setFaultRate(0);
    expect((await send(p.url, '/a', { method: 'PUT', body: Buffer.from('x') })).status).toBe(201);
    expect(() => p.setFaultRate(1.5)).toThrow(RangeError);
    expect(p.log).toEqual([
      { method: 'GET', path: '/a' },
      { method: 'PUT', path: '/a', fault: '503' },
      { method: 'PUT', path: '/a' },
    ]);
  });

  it('maxConsecutiveFaultsPerRoute bounds the failures in a row on each route', async () => {
    const p = await proxy({ faultRate: 1, faults: ['503'], maxConsecutiveFaultsPerRoute: 2 });
    const statuses: Record<string, number[]> = { '/a': [], '/b?q=1': [] };
    for (let i = 0; i < 6; i++) {
      for (const path of Object.keys(statuses)) statuses[path].push((await send(p.url, path)).status!);
    }
    expect(statuses['/a']).toEqual([503, 503, 201, 503, 503, 201]);
    expect(statuses['/b?q=1']).toEqual([503, 503, 201, 503, 503, 201]);
    expect(p.stats).toMatchObject({ total: 12, forwarded: 4, faulted: { '503': 8 } });
  });
});

describe('each fault, as a client sees it', () => {
  it('503 (s3 style): SlowDown XML, and the upstream never sees the request', async () => {
    const p = await proxy({ faultRate: 1, faults: ['503'] });
    const before = upstream.seen.length;
    const res = await fetch(`${p.url}/bucket/key`, { method: 'PUT', body: 'data' });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(await res.text()).toContain('<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>');
    expect(upstream.seen.length).toBe(before);
  });

  it('500 (s3 style): InternalError XML; (github style): JSON message', async () => {
    const s3 = await proxy({ faultRate: 1, faults: ['500'] });
    const xml = await fetch(`${s3.url}/k`);
    expect(xml.status).toBe(500);
    expect(await xml.text()).toContain('<Code>InternalError</Code>');
    const gh = await proxy({ style: 'github', faultRate: 1, faults: ['500', '503'], seed: 1 });
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${gh.url}/repos/o/r/issues/1/comments`, { method: 'POST', body: '{"body":"x"}' });
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual({ message: res.status === 500 ? 'Server Error' : 'Service Unavailable' });
    }
  });

  it('reset-request: the connection drops (ECONNRESET) and the upstream never sees the request', async () => {
    const p = await proxy({ faultRate: 1, faults: ['reset-request'] });
    const before = upstream.seen.length;
    expect((await send(p.url, '/get')).error).toBe('ECONNRESET');
    // Mid-upload: a few bytes are read, then the socket is destroyed while the client is still writing.
    const put = await send(p.url, '/put', { method: 'PUT', body: BIG, chunked: true });
    expect(['ECONNRESET', 'EPIPE']).toContain(put.error);
    expect(put.status).toBeUndefined();
    expect(await fetch(`${p.url}/fetch`).catch((e: Error) => e.message)).toBe('fetch failed');
    expect(upstream.seen.length).toBe(before);
    expect(p.stats.faulted['reset-request']).toBe(3);
  });

  it('reset-response: the upstream got the whole request, the client gets headers and part of the body', async () => {
    const p = await proxy({ faultRate: 1, faults: ['reset-response'] });
    const big = await send(p.url, '/big');
    expect(big.status).toBe(200);
    expect(big.headers!['content-length']).toBe(String(BIG.length));
    expect(big.error).toBe('ECONNRESET'); // "aborted"
    expect(big.body.length).toBeGreaterThan(0);
    expect(big.body.length).toBeLessThan(BIG.length);

    const chunked = await send(p.url, '/chunked');
    expect(chunked.status).toBe(200);
    expect(chunked.error).toBe('ECONNRESET');
    expect(chunked.body.length).toBeLessThan(BIG.length);

    // A response without a body cannot be cut after its headers: the client sees no response at all,
    // yet the upstream has acted (here: received all 5 MiB).
    const put = await send(p.url, '/empty', { method: 'PUT', body: BIG });
    expect(put).toMatchObject({ status: undefined, error: 'ECONNRESET' });
    expect(upstream.seen.at(-1)).toMatchObject({ method: 'PUT', url: '/empty', sha256: sha256(BIG) });
    expect(p.stats).toMatchObject({ forwarded: 3, faulted: { 'reset-response': 3 } });
  });

  it('delay: holds the request delayMs, then forwards it', async () => {
    const DELAY = 300;
    const p = await proxy({ faultRate: 1, faults: ['delay'], delayMs: DELAY });
    const out = await send(p.url, '/slow', { method: 'PUT', body: Buffer.from('late') });
    expect(out).toMatchObject({ status: 201, body: Buffer.from('late') });
    expect(out.ms).toBeGreaterThanOrEqual(DELAY - 1); // timers may round down by under 1 ms
    expect(p.stats).toMatchObject({ forwarded: 1, faulted: { delay: 1 } });
  });
});

describe('blackhole', () => {
  it('accepts connections and never answers: only the client timeout ends the request', async () => {
    const hole = await startFaultProxy({ mode: 'blackhole' });
    proxies.push(hole);
    const viaHttp = await send(hole.url, '/x', { method: 'PUT', body: Buffer.alloc(MiB), timeoutMs: 200 });
    expect(viaHttp.error).toBe('CLIENT_TIMEOUT');
    expect(viaHttp.ms).toBeGreaterThanOrEqual(199);
    expect(viaHttp.ms).toBeLessThan(2000);

    const viaFetch = await fetch(hole.url, { signal: AbortSignal.timeout(200) }).catch((e: Error) => e);
    expect((viaFetch as Error).name).toBe('TimeoutError');
    expect(hole.stats.connections).toBe(2);
  });

  describe('the S3 client', () => {
    let hole: FaultProxy;
    beforeAll(async () => {
      hole = await startFaultProxy({ mode: 'blackhole' });
      proxies.push(hole);
    });
    const head = (handler: ConstructorParameters<typeof NodeHttpHandler>[0], abortSignal?: AbortSignal) => {
      const client = new S3Client({
        endpoint: hole.url,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
        maxAttempts: 1,
        requestHandler: new NodeHttpHandler({ ...handler, logger: { debug() {}, info() {}, warn() {}, error() {} } }),
      });
      const start = performance.now();
      return client
        .send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }), { abortSignal })
        .then(
          () => ({ name: 'resolved', ms: performance.now() - start }),
          (e: Error) => ({ name: e.name, ms: performance.now() - start }),
        )
        .finally(() => client.destroy());
    };

    it.each([
      ['socketTimeout (idle)', { socketTimeout: 300 }],
      ['requestTimeout with throwOnRequestTimeout', { requestTimeout: 300, throwOnRequestTimeout: true }],
    ])('%s bounds the call', async (_, handler) => {
      const outcome = await head(handler);
      expect(outcome.name).toBe('TimeoutError');
      expect(outcome.ms).toBeLessThan(3000);
    });

    it('connectionTimeout and requestTimeout alone do not (@smithy/node-http-handler 4.x only warns)', async () => {
      const abort = new AbortController();
      const outcome = head({ connectionTimeout: 200, requestTimeout: 300 }, abort.signal);
      const first = await Promise.race([outcome, new Promise((r) => setTimeout(() => r('still pending'), 1000))]);
      abort.abort();
      expect(first).toBe('still pending');
      expect((await outcome).name).toBe('AbortError');
    });
  });
});

describe('close()', () => {
  const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;

  it('destroys every socket and timer, even with requests hanging', async () => {
    const baseline = tcpHandles();
    const setTimer = jest.spyOn(globalThis, 'setTimeout');
    const clearTimer = jest.spyOn(globalThis, 'clearTimeout');
    const up = await startUpstream();
    const slow = await startFaultProxy({ upstream: up.url, style: 's3', faultRate: 1, faults: ['delay'], delayMs: 60_000 });
    const hole = await startFaultProxy({ mode: 'blackhole' });
    const fine = await startFaultProxy({ upstream: up.url, style: 's3' });
    await fetch(`${fine.url}/warm`).then((r) => r.arrayBuffer()); // leaves keep-alive sockets behind
    const hanging = [send(slow.url, '/held'), send(hole.url, '/held'), send(fine.url, '/held-upload', { method: 'PUT', body: BIG })];
    await new Promise((r) => setTimeout(r, 100));
    expect(tcpHandles()).toBeGreaterThan(baseline + 4);

    await Promise.all([slow.close(), hole.close(), fine.close()]);
    await up.close();
    const outcomes = await Promise.all(hanging);
    expect(outcomes[0].error).toBe('ECONNRESET');
    expect(outcomes[1].error).toBe('ECONNRESET');
    for (let i = 0; i < 50 && tcpHandles() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
    expect(tcpHandles()).toBeLessThanOrEqual(baseline);
    // The 60 s delay was cleared (other timers in the process make counting them unreliable).
    const held = setTimer.mock.calls.findIndex((call) => call[1] === 60_000);
    expect(held).toBeGreaterThanOrEqual(0);
    expect(clearTimer.mock.calls.some(([timer]) => timer === setTimer.mock.results[held].value)).toBe(true);
    setTimer.mockRestore();
    clearTimer.mockRestore();
  });
});

describe('with the S3 client against the local S3 server', () => {
  const BUCKET = 'artifacts';
  let s3: LocalS3;
  const clients: S3Client[] = [];
  const clientFor = (endpoint: string, maxAttempts = 3) => {
    const c = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      maxAttempts,
    });
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    s3 = await startS3Server({ buckets: [BUCKET] });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await s3?.stop();
  });

  it('PutObject through the proxy keeps a valid signature (5 MiB, Expect: 100-continue)', async () => {
    const p = await startFaultProxy({ upstream: s3.endpoint, style: 's3', faultRate: 0 });
    proxies.push(p);
    const client = clientFor(p.url);
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'through/proxy.bin', Body: BIG }));
    const got = await clientFor(s3.endpoint).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'through/proxy.bin' }));
    expect(sha256(Buffer.from(await got.Body!.transformToByteArray()))).toBe(sha256(BIG));
    expect(s3.requests.at(-2)).toMatchObject({ method: 'PUT', url: `/${BUCKET}/through/proxy.bin?x-id=PutObject`, status: 200 });
  });

  it('a 503 fault surfaces as SlowDown with httpStatusCode 503 (maxAttempts 1); retries get through', async () => {
    const p = await startFaultProxy({ upstream: s3.endpoint, style: 's3', faultRate: 1, faults: ['503'], maxConsecutiveFaultsPerRoute: 2 });
    proxies.push(p);
    const before = s3.requests.length;
    const error = (await clientFor(p.url, 1)
      .send(new PutObjectCommand({ Bucket: BUCKET, Key: 'slow.txt', Body: 'x' }))
      .catch((e: unknown) => e)) as S3ServiceException;
    expect(error.name).toBe('SlowDown');
    expect(error.message).toBe('Please reduce your request rate.');
    expect(error.$metadata.httpStatusCode).toBe(503);
    expect(s3.requests.length).toBe(before);

    // One fault left in this route's run of 2, then it forwards: the SDK's retries succeed.
    const out = await clientFor(p.url, 3).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'slow.txt', Body: 'x' }));
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
  });

  it('reset-response: PutObject fails for the client although the object was written', async () => {
    const p = await startFaultProxy({ upstream: s3.endpoint, style: 's3', faultRate: 1, faults: ['reset-response'] });
    proxies.push(p);
    const error = (await clientFor(p.url, 1)
      .send(new PutObjectCommand({ Bucket: BUCKET, Key: 'ghost.txt', Body: 'boo' }))
      .catch((e: unknown) => e)) as Error;
    // Node's ECONNRESET, which the SDK renames TimeoutError (and retries). Under jest the error comes from
    // another realm, fails the SDK's `instanceof Error` and is re-wrapped: its name and code are lost.
    expect(error.message).toMatch(/socket hang up/);
    const head = await clientFor(s3.endpoint).send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'ghost.txt' }));
    expect(head.ContentLength).toBe(3);
  });

  it('answer: a canned S3 error (ExpiredToken) for the matching request only, without reaching the store', async () => {
    const p = await startFaultProxy({
      upstream: s3.endpoint,
      style: 's3',
      answer: (r) =>
        r.method === 'PUT' && r.path.includes('expired.txt')
          ? { status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' }
          : undefined,
    });
    proxies.push(p);
    const before = s3.requests.length;
    const error = (await clientFor(p.url, 1)
      .send(new PutObjectCommand({ Bucket: BUCKET, Key: 'expired.txt', Body: 'x' }))
      .catch((e: unknown) => e)) as S3ServiceException;
    expect({ name: error.name, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
      name: 'ExpiredToken',
      message: 'The provided token has expired.',
      status: 400,
    });
    expect(s3.requests.length).toBe(before);
    await clientFor(p.url, 1).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'fine.txt', Body: 'x' }));
    expect(p.log.map((e) => e.fault)).toEqual(['answer', undefined]);
  });
});
