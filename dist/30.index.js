export const id = 30;
export const ids = [30];
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


/***/ })

};
