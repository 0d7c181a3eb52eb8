/**
 * Names of the objects the action generates beside the user's files. Pure.
 *
 * They all start with `.artifact-links`, which no build tool emits. A site's worker script must sit
 * in the site's own folder (a service worker's scope cannot be wider than its script's folder), so
 * its generated objects do too; the share page sits at the root of the section's upload, beside the
 * manifest (`.artifact-links.json`).
 */

export const RESERVED_PREFIX = '.artifact-links';
/** In each site folder: the service worker script. */
export const WORKER_NAME = '.artifact-links-sw.js';
/** In each site folder: the page a reader opens (registers the worker, then shows the site). */
export const BOOTSTRAP_NAME = '.artifact-links-open.html';
/** In each site folder: the site map as JSON, for the file list when service workers are unavailable. */
export const MAP_NAME = '.artifact-links-files.json';
/** At the section's root: the page that lists every file. */
export const SHARE_PAGE_NAME = '.artifact-links-share.html';

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
    `${lines.join('; ')}. Names starting with ${RESERVED_PREFIX} are reserved for the objects the action generates: rename the file, exclude it in 'path', or set browse: none.`,
  );
}
