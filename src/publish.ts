/** Step: publish the links in the pull-request comment, with the policies that decide whether to. */
import * as core from '@actions/core';
import { commentMarker, SectionData } from './comment-body.js';
import type { Octokit } from './comment.js';
import { Output } from './constants.js';
import { RunContext } from './context.js';
import { Inputs } from './inputs.js';
import { publishOutputs, renderSummary, Report } from './report.js';
import { realSleep } from './retry.js';
import { createHash } from 'node:crypto';
import os from 'node:os';

export interface GitHubTarget {
  octokit: Octokit;
  pr?: number;
}

/**
 * The GitHub client and the pull request, or undefined when no comment is wanted. A failed PR lookup
 * is a warning: the upload, outputs and summary do not depend on it.
 */
export async function connectGitHub(inputs: Inputs, ctx: RunContext): Promise<GitHubTarget | undefined> {
  if (inputs.comment === 'never') return undefined;
  if (!inputs.githubToken) {
    if (inputs.comment === 'always') throw new Error(`Input 'github-token' is empty but 'comment' is always: pass github-token: \${{ github.token }}.`);
    core.notice('No github-token: the links are in the job summary and outputs only.');
    return undefined;
  }
  // Loaded on demand: the GitHub client is a large part of start-up time.
  const { createOctokit, findPullRequest } = await import('./comment.js');
  const octokit = createOctokit(inputs.githubToken, core);
  let pr: number | undefined;
  try {
    pr = await findPullRequest(octokit, { owner: ctx.owner, repo: ctx.repo }, ctx.sha, ctx.pr, ctx.head);
  } catch (error) {
    core.warning(`Could not look up the pull request of commit ${ctx.sha}: ${(error as Error).message}`);
  }
  // Known before anything is uploaded: fail now rather than leave links behind a failed step.
  if (pr === undefined && inputs.comment === 'always') {
    throw new Error(
      `No pull request found for ${ctx.eventName || 'this'} event at ${ctx.sha.slice(0, 7)}, so nothing was uploaded (comment: always). Set 'pr-number', or use comment: auto to upload without a comment.`,
    );
  }
  return { octokit, pr };
}

function noPullRequest(ctx: RunContext): string {
  return `No pull request found for ${ctx.eventName || 'this'} event at ${ctx.sha.slice(0, 7)}: no comment; the links are in the job summary and outputs. Set 'pr-number' to choose one.`;
}

/**
 * Public repositories: anyone can read the comment, so anyone can use the links until they expire.
 * Undefined when neither the event nor the API says.
 */
export async function isPublicRepo(gh: GitHubTarget | undefined, ctx: RunContext): Promise<boolean | undefined> {
  if (ctx.repoPrivate !== undefined) return !ctx.repoPrivate;
  if (!gh) return undefined;
  try {
    return !(await gh.octokit.rest.repos.get({ owner: ctx.owner, repo: ctx.repo })).data.private;
  } catch {
    return undefined;
  }
}

export const PUBLIC_NOTE = 'This repository is public: anyone who can read this comment can download these files until the links expire.';

/**
 * Posts or updates sections of the sticky comment (`sectionsFor` sees the current body; see
 * updateSticky). Failures are warnings unless fail-on-comment-error.
 */
export async function publishComment(gh: GitHubTarget | undefined, inputs: Inputs, ctx: RunContext, sectionsFor: (body: string | undefined) => SectionData[]): Promise<boolean> {
  if (!gh) return false;
  if (gh.pr === undefined) {
    core.notice(noPullRequest(ctx));
    return false;
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  try {
    const { tokenOwner, updateSticky } = await import('./comment.js');
    const owner = await tokenOwner(gh.octokit);
    const marker = commentMarker(inputs.commentKey || defaultCommentKey(inputs));
    const posted = await updateSticky(gh.octokit, repo, gh.pr, owner, sectionsFor, { marker, now: () => new Date(), sleep: realSleep, log: core });
    if (!posted) return false;
    core.setOutput(Output.CommentId, String(posted.id));
    core.setOutput(Output.CommentUrl, posted.url);
    core.info(`Comment updated: ${posted.url}`);
    return true;
  } catch (error) {
    const message = explainGitHubError(error, gh.pr);
    if (inputs.failOnCommentError) throw new Error(message);
    core.warning(message);
    return false;
  }
}

/**
 * One comment per artifact layout: uses of the action with the same bucket and key-prefix share the
 * comment (matrix legs, other workflows, refresh and cleanup), each job in its own section; uses that
 * store elsewhere get their own comment.
 */
export function defaultCommentKey(inputs: Pick<Inputs, 'bucket' | 'keyPrefix'>): string {
  return createHash('sha256').update(`${inputs.bucket}/${inputs.keyPrefix}`).digest('hex').slice(0, 12);
}

export function explainGitHubError(error: unknown, pr: number): string {
  const e = error as { status?: number; message?: string };
  const text = e.message ?? String(error);
  if (e.status === 403 && /Resource not accessible by integration/i.test(text)) {
    return (
      `Could not comment on PR #${pr}: the token is read-only (403 Resource not accessible by integration). ` +
      `Pull requests from forks get a read-only GITHUB_TOKEN on 'pull_request'; use the two-stage setup ` +
      `(build on pull_request, publish on workflow_run), see "Fork pull requests" in the action's README. For same-repository PRs, ` +
      `add 'permissions: pull-requests: write' to the job. The upload, outputs and summary are unaffected.`
    );
  }
  if (e.status === 404) return `Could not comment on PR #${pr}: not found (404). Check 'pr-number' and that the token can see this repository.`;
  if (e.status === 401) return `Could not comment on PR #${pr}: the GitHub token was rejected (401 Bad credentials). Check 'github-token'.`;
  return `Could not comment on PR #${pr}: ${text}`;
}

/**
 * Publishes links everywhere they go: outputs and manifest file, job summary, and the comment
 * sections — applying the public-repository policy first.
 */
export async function publishLinks(gh: GitHubTarget | undefined, inputs: Inputs, ctx: RunContext, report: Report, sections: SectionData[], name: string): Promise<void> {
  const visibility = inputs.publicRepo === 'allow' ? false : await isPublicRepo(gh, ctx);
  // refuse fails closed: a repository whose visibility is unknown is treated as public.
  const withhold = inputs.publicRepo === 'refuse' && visibility !== false;
  const publicRepo = visibility === true;
  if (withhold) {
    core.warning(`${visibility ? PUBLIC_NOTE : 'The repository visibility is unknown.'} public-repo: refuse, so no links are posted in the comment or the job summary.`);
  } else if (publicRepo) {
    core.warning(`${PUBLIC_NOTE} Set public-repo: refuse to keep links out of the comment, or allow to silence this.`);
  }
  await publishOutputs(report, process.env.RUNNER_TEMP || os.tmpdir(), name, core);
  let commented = false;
  if (!withhold && sections.length > 0) {
    const withNote = sections.map((s) => ({ ...s, note: [publicRepo ? PUBLIC_NOTE : '', s.note ?? ''].filter(Boolean).join(' ') || undefined }));
    commented = await publishComment(gh, inputs, ctx, () => withNote);
  }
  // The runner masks secrets in job summaries, URL-encoded too: links holding a session token would
  // read X-Amz-Security-Token=*** there and fail. They go to the comment and the outputs only.
  const summaryLinks = withhold
    ? 'withheld (public-repo: refuse)'
    : report.signedWithSessionToken
      ? commented ? 'in the PR comment' : 'in the manifest output'
      : undefined;
  await core.summary.addRaw(renderSummary(report, new Date(), summaryLinks), true).write();
}
