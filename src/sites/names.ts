/**
 * Names of the objects the action generates beside the user's files. Pure.
 *
 * Every one is inside the action's namespace (isReservedKey in src/links/keys.ts), so no user file
 * can have its key: a site's start page and file map go in a `.artifact-links` folder of the site,
 * the share page in the one at the root of the section's upload. Only the worker script sits directly
 * in the site's folder, under a name the namespace reserves too: a service worker's scope cannot be
 * wider than its script's folder, and S3 cannot send `Service-Worker-Allowed`.
 */
import { RESERVED_SEGMENT, WORKER_FILE_NAME } from '../links/keys.js';

/** In each site folder: the service worker script. */
export const WORKER_NAME = WORKER_FILE_NAME;
/** In each site folder: the page a reader opens (registers the worker, then shows the site). */
export const BOOTSTRAP_NAME = `${RESERVED_SEGMENT}/open.html`;
/** In each site folder: the site map as JSON, for the file list when service workers are unavailable. */
export const MAP_NAME = `${RESERVED_SEGMENT}/files.json`;
/** At the section's root: the page that lists every file. */
export const SHARE_PAGE_NAME = `${RESERVED_SEGMENT}/share.html`;

export type GeneratedKind = 'worker' | 'bootstrap' | 'map' | 'share';

/** One object the action generates: its path relative to the section's upload root. */
export interface GeneratedName {
  path: string;
  kind: GeneratedKind;
  /** The site folder it belongs to (`''` or `a/b/`); undefined for the share page. */
  site?: string;
}

/** The generated objects for these site folders (see detect.ts), plus the share page. */
export function generatedNames(sites: readonly string[], sharePage = true): GeneratedName[] {
  const names: GeneratedName[] = sites.flatMap((site) => [
    { path: site + WORKER_NAME, kind: 'worker' as const, site },
    { path: site + BOOTSTRAP_NAME, kind: 'bootstrap' as const, site },
    { path: site + MAP_NAME, kind: 'map' as const, site },
  ]);
  if (sharePage) names.push({ path: SHARE_PAGE_NAME, kind: 'share' });
  return names;
}

/** The keys of a section's generated objects (its sites' and its share page) under its key prefix. */
export function generatedKeys(prefix: string, sites: readonly string[]): string[] {
  return generatedNames(sites).map((g) => (prefix ? `${prefix}/${g.path}` : g.path));
}

const WHAT: Record<GeneratedKind, string> = {
  worker: "a site's service worker",
  bootstrap: "a site's start page",
  map: "a site's file map",
  share: 'the share page',
};

/**
 * Throws when a user's file has the path of a generated object, naming the file; like any other
 * key collision, it is an error before anything is uploaded. `display` maps a relative path to the
 * path the user knows (e.g. relative to the workspace).
 */
export function assertNoCollision(
  userPaths: readonly string[],
  generated: readonly GeneratedName[],
  display: (path: string) => string = (p) => p,
): void {
  const byPath = new Map(generated.map((g) => [g.path, g]));
  const clashes = userPaths.filter((p) => byPath.has(p));
  if (clashes.length === 0) return;
  const lines = clashes.map((p) => {
    const g = byPath.get(p) as GeneratedName;
    return `${display(p)} would be overwritten by ${WHAT[g.kind]}${g.site !== undefined ? ` (site ${g.site || './'})` : ''}`;
  });
  throw new Error(
    `${lines.join('; ')}. A "${RESERVED_SEGMENT}" folder and the name ${WORKER_NAME} are reserved for the objects the action generates: rename the file or exclude it in 'path'.`,
  );
}
