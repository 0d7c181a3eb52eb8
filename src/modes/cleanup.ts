/**
 * mode: cleanup — delete this PR's objects and mark the sections whose objects are gone as removed.
 * Idempotent. It never claims a removal it did not make: it lists the scope again after deleting,
 * and marks only the sections whose stored manifest it found and whose every object is gone.
 */
import { deleteKeys, listKeys } from '../aws/bucket.js';
import { runsUrl } from '../config/context.js';
import { isReservedKey, scopePrefix } from '../links/keys.js';
import type { StoredManifest } from '../links/stored-manifest.js';
import { publishComment } from '../publish/comment.js';
import { setCount } from '../publish/outputs.js';
import { parseSections, SectionData } from '../render/markers.js';
import { errorMessage, notice, plural } from '../util/log.js';
import { generatedKeys } from '../sites/names.js';
import { findUploads } from '../steps/find-uploads.js';
import { ModeDeps, openStore } from '../steps/setup.js';

export async function cleanup(deps: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = deps;
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const { target, client } = await openStore(deps);
  let left: Set<string>;
  let keys: string[];
  let manifests: StoredManifest[];
  let deleteError: unknown;
  try {
    ({ keys, manifests } = await findUploads(client, target, scope, runsUrl(ctx), log, 'warn'));
    if (keys.length === 0) {
      notice(log, `Nothing to delete under ${inputs.bucket}/${scope}/: already cleaned up.`);
      setCount(0);
      return;
    }
    await deleteKeys(client, target, keys).catch((e: unknown) => (deleteError = e));
    // Deleted means gone from a fresh listing, whatever DeleteObjects answered.
    left = new Set(await listKeys(client, target, scope));
  } finally {
    client.destroy();
  }
  const remaining = keys.filter((k) => left.has(k));
  const deleted = keys.filter((k) => !left.has(k));
  // Artifacts, not the action's own objects (manifests, sites' generated objects, share pages).
  const artifacts = deleted.filter((k) => !isReservedKey(k)).length;
  setCount(artifacts);
  log.info(`Deleted ${plural(artifacts, 'artifact')} under ${inputs.bucket}/${scope}/.`);

  // A section is removed when none of its objects is left (not even one uploaded since the listing):
  // its files, and its sites' and share page's generated objects, which hold links too.
  const removed = manifests
    .filter((m) => [...m.files.map((f) => f.key), ...generatedKeys(m.prefix, m.sites ?? [])].every((k) => !left.has(k)))
    .map((m) => m.section.id);
  if (removed.length > 0) {
    const updatedAt = clock().toISOString();
    await publishComment(deps.publish, (body) => (body ? removedSections(body, new Set(removed), updatedAt) : []));
  }
  if (remaining.length > 0) {
    throw new Error(
      `${plural(remaining.length, 'object')} under ${inputs.bucket}/${scope}/ could not be deleted and still serve their links, ` +
        `e.g. ${[...remaining.filter((k) => !isReservedKey(k)), ...remaining.filter(isReservedKey)] // artifacts first
          .slice(0, 5)
          .map((k) => JSON.stringify(k))
          .join(', ')}${deleteError ? ` (${errorMessage(deleteError)})` : ''}. ` +
        `Check that the credentials may s3:DeleteObject there, then run mode: cleanup again.`,
    );
  }
}

/** The sections `ids` of the comment that still show links, re-rendered as removed. Pure. */
export function removedSections(body: string, ids: ReadonlySet<string>, updatedAt: string): SectionData[] {
  return [...parseSections(body).values()].flatMap(({ meta }) =>
    meta && !meta.removed && ids.has(meta.id)
      ? [
          {
            id: meta.id,
            title: meta.title,
            sha: meta.sha,
            runUrl: meta.runUrl,
            updatedAt,
            expiresAt: meta.expiresAt,
            files: [],
            removed: true,
          },
        ]
      : [],
  );
}
