/**
 * The site map: every file of a site and how to rebuild its link, compact enough that a 10,000-file
 * site stays well under 2 MB. Pure.
 *
 * Signer-agnostic: nothing here knows SigV4 or CloudFront. All links of a run are signed at one
 * instant, so the query parameters they share (X-Amz-Algorithm, -Credential, -Date, -Expires,
 * -Security-Token, …; or CloudFront's Expires and Key-Pair-Id) are found by comparing the links
 * themselves and stored once; per file only what differs (the signature). A link that does not fit
 * (another origin, an unusual path encoding, other parameters) is kept whole. Every templated link
 * is rebuilt and compared with the original before it is trusted.
 */
import { encodePath, fileLink, siteIndex, type SiteMap } from './runtime.js';

/** One file of a site: its path relative to the site's folder, and its link. */
export interface SiteLink {
  path: string;
  url: string;
}

export interface SiteInfo {
  /** When the links stop working. */
  expiresAt: Date;
  /** Name of the site on the pages the worker writes (e.g. its folder). */
  title: string;
  runUrl?: string;
}

const HEX = /^(?:[0-9a-f]{2})+$/;

/**
 * Builds the map of the site whose folder is at `folderUrl` (e.g. the worker's link resolved
 * against `./`: origin and encoded folder path, no query).
 */
export function buildSiteMap(folderUrl: string, files: readonly SiteLink[], info: SiteInfo): SiteMap {
  const folder = new URL(folderUrl);
  if (!folder.pathname.endsWith('/') || folder.search || folder.hash) {
    throw new TypeError(`A site's folder URL must end in "/" and have no query: ${folder.origin}${folder.pathname}`);
  }
  const map: SiteMap = {
    v: 1,
    origin: folder.origin,
    base: folder.pathname,
    query: [],
    dirs: [],
    urls: [],
    expiresAt: info.expiresAt.getTime(),
    title: info.title,
    ...(info.runUrl ? { runUrl: info.runUrl } : {}),
  };

  // Links under the folder, with the path encoded the way the worker will rebuild it, grouped by
  // the names of their query parameters; the largest group sets the template.
  const parsed = files.map((file) => {
    const url = new URL(file.url);
    const pieces = url.search ? url.search.slice(1).split('&') : [];
    const fits = url.origin === map.origin && url.pathname === map.base + encodePath(file.path) && !url.hash;
    return { file, href: url.href, pieces, shape: fits ? pieces.map(nameOf).join('&') : undefined };
  });
  const counts = new Map<string, number>();
  for (const p of parsed) if (p.shape !== undefined) counts.set(p.shape, (counts.get(p.shape) ?? 0) + 1);
  const shape = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const group = parsed.filter((p) => p.shape !== undefined && p.shape === shape);

  const slots: number[] = [];
  if (group.length > 0) {
    const first = group[0].pieces;
    map.query = first.map((piece, i) => {
      if (group.every((p) => p.pieces[i] === piece)) return piece;
      slots.push(i);
      const hex = group.every((p) => HEX.test(valueOf(p.pieces[i]))) ? 1 : 0;
      return [nameOf(piece), hex];
    });
  }

  const byDir = new Map<string, string[][]>();
  for (const p of parsed) {
    let entry: string[] | undefined;
    if (p.shape !== undefined && p.shape === shape) {
      entry = slots.map((i) => {
        const value = valueOf(p.pieces[i]);
        const piece = map.query[i];
        return typeof piece !== 'string' && piece[1] ? Buffer.from(value, 'hex').toString('base64url') : value;
      });
      if (!rebuildsTo(map, p.file.path, entry, p.href)) entry = undefined;
    }
    if (!entry) {
      map.urls.push([p.file.path, p.file.url]);
      continue;
    }
    const slash = p.file.path.lastIndexOf('/');
    const dir = p.file.path.slice(0, slash + 1);
    let list = byDir.get(dir);
    if (!list) byDir.set(dir, (list = []));
    list.push([p.file.path.slice(slash + 1), ...entry]);
  }
  map.dirs = [...byDir.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [, list] of map.dirs) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  map.urls.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return map;
}

function nameOf(piece: string): string {
  const eq = piece.indexOf('=');
  return eq < 0 ? piece : piece.slice(0, eq);
}

function valueOf(piece: string): string {
  const eq = piece.indexOf('=');
  return eq < 0 ? '' : piece.slice(eq + 1);
}

/** Whether the worker, from the template and these values, builds exactly this link. */
function rebuildsTo(map: SiteMap, path: string, values: string[], href: string): boolean {
  const slash = path.lastIndexOf('/');
  const single: SiteMap = { ...map, dirs: [[path.slice(0, slash + 1), [[path.slice(slash + 1), ...values]]]], urls: [] };
  const built = fileLink(single, siteIndex(single), path);
  return built !== undefined && new URL(built).href === href;
}
