/** Step: publish the links in the pull-request comment, with the policies that decide whether to. */
import * as core from '@actions/core';
import { commentMarker, SectionData } from './comment-body.js';
import { createOctokit, findPullRequest, Octokit, tokenOwner, upsertSection } from './comment.js';
import { Output } from './constants.js';
import { RunContext } from './context.js';
import { Inputs } from './inputs.js';
import { realSleep } from './retry.js';

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
  const octokit = createOctokit(inputs.githubToken, core);
  try {
    return { octokit, pr: await findPullRequest(octokit, { owner: ctx.owner, repo: ctx.repo }, ctx.sha, ctx.pr) };
  } catch (error) {
    core.warning(`Could not look up the pull request of commit ${ctx.sha}: ${(error as Error).message}`);
    return { octokit };
  }
}

/** Public repositories: anyone can read the comment, so anyone can use the links until they expire. */
export async function isPublicRepo(gh: GitHubTarget | undefined, ctx: RunContext): Promise<boolean> {
  if (ctx.repoPrivate !== undefined) return !ctx.repoPrivate;
  if (!gh) return false;
  try {
    return !(await gh.octokit.rest.repos.get({ owner: ctx.owner, repo: ctx.repo })).data.private;
  } catch {
    return false;
  }
}

export const PUBLIC_NOTE = 'This repository is public: anyone who can read this comment can download these files until the links expire.';

/** Posts or updates this job's section of the sticky comment. Failures are warnings unless fail-on-comment-error. */
export async function publishComment(gh: GitHubTarget | undefined, inputs: Inputs, ctx: RunContext, section: SectionData): Promise<void> {
  if (!gh) return;
  if (gh.pr === undefined) {
    const message = `No pull request found for ${ctx.eventName || 'this'} event at ${ctx.sha.slice(0, 7)}: no comment; the links are in the job summary and outputs. Set 'pr-number' to choose one.`;
    if (inputs.comment === 'always') throw new Error(`${message} (comment: always)`);
    core.notice(message);
    return;
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  try {
    const owner = await tokenOwner(gh.octokit);
    const marker = commentMarker(inputs.commentKey || ctx.workflow);
    const { id, url } = await upsertSection(gh.octokit, repo, gh.pr, owner, section, { marker, now: () => new Date(), sleep: realSleep, log: core });
    core.setOutput(Output.CommentId, String(id));
    core.setOutput(Output.CommentUrl, url);
    core.info(`Links posted in ${url}`);
  } catch (error) {
    const message = explainGitHubError(error, gh.pr);
    if (inputs.failOnCommentError) throw new Error(message);
    core.warning(message);
  }
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
