/** Publishes sections of the sticky pull-request comment; failures are warnings unless fail-on-comment-error. */
import type { RunContext } from '../config/context.js';
import type { GitHubTarget } from '../github/client.js';
import { explainGitHubError } from '../github/errors.js';
import type { SectionData } from '../render/markers.js';
import type { Clock } from '../util/clock.js';
import { Logger, notice } from '../util/log.js';
import { realSleep } from '../util/retry.js';
import type { CommentRecords } from './comment-records.js';
import { setCommentOutputs } from './outputs.js';

export interface CommentOptions {
  /** The comment's hidden marker (commentMarker of the comment key). */
  marker: string;
  /** Fail the step when the comment cannot be posted (`fail-on-comment-error`). */
  failOnError: boolean;
  /** The sticky comment's settle window (DEFAULT_COMMENT_SETTLE_MS; shorter only in tests). */
  settleMs: number;
}

/** Where the comment goes and how to report on it. */
export interface CommentTarget {
  gh: GitHubTarget | undefined;
  run: Pick<RunContext, 'owner' | 'repo' | 'eventName' | 'sha'>;
  comment: CommentOptions;
  log: Logger;
  clock: Clock;
  /** Set the `comment-id` and `comment-url` outputs (default true; not when commenting on many PRs). */
  setOutputs?: boolean;
  /** The sections of this comment recorded in the bucket, which every writer renders whole. */
  records?: CommentRecords;
}

function noPullRequest(run: CommentTarget['run']): string {
  return `No pull request found for ${run.eventName || 'this'} event at ${run.sha.slice(0, 7)}: no comment; the links are in the job summary and outputs. Set 'pr-number' to choose one.`;
}

/**
 * Posts or updates sections of the sticky comment (`sectionsFor` sees the current body; see
 * updateSticky) and sets the comment outputs. True when the comment holds them.
 */
export async function publishComment(target: CommentTarget, sectionsFor: (body: string | undefined) => SectionData[]): Promise<boolean> {
  const { gh, run, log } = target;
  if (!gh) return false;
  if (gh.pr === undefined) {
    notice(log, noPullRequest(run));
    return false;
  }
  try {
    // Loaded on demand: the GitHub client is a large part of start-up time.
    const { tokenOwner, updateSticky } = await import('../github/sticky-comment.js');
    const owner = await tokenOwner(gh.octokit);
    const posted = await updateSticky(gh.octokit, { owner: run.owner, repo: run.repo }, gh.pr, owner, sectionsFor, {
      marker: target.comment.marker,
      now: target.clock,
      sleep: gh.budget.sleeper(realSleep, 'the comment'),
      log,
      settleMs: target.comment.settleMs,
      records: target.records,
    });
    if (!posted) return false;
    if (target.setOutputs !== false) setCommentOutputs(posted);
    log.info(`Comment ${posted.created ? 'created' : 'updated'}: ${posted.url}`);
    return true;
  } catch (error) {
    const message = explainGitHubError(error, gh.pr);
    if (target.comment.failOnError) throw new Error(message, { cause: error });
    log.warning(message);
    return false;
  }
}
