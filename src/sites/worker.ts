/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * The site's service worker (serialized like runtime.ts, see its header). Its script holds no link:
 * the start page sends the site map in a message (session.ts says where it is kept), and the worker
 * answers only requests that belong to a session: navigations to `F/.artifact-links/s/<token>/…`
 * and requests of the pages (clients) it opened there. Each file is fetched from its own link (same
 * origin, so no CORS), with the rules of `routeRequest`. It passes Range through (media), drops
 * Content-Disposition (so HTML, CSS and scripts display rather than download), and replaces S3's
 * errors with pages a reader understands: expired links, a removed file, an unreachable store.
 */
import { startNestedWorker, type NestedWorker } from './nested-worker.js';
import {
  escapeHtml,
  expiredPage,
  fileLink,
  formatUtcTime,
  isSignedUrl,
  listingPage,
  noticePage,
  routeRequest,
  type ClientsLike,
  type FetchEventLike,
  type Route,
} from './runtime.js';
import { openSealedMap, sealMap, sessionKeys } from './seal.js';
import { acceptMap, isToken, nestedWorkerDir, newSession, sessionOf, sitePathOf, type Session } from './session.js';

export interface CacheLike {
  put(request: string, response: Response): Promise<void>;
  match(request: string): Promise<Response | undefined>;
  keys?(): Promise<readonly { url: string }[]>;
  delete?(request: string): Promise<boolean>;
}
interface PortLike {
  postMessage(message: unknown): void;
}

/** The minimal service-worker global scope this code uses (the WebWorker lib conflicts with Node's). */
export interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown; ports: readonly PortLike[]; waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
  skipWaiting(): Promise<void>;
  clients: ClientsLike;
  registration: { scope: string };
  caches: { open(name: string): Promise<CacheLike> };
}

/** When a signed link stops working, from its own query (SigV4 `X-Amz-Date` + `X-Amz-Expires`, CloudFront `Expires`). */
export function expiryOfUrl(href: string): number | undefined {
  const q = new URL(href).searchParams;
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get('X-Amz-Date') || '');
  if (date && q.get('X-Amz-Expires')) {
    return Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]) + Number(q.get('X-Amz-Expires')) * 1000;
  }
  const expires = Number(q.get('Expires'));
  return expires > 0 ? expires * 1000 : undefined;
}

export function serviceWorkerMain(scope: WorkerScope): void {
  const folder = scope.registration.scope;
  const origin = new URL(folder).origin;
  const CACHE = 'artifact-links-sessions';
  const sessions = new Map<string, Promise<Session | undefined>>();
  /** Pages and workers of a session: client id → the URL it was opened at. */
  const clientUrls = new Map<string, string>();
  const nestedWorkers = new Map<string, Promise<NestedWorker>>();

  scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
  scope.addEventListener('message', (event) => {
    const data = (event.data || {}) as { type?: string; token?: unknown; map?: unknown };
    const port = event.ports[0];
    const map = acceptMap(folder, data.map);
    if (data.type !== 'open' || !isToken(data.token) || !map || !port) {
      if (port) port.postMessage({ ok: false });
      return;
    }
    const session = newSession(folder, data.token, map);
    sessions.set(session.token, Promise.resolve(session));
    const saved = sealMap(session.token, map)
      .then(async ({ id, body }) => {
        const cache = await scope.caches.open(CACHE);
        await cache.put(folder + '.artifact-links/session/' + id, new Response(body, { headers: { 'x-expires': String(map.expiresAt) } }));
        await prune(cache);
      })
      .catch(() => undefined) // without Cache Storage the session lasts while this worker runs
      .then(() => port.postMessage({ ok: true }));
    event.waitUntil(saved);
  });

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const url = request.url;
    if (request.mode === 'navigate') {
      const at = sessionOf(folder, url);
      if (at) event.respondWith(navigation(event, at.token));
      else if (url.startsWith(folder) && isSignedUrl(new URL(url))) event.respondWith(passSigned(request));
      else if (url.startsWith(folder)) event.respondWith(Promise.resolve(notOpened()));
      return;
    }
    // Another origin's resource asked by a page no session opened, or a signed link (the start page's map): not ours.
    if ((new URL(url).origin !== origin && !clientUrls.has(event.clientId)) || isSignedUrl(new URL(url))) return;
    event.respondWith(subresource(event));
  });

  const page = (html: string, status: number): Response =>
    new Response(html, {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  const text = (body: string, status: number): Response =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  const notOpened = (): Response =>
    page(
      noticePage(
        'Open the site from its link',
        '<h1>Open the site from its link</h1><p>This address works only in a browser tab that opened the site from its link, ' +
          'while one of its pages is open. Open the site again from its link in the pull-request comment or on the share page.</p>',
      ),
      403,
    );

  /** Drops this folder's saved sessions whose links have expired, and all but the newest 20. */
  async function prune(cache: CacheLike): Promise<void> {
    if (!cache.keys || !cache.delete) return;
    const mine = (await cache.keys()).filter((request) => request.url.startsWith(folder + '.artifact-links/session/'));
    const kept: { url: string; expires: number }[] = [];
    for (const request of mine) {
      const saved = await cache.match(request.url);
      const expires = Number(saved ? saved.headers.get('x-expires') : 0);
      if (!(expires > Date.now())) await cache.delete(request.url);
      else kept.push({ url: request.url, expires });
    }
    // Cache Storage lists entries in the order they were put: the oldest first.
    for (const old of kept.slice(0, Math.max(0, kept.length - 20))) await cache.delete(old.url);
  }

  async function getSession(token: string): Promise<Session | undefined> {
    let found = sessions.get(token);
    if (!found) {
      found = restore(token);
      sessions.set(token, found);
    }
    const session = await found;
    if (!session) sessions.delete(token);
    return session;
  }

  /** After the browser stopped and restarted this worker: the session's map from Cache Storage, opened with the token. */
  async function restore(token: string): Promise<Session | undefined> {
    try {
      const { id } = await sessionKeys(token);
      const saved = await (await scope.caches.open(CACHE)).match(folder + '.artifact-links/session/' + id);
      if (!saved) return undefined;
      const map = acceptMap(folder, await openSealedMap(token, new Uint8Array(await saved.arrayBuffer())));
      if (!map) return undefined;
      const session = newSession(folder, token, map);
      session.opened = true;
      return session;
    } catch {
      return undefined;
    }
  }

  /** A session lives while one of its pages is open (its first page opens from the start page). */
  async function alive(session: Session): Promise<boolean> {
    if (!session.opened) return true;
    const open = await scope.clients.matchAll({ type: 'window' });
    return open.some((client) => client.url.startsWith(session.root));
  }

  async function navigation(event: FetchEventLike, token: string): Promise<Response> {
    const session = await getSession(token);
    if (!session || !(await alive(session))) return notOpened();
    session.opened = true;
    if (event.resultingClientId) clientUrls.set(event.resultingClientId, event.request.url);
    const path = sitePathOf(session, folder, event.request.url);
    const dir = path === undefined ? undefined : nestedWorkerDir(session, path);
    return dir === undefined ? serve(session, event.request) : viaNested(session, dir, event);
  }

  async function clientSession(clientId: string): Promise<{ session: Session; url: string } | undefined> {
    if (!clientId) return undefined;
    let url = clientUrls.get(clientId);
    if (url === undefined) {
      const client = await scope.clients.get(clientId);
      if (!client || !sessionOf(folder, client.url)) return undefined;
      url = client.url;
      clientUrls.set(clientId, url);
    }
    const at = sessionOf(folder, url);
    const session = at && (await getSession(at.token));
    return session ? { session, url } : undefined;
  }

  async function subresource(event: FetchEventLike): Promise<Response> {
    const request = event.request;
    const from = await clientSession(event.clientId);
    if (!from) {
      // Never to the network unsigned from inside the folder; elsewhere on the origin, as the browser would.
      return request.url.startsWith(folder) ? text('This page was not opened from the site\u2019s link.', 403) : fetch(request);
    }
    const clientPath = sitePathOf(from.session, folder, from.url);
    const dir = clientPath === undefined ? undefined : nestedWorkerDir(from.session, clientPath);
    return dir === undefined ? serve(from.session, request) : viaNested(from.session, dir, event);
  }

  /** A request as the site's own service worker of `dir` would answer it (Playwright's trace viewer). */
  async function viaNested(session: Session, dir: string, event: FetchEventLike): Promise<Response> {
    const key = session.token + '\n' + dir;
    let worker = nestedWorkers.get(key);
    if (!worker) {
      const script = session.root + dir + 'sw.bundle.js';
      const siteFetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> =>
        serve(session, typeof input === 'object' && 'url' in input && !init ? input : new Request(input, init));
      worker = serve(session, new Request(script))
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status))))
        .then((source) => startNestedWorker(source, script, session.root + dir, scope.clients, siteFetch));
      nestedWorkers.set(key, worker);
      worker.catch(() => nestedWorkers.delete(key));
    }
    let started: NestedWorker;
    try {
      started = await worker;
    } catch {
      return serve(session, event.request);
    }
    return (await started.handle(event)) || serve(session, event.request);
  }

  /** A request of a session's page, for a file of the site or (root-absolute, not the site's) the network. */
  function serve(session: Session, request: Request): Promise<Response> {
    const navigate = request.mode === 'navigate';
    const route = routeRequest(session.index, sitePathOf(session, folder, request.url), request.url, navigate);
    if (route.kind !== 'outside') return answer(session, route, request, navigate);
    if (request.url.startsWith(folder)) return Promise.resolve(failed(session, navigate, 404, 'There is no such file in the site.'));
    return fetch(request);
  }

  const expired = (session: Session, navigate: boolean): Response =>
    navigate
      ? page(expiredPage(session.map.title, session.map.expiresAt, session.map.runUrl), 410)
      : text('The artifact links expired at ' + formatUtcTime(session.map.expiresAt) + '.', 410);
  function failed(session: Session, navigate: boolean, status: number, what: string): Response {
    if (!navigate) return text(what, status);
    const home = '<p><a href="' + escapeHtml(session.root) + '">Open the site\u2019s first page</a></p>';
    return page(noticePage('Not available', '<h1>Not available</h1><p>' + escapeHtml(what) + '</p>' + home), status);
  }
  /** S3 answers 403 AccessDenied "Request has expired"; CloudFront 403 too. */
  const isExpiry = async (response: Response, expiresAt: number): Promise<boolean> =>
    (response.status === 403 || response.status === 400) && (Date.now() >= expiresAt || /expired/i.test(await response.clone().text()));

  /** A signed link opened in the folder (a start page, a re-run's): straight to the store, an expired one explained. */
  async function passSigned(request: Request): Promise<Response> {
    const response = await fetch(request);
    const expiresAt = expiryOfUrl(request.url) ?? Infinity;
    if (!(await isExpiry(response, expiresAt))) return response;
    return page(expiredPage('this site', expiresAt === Infinity ? Date.now() : expiresAt), 410);
  }

  async function answer(session: Session, route: Route, request: Request, navigate: boolean): Promise<Response> {
    const map = session.map;
    if (route.kind === 'redirect') return Response.redirect(route.location, 302);
    if (Date.now() >= map.expiresAt) return expired(session, navigate);
    if (route.kind === 'listing') return page(listingPage(map, session.index, route.dir), 200);
    if (route.kind !== 'file') return failed(session, navigate, 404, 'There is no such file in ' + map.title + '.');
    const link = fileLink(map, session.index, route.path) as string;
    const headers: Record<string, string> = {};
    const range = request.headers.get('range');
    if (range) headers.range = range;
    let response: Response;
    try {
      response = await fetch(link, { headers, credentials: 'omit', redirect: 'follow' });
    } catch (error) {
      return failed(session, navigate, 502, 'The storage could not be reached (' + String(error) + ').');
    }
    if (await isExpiry(response, map.expiresAt)) return expired(session, navigate);
    if (response.status === 404)
      return failed(session, navigate, 404, route.path + ' is no longer in the bucket: the artifacts were probably cleaned up.');
    if (response.status >= 400 && response.status !== 416) {
      return failed(session, navigate, response.status, route.path + ' could not be loaded (HTTP ' + response.status + ').');
    }
    const out = new Headers(response.headers);
    out.delete('content-disposition');
    const status = route.status === 404 && response.status === 200 ? 404 : response.status;
    return new Response(request.method === 'HEAD' ? null : response.body, { status, headers: out });
  }
}
