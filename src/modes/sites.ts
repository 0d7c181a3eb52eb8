/**
 * Step of upload and refresh: the section's sites (folders that open in the browser) and its share
 * page. Before the upload, `planSites` decides the site folders and refuses a user file that has the
 * name of a generated object; after signing, `publishSites` builds the generated objects (src/sites)
 * with the run's own signer and uploads them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { putText } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import { isBrowserViewable } from '../links/disposition.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { buildSectionSites, type Sign } from '../sites/build.js';
import { type Browse, detectSites, unmatchedGlobs } from '../sites/detect.js';
import { assertNoCollision, generatedNames } from '../sites/names.js';
import type { QrLink } from '../render/markers.js';
import type { Logger } from '../util/log.js';
import { publishQrCodes } from './qr-codes.js';

/** One entry of the `sites` output. */
export interface SiteOutput {
  /** The site's folder as paths appear in the manifest (`.` for the workspace itself). */
  path: string;
  /** The link that opens the site. */
  url: string;
  expiresAt: string;
}

export interface PublishedSites {
  sites: SiteOutput[];
  shareUrl: string;
  /** QR codes of the share page and the mobile builds (empty when they could not be made). */
  qr: QrLink[];
  /** Links that open a site's HTML page through the site, by object key. */
  open: Map<string, string>;
}

/** A file as planned: its path relative to the upload root (the key's tail) and as the user knows it. */
export interface PlannedFile {
  relativePath: string;
  displayPath: string;
}

/**
 * The site folders (`''` or `a/b/`) of an upload. Throws, before anything is uploaded, when a user
 * file would be overwritten by a generated object.
 */
export function planSites(files: readonly PlannedFile[], browse: Browse, log: Logger): string[] {
  const paths = files.map((f) => f.relativePath);
  for (const glob of unmatchedGlobs(paths, browse)) log.warning(`Input 'browse': '${glob}' matches no uploaded folder.`);
  const folders = detectSites(paths, browse);
  const display = new Map(files.map((f) => [f.relativePath, f.displayPath]));
  assertNoCollision(paths, generatedNames(folders), (p) => display.get(p) ?? p);
  return folders;
}

export interface PublishSitesOptions {
  client: S3Client;
  target: StoreTarget;
  /** The section's key prefix. */
  prefix: string;
  folders: readonly string[];
  /** The section's signed files. */
  entries: readonly ManifestEntry[];
  sign: Sign;
  expiresAt: Date;
  section: { title: string; sha: string; runUrl: string; note?: string };
  log: Logger;
}

/** Builds and uploads the section's sites and share page; returns their links. */
export async function publishSites(o: PublishSitesOptions): Promise<PublishedSites> {
  const base = o.prefix ? `${o.prefix}/` : '';
  const files = o.entries.map((e) => ({
    path: e.key.slice(base.length),
    display: e.path,
    size: e.size,
    sha256: e.sha256,
    contentType: e.contentType,
    url: e.url,
    viewable: isBrowserViewable(e.contentType),
  }));
  const built = buildSectionSites({
    prefix: o.prefix,
    files,
    sites: o.folders,
    sign: o.sign,
    expiresAt: o.expiresAt,
    title: o.section.title,
    sha: o.section.sha,
    runUrl: o.section.runUrl,
    note: o.section.note,
    displayFolder: (folder) => displayFolder(files, folder),
  });
  await Promise.all(built.objects.map((g) => putText(o.client, o.target, g.key, g.body, g.contentType)));
  const qr = await publishQrCodes({ ...o, shareUrl: built.shareUrl }).catch((e: Error) => {
    o.log.warning(`Could not upload the QR codes (the links work): ${e.message}`);
    return [];
  });
  for (const site of built.sites) o.log.info(`Site ${site.display} (${site.files} files): open it from the 'sites' output or the comment.`);
  const expiresAt = o.expiresAt.toISOString();
  return {
    sites: built.sites.map((s) => ({ path: s.display === './' ? '.' : s.display.replace(/\/$/, ''), url: s.url, expiresAt })),
    shareUrl: built.shareUrl,
    qr,
    open: new Map([...built.open].map(([path, url]) => [base + path, url])),
  };
}

/** A site folder as the user knows it: the display path of one of its files, minus the part inside the folder. */
export function displayFolder(files: readonly { path: string; display: string }[], folder: string): string {
  const file = files.find((f) => f.path.startsWith(folder) && f.display.endsWith(f.path.slice(folder.length)));
  if (!file) return folder || './';
  const outer = file.display.slice(0, file.display.length - (file.path.length - folder.length));
  return outer || './';
}
