/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */
import { getText, listKeys } from '../aws/bucket.js';
import { scopePrefix } from '../links/keys.js';
import { sectionNote } from '../links/section.js';
import { isManifestKey, latestPerSection, MANIFEST_NAME, parseStoredManifest, StoredManifest } from '../links/stored-manifest.js';
import { publishLinks } from '../publish/links.js';
import { setSiteOutputs } from '../publish/outputs.js';
import type { SectionData } from '../render/markers.js';
import { ModeDeps, openStore } from './setup.js';
import { presignFiles } from './sign.js';
import { PublishedSites, publishSites, SiteOutput } from './sites.js';

export async function refresh(d: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = d;
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const { target, signer, client } = await openStore(d);
  const keys = await listKeys(client, target, scope);
  const manifestKeys = keys.filter(isManifestKey);
  if (manifestKeys.length === 0) {
    client.destroy();
    log.warning(
      `Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`,
    );
    return;
  }
  const prefixes = new Map<StoredManifest, string>();
  const parsed = await Promise.all(
    manifestKeys.map(async (k) => {
      const m = parseStoredManifest(await getText(client, target, k), k);
      prefixes.set(m, k.slice(0, -MANIFEST_NAME.length).replace(/\/$/, ''));
      return m;
    }),
  );
  const manifests = latestPerSection(parsed);

  // Only objects that still exist get a link (a lifecycle rule may have expired some).
  const present = new Set(keys);
  const files = manifests.flatMap((m) => m.files);
  const missing = files.filter((f) => !present.has(f.key));
  if (missing.length > 0)
    log.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
  const { entries, lifetime, report, sign } = presignFiles(
    files.filter((f) => present.has(f.key)),
    { target, signer, requestedSeconds: inputs.expiresInSeconds, log, clock },
  );
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const updatedAt = clock().toISOString();
  const note = sectionNote(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`);
  // Sites and share pages hold links, so they are rebuilt with the new ones (same keys, new contents).
  const sections: SectionData[] = [];
  const allSites: SiteOutput[] = [];
  const shareUrls: string[] = [];
  for (const m of manifests) {
    const files = m.files.flatMap((f) => byKey.get(f.key) ?? []);
    let sites: PublishedSites | undefined;
    if (files.length > 0) {
      sites = await publishSites({
        client,
        target,
        prefix: prefixes.get(m) ?? '',
        folders: m.sites ?? [],
        entries: files,
        sign,
        expiresAt: lifetime.expiresAt,
        section: { title: m.section.title, sha: m.sha, runUrl: m.runUrl, note },
        log,
      }).catch((e: Error) => {
        log.warning(`Could not rebuild the sites and the share page of ${m.section.title} (the file links work): ${e.message}`);
        return undefined;
      });
    }
    if (sites) {
      allSites.push(...sites.sites);
      shareUrls.push(sites.shareUrl);
    }
    sections.push({
      id: m.section.id,
      title: m.section.title,
      sha: m.sha,
      runUrl: m.runUrl,
      updatedAt,
      expiresAt: lifetime.expiresAt.toISOString(),
      files,
      note,
      sites: sites?.sites,
      shareUrl: sites?.shareUrl,
      open: sites?.open,
    });
  }
  client.destroy();
  // One share page per section: the output names it when there is one.
  setSiteOutputs(allSites, shareUrls.length === 1 ? shareUrls[0] : '');
  log.info(`Renewed ${entries.length} links in ${sections.length} sections under ${inputs.bucket}/${scope}/.`);
  await publishLinks(d.publish, report, sections, 'refresh');
}
