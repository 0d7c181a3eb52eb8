/** Which pull request this run belongs to. */
import type { Octokit, Repo } from './client.js';

/**
 * The pull request of this run: `known` (input or event payload), else the open PR whose head is
 * `sha` (the `workflow_run` and `push` case). GitHub's commit lookup misses fork PRs (their commits
 * are not in the base repository, and `workflow_run` payloads leave them out), so the head branch
 * (`fork-owner:branch`) is the fallback.
 */
export async function findPullRequest(
  octokit: Octokit,
  repo: Repo,
  sha: string,
  known?: number,
  head?: { owner: string; branch: string },
): Promise<number | undefined> {
  if (known !== undefined) return known;
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  // Only open PRs: a merge commit pushed to main belongs to a closed PR whose artifacts are cleaned up.
  const open = data.filter((pr) => pr.state === 'open');
  const found = (open.find((pr) => pr.head.sha === sha) ?? open[0])?.number;
  if (found !== undefined || !head) return found;
  const { data: byHead } = await octokit.rest.pulls.list({ ...repo, state: 'open', head: `${head.owner}:${head.branch}` });
  return byHead.find((pr) => pr.head.sha === sha)?.number;
}

/** The base branch of pull request `pr` (`main` for most), or undefined when GitHub does not say. */
export async function baseBranch(octokit: Octokit, repo: Repo, pr: number): Promise<string | undefined> {
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pr });
  return data.base?.ref || undefined;
}
