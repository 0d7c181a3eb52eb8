/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */
import { runsUrl } from '../config/context.js';
import { scopePrefix } from '../links/keys.js';
import { sectionNote } from '../links/section.js';
import { publishLinks } from '../publish/links.js';
import type { SectionData } from '../render/markers.js';
import { findUploads } from './find-uploads.js';
import { ModeDeps, openStore } from './setup.js';
import { presignFiles } from './sign.js';

export async function refresh(d: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = d;
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const { target, signer, client } = await openStore(d);
  const { keys, manifests } = await findUploads(client, target, scope, runsUrl(ctx), log).finally(() => client.destroy());
  if (manifests.length === 0) {
    log.warning(
      `Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`,
    );
    return;
  }

  // Only objects that still exist get a link (a lifecycle rule may have expired some).
  const present = new Set(keys);
  const files = manifests.flatMap((m) => m.files);
  const missing = files.filter((f) => !present.has(f.key));
  if (missing.length > 0)
    log.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
  const { entries, lifetime, report } = presignFiles(
    files.filter((f) => present.has(f.key)),
    { target, signer, requestedSeconds: inputs.expiresInSeconds, log, clock },
  );
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const updatedAt = clock().toISOString();
  const sections: SectionData[] = manifests.map((m) => ({
    id: m.section.id,
    title: m.section.title,
    sha: m.sha,
    runUrl: m.runUrl,
    updatedAt,
    expiresAt: lifetime.expiresAt.toISOString(),
    files: m.files.flatMap((f) => byKey.get(f.key) ?? []),
    note: sectionNote(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`),
  }));
  log.info(`Renewed ${entries.length} links in ${sections.length} sections under ${inputs.bucket}/${scope}/.`);
  await publishLinks(d.publish, report, sections, 'refresh');
}
