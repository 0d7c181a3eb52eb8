export const id = 548;
export const ids = [548,30];
export const modules = {

/***/ 4030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WaitBudget: () => (/* binding */ WaitBudget),
/* harmony export */   h: () => (/* binding */ GITHUB_BUDGET_MS)
/* harmony export */ });
/* unused harmony export GitHubBudgetExceeded */
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7110);
/**
 * The comment is best effort: all the time the run spends on GitHub (requests, their retries,
 * rate-limit waits, the comment's settle waits) comes out of one budget of about a minute. A wait that
 * does not fit is declined, and a request once the budget is spent is not sent: the step warns (or
 * fails with fail-on-comment-error) and goes on. The clock and the sleep are injectable.
 */

/** About a minute in all. */
const GITHUB_BUDGET_MS = 60_000;
class GitHubBudgetExceeded extends Error {
    constructor(totalMs, what) {
        super(`GitHub took more than ${Math.round(totalMs / 1000)} s in all (requests, retries and rate-limit waits), so ${what} was given up.`);
        this.name = 'GitHubBudgetExceeded';
    }
}
class WaitBudget {
    clock;
    total;
    spentMs = 0;
    active = 0;
    activeSince = 0;
    constructor(clock = _util_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m, total = GITHUB_BUDGET_MS) {
        this.clock = clock;
        this.total = total;
    }
    /** The whole budget, in milliseconds. */
    get totalMs() {
        return this.total;
    }
    /** Adds time to the budget: a run that comments on several pull requests gets about a minute for each. */
    grant(ms) {
        this.total += Math.max(0, ms);
    }
    /** Time used so far: finished requests and sleeps, plus the request(s) in flight. */
    usedMs() {
        return this.spentMs + (this.active > 0 ? Math.max(0, this.clock().getTime() - this.activeSince) : 0);
    }
    /** True when waiting `ms` more still fits the budget. */
    allows(ms) {
        return Number.isFinite(ms) && ms >= 0 && this.usedMs() + ms <= this.totalMs;
    }
    /** Runs one GitHub request, timed; refused (GitHubBudgetExceeded) once the budget is spent. */
    async run(what, request) {
        if (this.usedMs() >= this.totalMs)
            throw new GitHubBudgetExceeded(this.totalMs, what);
        if (this.active++ === 0)
            this.activeSince = this.clock().getTime();
        try {
            return await request();
        }
        finally {
            if (--this.active === 0)
                this.spentMs += Math.max(0, this.clock().getTime() - this.activeSince);
        }
    }
    /** `sleep`, charged to the budget; throws GitHubBudgetExceeded instead when the wait does not fit. */
    sleeper(sleep, what) {
        return async (ms) => {
            if (!this.allows(ms))
                throw new GitHubBudgetExceeded(this.totalMs, what);
            this.spentMs += ms;
            await sleep(ms);
        };
    }
}


/***/ }),

/***/ 8548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  refreshOpenPulls: () => (/* binding */ refreshOpenPulls)
});

;// CONCATENATED MODULE: ./src/github/open-pulls.ts
/** Every open pull request of `owner/repo`, newest first. */
async function listOpenPulls(octokit, repo) {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        ...repo,
        state: 'open',
        sort: 'created',
        direction: 'desc',
        per_page: 100,
    });
    const seen = new Set();
    const open = [];
    // Pages can shift while they are read (a PR opened or closed in between): keep each number once.
    for (const p of pulls) {
        if (p.state !== 'open' || seen.has(p.number))
            continue;
        seen.add(p.number);
        open.push({ number: p.number, headSha: p.head.sha, headRef: p.head.ref, draft: Boolean(p.draft) });
    }
    return open;
}
/**
 * Runs `fn` for every item with at most `concurrency` running at once; results in input order.
 * A failure is recorded for its item and the others go on.
 */
async function mapSettled(items, concurrency, fn) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            const item = items[index];
            try {
                results[index] = { item, ok: true, value: await fn(item) };
            }
            catch (e) {
                results[index] = { item, ok: false, error: e instanceof Error ? e : new Error(String(e)) };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/config/context.ts
var context = __webpack_require__(577);
// EXTERNAL MODULE: ./src/github/wait-budget.ts
var wait_budget = __webpack_require__(4030);
// EXTERNAL MODULE: ./src/links/keys.ts
var keys = __webpack_require__(9673);
// EXTERNAL MODULE: ./src/publish/comment.ts + 1 modules
var comment = __webpack_require__(2827);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6689);
// EXTERNAL MODULE: ./src/publish/policy.ts
var policy = __webpack_require__(3890);
// EXTERNAL MODULE: ./src/publish/summary.ts + 1 modules
var summary = __webpack_require__(5336);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
// EXTERNAL MODULE: ./src/modes/find-uploads.ts
var find_uploads = __webpack_require__(5938);
// EXTERNAL MODULE: ./src/modes/refresh.ts
var refresh = __webpack_require__(5151);
// EXTERNAL MODULE: ./src/modes/setup.ts + 4 modules
var setup = __webpack_require__(4360);
// EXTERNAL MODULE: ./src/modes/sign.ts + 1 modules
var modes_sign = __webpack_require__(4818);
;// CONCATENATED MODULE: ./src/modes/refresh-all.ts
/**
 * mode: refresh on a schedule or a manual run without `pr-number`: renew the links of every open
 * pull request that has artifacts in the bucket, in one step. Pull requests are listed through the
 * API and visited a few at a time; those without artifacts are skipped quietly. Every link is
 * signed at one instant with one lifetime, and one of them is proven to work before any comment
 * changes. Each upload's sites and share page are rebuilt with the new links.
 */













/** Pull requests read or commented on at once: a few, so GitHub's secondary rate limits stay far. */
const PARALLEL_PULLS = 4;
async function refreshOpenPulls(d) {
    const { inputs, ctx, log, publish } = d;
    const gh = publish.gh;
    if (!gh) {
        throw new Error(`mode: refresh on a ${ctx.eventName} event without 'pr-number' renews every open pull request, which needs the GitHub API: set 'github-token' (with pull-requests: write) and leave 'comment' at auto, or set 'pr-number'.`);
    }
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const scopeOf = (pull) => (0,keys/* scopePrefix */.Po)(inputs.keyPrefix, { ...ctx, pr: pull.number, section: '' });
    scopeOf({ number: 1 }); // a key-prefix without {scope} or {pr} fails here, before any request
    const pulls = await listOpenPulls(gh.octokit, repo);
    log.info(`${pulls.length} open pull requests in ${repo.owner}/${repo.repo}.`);
    const store = await (0,setup/* openStore */.Ch)(d);
    try {
        await renewOpenPulls(d, pulls, store, scopeOf);
    }
    finally {
        store.client.destroy();
    }
}
async function renewOpenPulls(d, pulls, { target, links, client }, scopeOf) {
    const { inputs, ctx, log, clock, publish } = d;
    const gh = publish.gh; // checked by the caller
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const looked = await mapSettled(pulls, PARALLEL_PULLS, (pull) => (0,find_uploads/* findUploads */.K)(client, target, scopeOf(pull), (0,context/* runsUrl */.gL)(ctx), log));
    const unreadable = looked.filter((r) => !r.ok);
    if (unreadable.length > 0) {
        const first = unreadable[0];
        throw new Error(`Could not read the uploads of ${unreadable.length} open pull requests, so no link was renewed. #${first.item.number}: ${first.ok ? '' : first.error.message}`);
    }
    const renewing = looked.flatMap((r) => (r.ok && r.value.manifests.length > 0 ? [{ pull: r.item, uploads: r.value }] : []));
    const skipped = pulls.length - renewing.length;
    log.info(`${renewing.length} of them have artifacts under ${inputs.bucket}; the other ${skipped} are skipped.`);
    if (renewing.length === 0) {
        await (0,outputs/* setLinkOutputs */.jS)({ entries: [], failed: [], notes: [] }, publish.tempDir, 'refresh', log);
        (0,outputs/* setSiteOutputs */.kc)([], '');
        await (0,summary/* writeRefreshSummary */.z)({ rows: [], skipped, notes: [] }, clock);
        return;
    }
    const notes = [];
    for (const { pull, uploads } of renewing) {
        if (uploads.missing.length === 0)
            continue;
        const gone = (0,find_uploads/* goneWarning */.S)(uploads.missing, ` of #${pull.number}`);
        log.warning(gone);
        notes.push(gone);
    }
    const { entries, lifetime, report, sign } = (0,modes_sign/* presignFiles */.Ys)(renewing.flatMap((r) => r.uploads.files), { signer: links, requestedSeconds: inputs.expiresInSeconds, log, clock });
    // Nothing is published unless a link is known to work.
    await (0,modes_sign/* proveLinks */.K1)(links, entries, log);
    const { publicRepo, withhold } = await (0,policy/* decideVisibility */.JK)(inputs.publicRepo, gh, repo, ctx.repoPrivate, log);
    await (0,outputs/* setLinkOutputs */.jS)(report, publish.tempDir, 'refresh', log);
    const updatedAt = clock().toISOString();
    const sites = new Map();
    for (const { pull, uploads } of renewing) {
        sites.set(pull.number, await (0,refresh.renewSites)({
            client,
            target,
            uploads,
            entries,
            sign,
            lifetime,
            updatedAt,
            signer: links,
            about: report.about,
            linkSigner: inputs.linkSigner,
            log,
        }));
    }
    (0,outputs/* setSiteOutputs */.kc)([...sites.values()].flatMap((bySection) => [...bySection.values()].flatMap((s) => s.sites)), '');
    // The GitHub time budget (about a minute per comment) grows with the pull requests to update.
    gh.budget.grant(wait_budget/* GITHUB_BUDGET_MS */.h * Math.max(0, renewing.length - 1));
    const commented = await mapSettled(renewing, PARALLEL_PULLS, async ({ pull, uploads }) => {
        const sections = (0,refresh.renewedSections)(uploads.manifests, entries, lifetime, updatedAt, links, report.about, sites.get(pull.number)).map((s) => ({
            ...s,
            note: [publicRepo ? policy/* PUBLIC_NOTE */.PP : '', s.note ?? ''].filter(Boolean).join(' ') || undefined,
        }));
        if (withhold)
            return false;
        return (0,comment/* publishComment */.p)({ ...publish, gh: { octokit: gh.octokit, pr: pull.number, budget: gh.budget }, setOutputs: false }, () => sections);
    });
    const rows = commented.map((c, i) => ({
        pr: c.item.pull.number,
        url: `${ctx.serverUrl}/${repo.owner}/${repo.repo}/pull/${c.item.pull.number}`,
        sections: renewing[i].uploads.manifests.length,
        files: renewing[i].uploads.files.length,
        expiresAt: lifetime.expiresAt.toISOString(),
        comment: withhold ? 'withheld' : !c.ok ? 'failed' : c.value ? 'updated' : 'not updated',
    }));
    await (0,summary/* writeRefreshSummary */.z)({ rows, skipped, about: report.about, notes: [...report.notes, ...notes] }, clock);
    log.info(`Renewed ${(0,util_log/* plural */.LS)(entries.length, 'link')} in ${(0,util_log/* plural */.LS)(renewing.length, 'open pull request')}.`);
    const failed = commented.flatMap((c) => (c.ok ? [] : [`#${c.item.pull.number}: ${c.error.message}`]));
    if (failed.length > 0)
        throw new Error(`The comments of ${(0,util_log/* plural */.LS)(failed.length, 'pull request')} could not be updated:\n${failed.join('\n')}`);
}


/***/ })

};
