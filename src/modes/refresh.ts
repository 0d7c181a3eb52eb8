/**
 * mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild.
 * On a schedule or a manual run without `pr-number`: every open pull request (refresh-all.ts).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { StoreTarget } from '../aws/s3-client.js';
import { runsUrl } from '../config/context.js';
import type { LinkLifetime } from '../links/expiry.js';
import { scopePrefix } from '../links/keys.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { sectionNote } from '../links/section.js';
import type { StoredManifest } from '../links/stored-manifest.js';
import { publishLinks } from '../publish/links.js';
import { setSiteOutputs } from '../publish/outputs.js';
import type { SectionData } from '../render/markers.js';
import { plural } from '../util/log.js';
import { findUploads, goneWarning, type Uploads } from './find-uploads.js';
import { ModeDeps, openStore } from './setup.js';
import { LinkSigner, presignFiles, proveLinks } from './sign.js';
import { PublishedSites, publishSites } from './sites.js';
import type { Logger } from '../util/log.js';

/** Events on which `mode: refresh` without `pr-number` renews every open pull request. */
export const EVERY_PULL_EVENTS = ['schedule', 'workflow_dispatch'];

export async function refresh(d: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = d;
  if (inputs.prNumber === undefined && EVERY_PULL_EVENTS.includes(ctx.eventName)) {
    return (await import('./refresh-all.js')).refreshOpenPulls(d);
  }
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const { target, links, client } = await openStore(d);
  try {
    const found = await findUploads(client, target, scope, runsUrl(ctx), log);
    if (found.manifests.length === 0) {
      log.warning(
        `Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`,
      );
      return;
    }
    if (found.missing.length > 0) log.warning(goneWarning(found.missing));
    const { entries, lifetime, report, sign } = presignFiles(found.files, {
      signer: links,
      requestedSeconds: inputs.expiresInSeconds,
      log,
      clock,
    });
    await proveLinks(links, entries, log);
    const updatedAt = clock().toISOString();
    const sites = await renewSites({
      client,
      target,
      uploads: found,
      entries,
      sign,
      lifetime,
      updatedAt,
      signer: links,
      about: report.about,
      log,
    });
    const sections = renewedSections(found.manifests, entries, lifetime, updatedAt, links, report.about, sites);
    // One share page per section: the output names it when there is one.
    const shareUrls = [...sites.values()].map((s) => s.shareUrl);
    setSiteOutputs(
      [...sites.values()].flatMap((s) => s.sites),
      shareUrls.length === 1 ? shareUrls[0] : '',
    );
    log.info(`Renewed ${plural(entries.length, 'link')} in ${plural(sections.length, 'section')} under ${inputs.bucket}/${scope}/.`);
    await publishLinks(d.publish, report, sections, 'refresh');
  } finally {
    client.destroy();
  }
}

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
    note: sectionNote(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`, about),
  }));
}

export interface RenewSitesOptions {
  client: S3Client;
  target: StoreTarget;
  uploads: Pick<Uploads, 'manifests'>;
  /** The renewed links (may hold other uploads' too). */
  entries: ManifestEntry[];
  sign: (key: string) => string;
  lifetime: LinkLifetime;
  updatedAt: string;
  signer: Pick<LinkSigner, 'expiryAssumed'>;
  about?: string;
  log: Logger;
}

/**
 * Sites and share pages hold links, so a refresh rebuilds them with the new ones (same keys, new
 * contents). A section that cannot be rebuilt keeps its file links, with a warning.
 */
export async function renewSites(o: RenewSitesOptions): Promise<Map<StoredManifest, PublishedSites>> {
  const byKey = new Map(o.entries.map((e) => [e.key, e]));
  const note = sectionNote(o.signer, `Links renewed ${o.updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`, o.about);
  const out = new Map<StoredManifest, PublishedSites>();
  for (const m of o.uploads.manifests) {
    const entries = m.files.flatMap((f) => byKey.get(f.key) ?? []);
    if (entries.length === 0) continue;
    const sites = await publishSites({
      client: o.client,
      target: o.target,
      prefix: m.prefix,
      folders: m.sites ?? [],
      entries,
      sign: o.sign,
      expiresAt: o.lifetime.expiresAt,
      section: { title: m.section.title, sha: m.sha, runUrl: m.runUrl, note },
      log: o.log,
    }).catch((e: Error) => {
      o.log.warning(`Could not rebuild the sites and the share page of ${m.section.title} (the file links are renewed): ${e.message}`);
      return undefined;
    });
    if (sites) out.set(m, sites);
  }
  return out;
}
