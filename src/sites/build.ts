/**
 * Everything a section's sites and share page need, as objects to upload. Pure: links come from the
 * caller, already signed (user files) or from `sign` (generated objects, whose keys are known before
 * their contents: signGenerated signs them up front). Order of a run: plan names (names.ts) → upload user files → sign → build → upload
 * these objects.
 */
import { BOOTSTRAP_NAME, generatedKeys, MAP_NAME, SHARE_PAGE_NAME, WORKER_NAME } from './names.js';
import { renderBootstrapPage, renderWorkerScript } from './pages.js';
import { encodePath } from './runtime.js';
import { sharePageParts, type ShareFile } from './share-page.js';
import { buildSiteMap } from './site-map.js';
import { lazyText, type LazyText } from '../util/text-buffer.js';

/** A link to the object with this key, signed like every other link of the run. */
export type Sign = (key: string) => string;

/**
 * The links of a section's generated objects (sites and share page), signed up front: their keys are
 * known before their contents, and building them (sites/build.ts) is synchronous and pure.
 */
export async function signGenerated(prefix: string, folders: readonly string[], sign: (key: string) => Promise<string>): Promise<Sign> {
  const generated = new Map<string, string>();
  for (const key of generatedKeys(prefix, folders)) generated.set(key, await sign(key));
  return (key) => {
    const url = generated.get(key);
    if (url === undefined) throw new Error(`No link was signed for the generated object ${key}.`);
    return url;
  };
}

/** A user's file of the section, already uploaded and signed. */
export interface SectionFile {
  /** Path relative to the section's upload root: the tail of its key. */
  path: string;
  /** Path as the user knows it (the manifest's `path`). */
  display: string;
  size: number;
  sha256: string;
  contentType: string;
  url: string;
  /** A browser displays it rather than downloads it. */
  viewable: boolean;
}

export interface GeneratedObject {
  key: string;
  /** UTF-8 text; the share page is rendered as it is sent (it can hold tens of thousands of links). */
  body: string | LazyText;
  contentType: string;
}

export interface BuiltSite {
  /** Folder relative to the upload root (`''` or `a/b/`). */
  folder: string;
  /** Folder as the user knows it. */
  display: string;
  /** The link that opens the site. */
  url: string;
  files: number;
}

export interface SectionSitesInput {
  /** Key prefix of the section (no trailing `/`; may be empty). */
  prefix: string;
  files: readonly SectionFile[];
  /** Site folders (detect.ts). */
  sites: readonly string[];
  sign: Sign;
  expiresAt: Date;
  /** The section's title (job and matrix values). */
  title: string;
  sha: string;
  runUrl?: string;
  note?: string;
  /** Folder as the user knows it; default: the folder itself (`./` for the root). */
  displayFolder?: (folder: string) => string;
}

export interface SectionSites {
  objects: GeneratedObject[];
  sites: BuiltSite[];
  shareUrl: string;
  /** Links that open a site's HTML page through its site (so its relative links work), by file path. */
  open: Map<string, string>;
}

export function keyOf(prefix: string, path: string): string {
  return prefix ? `${prefix}/${path}` : path;
}

export function buildSectionSites(input: SectionSitesInput): SectionSites {
  const display = input.displayFolder ?? ((folder: string) => folder || './');
  const objects: GeneratedObject[] = [];
  const sites: BuiltSite[] = [];
  const opens = new Map<string, string>();
  for (const folder of input.sites) {
    const files = input.files.filter((f) => f.path.startsWith(folder));
    if (files.length === 0) continue; // every file of the folder failed to upload: no site to open
    const workerKey = keyOf(input.prefix, folder + WORKER_NAME);
    const mapKey = keyOf(input.prefix, folder + MAP_NAME);
    const bootstrapKey = keyOf(input.prefix, folder + BOOTSTRAP_NAME);
    const workerUrl = input.sign(workerKey);
    const folderUrl = new URL('./', workerUrl).href;
    const title = `${input.title} · ${display(folder)}`;
    const map = buildSiteMap(
      folderUrl,
      files.map((f) => ({ path: f.path.slice(folder.length), url: f.url })),
      { expiresAt: input.expiresAt, title, runUrl: input.runUrl },
    );
    const bootstrapUrl = input.sign(bootstrapKey);
    objects.push(
      { key: workerKey, body: renderWorkerScript(), contentType: 'text/javascript; charset=utf-8' },
      { key: mapKey, body: JSON.stringify(map), contentType: 'application/json; charset=utf-8' },
      {
        key: bootstrapKey,
        contentType: 'text/html; charset=utf-8',
        body: renderBootstrapPage({
          worker: workerUrl,
          map: input.sign(mapKey),
          scope: folderUrl,
          expiresAt: map.expiresAt,
          title,
          runUrl: input.runUrl,
        }),
      },
    );
    sites.push({ folder, display: display(folder), url: bootstrapUrl, files: files.length });
    // HTML pages of a site open through it, so their relative links work.
    for (const f of files)
      if (/^text\/html\b/i.test(f.contentType)) opens.set(f.path, `${bootstrapUrl}#${encodePath(f.path.slice(folder.length))}`);
  }
  const shareKey = keyOf(input.prefix, SHARE_PAGE_NAME);
  const shareFiles: ShareFile[] = input.files.map((f) => ({
    path: f.display,
    size: f.size,
    sha256: f.sha256,
    contentType: f.contentType,
    url: f.url,
    viewable: f.viewable,
    openUrl: opens.get(f.path),
  }));
  objects.push({
    key: shareKey,
    contentType: 'text/html; charset=utf-8',
    body: lazyText(() =>
      sharePageParts({
        title: input.title,
        sha: input.sha,
        runUrl: input.runUrl,
        expiresAt: input.expiresAt.toISOString(),
        files: shareFiles,
        sites: sites.map((s) => ({ path: s.display, url: s.url })),
        note: input.note,
      }),
    ),
  });
  return { objects, sites, shareUrl: input.sign(shareKey), open: opens };
}
