/**
 * Step of upload and refresh: the section's sites (folders that open in the browser) and its share
 * page. Before the upload, `planSites` decides the site folders and refuses a user file that has the
 * name of a generated object; after signing, `publishSites` builds the generated objects (src/sites)
 * with the run's own signer and uploads them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { putText } from '../aws/bucket.js';
import { isVirtualHostableBucket, sharedAwsOrigin } from '../aws/presign.js';
import type { StoreTarget } from '../aws/s3-client.js';
import { Input } from '../config/constants.js';
import type { LinkSignerConfig } from '../config/link-signer.js';
import { opensInBrowser } from '../links/disposition.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { buildSectionSites, signGenerated } from '../sites/build.js';
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

/**
 * Why the sites' links would be on an origin every bucket shares (path-style on AWS's
 * `s3.REGION.amazonaws.com`, where any page in anyone's bucket could read them), or undefined.
 * CloudFront links have the distribution's own origin. Pure.
 */
export function sharedOriginProblem(target: StoreTarget, linkSigner: LinkSignerConfig | undefined): string | undefined {
  if (linkSigner?.kind === 'cloudfront') return undefined;
  const host = sharedAwsOrigin(target);
  if (!host) return undefined;
  const why = target.endpoint
    ? `'${Input.Endpoint}' is AWS's ${target.endpoint.host} and the links are path-style ('${Input.ForcePathStyle}' is true, its default with '${Input.Endpoint}')`
    : !isVirtualHostableBucket(target.bucket)
      ? `the bucket name '${target.bucket}' cannot be a host name (it has dots or capitals), so the links are path-style`
      : `'${Input.ForcePathStyle}' is true`;
  return (
    `the links would be on ${host}, an origin every bucket in the region shares: ${why}. ` +
    `A page in anyone's bucket there could read the sites. Use a bucket name without dots (links then go on <bucket>.${host}), ` +
    `${target.endpoint ? `remove '${Input.Endpoint}'` : `set '${Input.ForcePathStyle}: false'`}, put CloudFront in front ('${Input.CloudFrontUrl}'), or set '${Input.Browse}: none'`
  );
}

/**
 * Throws, before anything is uploaded, when sites would be on an origin every bucket shares.
 * `folders`: the site folders as the user knows them.
 */
export function assertOwnOrigin(target: StoreTarget, linkSigner: LinkSignerConfig | undefined, folders: readonly string[]): void {
  if (folders.length === 0) return;
  const problem = sharedOriginProblem(target, linkSigner);
  if (!problem) return;
  const shown = folders.map((f) => f || './').join(', ');
  throw new Error(
    `Input '${Input.Browse}' makes ${folders.length === 1 ? 'a site' : 'sites'} of ${shown}, but ${problem}. Nothing was uploaded.`,
  );
}

export interface PublishSitesOptions {
  client: S3Client;
  target: StoreTarget;
  /** The section's key prefix. */
  prefix: string;
  folders: readonly string[];
  /** The section's signed files. */
  entries: readonly ManifestEntry[];
  /** Signs a generated object's key like every other link of the run. */
  sign: (key: string) => Promise<string>;
  expiresAt: Date;
  section: { title: string; sha: string; runUrl: string; note?: string };
  /** The files came from a fork's code: their HTML, SVG and XML are attachments (Download, not Open). */
  untrusted?: boolean;
  log: Logger;
}

/** Builds and uploads the section's sites and share page; returns their links. */
export async function publishSites(options: PublishSitesOptions): Promise<PublishedSites> {
  const base = options.prefix ? `${options.prefix}/` : '';
  const files = options.entries.map((e) => ({
    path: e.key.slice(base.length),
    display: e.path,
    size: e.size,
    sha256: e.sha256,
    contentType: e.contentType,
    url: e.url,
    viewable: opensInBrowser(e.contentType, options.untrusted ?? false),
  }));
  const built = buildSectionSites({
    prefix: options.prefix,
    files,
    sites: options.folders,
    sign: await signGenerated(options.prefix, options.folders, options.sign),
    expiresAt: options.expiresAt,
    title: options.section.title,
    sha: options.section.sha,
    runUrl: options.section.runUrl,
    note: options.section.note,
    displayFolder: (folder) => displayFolder(files, folder),
  });
  const pages = Promise.all(built.objects.map((g) => putText(options.client, options.target, g.key, g.body, g.contentType)));
  pages.catch(() => undefined); // awaited below, after the QR codes have started
  // A QR code takes tens of milliseconds of CPU: drawn once the pages' requests are on their way,
  // and sent beside them rather than after them.
  await new Promise((resolve) => setImmediate(resolve));
  const codes = publishQrCodes({ ...options, shareUrl: built.shareUrl });
  codes.catch(() => undefined); // not waited for, nor worth a warning, once the pages have failed
  await pages;
  const qr = await codes.catch((e: Error) => {
    options.log.warning(`Could not upload the QR codes (the links work): ${e.message}`);
    return [];
  });
  for (const site of built.sites)
    options.log.info(`Site ${site.display} (${site.files} files): open it from the 'sites' output or the comment.`);
  const expiresAt = options.expiresAt.toISOString();
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
