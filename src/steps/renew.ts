/**
 * Step of refresh (one pull request or every open one): the renewed uploads' comment sections, and
 * their sites and share pages rebuilt with the new links.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { LinkSignerConfig } from '../config/link-signer.js';
import type { StoreTarget } from '../aws/s3-client.js';
import type { LinkLifetime } from '../links/expiry.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { sectionNote } from '../links/section.js';
import type { StoredManifest } from '../links/stored-manifest.js';
import type { SectionData } from '../render/markers.js';
import type { Logger } from '../util/log.js';
import type { Uploads } from './find-uploads.js';
import type { LinkSigner } from './sign.js';
import { PublishedSites, publishSites, sharedOriginProblem } from './sites.js';
import { untrustedNote } from './untrusted.js';

/** The comment sections of renewed uploads, with the new links (`entries` may hold other uploads' too). */
export function renewedSections(
  manifests: StoredManifest[],
  entries: ManifestEntry[],
  lifetime: LinkLifetime,
  updatedAt: string,
  signer: Pick<LinkSigner, 'expiryAssumed'>,
  about?: string,
  sites?: ReadonlyMap<StoredManifest, PublishedSites>,
): SectionData[] {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const note = renewedNote(updatedAt, signer, about);
  return manifests.map((m) => ({
    sites: sites?.get(m)?.sites,
    shareUrl: sites?.get(m)?.shareUrl,
    open: sites?.get(m)?.open,
    qr: sites?.get(m)?.qr,
    base: m.base,
    id: m.section.id,
    title: m.section.title,
    sha: m.sha,
    runUrl: m.runUrl,
    updatedAt,
    expiresAt: lifetime.expiresAt.toISOString(),
    files: m.files.flatMap((f) => byKey.get(f.key) ?? []),
    note: note(m),
    ...(m.untrusted ? { untrusted: true } : {}),
  }));
}

/** A renewed section's note: its fork's restriction, as the upload said it, then the renewal. */
function renewedNote(updatedAt: string, signer: Pick<LinkSigner, 'expiryAssumed'>, about?: string) {
  const renewed = `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`;
  return (m: StoredManifest) => sectionNote(signer, m.untrusted && untrustedNote(m.untrusted.fork), renewed, about);
}

export interface RenewSitesOptions {
  client: S3Client;
  target: StoreTarget;
  uploads: Pick<Uploads, 'manifests'>;
  /** The renewed links (may hold other uploads' too). */
  entries: ManifestEntry[];
  sign: (key: string) => Promise<string>;
  lifetime: LinkLifetime;
  updatedAt: string;
  signer: Pick<LinkSigner, 'expiryAssumed'>;
  about?: string;
  /** Who signs the links (CloudFront links have their own origin), for the shared-origin check. */
  linkSigner?: LinkSignerConfig;
  log: Logger;
}

/**
 * Sites and share pages hold links, so a refresh rebuilds them with the new ones (same keys, new
 * contents). A section that cannot be rebuilt keeps its file links, with a warning. On an origin
 * every bucket shares, no site is rebuilt (the share page is), with a warning.
 */
export async function renewSites(options: RenewSitesOptions): Promise<Map<StoredManifest, PublishedSites>> {
  const byKey = new Map(options.entries.map((e) => [e.key, e]));
  const shared = sharedOriginProblem(options.target, options.linkSigner);
  if (shared && options.uploads.manifests.some((m) => (m.sites ?? []).length > 0)) {
    options.log.warning(`The sites were not rebuilt (their files' links are renewed): ${shared}.`);
  }
  const note = renewedNote(options.updatedAt, options.signer, options.about);
  const out = new Map<StoredManifest, PublishedSites>();
  for (const m of options.uploads.manifests) {
    const entries = m.files.flatMap((f) => byKey.get(f.key) ?? []);
    if (entries.length === 0) continue;
    const sites = await publishSites({
      client: options.client,
      target: options.target,
      prefix: m.prefix,
      // A fork's restricted files never get sites (the upload made none; a manifest cannot add one).
      folders: shared || m.untrusted ? [] : (m.sites ?? []),
      entries,
      sign: options.sign,
      expiresAt: options.lifetime.expiresAt,
      section: { title: m.section.title, sha: m.sha, runUrl: m.runUrl, note: note(m) },
      untrusted: m.untrusted !== undefined,
      log: options.log,
    }).catch((e: Error) => {
      options.log.warning(
        `Could not rebuild the sites and the share page of ${m.section.title} (the file links are renewed): ${e.message}`,
      );
      return undefined;
    });
    if (sites) out.set(m, sites);
  }
  return out;
}
