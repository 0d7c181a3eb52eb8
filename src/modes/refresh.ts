/**
 * mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild.
 * On a schedule or a manual run without `pr-number`: every open pull request (refresh-all.ts).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { getText, listKeys } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import type { LinkLifetime } from '../links/expiry.js';
import { scopePrefix } from '../links/keys.js';
import type { ManifestEntry, StoredFile } from '../links/manifest-entry.js';
import { sectionNote } from '../links/section.js';
import { isManifestKey, latestPerSection, MANIFEST_NAME, parseStoredManifest, StoredManifest } from '../links/stored-manifest.js';
import { publishLinks } from '../publish/links.js';
import { setSiteOutputs } from '../publish/outputs.js';
import type { SectionData } from '../render/markers.js';
import { plural } from '../util/log.js';
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
    const found = await findUploads(client, target, scope);
    if (!found) {
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

/** What an earlier upload left under a scope prefix. */
export interface Uploads {
  /** The newest upload of each section. */
  manifests: StoredManifest[];
  /** Their files that are still in the bucket. */
  files: StoredFile[];
  /** Their files that are gone (a lifecycle rule may have expired some): no link for them. */
  missing: StoredFile[];
  /** The key prefix of each upload (where its manifest, sites and share page are). */
  prefixes: Map<StoredManifest, string>;
}

/** The uploads under `scope/`, or undefined when there are none. */
export async function findUploads(client: S3Client, target: StoreTarget, scope: string): Promise<Uploads | undefined> {
  const keys = await listKeys(client, target, scope);
  const manifestKeys = keys.filter(isManifestKey);
  if (manifestKeys.length === 0) return undefined;
  const prefixes = new Map<StoredManifest, string>();
  const manifests = latestPerSection(
    await Promise.all(
      manifestKeys.map(async (k) => {
        const m = parseStoredManifest(await getText(client, target, k), k);
        prefixes.set(m, k.slice(0, -MANIFEST_NAME.length).replace(/\/$/, ''));
        return m;
      }),
    ),
  );
  const present = new Set(keys);
  const all = manifests.flatMap((m) => m.files);
  return { manifests, files: all.filter((f) => present.has(f.key)), missing: all.filter((f) => !present.has(f.key)), prefixes };
}

export function goneWarning(missing: StoredFile[], where = ''): string {
  const one = missing.length === 1;
  return `${plural(missing.length, 'file')} of the earlier upload${where} ${one ? 'is' : 'are'} gone from the bucket and get${one ? 's' : ''} no link, e.g. ${missing[0].path}.`;
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
  uploads: Uploads;
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
      prefix: o.uploads.prefixes.get(m) ?? '',
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
