/** Shared step of refresh and cleanup: what earlier uploads left under a scope, as the action stored it. */
import type { S3Client } from '@aws-sdk/client-s3';
import { getText, listKeys } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import { checkStoredManifest, manifestSectionId, StoredManifest } from '../links/stored-manifest.js';
import type { Logger } from '../util/log.js';

export interface Uploads {
  /** Every key under the scope. */
  keys: string[];
  /** The manifests the action stored there that pass their checks, by section id. */
  manifests: StoredManifest[];
}

/**
 * Lists the scope and reads the manifest of each section, only at the exact keys the action writes
 * them to. A manifest that fails its checks is skipped with a warning: it is never rendered.
 */
export async function findUploads(client: S3Client, target: StoreTarget, scope: string, runsUrl: string, log: Logger): Promise<Uploads> {
  const keys = await listKeys(client, target, scope);
  const found = keys.flatMap((key) => {
    const sectionId = manifestSectionId(scope, key);
    return sectionId ? [{ key, sectionId }] : [];
  });
  const checked = await Promise.all(
    found.map(async ({ key, sectionId }) => ({
      key,
      check: checkStoredManifest(await getText(client, target, key), { scope, sectionId, runsUrl }),
    })),
  );
  const manifests: StoredManifest[] = [];
  for (const { key, check } of checked) {
    if ('manifest' in check) manifests.push(check.manifest);
    else log.warning(`Skipping ${key}: it ${check.problem}, so it is not a manifest this action wrote for this repository.`);
  }
  manifests.sort((a, b) => (a.section.id < b.section.id ? -1 : a.section.id > b.section.id ? 1 : 0));
  return { keys, manifests };
}
