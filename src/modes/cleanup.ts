/** mode: cleanup — delete this PR's objects and mark the comment's links removed. Idempotent. */
import { deleteKeys, listKeys } from '../aws/bucket.js';
import { scopePrefix } from '../links/keys.js';
import { publishComment } from '../publish/comment.js';
import { setCount } from '../publish/outputs.js';
import { parseSections, SectionData } from '../render/markers.js';
import { notice } from '../util/log.js';
import { ModeDeps, openStore } from './setup.js';

export async function cleanup(d: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = d;
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const { target, client } = await openStore(d);
  const keys = await listKeys(client, target, scope);
  if (keys.length === 0) {
    notice(log, `Nothing to delete under ${inputs.bucket}/${scope}/: already cleaned up.`);
  } else {
    await deleteKeys(client, target, keys);
    log.info(`Deleted ${keys.length} objects under ${inputs.bucket}/${scope}/.`);
  }
  client.destroy();
  setCount(keys.length);
  const updatedAt = clock().toISOString();
  await publishComment(d.publish, (body) => (body ? removedSections(body, updatedAt) : []));
}

/** Every section of the comment that still shows links, re-rendered as removed. Pure. */
export function removedSections(body: string, updatedAt: string): SectionData[] {
  return [...parseSections(body).values()].flatMap(({ meta }) =>
    meta && !meta.removed
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
