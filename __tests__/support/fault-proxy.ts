/**
 * A fault-injecting reverse proxy on loopback, for reliability tests: put it in front of an
 * upstream HTTP server (the local S3 server, the GitHub fake) and point the client at `proxy.url`.
 *
 *   const proxy = await startFaultProxy({ upstream: s3.endpoint, style: 's3', faultRate: 0.3, seed: 7,
 *                                         faults: ['503', 'reset-response'], maxConsecutiveFaultsPerRoute: 2 });
 *   const client = new S3Client({ endpoint: proxy.url, forcePathStyle: true, … });
 *   …
 *   expect(proxy.stats.faulted['503']).toBeGreaterThan(0);
 *   await proxy.close();
 *
 * Forwarding is faithful: method, path and query, status, headers (hop-by-hop `connection` and
 * `keep-alive` aside) and bodies streamed both ways, byte for byte. The Host header is forwarded
 * unchanged: SigV4 signs it, and a client configured with the proxy's URL signs the proxy's
 * host:port (neither local upstream checks Host against itself).
 *
 * Faults, chosen per eligible request (see `match`) with probability `faultRate`, kind picked
 * uniformly from `faults` by a seeded PRNG (mulberry32), so a given seed and request order replay
 * the same sequence:
 * - `'500'` / `'503'`: the request body is read, then an error is answered without reaching the
 *   upstream: S3 XML `InternalError` / `SlowDown`, or GitHub JSON `{"message": …}` (`style`).
 * - `'reset-request'`: `resetAfterBytes` bytes of the request body (default 1; 0 = none) are read,
 *   then the socket is destroyed. The upstream never sees the request; the client sees ECONNRESET
 *   ("socket hang up"), or EPIPE if it was still writing.
 * - `'reset-response'`: the request is forwarded and the upstream acts on it (object written,
 *   comment created); then the status, headers and about half of the body reach the client and
 *   the socket is destroyed. A response with no body (e.g. PutObject's 200, a 204, HEAD) cannot be
 *   cut after its headers without arriving complete, so the socket is destroyed before them.
 * - `'delay'`: the request is held `delayMs` (default 1000), then forwarded normally.
 *
 * `corrupt` flips bits in flight: for the requests it returns a byte offset for, the request body is
 * forwarded with the byte at that offset (counted from the body's first byte) XORed with 0xff, every
 * other byte and every header unchanged, so the upstream receives a body of the right length that no
 * longer matches what the client hashed. Logged as fault `'corrupt'`, with `corruptedAt` set once the
 * byte has passed (a body shorter than the offset arrives intact, and `corruptedAt` stays unset).
 * Checked after `answer`, before the random faults; draws nothing from the PRNG.
 *
 * `maxConsecutiveFaultsPerRoute` (route = method + path with query, so a retry hits the same route)
 * caps the failures in a row on a route, so retries eventually succeed. A forwarded request or a
 * `'delay'` ends the run; the other kinds extend it.
 *
 * `mode: 'blackhole'` accepts TCP connections, reads and discards what arrives and never answers:
 * only a client's own timeout ends the request.
 *
 * `close()` destroys every open socket (client side and upstream side) and pending delay, so jest
 * exits without open handles.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';

export const FAULT_KINDS = ['500', '503', 'reset-request', 'reset-response', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Shape of the error bodies: S3's XML `<Error>` or GitHub's JSON `{"message": …}`. */
export type ErrorStyle = 's3' | 'github';

/** What `match` sees: `path` is the request target, path and query (`/bucket/key?partNumber=2&…`). */
export interface ProxiedRequest {
  method: string;
  path: string;
}

export interface ForwardProxyOptions {
  mode?: 'forward';
  /** Base URL of the upstream, e.g. `http://127.0.0.1:4568`. Only http, and only its host and port are used. */
  upstream: string;
  style: ErrorStyle;
  /** Probability 0..1 that an eligible request is faulted. Default 0 (forward everything). */
  faultRate?: number;
  /** Kinds to draw from. Default: all of `FAULT_KINDS`. */
  faults?: readonly FaultKind[];
  /** Hold of a `'delay'` fault, in ms. Default 1000. */
  delayMs?: number;
  /** Seed of the PRNG. Default: random (read it back from `proxy.seed` to replay a failure). */
  seed?: number;
  /** Only requests for which this returns true may be faulted (and draw from the PRNG). Default: all. */
  match?: (req: ProxiedRequest) => boolean;
  /** Most faults in a row on one route (method + path with query). Default: unlimited. */
  maxConsecutiveFaultsPerRoute?: number;
  /** Request-body bytes read before a `'reset-request'` destroys the socket. Default 1; 0 = none. */
  resetAfterBytes?: number;
  /**
   * A fixed error answer for the requests it returns one for (e.g. S3's `ExpiredToken`), in the
   * `style`'s shape, without reaching the upstream. Checked before the random faults, and draws nothing
   * from the PRNG. Logged as fault `'answer'`.
   */
  answer?: (req: ProxiedRequest) => CannedError | undefined;
  /** The request-body byte offset to flip (XOR 0xff) in flight, or undefined to forward the body intact. */
  corrupt?: (req: ProxiedRequest) => number | undefined;
}

/** An error answer: S3 XML `<Error><Code>…` or GitHub JSON `{"message": …}`. */
export interface CannedError {
  status: number;
  /** S3 error code (`ExpiredToken`); ignored in the GitHub style. */
  code: string;
  message: string;
}

export interface BlackholeProxyOptions {
  mode: 'blackhole';
}

export type FaultProxyOptions = ForwardProxyOptions | BlackholeProxyOptions;

export interface FaultProxyStats {
  /** HTTP requests received (0 in blackhole mode). */
  total: number;
  /** Requests sent to the upstream: plain forwards, `'delay'` and `'reset-response'` faults. */
  forwarded: number;
  faulted: Record<FaultKind, number>;
  /** TCP connections accepted. */
  connections: number;
}

export interface FaultLogEntry {
  method: string;
  path: string;
  fault?: FaultKind | 'answer' | 'corrupt';
  /** `corrupt`: the body offset whose byte was flipped, once it has been forwarded. */
  corruptedAt?: number;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`, to use as the client's endpoint / baseUrl. */
  url: string;
  /** The PRNG seed in use. */
  seed: number;
  stats: FaultProxyStats;
  /** Every request received, in arrival order, with the fault it got (if any). */
  log: FaultLogEntry[];
  setFaultRate(rate: number): void;
  close(): Promise<void>;
}

/** mulberry32: a tiny, fast, seedable 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const S3_ERRORS = {
  '500': { code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
  '503': { code: 'SlowDown', message: 'Please reduce your request rate.' },
} as const;
const GITHUB_ERRORS = { '500': 'Server Error', '503': 'Service Unavailable' } as const;

/** Hop-by-hop headers: they describe one connection, not the message, so they are not forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection']);

function endToEndHeaders(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  }
  return out;
}

function checkRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`faultRate must be within 0..1, got ${rate}`);
  return rate;
}

/** Tracks sockets so close() can destroy them all, then closes the server. */
function closer(server: Server, sockets: Set<Socket>, cleanup: () => void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= new Promise<void>((resolve) => {
      cleanup();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }));
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function newStats(): FaultProxyStats {
  const faulted = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  return { total: 0, forwarded: 0, faulted, connections: 0 };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  return options.mode === 'blackhole' ? startBlackhole() : startForwarding(options);
}

async function startBlackhole(): Promise<FaultProxy> {
  const stats = newStats();
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.resume(); // swallow whatever the client sends, so it is left waiting for an answer, not for buffer space
  });
  const url = await listen(server);
  return { url, seed: 0, stats, log: [], setFaultRate: () => {}, close: closer(server, sockets, () => {}) };
}

async function startForwarding(options: ForwardProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:') throw new Error(`upstream must be an http:// URL, got ${options.upstream}`);
  const faults = [...(options.faults ?? FAULT_KINDS)];
  if (faults.length === 0) throw new Error('faults must name at least one fault kind');
  const delayMs = options.delayMs ?? 1000;
  const maxConsecutive = options.maxConsecutiveFaultsPerRoute ?? Infinity;
  const resetAfterBytes = options.resetAfterBytes ?? 1;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const random = mulberry32(seed);
  let faultRate = checkRate(options.faultRate ?? 0);

  const stats = newStats();
  const log: FaultLogEntry[] = [];
  const consecutive = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const agent = new Agent({ keepAlive: true });
  let requestIds = 0;

  /** Draws twice per eligible request, whatever the outcome, so the sequence depends only on the seed and request order. */
  function decide(req: ProxiedRequest): FaultKind | undefined {
    if (options.match && !options.match(req)) return undefined;
    const roll = random();
    const pick = random();
    const route = `${req.method} ${req.path}`;
    const run = consecutive.get(route) ?? 0;
    const fault = roll < faultRate && run < maxConsecutive ? faults[Math.floor(pick * faults.length)] : undefined;
    consecutive.set(route, fault && fault !== 'delay' ? run + 1 : 0);
    return fault;
  }

  function answerError(kind: '500' | '503' | CannedError, req: IncomingMessage, res: ServerResponse): void {
    const requestId = `FAULTPROXY${++requestIds}`;
    const status = typeof kind === 'string' ? Number(kind) : kind.status;
    let body: string;
    let type: string;
    if (options.style === 's3') {
      const { code, message } = typeof kind === 'string' ? S3_ERRORS[kind] : kind;
      type = 'application/xml';
      body =
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`;
    } else {
      type = 'application/json; charset=utf-8';
      body = JSON.stringify({ message: typeof kind === 'string' ? GITHUB_ERRORS[kind] : kind.message });
    }
    // Read the whole request first, as a server does, so the client is not cut off mid-upload.
    req.resume();
    req.once('end', () => {
      res.writeHead(status, {
        'content-type': type,
        'content-length': Buffer.byteLength(body),
        'x-amz-request-id': requestId,
        'x-github-request-id': requestId,
      });
      res.end(body);
    });
  }

  function resetRequest(req: IncomingMessage): void {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || resetAfterBytes <= 0) {
      req.socket.destroy();
      return;
    }
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= resetAfterBytes) req.socket.destroy();
    });
    req.once('end', () => req.socket.destroy());
  }

  function forward(req: IncomingMessage, res: ServerResponse, resetResponse: boolean, flip?: { entry: FaultLogEntry; at: number }): void {
    stats.forwarded++;
    const upstreamReq = httpRequest({
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: endToEndHeaders(req.rawHeaders), // Host included, unchanged
      agent,
    });
    // The client went away (or was cut off) before the answer was complete: stop the upstream exchange too.
    res.once('close', () => {
      if (!res.writableFinished) upstreamReq.destroy();
    });
    upstreamReq.on('error', () => {
      if (res.headersSent) req.socket.destroy();
      else if (!res.destroyed) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('fault-proxy: upstream unreachable');
      }
    });
    upstreamReq.on('response', (upstreamRes) => {
      const status = upstreamRes.statusCode ?? 502;
      const headers = endToEndHeaders(upstreamRes.rawHeaders);
      if (!resetResponse) {
        res.writeHead(status, upstreamRes.statusMessage, headers);
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => req.socket.destroy());
        return;
      }
      // reset-response: the upstream has acted by now. Send headers and part of the body, then cut.
      const cut = () => {
        upstreamReq.destroy();
        req.socket.destroy();
      };
      const length = upstreamRes.headers['content-length'];
      const noBody = req.method === 'HEAD' || status === 204 || status === 304 || length === '0' || length === '1';
      if (noBody) return cut();
      let budget = length !== undefined ? Math.floor(Number(length) / 2) : undefined;
      let headersSent = false;
      upstreamRes.on('data', (chunk: Buffer) => {
        if (!headersSent) {
          res.writeHead(status, upstreamRes.statusMessage, headers);
          headersSent = true;
        }
        budget ??= Math.max(1, Math.floor(chunk.length / 2));
        if (chunk.length < budget) {
          budget -= chunk.length;
          res.write(chunk);
          return;
        }
        upstreamRes.pause();
        res.write(chunk.subarray(0, budget), cut);
      });
      upstreamRes.once('end', cut); // body shorter than its content-length: nothing more to cut
    });
    if (flip) req.pipe(flipByte(flip.at, () => (flip.entry.corruptedAt = flip.at))).pipe(upstreamReq);
    else req.pipe(upstreamReq);
  }

  const server = createServer((req, res) => {
    // A client cut off (by a fault, a timeout or close()) makes these emit errors nobody needs.
    req.on('error', () => {});
    res.on('error', () => {});
    const entry: FaultLogEntry = { method: req.method ?? 'GET', path: req.url ?? '/' };
    stats.total++;
    log.push(entry);
    const canned = options.answer?.(entry);
    if (canned) {
      entry.fault = 'answer';
      return answerError(canned, req, res);
    }
    const flipAt = options.corrupt?.(entry);
    if (flipAt !== undefined) {
      entry.fault = 'corrupt';
      return forward(req, res, false, { entry, at: flipAt });
    }
    const fault = decide(entry);
    if (fault) {
      entry.fault = fault;
      stats.faulted[fault]++;
    }
    switch (fault) {
      case undefined:
        return forward(req, res, false);
      case '500':
      case '503':
        return answerError(fault, req, res);
      case 'reset-request':
        return resetRequest(req);
      case 'reset-response':
        return forward(req, res, true);
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!req.socket.destroyed) forward(req, res, false);
        }, delayMs);
        timers.add(timer);
        return;
      }
    }
  });
  server.on('connection', (socket: Socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const url = await listen(server);

  const cleanup = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    agent.destroy();
  };
  return {
    url,
    seed,
    stats,
    log,
    setFaultRate: (rate) => {
      faultRate = checkRate(rate);
    },
    close: closer(server, sockets, cleanup),
  };
}

/** A pass-through stream that XORs the byte at `offset` with 0xff and calls `done` once it has. */
export function flipByte(offset: number, done: () => void = () => {}): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (offset >= seen && offset < seen + chunk.length) {
        const copy = Buffer.from(chunk);
        copy[offset - seen] ^= 0xff;
        chunk = copy;
        done();
      }
      seen += chunk.length;
      callback(null, chunk);
    },
  });
}
