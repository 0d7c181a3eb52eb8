/** Shared step of refresh and cleanup: what earlier uploads left under a scope, as the action stored it. */
import type { S3Client } from '@aws-sdk/client-s3';
import { getText, listKeys } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import type { StoredFile } from '../links/manifest-entry.js';
import { checkStoredManifest, manifestSectionId, StoredManifest } from '../links/stored-manifest.js';
import { errorMessage, plural, type Logger } from '../util/log.js';

/** What earlier uploads left under a scope prefix. */
export interface Uploads {
  /** Every key under the scope (artifacts and the action's own objects). */
  keys: string[];
  /**
   * The manifests the action stored there that pass their checks, one per section, by section id.
   * Each names its upload's key prefix (checked to lie in the scope) and its site folders.
   */
  manifests: StoredManifest[];
  /** Their files that are still in the bucket. */
  files: StoredFile[];
  /** Their files that are gone (a lifecycle rule may have expired some): no link for them. */
  missing: StoredFile[];
}

/**
 * Lists the scope and reads the manifest of each section, only at the exact keys the action writes
 * them to. A manifest that fails its checks is skipped with a warning: it is never rendered.
 */
export async function findUploads(
  client: S3Client,
  target: StoreTarget,
  scope: string,
  runsUrl: string,
  log: Logger,
  /** Cleanup deletes without them: a manifest it cannot read is a warning, not a failure. */
  unreadable: 'fail' | 'warn' = 'fail',
): Promise<Uploads> {
  const keys = await listKeys(client, target, scope);
  const found = keys.flatMap((key) => {
    const sectionId = manifestSectionId(scope, key);
    return sectionId ? [{ key, sectionId }] : [];
  });
  const read = async (key: string): Promise<string | undefined> => {
    try {
      return await getText(client, target, key);
    } catch (error) {
      if (unreadable === 'fail') throw error;
      log.warning(`Could not read ${key}, so its section is not marked removed: ${errorMessage(error)}`);
      return undefined;
    }
  };
  const checked = (
    await Promise.all(
      found.map(async ({ key, sectionId }) => {
        const text = await read(key);
        return text === undefined ? [] : [{ key, check: checkStoredManifest(text, { scope, sectionId, runsUrl }) }];
      }),
    )
  ).flat();
  const manifests: StoredManifest[] = [];
  for (const { key, check } of checked) {
    if ('manifest' in check) manifests.push(check.manifest);
    else log.warning(`Skipping ${key}: it ${check.problem}, so it is not a manifest this action wrote for this repository.`);
  }
  manifests.sort((a, b) => (a.section.id < b.section.id ? -1 : a.section.id > b.section.id ? 1 : 0));
  const present = new Set(keys);
  const all = manifests.flatMap((m) => m.files);
  return { keys, manifests, files: all.filter((f) => present.has(f.key)), missing: all.filter((f) => !present.has(f.key)) };
}

/** "3 files of the earlier upload are gone from the bucket and get no link, e.g. …". */
export function goneWarning(missing: StoredFile[], where = ''): string {
  const one = missing.length === 1;
  return `${plural(missing.length, 'file')} of the earlier upload${where} ${one ? 'is' : 'are'} gone from the bucket and get${one ? 's' : ''} no link, e.g. ${missing[0].path}.`;
}
