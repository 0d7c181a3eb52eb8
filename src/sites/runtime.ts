/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * Code that runs in the reader's browser: in the site's service worker (worker.ts), the start page
 * (bootstrap.ts) and the share page. Each function is type-checked here, unit-tested in Node where it
 * is pure, and shipped as its own source text (`Function.prototype.toString`, see runtime-source.ts), so:
 * - a function may call only globals of the browser and the other functions listed in RUNTIME there;
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
export function isSignedUrl(url: URL): boolean {
  return ['X-Amz-Signature', 'Signature'].some((name) => url.searchParams.has(name));
}

/**
 * Decides what answers a request for `path` of the site (from `sitePathOf`; undefined: not the
 * site's), like a static web server would: `dir/` serves `dir/index.html` (or a listing when the
 * folder has none), `dir` redirects to `dir/`, and a navigation to a path that is not a file falls
 * back to the site's `404.html` or else its `index.html` (single-page apps).
 */
export function routeRequest(index: SiteIndex, path: string | undefined, href: string, navigate: boolean): Route {
  if (path === undefined) return { kind: 'outside' };
  if (path === '' || path.endsWith('/')) {
    if (index.files.has(path + 'index.html')) return { kind: 'file', path: path + 'index.html', status: 200 };
    if (navigate && index.dirs.has(path)) return { kind: 'listing', dir: path };
  } else if (index.files.has(path)) {
    return { kind: 'file', path, status: 200 };
  } else if (index.dirs.has(path + '/')) {
    const url = new URL(href);
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
 * untrusted name cannot display reversed (`gnp.exe` shown as `exe.png`): the share page and the
 * worker's pages. The comment and the summary use util/bidi.ts (a unit test keeps the two equal).
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

/** The service-worker APIs the worker code uses (the WebWorker lib conflicts with Node's). */
export interface FetchEventLike {
  request: Request;
  clientId: string;
  resultingClientId: string;
  respondWith(response: Promise<Response>): void;
}
export interface ClientLike {
  id: string;
  url: string;
}
export interface ClientsLike {
  claim(): Promise<void>;
  get(id: string): Promise<ClientLike | undefined>;
  matchAll(options?: { type?: string; includeUncontrolled?: boolean }): Promise<readonly ClientLike[]>;
}
