/**
 * Step of upload: the base branch's latest upload of this section (a push build of `main`), read from
 * the manifest that upload stored at `<base scope>/.artifact-links/<section-id>.json`, so the comment
 * can say what changed since. Nothing to compare with is not a problem: the comment just says less.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { getText } from '../aws/bucket.js';
import type { StoreTarget } from '../aws/s3-client.js';
import { runsUrl, type RunContext } from '../config/context.js';
import { BaseBuild, baseBuildOf, isBranchName } from '../links/base-build.js';
import { findableScope } from '../links/keys.js';
import { checkStoredManifest, manifestKey } from '../links/stored-manifest.js';
import { errorMessage, type Logger } from '../util/log.js';

export interface BaseBuildQuery {
  client: S3Client;
  target: StoreTarget;
  /** The `key-prefix` input. */
  keyPrefix: string;
  ctx: Pick<RunContext, 'owner' | 'repo' | 'sha' | 'runId' | 'runAttempt' | 'job' | 'pr' | 'baseRef' | 'serverUrl' | 'fork'>;
  sectionId: string;
  log: Logger;
}

/**
 * Where the base branch's manifest of this section is: the scope a push to the base branch uploads
 * to (`ref-main` by default), or undefined when the run has no pull request or base branch, or the
 * key prefix has no `{scope}` a push could share (`{pr}` alone).
 */
export function baseScope(q: Pick<BaseBuildQuery, 'keyPrefix' | 'ctx'>): string | undefined {
  const { ctx } = q;
  if (ctx.pr === undefined || !isBranchName(ctx.baseRef)) return undefined;
  let scope: ReturnType<typeof findableScope>;
  try {
    // The base branch's push build: this repository's, never a fork's scope.
    scope = findableScope(q.keyPrefix, { ...ctx, pr: undefined, fork: undefined, ref: ctx.baseRef, section: '' });
  } catch {
    return undefined; // {pr} in the scope: a push has none
  }
  return 'scope' in scope ? scope.scope : undefined;
}

/** The base branch's upload of this section, or undefined (logged) when there is none to compare with. */
export async function findBaseBuild(q: BaseBuildQuery): Promise<BaseBuild | undefined> {
  const scope = baseScope(q);
  if (scope === undefined || !q.ctx.baseRef) return undefined;
  const key = manifestKey(scope, q.sectionId);
  let text: string;
  try {
    text = await getText(q.client, q.target, key);
  } catch (error) {
    const name = (error as { cause?: { name?: string } }).cause?.name;
    // Without s3:ListBucket, S3 answers a missing key with AccessDenied.
    if (name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied') {
      q.log.info(
        `No readable upload of this section on ${q.ctx.baseRef} to compare with (${key}): upload on push to ${q.ctx.baseRef} too (same workflow, job and matrix).`,
      );
    } else q.log.warning(`Could not read ${key}, so the comment does not compare with ${q.ctx.baseRef}: ${errorMessage(error)}`);
    return undefined;
  }
  const check = checkStoredManifest(text, { scope, sectionId: q.sectionId, runsUrl: runsUrl(q.ctx) });
  if ('problem' in check) {
    q.log.warning(`Not comparing with ${q.ctx.baseRef}: ${key} ${check.problem}.`);
    return undefined;
  }
  q.log.info(`Comparing with the upload of ${q.ctx.baseRef} at ${check.manifest.sha.slice(0, 7)} (${check.manifest.files.length} files).`);
  return baseBuildOf(q.ctx.baseRef, check.manifest);
}
