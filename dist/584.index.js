export const id = 584;
export const ids = [584,30];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* unused harmony export shouldWaitForRateLimit */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _wait_budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4030);
/** The GitHub client: Octokit with retries and rate-limit handling, within the run's GitHub time budget. */




/** Rate-limit waits per request, at most; each must also fit the budget. */
const MAX_RATE_LIMIT_WAITS = 3;
/**
 * Whether to wait `retryAfterSeconds` for a rate limit and retry: only while the wait fits the run's
 * GitHub budget (a primary limit resetting in an hour, or a secondary limit with a long retry-after,
 * does not), and at most MAX_RATE_LIMIT_WAITS times per request. Pure apart from the budget's clock.
 */
function shouldWaitForRateLimit(retryAfterSeconds, retryCount, budget) {
    return retryCount < MAX_RATE_LIMIT_WAITS && budget.allows(retryAfterSeconds * 1000);
}
/**
 * Octokit with retries of 5xx and rate limits honoured only while they fit `budget`; every request
 * (with its retries and waits) is timed against it, and none is sent once it is spent.
 */
function createOctokit(token, log, baseUrl, budget = new _wait_budget_js__WEBPACK_IMPORTED_MODULE_1__.WaitBudget()) {
    const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
        const request = `${options.method} ${options.url}`;
        if (shouldWaitForRateLimit(retryAfter, retryCount, budget)) {
            log.info(`GitHub ${kind} rate limit on ${request}; retrying in ${retryAfter} s.`);
            return true;
        }
        log.info(`GitHub ${kind} rate limit on ${request}: it lifts in ${retryAfter} s, more than this step waits for GitHub (about ${Math.round(budget.totalMs / 1000)} s in all); not retrying.`);
        return false;
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
        retry: { retries: 3 },
        // Octokit's own warnings (deprecations, plugin errors) go through the action's safe logger.
        log: {
            debug: () => { },
            info: () => { },
            warn: (m) => log.info(`GitHub client: ${m}`),
            error: (m) => log.info(`GitHub client: ${m}`),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    // Registered after the plugins, so it wraps them: the time measured includes their retries and waits.
    octokit.hook.wrap('request', (request, options) => budget.run(`${options.method} ${options.url}`, async () => request(options)));
    return octokit;
}


/***/ }),

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
