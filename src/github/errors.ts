/** GitHub API failures as sentences that name the fix. Pure. */

export function explainGitHubError(error: unknown, pr: number): string {
  const e = (error ?? {}) as { status?: number; message?: string; name?: string };
  const text = e.message ?? String(error);
  if (e.name === 'GitHubBudgetExceeded') {
    return `Could not comment on PR #${pr}: ${text} The links are in the job summary and the outputs; re-run the job to post them.`;
  }
  if ((e.status === 403 || e.status === 429) && /rate limit/i.test(text)) {
    return (
      `Could not comment on PR #${pr}: GitHub's API rate limit was reached (${e.status}: ${text}) and lifts later than this step waits (about a minute). ` +
      `The links are in the job summary and the outputs; re-run the job later to post them, or use a token with its own rate limit.`
    );
  }
  if (e.status === 403 && /Resource not accessible by integration/i.test(text)) {
    return (
      `Could not comment on PR #${pr}: the token is read-only (403 Resource not accessible by integration). ` +
      `Pull requests from forks get a read-only GITHUB_TOKEN on 'pull_request'; use the two-stage setup ` +
      `(build on pull_request, publish on workflow_run), see "Fork pull requests" in the action's README. For same-repository PRs, ` +
      `add 'permissions: pull-requests: write' to the job. The upload, outputs and summary are unaffected.`
    );
  }
  if (e.status === 404)
    return `Could not comment on PR #${pr}: not found (404). Check 'pr-number' and that the token can see this repository.`;
  if (e.status === 401) return `Could not comment on PR #${pr}: the GitHub token was rejected (401 Bad credentials). Check 'github-token'.`;
  return `Could not comment on PR #${pr}: ${text}`;
}
