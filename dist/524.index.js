export const id = 524;
export const ids = [524];
export const modules = {

/***/ 2524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   baseBranch: () => (/* binding */ baseBranch),
/* harmony export */   findPullRequest: () => (/* binding */ findPullRequest)
/* harmony export */ });
/**
 * The pull request of this run: `known` (input or event payload), else the open PR whose head is
 * `sha` (the `workflow_run` and `push` case). GitHub's commit lookup misses fork PRs (their commits
 * are not in the base repository, and `workflow_run` payloads leave them out), so the head branch
 * (`fork-owner:branch`) is the fallback.
 */
async function findPullRequest(octokit, repo, sha, known, head) {
    if (known !== undefined)
        return known;
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
    // Only open PRs: a merge commit pushed to main belongs to a closed PR whose artifacts are cleaned up.
    const open = data.filter((pr) => pr.state === 'open');
    const found = (open.find((pr) => pr.head.sha === sha) ?? open[0])?.number;
    if (found !== undefined || !head)
        return found;
    const { data: byHead } = await octokit.rest.pulls.list({ ...repo, state: 'open', head: `${head.owner}:${head.branch}` });
    return byHead.find((pr) => pr.head.sha === sha)?.number;
}
/** The base branch of pull request `pr` (`main` for most), or undefined when GitHub does not say. */
async function baseBranch(octokit, repo, pr) {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pr });
    return data.base?.ref || undefined;
}


/***/ })

};
