export const id = 246;
export const ids = [246];
export const modules = {

/***/ 2246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   findPullRequest: () => (/* binding */ findPullRequest),
/* harmony export */   tokenOwner: () => (/* binding */ tokenOwner),
/* harmony export */   updateSticky: () => (/* binding */ updateSticky)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _comment_body_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(371);
/**
 * Step: the sticky pull-request comment. Finds the PR, then merges this job's section into the one
 * comment the token's identity owns, verifying the write because GitHub has no compare-and-swap.
 */




/** Octokit with retries of 5xx and honoured primary and secondary rate limits (up to 3 waits each). */
function createOctokit(token, log, baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com') {
    const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
        log.info(`GitHub ${kind} rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s.`);
        return retryCount < 3;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl, throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') }, retry: { retries: 3 } }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}
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
async function tokenOwner(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return (user) => user?.login === data.login;
    }
    catch {
        // Installation tokens (GITHUB_TOKEN, GitHub Apps) cannot read /user; they post as a bot.
        return (user) => user?.type === 'Bot';
    }
}
/**
 * After a verified write, wait past the window in which a concurrent job may still land a write
 * based on an older read (its GET-then-PATCH), then verify again.
 */
const SETTLE_MS = 2_500;
/**
 * Read, merge, write, re-read to verify; retry with jitter when a concurrent job's write dropped
 * one of our sections. `sectionsFor` gets the current body (undefined when there is no comment yet)
 * and returns the sections to write; none means nothing to do. Duplicate sticky comments (from racing
 * creators or a retried POST) are folded into the oldest and deleted, so there is only ever one.
 */
async function updateSticky(octokit, repo, issue, owner, sectionsFor, o) {
    const random = o.random ?? Math.random;
    const attempts = o.attempts ?? 10;
    for (let attempt = 1;; attempt++) {
        const ours = await listOurs(octokit, repo, issue, owner, o.marker);
        let comment;
        let sections;
        if (ours.length === 0) {
            sections = sectionsFor(undefined);
            if (sections.length === 0)
                return undefined;
            const body = sections.reduce((b, s) => (0,_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeComment */ .O8)(b, s, { marker: o.marker, now: o.now() }), undefined);
            comment = (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data;
        }
        else {
            // A fresh read right before the write keeps the read-to-write window to two requests.
            const fresh = (await octokit.rest.issues.getComment({ ...repo, comment_id: ours[0].id })).data;
            const merged = ours.slice(1).reduce((body, d) => withSectionsOf(body, d.body ?? ''), fresh.body ?? '');
            sections = sectionsFor(merged);
            if (sections.length === 0 && ours.length === 1)
                return { id: fresh.id, url: fresh.html_url };
            const body = sections.reduce((b, s) => (0,_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeComment */ .O8)(b, s, { marker: o.marker, now: o.now() }), merged);
            comment = (await octokit.rest.issues.updateComment({ ...repo, comment_id: fresh.id, body })).data;
            for (const duplicate of ours.slice(1)) {
                await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id }).catch(() => undefined);
            }
        }
        if ((await holds(octokit, repo, comment.id, sections)) && (await o.sleep(SETTLE_MS + random() * 500), await holds(octokit, repo, comment.id, sections))) {
            const after = await listOurs(octokit, repo, issue, owner, o.marker);
            if (after.length === 1 && after[0].id === comment.id)
                return { id: comment.id, url: comment.html_url };
        }
        if (attempt >= attempts) {
            throw new Error(`Could not keep this job's section in the pull-request comment after ${attempts} attempts: other jobs kept overwriting it.`);
        }
        const delay = Math.round(200 + random() * 800 * attempt);
        o.log.info(`Another job updated the comment at the same time; merging again in ${delay} ms (attempt ${attempt + 1}).`);
        await o.sleep(delay);
    }
}
/** `body` plus the sections of `other` that it lacks (raw blocks; mergeComment re-renders the header). */
function withSectionsOf(body, other) {
    const have = (0,_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSections */ .MJ)(body);
    const extra = [...(0,_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSections */ .MJ)(other).values()].filter((s) => !have.has(s.id)).map((s) => s.raw);
    return [body, ...extra].join('\n\n');
}
/** Our sticky comments on the PR, oldest first. */
async function listOurs(octokit, repo, issue, owner, marker) {
    const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 }));
    return all.filter((c) => owner(c.user) && (c.body ?? '').includes(marker)).sort((a, b) => a.id - b.id);
}
/** True when comment `id` exists and holds exactly these renderings of the sections. */
async function holds(octokit, repo, id, sections) {
    const { data } = await octokit.rest.issues.getComment({ ...repo, comment_id: id }).catch(() => ({ data: undefined }));
    const found = (0,_comment_body_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSections */ .MJ)(data?.body ?? '');
    return sections.every((s) => found.get(s.id)?.meta?.updatedAt === s.updatedAt);
}


/***/ })

};
