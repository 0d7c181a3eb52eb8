/** mode: cleanup — delete this PR's objects and mark the comment's links removed. Idempotent. */
import * as core from '@actions/core';
import { deleteKeys, listKeys } from './bucket.js';
import { parseSections, SectionData } from './comment-body.js';
import { Output } from './constants.js';
import { RunContext } from './context.js';
import { Inputs } from './inputs.js';
import { scopePrefix } from './keys.js';
import { GitHubTarget, publishComment } from './publish.js';
import { createS3Client } from './s3.js';
import { resolveSigner, storeTarget } from './sign.js';

export async function cleanup(inputs: Inputs, ctx: RunContext, gh: GitHubTarget | undefined): Promise<void> {
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const target = storeTarget(inputs);
  const signer = await resolveSigner(inputs);
  const client = createS3Client(target, signer.credentials, inputs.concurrency);
  const keys = await listKeys(client, target, scope);
  if (keys.length === 0) {
    core.notice(`Nothing to delete under ${inputs.bucket}/${scope}/: already cleaned up.`);
  } else {
    await deleteKeys(client, target, keys);
    core.info(`Deleted ${keys.length} objects under ${inputs.bucket}/${scope}/.`);
  }
  client.destroy();
  core.setOutput(Output.Count, String(keys.length));
  const updatedAt = new Date().toISOString();
  await publishComment(gh, inputs, ctx, (body) => (body ? removedSections(body, updatedAt) : []));
}

/** Every section of the comment that still shows links, re-rendered as removed. Pure. */
export function removedSections(body: string, updatedAt: string): SectionData[] {
  return [...parseSections(body).values()].flatMap(({ meta }) =>
    meta && !meta.removed
      ? [{ id: meta.id, title: meta.title, sha: meta.sha, runUrl: meta.runUrl, updatedAt, expiresAt: meta.expiresAt, files: [], removed: true }]
      : [],
  );
}
