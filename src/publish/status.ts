/**
 * Publishes each section as a commit status of the commit it was built from, so the pull request's
 * checks list has a Details link to the share page. A status is an extra: without the permission
 * (403), a notice; any other failure, a warning; never a failed step.
 */
import type { SectionData } from '../render/markers.js';
import { commitStatusOf } from '../render/status.js';
import { errorMessage, notice } from '../util/log.js';
import type { CommentTarget } from './comment.js';

export const STATUS_PERMISSION_NOTICE =
  "No commit status in the pull request's checks: the token may not set one (403). Add 'statuses: write' to the job's permissions, or set commit-status: false.";

/** Sets one status per section on its commit (a full SHA); returns how many were set. */
export async function publishStatuses(t: Pick<CommentTarget, 'gh' | 'run' | 'log'>, sections: readonly SectionData[]): Promise<number> {
  const { gh, run, log } = t;
  if (!gh || gh.pr === undefined) return 0;
  let set = 0;
  for (const s of sections) {
    if (s.removed || !/^[0-9a-f]{40}$/i.test(s.sha)) continue;
    const status = commitStatusOf(s);
    try {
      await gh.octokit.rest.repos.createCommitStatus({ owner: run.owner, repo: run.repo, sha: s.sha, ...status });
      set++;
      log.info(`Commit status '${status.context}' set on ${s.sha.slice(0, 7)}.`);
    } catch (error) {
      const e = error as { status?: number };
      if (e.status === 403 && !/rate limit/i.test(errorMessage(error))) {
        notice(log, STATUS_PERMISSION_NOTICE);
        return set;
      }
      log.warning(`Could not set the commit status '${status.context}' (the comment and links are unaffected): ${errorMessage(error)}`);
    }
  }
  return set;
}
