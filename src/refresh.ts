/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */
import * as core from '@actions/core';
import { getText, listKeys } from './bucket.js';
import { SectionData } from './comment-body.js';
import { RunContext } from './context.js';
import { Inputs } from './inputs.js';
import { scopePrefix } from './keys.js';
import { GitHubTarget, publishLinks } from './publish.js';
import { createS3Client } from './s3.js';
import { presignFiles, resolveSigner, sectionNote, storeTarget } from './sign.js';
import { isManifestKey, latestPerSection, parseStoredManifest } from './stored-manifest.js';

export async function refresh(inputs: Inputs, ctx: RunContext, gh: GitHubTarget | undefined): Promise<void> {
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const target = storeTarget(inputs);
  const signer = await resolveSigner(inputs);
  const client = createS3Client(target, signer.credentials, inputs.concurrency);
  const keys = await listKeys(client, target, scope);
  const manifestKeys = keys.filter(isManifestKey);
  if (manifestKeys.length === 0) {
    client.destroy();
    core.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
    return;
  }
  const manifests = latestPerSection(await Promise.all(manifestKeys.map(async (k) => parseStoredManifest(await getText(client, target, k), k))));
  client.destroy();

  // Only objects that still exist get a link (a lifecycle rule may have expired some).
  const present = new Set(keys);
  const files = manifests.flatMap((m) => m.files);
  const missing = files.filter((f) => !present.has(f.key));
  if (missing.length > 0) core.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
  const { entries, lifetime, report } = presignFiles(files.filter((f) => present.has(f.key)), inputs, signer);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const updatedAt = new Date().toISOString();
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
  core.info(`Renewed ${entries.length} links in ${sections.length} sections under ${inputs.bucket}/${scope}/.`);
  await publishLinks(gh, inputs, ctx, report, sections, 'refresh');
}
