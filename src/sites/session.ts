/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * A reader's session of a site, in the browser (pure; serialized like runtime.ts, see its header).
 *
 * No link is readable by the origin: the worker script holds none, and the site map reaches the
 * worker only by a message from the start page. The worker keeps it in memory and, so that it
 * survives the browser stopping an idle worker, in Cache Storage encrypted with a key that exists
 * only in the addresses of the reader's pages: `F/.artifact-links/s/<token>/…`, where `F/` is the
 * site's folder. A page of another site (any page of the origin can read Cache Storage and list
 * the workers) finds ciphertext and no token, and a frame or window it opens into `F/` without the
 * token gets a page saying to open the site from its link.
 */
import { siteIndex, type SiteIndex, type SiteMap } from './runtime.js';

/** A session: the map and what the worker derives from it. */
export interface Session {
  token: string;
  map: SiteMap;
  index: SiteIndex;
  /** Where the site's root is in this session: `F/.artifact-links/s/<token>/`. */
  root: string;
  /** Folders of the site (`''`, `a/`) that hold a service worker the site registers (see `nestedWorkerDir`). */
  nested: string[];
  /** Whether a page has been opened in it: the start page's first navigation needs no open page. */
  opened: boolean;
}

/** `F/.artifact-links/s/`: under the worker's scope `F/`, where sessions live. */
export function sessionsBase(scope: string): string {
  return scope + '.artifact-links/s/';
}

/** Tokens are 128 random bits in base64url (22 characters); nothing else is a token. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(value);
}

/** `{ token, root }` of a URL inside a session, or undefined. `href` without query or fragment is enough. */
export function sessionOf(scope: string, href: string): { token: string; root: string } | undefined {
  const base = sessionsBase(scope);
  if (!href.startsWith(base)) return undefined;
  const rest = href.slice(base.length);
  const slash = rest.indexOf('/');
  const token = slash < 0 ? rest.replace(/[?#].*$/, '') : rest.slice(0, slash);
  if (!isToken(token)) return undefined;
  return { token, root: base + token + '/' };
}

/**
 * The map a start page sent, if it is a map of the site this worker serves: same origin and folder
 * as the worker's scope. Anything else (a page of another site posting its own or a forged map) is
 * refused, so a session can only ever serve this folder's files.
 */
export function acceptMap(scope: string, value: unknown): SiteMap | undefined {
  const map = value as SiteMap;
  if (!map || typeof map !== 'object' || map.v !== 1 || typeof map.origin !== 'string' || typeof map.base !== 'string') return undefined;
  if (!Array.isArray(map.dirs) || !Array.isArray(map.urls) || !Array.isArray(map.query) || typeof map.expiresAt !== 'number')
    return undefined;
  if (map.origin + map.base !== scope) return undefined;
  for (const [, url] of map.urls) {
    if (typeof url !== 'string' || !url.startsWith(scope)) return undefined;
  }
  return map;
}

/** The folders of a site that hold `sw.bundle.js`: Playwright's trace viewer registers it for its folder. */
export function nestedWorkerDirs(index: SiteIndex): string[] {
  const dirs: string[] = [];
  for (const path of index.files.keys()) {
    const slash = path.lastIndexOf('/');
    if (path.slice(slash + 1) === 'sw.bundle.js') dirs.push(path.slice(0, slash + 1));
  }
  return dirs.sort((a, b) => b.length - a.length);
}

/** The nested worker's folder whose scope holds this site path (the deepest one), or undefined. */
export function nestedWorkerDir(session: Session, path: string): string | undefined {
  for (const dir of session.nested) if (path.startsWith(dir)) return dir;
  return undefined;
}

export function newSession(scope: string, token: string, map: SiteMap): Session {
  const index = siteIndex(map);
  return { token, map, index, root: sessionsBase(scope) + token + '/', nested: nestedWorkerDirs(index), opened: false };
}

/**
 * The site path a request of a page in the session asks for, or undefined when it is not the
 * site's: relative URLs under the session's root, and root-absolute ones (`/assets/app.js`, the
 * default of Vite and most static-site generators) when the site has that file or folder. Also
 * the site's folder itself (`F/x`), which a page may compute from `location`.
 */
export function sitePathOf(session: Session, scope: string, href: string): string | undefined {
  const url = new URL(href);
  const at = url.origin + url.pathname;
  const decode = (s: string): string | undefined => {
    try {
      return decodeURIComponent(s);
    } catch {
      return undefined;
    }
  };
  if (at.startsWith(session.root)) return decode(at.slice(session.root.length));
  if (url.origin !== session.map.origin) return undefined;
  if (at.startsWith(scope) && !at.startsWith(sessionsBase(scope))) return decode(at.slice(scope.length));
  const path = decode(url.pathname.slice(1));
  if (path === undefined) return undefined;
  const { files, dirs } = session.index;
  if (files.has(path) || dirs.has(path.endsWith('/') ? path : path + '/') || (path === '' && files.has('index.html'))) return path;
  return undefined;
}
