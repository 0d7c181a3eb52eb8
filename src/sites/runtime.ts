/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * Code that runs in the reader's browser: in the site's service worker, the bootstrap page and the
 * share page. Each function is type-checked here, unit-tested in Node where it is pure, and shipped
 * as its own source text (`Function.prototype.toString`, see `runtimeSource`), so:
 * - a function may call only globals of the browser and the other functions listed in RUNTIME;
 * - nothing else of this module (constants, imports) may be referenced inside a function body,
 *   because the bundler renames module-level names. Types are fine: they are erased.
 */

/**
 * A compact map of one site's files to their links (see site-map.ts, which builds it). All links of
 * a run are signed at one instant, so their query strings differ only in a few values (the
 * signature): the query is stored once as a template, and per file only its name and those values.
 */
export interface SiteMap {
  v: 1;
  /** Origin every templated link shares, e.g. `https://bucket.s3.eu-west-1.amazonaws.com`. */
  origin: string;
  /** URL path of the site's folder as links have it (encoded, ends in `/`), e.g. `/prefix/site/`. */
  base: string;
  /** `name=value` pieces in link order; `[name, hex]` is a per-file value (hex: stored as base64url). */
  query: (string | [name: string, hex: 0 | 1])[];
  /** Files by folder (`''` or `a/b/`): `[name, ...per-file values]`. */
  dirs: [dir: string, files: string[][]][];
  /** Files whose link does not fit the template: `[path, full link]`. */
  urls: [path: string, url: string][];
  /** When the links stop working (ms since the epoch). */
  expiresAt: number;
  /** What the site is called on pages the worker writes. */
  title: string;
  /** The workflow run that uploaded the site (re-running it makes fresh links). */
  runUrl?: string;
}

/** Paths of a site (relative to its folder) to their per-file values or their own full link. */
export interface SiteIndex {
  files: Map<string, string[] | string>;
  /** Every folder that holds files, relative to the site: `''`, `a/`, `a/b/`. */
  dirs: Set<string>;
}

/** What a request under the site's folder is answered with. */
export type Route =
  | { kind: 'outside' }
  | { kind: 'signed' }
  | { kind: 'file'; path: string; status: 200 | 404 }
  | { kind: 'redirect'; location: string }
  | { kind: 'listing'; dir: string }
  | { kind: 'missing' };

/** RFC 3986 encoding of each path segment (what S3 and SigV4 expect), `/` kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}

/** base64url → lowercase hex (signatures are stored in base64url, a third shorter). */
export function hexFromBase64url(value: string): string {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  let hex = '';
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

export function siteIndex(map: SiteMap): SiteIndex {
  const files = new Map<string, string[] | string>();
  const dirs = new Set<string>(['']);
  const addDirs = (path: string): void => {
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.add(path.slice(0, i + 1));
  };
  for (const [dir, entries] of map.dirs) {
    for (const entry of entries) {
      files.set(dir + entry[0], entry.slice(1));
      addDirs(dir + entry[0]);
    }
  }
  for (const [path, url] of map.urls) {
    files.set(path, url);
    addDirs(path);
  }
  return { files, dirs };
}

/** The link of a file of the site, or undefined when the site has no such file. */
export function fileLink(map: SiteMap, index: SiteIndex, path: string): string | undefined {
  const values = index.files.get(path);
  if (values === undefined) return undefined;
  if (typeof values === 'string') return values;
  let k = 0;
  const query = map.query
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      const value = values[k++] ?? '';
      return piece[0] + '=' + (piece[1] ? hexFromBase64url(value) : value);
    })
    .join('&');
  return map.origin + map.base + encodePath(path) + (query ? '?' + query : '');
}

/** Query parameters that mean "this request is already signed": S3 (SigV4) and CloudFront. */
export function isSignedUrl(url: URL, map: SiteMap): boolean {
  const names = ['X-Amz-Signature', 'Signature'];
  for (const piece of map.query) if (typeof piece !== 'string') names.push(piece[0]);
  return names.some((name) => url.searchParams.has(name));
}

/**
 * Decides what answers a request, like a static web server would: `dir/` serves `dir/index.html`
 * (or a listing when the folder has none), `dir` redirects to `dir/`, and a navigation to a path
 * that is not a file falls back to the site's `404.html` or else its `index.html` (single-page apps).
 * Requests outside the site's folder, or already signed, are not the site's business.
 */
export function routeRequest(map: SiteMap, index: SiteIndex, href: string, navigate: boolean): Route {
  const url = new URL(href);
  if (url.origin !== map.origin || !url.pathname.startsWith(map.base)) return { kind: 'outside' };
  if (isSignedUrl(url, map)) return { kind: 'signed' };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(map.base.length));
  } catch {
    return { kind: 'missing' };
  }
  if (path === '' || path.endsWith('/')) {
    if (index.files.has(path + 'index.html')) return { kind: 'file', path: path + 'index.html', status: 200 };
    if (navigate && index.dirs.has(path)) return { kind: 'listing', dir: path };
  } else if (index.files.has(path)) {
    return { kind: 'file', path, status: 200 };
  } else if (index.dirs.has(path + '/')) {
    return { kind: 'redirect', location: url.origin + url.pathname + '/' + url.search };
  }
  if (navigate) {
    if (index.files.has('404.html')) return { kind: 'file', path: '404.html', status: 404 };
    if (index.files.has('index.html')) return { kind: 'file', path: 'index.html', status: 200 };
  }
  return { kind: 'missing' };
}

/**
 * Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) replaced by U+FFFD, so an
 * untrusted name cannot display reversed (`gnp.exe` shown as `exe.png`). The one definition: the
 * comment (render/markdown.ts), the share page and the worker's pages all use it.
 */
export function neutralizeBidi(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

/** Text for HTML content and quoted attributes; bidi controls neutralized. */
export function escapeHtml(text: string): string {
  return neutralizeBidi(text).replace(/[&<>"'`]/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

/** `2025-01-02 03:04 UTC`. */
export function formatUtcTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** A small self-contained HTML page; `bodyHtml` must already be escaped. */
export function noticePage(title: string, bodyHtml: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    '<title>' +
    escapeHtml(title) +
    '</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2328}' +
    'code{background:#f6f8fa;padding:0 .3em;border-radius:4px}a{color:#0969da}li{margin:.2em 0}</style></head><body>' +
    bodyHtml +
    '</body></html>'
  );
}

/** The page shown instead of S3's XML once the links have expired: what happened and how to get fresh links. */
export function expiredPage(title: string, expiresAt: number, runUrl?: string): string {
  const rerun = runUrl ? '<a href="' + escapeHtml(runUrl) + '">re-run the job</a> that uploaded it' : 're-run the job that uploaded it';
  return noticePage(
    'Links expired',
    '<h1>These artifact links have expired</h1><p>The links to <b>' +
      escapeHtml(title) +
      '</b> stopped working at ' +
      escapeHtml(formatUtcTime(expiresAt)) +
      '. The files may still be in the bucket, but their links are signed for a limited time.</p>' +
      '<p>To get fresh links, ' +
      rerun +
      ', or run the action with <code>mode: refresh</code> (it re-signs the links of the ' +
      'pull request without rebuilding), then open the new link from the pull-request comment.</p>',
  );
}

/** A folder of the site without an `index.html`: its files and sub-folders, as relative links. */
export function listingPage(map: SiteMap, index: SiteIndex, dir: string): string {
  const names = new Set<string>();
  for (const path of index.files.keys()) {
    if (!path.startsWith(dir)) continue;
    const rest = path.slice(dir.length);
    const slash = rest.indexOf('/');
    names.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  const items = [...names]
    .sort()
    .map((name) => '<li><a href="./' + escapeHtml(encodePath(name)) + '">' + escapeHtml(name) + '</a></li>')
    .join('');
  const up = dir ? '<p><a href="../">Parent folder</a></p>' : '';
  return noticePage(map.title + '/' + dir, '<h1>' + escapeHtml(map.title + '/' + dir) + '</h1>' + up + '<ul>' + items + '</ul>');
}

/** The minimal service-worker global scope this code uses (the WebWorker lib conflicts with Node's). */
export interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', listener: (event: { request: Request; respondWith(r: Promise<Response>): void }) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}

/**
 * The site's service worker: answers every request under the site's folder from the file's own
 * link (same origin, so no CORS), with the rules of `routeRequest`. Passes Range through (media),
 * drops Content-Disposition (so HTML, CSS and scripts display rather than download), and replaces
 * S3's errors with pages a reader understands: expired links, a removed file, an unreachable store.
 */
export function serviceWorkerMain(scope: WorkerScope, map: SiteMap): void {
  const index = siteIndex(map);
  scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const navigate = request.mode === 'navigate';
    const route = routeRequest(map, index, request.url, navigate);
    if (route.kind === 'outside') return;
    if (route.kind === 'signed') {
      // A link from the comment (a re-run's bootstrap page, the share page): straight to the store,
      // but an expired one shows the explanation rather than S3's XML.
      if (navigate) event.respondWith(passSigned(request));
      return;
    }
    event.respondWith(answer(route, request, navigate));
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
  const expired = (navigate: boolean): Response =>
    navigate
      ? page(expiredPage(map.title, map.expiresAt, map.runUrl), 410)
      : text('The artifact links expired at ' + formatUtcTime(map.expiresAt) + '.', 410);
  const failed = (navigate: boolean, status: number, what: string): Response =>
    navigate
      ? page(
          noticePage(
            'Not available',
            '<h1>Not available</h1><p>' + escapeHtml(what) + '</p><p><a href="' + escapeHtml(map.base) + '">Open the start page</a></p>',
          ),
          status,
        )
      : text(what, status);
  /** S3 answers 403 AccessDenied "Request has expired"; CloudFront 403 too. */
  const isExpiry = async (response: Response): Promise<boolean> =>
    (response.status === 403 || response.status === 400) && (Date.now() >= map.expiresAt || /expired/i.test(await response.clone().text()));

  async function passSigned(request: Request): Promise<Response> {
    const response = await fetch(request);
    return (await isExpiry(response)) ? expired(true) : response;
  }

  async function answer(route: Route, request: Request, navigate: boolean): Promise<Response> {
    if (route.kind === 'redirect') return Response.redirect(route.location, 302);
    if (Date.now() >= map.expiresAt) return expired(navigate);
    if (route.kind === 'listing') return page(listingPage(map, index, route.dir), 200);
    if (route.kind !== 'file') {
      return failed(navigate, 404, 'There is no such file in ' + map.title + '.');
    }
    const link = fileLink(map, index, route.path) as string;
    const headers: Record<string, string> = {};
    const range = request.headers.get('range');
    if (range) headers.range = range;
    let response: Response;
    try {
      response = await fetch(link, { headers, credentials: 'omit', redirect: 'follow' });
    } catch (error) {
      return failed(navigate, 502, 'The storage could not be reached (' + String(error) + ').');
    }
    if (await isExpiry(response)) return expired(navigate);
    if (response.status === 404)
      return failed(navigate, 404, route.path + ' is no longer in the bucket: the artifacts were probably cleaned up.');
    if (response.status >= 400 && response.status !== 416) {
      return failed(navigate, response.status, route.path + ' could not be loaded (HTTP ' + response.status + ').');
    }
    const out = new Headers(response.headers);
    out.delete('content-disposition');
    const status = route.status === 404 && response.status === 200 ? 404 : response.status;
    return new Response(request.method === 'HEAD' ? null : response.body, { status, headers: out });
  }
}

/** The page elements and browser APIs the bootstrap page uses. */
export interface BootElement {
  textContent: string | null;
  hidden: boolean;
  href: string;
  appendChild(child: BootElement): void;
}
export interface BootWorker {
  scriptURL: string;
  state: string;
  addEventListener(type: 'statechange', listener: () => void): void;
}
export interface BootRegistration {
  installing: BootWorker | null;
  waiting: BootWorker | null;
  active: BootWorker | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
}
export interface BootWindow {
  document: { getElementById(id: string): BootElement | null; createElement(tag: string): BootElement };
  location: { hash: string; replace(url: string): void };
  navigator: { serviceWorker?: { register(url: string, options: { scope: string }): Promise<BootRegistration | undefined> } };
  isSecureContext: boolean;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}
export interface BootConfig {
  /** Link of the worker script (in the site's folder, so its scope can be the folder). */
  worker: string;
  /** Link of the site map (JSON), for the file list when the worker cannot run. */
  map: string;
  /** The site's folder URL: the worker's scope. */
  scope: string;
  expiresAt: number;
  title: string;
  runUrl?: string;
}

/** `#docs/a b.html` → `docs/a%20b.html`; anything that could leave the folder → `''` (the start page). */
export function entryFromHash(hash: string): string {
  let path: string;
  try {
    path = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
  if (path.startsWith('/') || path.includes('\\') || path.split('/').some((s) => s === '.' || s === '..')) return '';
  return encodePath(path);
}

/**
 * The bootstrap page: registers the site's worker (scope: the site's folder), waits until that very
 * script is active (a re-run's page replaces an older worker of the same folder), then opens the
 * site. Without service workers it says why and lists the site's files, each with its own link.
 */
export function bootstrapMain(win: BootWindow, cfg: BootConfig): void {
  const doc = win.document;
  const say = (id: string, text: string): void => {
    const el = doc.getElementById(id);
    if (el) {
      el.textContent = text;
      el.hidden = false;
    }
  };
  const target = cfg.scope + entryFromHash(win.location.hash);
  if (Date.now() >= cfg.expiresAt) {
    say(
      'status',
      'These links expired at ' +
        formatUtcTime(cfg.expiresAt) +
        '. To get fresh links, re-run the job that uploaded them, or run the action with mode: refresh.',
    );
    return;
  }
  const container = win.navigator.serviceWorker;
  if (!win.isSecureContext) {
    fallback(
      'This page was opened over plain HTTP from a host other than localhost, and browsers run service workers (which serve the site) only on HTTPS pages. Use an HTTPS endpoint to browse the site.',
    );
    return;
  }
  if (!container) {
    fallback(
      'This browser does not allow service workers on this page (private browsing, or a browser setting or policy), and they serve the site.',
    );
    return;
  }
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => {
    timer = win.setTimeout(() => reject(new Error('it did not start within 20 seconds')), 20_000);
  });
  const started = container.register(cfg.worker, { scope: cfg.scope }).then((registration) => {
    if (!registration) throw new Error('the registration was blocked');
    return activated(registration);
  });
  Promise.race([started, timeout]).then(
    () => {
      win.clearTimeout(timer);
      say('status', 'Opening the site…');
      win.location.replace(target);
    },
    (error: Error) => {
      win.clearTimeout(timer);
      fallback(
        'The browser did not start the service worker that serves the site (' +
          (error && error.message ? error.message : String(error)) +
          ').',
      );
    },
  );

  /** Resolves once the worker with our script URL is the registration's active, activated worker. */
  function activated(registration: BootRegistration): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const active = registration.active;
        if (active && active.scriptURL === cfg.worker && active.state === 'activated') resolve();
      };
      const watch = (worker: BootWorker | null): void => {
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.scriptURL === cfg.worker && worker.state === 'redundant') reject(new Error('the new worker was rejected'));
          check();
        });
      };
      registration.addEventListener('updatefound', () => watch(registration.installing));
      watch(registration.installing);
      watch(registration.waiting);
      watch(registration.active);
      check();
    });
  }

  function fallback(reason: string): void {
    say('status', reason);
    say('files-note', 'Each file can still be opened on its own below, but links between them (styles, scripts, sub-pages) will not work.');
    fetch(cfg.map)
      .then((response) => (response.ok ? (response.json() as Promise<SiteMap>) : Promise.reject(new Error('HTTP ' + response.status))))
      .then((map: SiteMap) => {
        const index = siteIndex(map);
        const list = doc.getElementById('files');
        if (!list) return;
        for (const path of [...index.files.keys()].sort()) {
          const item = doc.createElement('li');
          const link = doc.createElement('a');
          link.href = fileLink(map, index, path) as string;
          link.textContent = neutralizeBidi(path);
          item.appendChild(link);
          list.appendChild(item);
        }
      })
      .catch((error: Error) => say('files-note', 'The list of files could not be loaded (' + error.message + ').'));
  }
}

/** Every function the serialized code may call, in an order where each is declared before use at run time. */
const RUNTIME = [
  encodePath,
  hexFromBase64url,
  siteIndex,
  fileLink,
  isSignedUrl,
  routeRequest,
  neutralizeBidi,
  escapeHtml,
  formatUtcTime,
  noticePage,
  expiredPage,
  listingPage,
  entryFromHash,
];

/** Source text of the runtime functions, for a script that then calls one of the entry points. */
export function runtimeSource(): string {
  return RUNTIME.map(String).join('\n');
}

/** A call of an entry point, `(function serviceWorkerMain(…){…})(args…);`; `args` are JavaScript expressions. */
export function callSource(entry: typeof serviceWorkerMain | typeof bootstrapMain, ...args: string[]): string {
  return '(' + String(entry) + ')(' + args.join(', ') + ');';
}

/** `2025-01-02 12:04 UTC+09:00`: a time in a zone `offsetMinutes` east of UTC (the reader's, in the browser). */
export function formatLocalTime(ms: number, offsetMinutes: number): string {
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone =
    offsetMinutes === 0 ? 'UTC' : 'UTC' + sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
  return shifted.slice(0, 10) + ' ' + shifted.slice(11, 16) + ' ' + zone + ' (your time)';
}

/** What the share page's script touches. */
export interface ShareElement {
  textContent: string | null;
  hidden: boolean;
  getAttribute(name: string): string | null;
  closest?(selector: string): unknown;
  scrollIntoView?(): void;
}
export interface ShareDocument {
  querySelectorAll(selector: string): ArrayLike<ShareElement>;
  getElementById(id: string): ShareElement | null;
  addEventListener(type: 'click', listener: (event: { target: unknown; preventDefault(): void }) => void): void;
}

/**
 * The share page's script: expiry times in the reader's local time, and once the links have expired
 * (even while the page stays open), the notice saying so and how to refresh, instead of S3's XML.
 */
export function sharePageMain(doc: ShareDocument, setInterval: (callback: () => void, ms: number) => unknown): void {
  const times = doc.querySelectorAll('time[datetime]');
  let expiresAt = Infinity;
  for (let i = 0; i < times.length; i++) {
    const ms = Date.parse(times[i].getAttribute('datetime') || '');
    if (isNaN(ms)) continue;
    times[i].textContent = formatLocalTime(ms, -new Date(ms).getTimezoneOffset());
    if (times[i].getAttribute('data-expires') !== null) expiresAt = Math.min(expiresAt, ms);
  }
  const notice = doc.getElementById('expired');
  const expired = (): boolean => Date.now() >= expiresAt;
  const check = (): void => {
    if (notice && expired()) notice.hidden = false;
  };
  check();
  setInterval(check, 15_000);
  doc.addEventListener('click', (event) => {
    const target = event.target as ShareElement | null;
    const link = target && target.closest ? target.closest('a[data-link]') : null;
    if (link && expired()) {
      event.preventDefault();
      check();
      if (notice && notice.scrollIntoView) notice.scrollIntoView();
    }
  });
}
