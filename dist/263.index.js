export const id = 263;
export const ids = [263,30];
export const modules = {

/***/ 1454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ mapSettled),
/* harmony export */   j: () => (/* binding */ listOpenPulls)
/* harmony export */ });
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
    for (const pull of pulls) {
        if (pull.state !== 'open' || seen.has(pull.number))
            continue;
        seen.add(pull.number);
        open.push({ number: pull.number, headSha: pull.head.sha, headRef: pull.head.ref, draft: Boolean(pull.draft) });
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


/***/ }),

/***/ 3386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ contentDisposition),
/* harmony export */   Zy: () => (/* binding */ contentTypeFor),
/* harmony export */   pB: () => (/* binding */ opensInBrowser)
/* harmony export */ });
/* unused harmony exports isBrowserViewable, isActiveContent */
/* harmony import */ var mime_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4096);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _uri_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9343);
/** Content-Type and Content-Disposition of uploaded objects. */



/** Content-Type from the file extension, with a charset for text; `application/octet-stream` if unknown. */
function contentTypeFor(filePath) {
    return (node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(filePath) && (0,mime_types__WEBPACK_IMPORTED_MODULE_0__.contentType)(node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(filePath))) || 'application/octet-stream';
}
/** What browsers display rather than download: images, PDF, text (incl. HTML), JSON, audio and video. */
function isBrowserViewable(contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    return /^(image|text|audio|video)\//.test(type) || type === 'application/pdf' || type === 'application/json' || type.endsWith('+json');
}
/**
 * Types a browser runs as a document with scripts on the link's origin: HTML, SVG, XHTML and every
 * XML type (an XML document can hold XHTML or SVG elements, or load an XSLT stylesheet).
 */
function isActiveContent(contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    return (type === 'text/html' ||
        type === 'text/xml' ||
        type === 'application/xml' ||
        type === 'text/xsl' ||
        type === 'text/mathml' ||
        type.endsWith('+xml'));
}
/**
 * What a browser shows when the link is opened: viewable types, except active ones when the files
 * are untrusted (they are then attachments, see contentDisposition).
 */
function opensInBrowser(contentType, untrusted) {
    return isBrowserViewable(contentType) && !(untrusted && isActiveContent(contentType));
}
/**
 * RFC 6266 Content-Disposition value: an ASCII `filename` fallback plus `filename*=UTF-8''…` (RFC 8187)
 * when the name is not plain ASCII. `untrusted` (files built from a fork's code): active types
 * (isActiveContent) are attachments whatever the mode, so they never run on the bucket's origin.
 */
function contentDisposition(fileName, mode, contentType, untrusted = false) {
    const type = untrusted && isActiveContent(contentType)
        ? 'attachment'
        : mode === 'auto'
            ? isBrowserViewable(contentType)
                ? 'inline'
                : 'attachment'
            : mode;
    const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
    const header = `${type}; filename="${fallback}"`;
    return fallback === fileName ? header : `${header}; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
/**
 * RFC 8187 value-chars: RFC 3986 percent-encoding, with `!` (an attr-char) left as is. Every `%` in
 * uriEncode's output starts an escape, so `%21` can only be an encoded `!`.
 */
function encodeRfc8187(value) {
    return (0,_uri_js__WEBPACK_IMPORTED_MODULE_2__/* .uriEncode */ .HQ)(value).replaceAll('%21', '!');
}


/***/ }),

/***/ 8849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ bucketRecords)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7275);
/* harmony import */ var _render_section_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9753);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9906);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4266);




/** Records kept in the bucket, under `scope`, for the comment with `marker`. */
function bucketRecords(client, target, scope, marker, log) {
    let warned = false;
    return {
        async put(sections) {
            for (const s of sections) {
                await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .putJson */ .gl)(client, target, (0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordKey */ .Hy)(scope, s.id), (0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordOf */ .zv)(s, marker)).catch((e) => log.info(`Could not record section ${s.id} in the bucket (other jobs cannot restore it in the comment): ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`));
            }
        },
        async list() {
            try {
                const keys = (await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, (0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordFolder */ .ae)(scope))).filter((k) => k.endsWith('.json'));
                const found = [];
                await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .forEachLimited */ .vP)(keys, 8, async (key) => {
                    const section = (0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .fromRecord */ .iA)(await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .getText */ .q4)(client, target, key), key, scope, marker);
                    if (section)
                        found.push(section);
                });
                return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
            }
            catch (error) {
                if (!warned) {
                    warned = true;
                    log.warning(`Could not read the comment's section records (${(0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordFolder */ .ae)(scope)}/): other jobs' sections that a concurrent write dropped cannot be restored by this job. ` +
                        `Grant the upload role s3:ListBucket on the repository's prefix (README, IAM roles). ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
                }
                return [];
            }
        },
    };
}


/***/ }),

/***/ 8499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ publishLinks),
  P: () => (/* binding */ publishToPulls)
});

// EXTERNAL MODULE: ./src/github/open-pulls.ts
var open_pulls = __webpack_require__(1454);
// EXTERNAL MODULE: ./src/github/wait-budget.ts
var wait_budget = __webpack_require__(4030);
// EXTERNAL MODULE: ./src/publish/comment.ts + 1 modules
var comment = __webpack_require__(2827);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6689);
// EXTERNAL MODULE: ./src/links/section.ts
var section = __webpack_require__(4546);
// EXTERNAL MODULE: ./src/render/changes.ts
var render_changes = __webpack_require__(6965);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/render/markers.ts
var markers = __webpack_require__(6327);
;// CONCATENATED MODULE: ./src/render/status.ts
/**
 * A section as a commit status in the pull request's checks list: its name (context), one line of
 * what it holds (description) and the share page as its Details link. Pure.
 */





/** GitHub refuses a longer status description (422). */
const MAX_STATUS_DESCRIPTION = 140;
/** Long section titles are shortened in the middle in the context. */
const MAX_CONTEXT_CHARS = 100;
/** Plain text: no control or bidi characters (GitHub shows these fields as text, but a name can spoof direction). */
function plain(text) {
    // eslint-disable-next-line no-control-regex -- untrusted names are shown without control characters
    return (0,markdown/* wellFormed */.ES)(text).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}
/**
 * `s3-artifact-links / CI / build (linux) · 3fa9c2d1e0`: one status per section, updated in place by
 * each run. The section id's hash keeps two sections apart whose titles are the same, or differ only
 * where a long title is shortened (the checks list shows one status per context).
 */
function statusContext(s) {
    const hash = ` · ${s.id.slice(-section/* SECTION_HASH_CHARS */.JH)}`;
    return (0,format/* shortenMiddle */.jM)(`${markers/* ACTION_NAME */.px} / ${plain(s.title || s.id)}`, MAX_CONTEXT_CHARS - hash.length) + hash;
}
/**
 * `4 files, 5.6 KiB · 1 changed, 2 new, +4.1 KiB since main · links expire 2026-11-29 14:00 UTC`,
 * within GitHub's 140 characters (the comparison goes first when it does not fit).
 */
function statusDescription(s) {
    const size = (0,format/* filesAndBytes */.UZ)(s.files.length, s.files.reduce((n, f) => n + (f.size > 0 ? f.size : 0), 0));
    const expiry = `links expire ${(0,format/* formatUtc */.ay)(s.expiresAt)}`;
    const changes = s.base ? `${(0,render_changes/* changeSummary */.lb)((0,render_changes/* compareWithBase */.te)(s.files, s.base))} since ${plain(s.base.ref)}` : undefined;
    const full = [size, changes, expiry].filter(Boolean).join(' · ');
    if (Array.from(full).length <= MAX_STATUS_DESCRIPTION)
        return full;
    return (0,format/* shortenMiddle */.jM)([size, expiry].join(' · '), MAX_STATUS_DESCRIPTION);
}
function commitStatusOf(s) {
    const target = s.shareUrl || s.runUrl;
    return {
        state: 'success',
        context: statusContext(s),
        description: statusDescription(s),
        ...(/^https?:\/\//i.test(target) ? { target_url: target } : {}),
    };
}

// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/publish/status.ts


const STATUS_PERMISSION_NOTICE = "No commit status in the pull request's checks: the token may not set one (403). Add 'statuses: write' to the job's permissions, or set commit-status: false.";
/** Sets one status per section on its commit (a full SHA); returns how many were set. */
async function publishStatuses(t, sections) {
    const { gh, run, log } = t;
    if (!gh || gh.pr === undefined)
        return 0;
    let set = 0;
    for (const s of sections) {
        if (s.removed || !/^[0-9a-f]{40}$/i.test(s.sha))
            continue;
        const status = commitStatusOf(s);
        try {
            await gh.octokit.rest.repos.createCommitStatus({ owner: run.owner, repo: run.repo, sha: s.sha, ...status });
            set++;
            log.info(`Commit status '${status.context}' set on ${s.sha.slice(0, 7)}.`);
        }
        catch (error) {
            const e = error;
            if (e.status === 403 && !/rate limit/i.test((0,util_log/* errorMessage */.gJ)(error))) {
                (0,util_log/* notice */.lm)(log, STATUS_PERMISSION_NOTICE);
                return set;
            }
            log.warning(`Could not set the commit status '${status.context}' (the comment and links are unaffected): ${(0,util_log/* errorMessage */.gJ)(error)}`);
        }
    }
    return set;
}

;// CONCATENATED MODULE: ./src/publish/policy.ts
const PUBLIC_NOTE = 'This repository is public: anyone who can read this comment can download these files until the links expire.';
/**
 * Public repositories: anyone can read the comment, so anyone can use the links until they expire.
 * From the event payload when it says, else the API; undefined when neither does.
 */
async function isPublicRepo(gh, repo, repoPrivate) {
    if (repoPrivate !== undefined)
        return !repoPrivate;
    if (!gh)
        return undefined;
    try {
        return !(await gh.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo })).data.private;
    }
    catch {
        return undefined;
    }
}
/** Applies `policy` to the repository's visibility, warning as it decides. */
async function decideVisibility(policy, gh, repo, repoPrivate, log) {
    const visibility = policy === 'allow' ? false : await isPublicRepo(gh, repo, repoPrivate);
    // refuse fails closed: a repository whose visibility is unknown is treated as public.
    const withhold = policy === 'refuse' && visibility !== false;
    const publicRepo = visibility === true;
    if (withhold) {
        log.warning(`${visibility ? PUBLIC_NOTE : 'The repository visibility is unknown.'} public-repo: refuse, so no links are posted in the comment or the job summary.`);
    }
    else if (publicRepo) {
        log.warning(`${PUBLIC_NOTE} Set public-repo: refuse to keep links out of the comment, or allow to silence this.`);
    }
    return { publicRepo, withhold };
}

// EXTERNAL MODULE: ./src/publish/summary.ts + 1 modules
var summary = __webpack_require__(5336);
;// CONCATENATED MODULE: ./src/publish/links.ts







/** Pull requests commented on at once: a few, so GitHub's secondary rate limits stay far. */
const PARALLEL_PULLS = 4;
/** The first steps of publishing, once per run: decide what the policy allows, set the outputs. */
async function decideAndSetOutputs(context, report, name) {
    const visibility = await decideVisibility(context.publicRepo, context.gh, context.run, context.run.repoPrivate, context.log);
    await (0,outputs/* setLinkOutputs */.jS)(report, context.tempDir, name, context.log);
    return visibility;
}
/** The sections as the comment shows them: the public-repository note first when it applies. */
function withPublicNote(sections, visibility) {
    return sections.map((section) => ({
        ...section,
        note: [visibility.publicRepo ? PUBLIC_NOTE : '', section.note ?? ''].filter(Boolean).join(' ') || undefined,
    }));
}
/**
 * Links of one pull request (or none found): outputs, its comment, and the job summary.
 * `name` names the manifest file: the section id, or the mode.
 */
async function publishLinks(context, report, sections, name) {
    const visibility = await decideAndSetOutputs(context, report, name);
    let commented = false;
    if (!visibility.withhold && sections.length > 0) {
        const shown = withPublicNote(sections, visibility);
        // Recorded first: a job that drops this section from the comment later, writing from an older
        // read, finds it in the bucket; whoever writes last writes it back.
        if (context.gh?.pr !== undefined)
            await context.records?.put(shown);
        commented = await (0,comment/* publishComment */.p)(context, () => shown);
        if (context.commitStatus)
            await publishStatuses(context, shown);
    }
    // The runner masks secrets in job summaries, URL-encoded too: links holding a session token (or a
    // masked signing key ID) would read *** there and fail. They go to the comment and the outputs only.
    const summaryLinks = visibility.withhold
        ? 'withheld (public-repo: refuse)'
        : report.maskedInLinks
            ? commented
                ? 'in the PR comment'
                : 'in the manifest output'
            : undefined;
    const pages = {
        sites: sections.flatMap((s) => s.sites ?? []),
        shareUrls: sections.flatMap((s) => (s.shareUrl ? [s.shareUrl] : [])),
    };
    await (0,summary/* writeSummary */.S)(report, context.clock, summaryLinks, pages);
}
/**
 * Links of many pull requests (a refresh of every open one): outputs once, then each pull request's
 * comment, a few at a time; one failure does not stop the others. The caller writes the summary.
 */
async function publishToPulls(context, report, pulls, name) {
    const visibility = await decideAndSetOutputs(context, report, name);
    const { gh } = context;
    if (visibility.withhold || !gh)
        return pulls.map(() => (visibility.withhold ? 'withheld' : 'not updated'));
    // The GitHub time budget (about a minute per comment) grows with the pull requests to update.
    gh.budget.grant(wait_budget/* GITHUB_BUDGET_MS */.h * Math.max(0, pulls.length - 1));
    const commented = await (0,open_pulls/* mapSettled */.A)(pulls, PARALLEL_PULLS, async (pull) => {
        const shown = withPublicNote(pull.sections, visibility);
        await pull.records?.put(shown);
        const target = { ...context, gh: { ...gh, pr: pull.pr }, setOutputs: false, records: pull.records };
        const posted = await (0,comment/* publishComment */.p)(target, () => shown);
        if (context.commitStatus)
            await publishStatuses(target, shown);
        return posted;
    });
    return commented.map((c) => (c.ok ? (c.value ? 'updated' : 'not updated') : { failed: c.error.message }));
}


/***/ }),

/***/ 5336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ writeRefreshSummary),
  S: () => (/* binding */ writeSummary)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/render/summary.ts
var summary = __webpack_require__(1692);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
;// CONCATENATED MODULE: ./src/render/refresh-summary.ts
/** The job summary of a refresh of every open pull request (HTML). Pure. */


/** A heading, the counts, notes and one row per renewed pull request. */
function renderRefreshSummary(s, now) {
    const files = s.rows.reduce((n, r) => n + r.files, 0);
    const lines = ['<h2>🔄 Artifact links renewed</h2>'];
    const skipped = s.skipped > 0
        ? ` ${s.skipped} open pull ${s.skipped === 1 ? 'request has' : 'requests have'} no artifacts and ${s.skipped === 1 ? 'was' : 'were'} skipped.`
        : '';
    lines.push(`<p>${files} ${files === 1 ? 'link' : 'links'} in ${s.rows.length} open pull ${s.rows.length === 1 ? 'request' : 'requests'}.${skipped}</p>`);
    if (s.about)
        lines.push(`<p>${(0,summary/* escapeHtml */.ZD)(s.about)}</p>`);
    for (const note of s.notes)
        lines.push(`<p>⚠️ ${(0,summary/* escapeHtml */.ZD)(note)}</p>`);
    if (s.rows.length > 0) {
        const rows = s.rows.map((r) => `<tr><td><a href="${(0,summary/* escapeHtml */.ZD)(r.url)}">#${r.pr}</a></td><td align="right">${r.sections}</td><td align="right">${r.files}</td>` +
            `<td>${(0,format/* formatUtc */.ay)(r.expiresAt)} (${(0,format/* relativeTime */.KW)(now, new Date(r.expiresAt))})</td><td>${r.comment}</td></tr>`);
        lines.push(`<table><tr><th>Pull request</th><th>Sections</th><th>Files</th><th>New expiry</th><th>Comment</th></tr>${rows.join('')}</table>`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/publish/summary.ts
/** Writes the job summary. */



/** `linksElsewhere`: where the links are instead, when they must not appear in the summary. */
async function writeSummary(report, clock, linksElsewhere, pages) {
    await core.summary.addRaw((0,summary/* renderSummary */.Br)(report, clock(), linksElsewhere, pages), true).write();
}
/** The summary of a refresh of every open pull request: one row per pull request, no links. */
async function writeRefreshSummary(summary, clock) {
    await core.summary.addRaw(renderRefreshSummary(summary, clock()), true).write();
}


/***/ }),

/***/ 6965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fd: () => (/* binding */ changeCell),
/* harmony export */   lb: () => (/* binding */ changeSummary),
/* harmony export */   pf: () => (/* binding */ comparisonLines),
/* harmony export */   te: () => (/* binding */ compareWithBase)
/* harmony export */ });
/* unused harmony exports MAX_REMOVED_NAMES, signedBytes */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1509);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);


/** Removed files named in the comment, at most; the rest are counted. */
const MAX_REMOVED_NAMES = 10;
const REMOVED_NAME_CHARS = 80;
/** Compares the upload's files with the base build's, by path (the first of duplicate paths wins). */
function compareWithBase(files, base) {
    const before = new Map();
    for (const f of base.files)
        if (!before.has(f.path))
            before.set(f.path, f);
    const out = new Map();
    let changed = 0;
    let added = 0;
    let unchanged = 0;
    let total = 0;
    for (const f of files) {
        if (out.has(f.path))
            continue;
        total += f.size;
        const b = before.get(f.path);
        if (!b) {
            out.set(f.path, { status: 'new', delta: f.size });
            added++;
        }
        else if (b.sha256 === f.sha256 && b.size === f.size) {
            out.set(f.path, { status: 'same', delta: 0 });
            unchanged++;
        }
        else {
            out.set(f.path, { status: 'changed', delta: f.size - b.size });
            changed++;
        }
    }
    const removed = [...before]
        .filter(([path]) => !out.has(path))
        .map(([path, b]) => ({ path, size: b.size }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const delta = total - [...before.values()].reduce((n, f) => n + f.size, 0);
    return { base: { ref: base.ref, sha: base.sha, runUrl: base.runUrl }, files: out, removed, changed, added, unchanged, delta };
}
/** +2.1 KiB, -300 B, ±0 B. */
function signedBytes(n) {
    if (n === 0)
        return '±0 B';
    return `${n > 0 ? '+' : '-'}${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .humanBytes */ .p6)(Math.abs(n))}`;
}
/** "3 changed, 1 new, 1 removed, +2.1 KiB"; "no changes, ±0 B" when every file is the same. */
function changeSummary(c) {
    const bits = [];
    if (c.changed)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.changed)} changed`);
    if (c.added)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.added)} new`);
    if (c.removed.length)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.removed.length)} removed`);
    if (bits.length === 0)
        bits.push('no changes');
    return [...bits, signedBytes(c.delta)].join(', ');
}
/** A file's cell in the Change column. */
function changeCell(change) {
    if (!change)
        return '—';
    if (change.status === 'new')
        return '🆕 new';
    if (change.status === 'same')
        return 'unchanged';
    return change.delta === 0 ? '✏️ changed, same size' : `✏️ ${signedBytes(change.delta)}`;
}
/**
 * The section's lines about the comparison: what it sums up to, against which build, and the files
 * that were removed (at most MAX_REMOVED_NAMES named; names are escaped text).
 */
function comparisonLines(c) {
    const sha = (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .hexPrefix */ .g_)(c.base.sha, 7);
    const build = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(sha ? `\`${sha}\`` : 'build', c.base.runUrl) ?? (sha ? `\`${sha}\`` : 'build');
    const lines = [`📊 Since ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(c.base.ref)} (${build}): **${changeSummary(c)}**`];
    if (c.removed.length) {
        const named = c.removed.slice(0, MAX_REMOVED_NAMES).map((f) => `~~${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .shortenMiddle */ .jM)(f.path, REMOVED_NAME_CHARS))}~~`);
        const more = c.removed.length - named.length;
        lines.push(`<sub>Removed: ${named.join(' · ')}${more > 0 ? ` … and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(more)} more` : ''}</sub>`);
    }
    return lines;
}


/***/ }),

/***/ 9753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hy: () => (/* binding */ recordKey),
/* harmony export */   PL: () => (/* binding */ isAtLeastAsNew),
/* harmony export */   ae: () => (/* binding */ recordFolder),
/* harmony export */   iA: () => (/* binding */ fromRecord),
/* harmony export */   zv: () => (/* binding */ recordOf)
/* harmony export */ });
/* unused harmony exports RECORD_VERSION, toRecord */
/* harmony import */ var _links_base_build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9181);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9673);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4546);
/**
 * A comment section as the bucket records it. GitHub has no compare-and-swap, so another job's
 * write based on an older read can drop a section from the comment after its job has checked it.
 * Every writer therefore stores its section here before it touches the comment, and renders the
 * comment from all of them: whoever writes last writes every job's latest section back. Pure.
 *
 * One exact place per section and comment, in the action's namespace (keys.ts):
 * `<scope>/.artifact-links/comment/<section-id>.json`.
 */



const RECORD_VERSION = 1;
/** The folder of a scope's comment records. */
function recordFolder(scope) {
    return `${scope}/${_links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/comment`;
}
function recordKey(scope, sectionId) {
    return `${recordFolder(scope)}/${sectionId}.json`;
}
/** The record of `section` for the comment with `marker` (stored as JSON). */
function recordOf(section, marker) {
    const { open, ...rest } = section;
    return { version: RECORD_VERSION, marker, section: { ...rest, open: open ? [...open] : undefined } };
}
/** The record as its stored text. */
function toRecord(section, marker) {
    return JSON.stringify(recordOf(section, marker));
}
/**
 * The section a stored record holds, when it is a record of the comment `marker` at `key` that the
 * renderer can show: the section id its key names, files in the scope, ISO times, http(s) links. Anything
 * else (another comment's record, a damaged or foreign object) is undefined: never rendered.
 */
function fromRecord(text, key, scope, marker) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const v = value;
    if (!v || v.version !== RECORD_VERSION || v.marker !== marker || !isObject(v.section))
        return undefined;
    const s = v.section;
    if (typeof s.id !== 'string' || !_links_section_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION_ID */ .gv.test(s.id) || recordKey(scope, s.id) !== key)
        return undefined;
    if (!['title', 'sha', 'runUrl', 'updatedAt', 'expiresAt'].every((f) => typeof s[f] === 'string'))
        return undefined;
    if (!isTime(s.updatedAt) || !isTime(s.expiresAt) || !isUrl(s.runUrl))
        return undefined;
    // Its files lie in the scope it was found in: a record copied into another pull request's folder is not rendered.
    if (!Array.isArray(s.files) || !s.files.every((f) => isEntry(f) && f.key.startsWith(`${scope}/`)))
        return undefined;
    if (s.note !== undefined && typeof s.note !== 'string')
        return undefined;
    if (s.removed !== undefined && typeof s.removed !== 'boolean')
        return undefined;
    if (s.untrusted !== undefined && typeof s.untrusted !== 'boolean')
        return undefined;
    if (s.shareUrl !== undefined && !isUrl(s.shareUrl))
        return undefined;
    if (s.base !== undefined && !(0,_links_base_build_js__WEBPACK_IMPORTED_MODULE_2__/* .isBaseBuild */ .yW)(s.base, isUrl))
        return undefined;
    const qr = s.qr ?? [];
    if (!Array.isArray(qr) || !qr.every(isQrLink))
        return undefined;
    const sites = s.sites ?? [];
    if (!Array.isArray(sites) || !sites.every((x) => isObject(x) && typeof x.path === 'string' && isUrl(x.url)))
        return undefined;
    const open = s.open ?? [];
    if (!Array.isArray(open) || !open.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && isUrl(p[1]))) {
        return undefined;
    }
    return { ...s, open: s.open ? new Map(open) : undefined };
}
/** Whether `body`'s section `id` is at least as new as `record` (sections carry their render time). */
function isAtLeastAsNew(updatedAt, record) {
    return updatedAt !== undefined && (Date.parse(updatedAt) || 0) >= Date.parse(record.updatedAt);
}
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isTime(v) {
    return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}
function isUrl(v) {
    return typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
}
function isEntry(v) {
    if (!isObject(v))
        return false;
    return (typeof v.path === 'string' &&
        typeof v.key === 'string' &&
        typeof v.size === 'number' &&
        typeof v.sha256 === 'string' &&
        typeof v.contentType === 'string' &&
        isUrl(v.url) &&
        isTime(v.expiresAt));
}
function isQrLink(v) {
    return (isObject(v) &&
        (v.of === 'share' || v.of === 'file') &&
        (v.path === undefined || typeof v.path === 'string') &&
        isUrl(v.url) &&
        typeof v.width === 'number');
}


/***/ }),

/***/ 9461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* binding */ assertOwnOrigin),
  Xb: () => (/* binding */ displayFolder),
  ws: () => (/* binding */ planSites),
  w3: () => (/* binding */ publishSites),
  JI: () => (/* binding */ sharedOriginProblem)
});

// EXTERNAL MODULE: ./src/aws/bucket.ts
var bucket = __webpack_require__(7275);
// EXTERNAL MODULE: ./src/aws/presign.ts
var presign = __webpack_require__(693);
// EXTERNAL MODULE: ./src/config/constants.ts
var constants = __webpack_require__(4687);
// EXTERNAL MODULE: ./src/links/disposition.ts
var disposition = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/sites/names.ts
var names = __webpack_require__(5888);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/sites/runtime.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * Code that runs in the reader's browser: in the site's service worker (worker.ts), the start page
 * (bootstrap.ts) and the share page. Each function is type-checked here, unit-tested in Node where it
 * is pure, and shipped as its own source text (`Function.prototype.toString`, see runtime-source.ts), so:
 * - a function may call only globals of the browser and the other functions listed in RUNTIME there;
 * - nothing else of this module (constants, imports) may be referenced inside a function body,
 *   because the bundler renames module-level names. Types are fine: they are erased.
 */
/** RFC 3986 encoding of each path segment (what S3 and SigV4 expect), `/` kept. */
function encodePath(path) {
    return path
        .split('/')
        .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
        .join('/');
}
/** base64url → lowercase hex (signatures are stored in base64url, a third shorter). */
function hexFromBase64url(value) {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    let hex = '';
    for (let i = 0; i < binary.length; i++)
        hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
    return hex;
}
function siteIndex(map) {
    const files = new Map();
    const dirs = new Set(['']);
    const addDirs = (path) => {
        for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1))
            dirs.add(path.slice(0, i + 1));
    };
    for (const [dir, entries] of map.dirs) {
        for (const entry of entries) {
            files.set(dir + entry[0], entry.slice(1));
            addDirs(dir + entry[0]);
        }
    }
    for (const [path, url] of map.urls) {
        files.set(path, url);
        addDirs(path);
    }
    return { files, dirs };
}
/** The link of a file of the site, or undefined when the site has no such file. */
function fileLink(map, index, path) {
    const values = index.files.get(path);
    if (values === undefined)
        return undefined;
    if (typeof values === 'string')
        return values;
    let k = 0;
    const query = map.query
        .map((piece) => {
        if (typeof piece === 'string')
            return piece;
        const value = values[k++] ?? '';
        return piece[0] + '=' + (piece[1] ? hexFromBase64url(value) : value);
    })
        .join('&');
    return map.origin + map.base + encodePath(path) + (query ? '?' + query : '');
}
/** Query parameters that mean "this request is already signed": S3 (SigV4) and CloudFront. */
function isSignedUrl(url) {
    return ['X-Amz-Signature', 'Signature'].some((name) => url.searchParams.has(name));
}
/**
 * Decides what answers a request for `path` of the site (from `sitePathOf`; undefined: not the
 * site's), like a static web server would: `dir/` serves `dir/index.html` (or a listing when the
 * folder has none), `dir` redirects to `dir/`, and a navigation to a path that is not a file falls
 * back to the site's `404.html` or else its `index.html` (single-page apps).
 */
function routeRequest(index, path, href, navigate) {
    if (path === undefined)
        return { kind: 'outside' };
    if (path === '' || path.endsWith('/')) {
        if (index.files.has(path + 'index.html'))
            return { kind: 'file', path: path + 'index.html', status: 200 };
        if (navigate && index.dirs.has(path))
            return { kind: 'listing', dir: path };
    }
    else if (index.files.has(path)) {
        return { kind: 'file', path, status: 200 };
    }
    else if (index.dirs.has(path + '/')) {
        const url = new URL(href);
        return { kind: 'redirect', location: url.origin + url.pathname + '/' + url.search };
    }
    if (navigate) {
        if (index.files.has('404.html'))
            return { kind: 'file', path: '404.html', status: 404 };
        if (index.files.has('index.html'))
            return { kind: 'file', path: 'index.html', status: 200 };
    }
    return { kind: 'missing' };
}
/**
 * Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) replaced by U+FFFD, so an
 * untrusted name cannot display reversed (`gnp.exe` shown as `exe.png`): the share page and the
 * worker's pages. The comment and the summary use util/bidi.ts (a unit test keeps the two equal).
 */
function neutralizeBidi(text) {
    return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}
/** Text for HTML content and quoted attributes; bidi controls neutralized. */
function escapeHtml(text) {
    return neutralizeBidi(text).replace(/[&<>"'`]/g, (c) => '&#' + c.charCodeAt(0) + ';');
}
/** `2025-01-02 03:04 UTC`. */
function formatUtcTime(ms) {
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
/** A small self-contained HTML page; `bodyHtml` must already be escaped. */
function noticePage(title, bodyHtml) {
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
        '<title>' +
        escapeHtml(title) +
        '</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2328}' +
        'code{background:#f6f8fa;padding:0 .3em;border-radius:4px}a{color:#0969da}li{margin:.2em 0}</style></head><body>' +
        bodyHtml +
        '</body></html>');
}
/** The page shown instead of S3's XML once the links have expired: what happened and how to get fresh links. */
function expiredPage(title, expiresAt, runUrl) {
    const rerun = runUrl ? '<a href="' + escapeHtml(runUrl) + '">re-run the job</a> that uploaded it' : 're-run the job that uploaded it';
    return noticePage('Links expired', '<h1>These artifact links have expired</h1><p>The links to <b>' +
        escapeHtml(title) +
        '</b> stopped working at ' +
        escapeHtml(formatUtcTime(expiresAt)) +
        '. The files may still be in the bucket, but their links are signed for a limited time.</p>' +
        '<p>To get fresh links, ' +
        rerun +
        ', or run the action with <code>mode: refresh</code> (it re-signs the links of the ' +
        'pull request without rebuilding), then open the new link from the pull-request comment.</p>');
}
/** A folder of the site without an `index.html`: its files and sub-folders, as relative links. */
function listingPage(map, index, dir) {
    const names = new Set();
    for (const path of index.files.keys()) {
        if (!path.startsWith(dir))
            continue;
        const rest = path.slice(dir.length);
        const slash = rest.indexOf('/');
        names.add(slash < 0 ? rest : rest.slice(0, slash + 1));
    }
    const items = [...names]
        .sort()
        .map((name) => '<li><a href="./' + escapeHtml(encodePath(name)) + '">' + escapeHtml(name) + '</a></li>')
        .join('');
    const up = dir ? '<p><a href="../">Parent folder</a></p>' : '';
    return noticePage(map.title + '/' + dir, '<h1>' + escapeHtml(map.title + '/' + dir) + '</h1>' + up + '<ul>' + items + '</ul>');
}
/** `2025-01-02 12:04 UTC+09:00`: a time in a zone `offsetMinutes` east of UTC (the reader's, in the browser). */
function formatLocalTime(ms, offsetMinutes) {
    const shifted = new Date(ms + offsetMinutes * 60_000).toISOString();
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const zone = offsetMinutes === 0 ? 'UTC' : 'UTC' + sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
    return shifted.slice(0, 10) + ' ' + shifted.slice(11, 16) + ' ' + zone + ' (your time)';
}
/**
 * The share page's script: expiry times in the reader's local time, and once the links have expired
 * (even while the page stays open), the notice saying so and how to refresh, instead of S3's XML.
 */
function sharePageMain(doc, setInterval) {
    const times = doc.querySelectorAll('time[datetime]');
    let expiresAt = Infinity;
    for (let i = 0; i < times.length; i++) {
        const ms = Date.parse(times[i].getAttribute('datetime') || '');
        if (isNaN(ms))
            continue;
        times[i].textContent = formatLocalTime(ms, -new Date(ms).getTimezoneOffset());
        if (times[i].getAttribute('data-expires') !== null)
            expiresAt = Math.min(expiresAt, ms);
    }
    const notice = doc.getElementById('expired');
    const expired = () => Date.now() >= expiresAt;
    const check = () => {
        if (notice && expired())
            notice.hidden = false;
    };
    check();
    setInterval(check, 15_000);
    doc.addEventListener('click', (event) => {
        const target = event.target;
        const link = target && target.closest ? target.closest('a[data-link]') : null;
        if (link && expired()) {
            event.preventDefault();
            check();
            if (notice && notice.scrollIntoView)
                notice.scrollIntoView();
        }
    });
}

;// CONCATENATED MODULE: ./src/sites/session.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * A reader's session of a site, in the browser (pure; serialized like runtime.ts, see its header).
 *
 * No link is readable by the origin: the worker script holds none, and the site map reaches the
 * worker only by a message from the start page. The worker keeps it in memory and, so that it
 * survives the browser stopping an idle worker, in Cache Storage encrypted with a key that exists
 * only in the addresses of the reader's pages: `F/.artifact-links/s/<token>/…`, where `F/` is the
 * site's folder. A page of another site (any page of the origin can read Cache Storage and list
 * the workers) finds ciphertext and no token, and a frame or window it opens into `F/` without the
 * token gets a page saying to open the site from its link.
 */

/** `F/.artifact-links/s/`: under the worker's scope `F/`, where sessions live. */
function sessionsBase(scope) {
    return scope + '.artifact-links/s/';
}
/** Tokens are 128 random bits in base64url (22 characters); nothing else is a token. */
function isToken(value) {
    return typeof value === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(value);
}
/** `{ token, root }` of a URL inside a session, or undefined. `href` without query or fragment is enough. */
function sessionOf(scope, href) {
    const base = sessionsBase(scope);
    if (!href.startsWith(base))
        return undefined;
    const rest = href.slice(base.length);
    const slash = rest.indexOf('/');
    const token = slash < 0 ? rest.replace(/[?#].*$/, '') : rest.slice(0, slash);
    if (!isToken(token))
        return undefined;
    return { token, root: base + token + '/' };
}
/**
 * The map a start page sent, if it is a map of the site this worker serves: same origin and folder
 * as the worker's scope. Anything else (a page of another site posting its own or a forged map) is
 * refused, so a session can only ever serve this folder's files.
 */
function acceptMap(scope, value) {
    const map = value;
    if (!map || typeof map !== 'object' || map.v !== 1 || typeof map.origin !== 'string' || typeof map.base !== 'string')
        return undefined;
    if (!Array.isArray(map.dirs) || !Array.isArray(map.urls) || !Array.isArray(map.query) || typeof map.expiresAt !== 'number')
        return undefined;
    if (map.origin + map.base !== scope)
        return undefined;
    for (const [, url] of map.urls) {
        if (typeof url !== 'string' || !url.startsWith(scope))
            return undefined;
    }
    return map;
}
/** The folders of a site that hold `sw.bundle.js`: Playwright's trace viewer registers it for its folder. */
function nestedWorkerDirs(index) {
    const dirs = [];
    for (const path of index.files.keys()) {
        const slash = path.lastIndexOf('/');
        if (path.slice(slash + 1) === 'sw.bundle.js')
            dirs.push(path.slice(0, slash + 1));
    }
    return dirs.sort((a, b) => b.length - a.length);
}
/** The nested worker's folder whose scope holds this site path (the deepest one), or undefined. */
function nestedWorkerDir(session, path) {
    for (const dir of session.nested)
        if (path.startsWith(dir))
            return dir;
    return undefined;
}
function newSession(scope, token, map) {
    const index = siteIndex(map);
    return { token, map, index, root: sessionsBase(scope) + token + '/', nested: nestedWorkerDirs(index), opened: false };
}
/**
 * The site path a request of a page in the session asks for, or undefined when it is not the
 * site's: relative URLs under the session's root, and root-absolute ones (`/assets/app.js`, the
 * default of Vite and most static-site generators) when the site has that file or folder. Also
 * the site's folder itself (`F/x`), which a page may compute from `location`.
 */
function sitePathOf(session, scope, href) {
    const url = new URL(href);
    const at = url.origin + url.pathname;
    const decode = (s) => {
        try {
            return decodeURIComponent(s);
        }
        catch {
            return undefined;
        }
    };
    if (at.startsWith(session.root))
        return decode(at.slice(session.root.length));
    if (url.origin !== session.map.origin)
        return undefined;
    if (at.startsWith(scope) && !at.startsWith(sessionsBase(scope)))
        return decode(at.slice(scope.length));
    const path = decode(url.pathname.slice(1));
    if (path === undefined)
        return undefined;
    const { files, dirs } = session.index;
    if (files.has(path) || dirs.has(path.endsWith('/') ? path : path + '/') || (path === '' && files.has('index.html')))
        return path;
    return undefined;
}

;// CONCATENATED MODULE: ./src/sites/seal.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * Session tokens and the map kept for a stopped worker (serialized like runtime.ts, see its header):
 * Cache Storage holds the map encrypted (AES-GCM) under a name and with a key both derived from the
 * session's token, which only the addresses of the reader's pages carry.
 */
/** Random 128-bit token, base64url. */
function randomToken() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    let binary = '';
    for (const b of bytes)
        binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
/** The Cache Storage name and AES-GCM key of a session, both derived from its token (which the cache never holds). */
async function sessionKeys(token) {
    const digest = async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    let id = '';
    for (const b of (await digest('artifact-links session id\n' + token)).slice(0, 16))
        id += b.toString(16).padStart(2, '0');
    const raw = await digest('artifact-links session key\n' + token);
    const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    return { id, key };
}
/** The map, encrypted with the session's key: 12 bytes of IV, then AES-GCM ciphertext. */
async function sealMap(token, map) {
    const { id, key } = await sessionKeys(token);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(map))));
    const body = new Uint8Array(12 + sealed.length);
    body.set(iv);
    body.set(sealed, 12);
    return { id, body };
}
/** The map sealed by `sealMap` with this token; throws for any other token or a changed body. */
async function openSealedMap(token, body) {
    const { key } = await sessionKeys(token);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: body.slice(0, 12) }, key, body.slice(12));
    return JSON.parse(new TextDecoder().decode(plain));
}

;// CONCATENATED MODULE: ./src/sites/bootstrap.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * The start page's code (serialized like runtime.ts, see its header): the page a reader opens from
 * the comment. It registers the site's worker, sends it the site map in a message, and opens the
 * site in a new session (session.ts). Without service workers it says why and lists the files.
 */



/** `#docs/a b.html` → `docs/a%20b.html`; anything that could leave the folder → `''` (the start page). */
function entryFromHash(hash) {
    let path;
    try {
        path = decodeURIComponent(hash.replace(/^#/, ''));
    }
    catch {
        return '';
    }
    // A backslash is a character of a file name like any other: encodePath makes it `%5C`, which no URL parser reads as `/`.
    if (path.startsWith('/') || path.split('/').some((s) => s === '.' || s === '..'))
        return '';
    return encodePath(path);
}
/**
 * The start page: registers the site's worker (scope: the site's folder), waits until that very
 * script is active (a re-run's page replaces an older worker of the same folder; a worker another
 * page unregistered is registered again), sends it the map with a new session's token, then opens
 * the site in that session. Without service workers it says why and lists the site's files, each
 * with its own link.
 */
function bootstrapMain(win, cfg) {
    const doc = win.document;
    const say = (id, text) => {
        const el = doc.getElementById(id);
        if (el) {
            el.textContent = text;
            el.hidden = false;
        }
    };
    const entry = entryFromHash(win.location.hash);
    if (Date.now() >= cfg.expiresAt) {
        say('status', 'These links expired at ' +
            formatUtcTime(cfg.expiresAt) +
            '. To get fresh links, re-run the job that uploaded them, or run the action with mode: refresh.');
        return;
    }
    const container = win.navigator.serviceWorker;
    if (!win.isSecureContext) {
        fallback('This page was opened over plain HTTP from a host other than localhost, and browsers run service workers (which serve the site) only on HTTPS pages. Use an HTTPS endpoint to browse the site.');
        return;
    }
    if (!container) {
        fallback('This browser does not allow service workers on this page (private browsing, or a browser setting or policy), and they serve the site.');
        return;
    }
    let timer = 0;
    const timeout = new Promise((_, reject) => {
        timer = win.setTimeout(() => reject(new Error('it did not start within 20 seconds')), 20_000);
    });
    const started = container.register(cfg.worker, { scope: cfg.scope }).then(async (registration) => {
        if (!registration)
            throw new Error('the registration was blocked');
        await activated(registration);
        const response = await fetch(cfg.map);
        if (!response.ok)
            throw new Error('the list of files could not be loaded (HTTP ' + response.status + ')');
        const map = (await response.json());
        const token = randomToken();
        await opened(registration, token, map);
        return sessionsBase(cfg.scope) + token + '/' + entry;
    });
    Promise.race([started, timeout]).then((target) => {
        win.clearTimeout(timer);
        say('status', 'Opening the site…');
        win.location.replace(target);
    }, (error) => {
        win.clearTimeout(timer);
        fallback('The browser did not start the service worker that serves the site (' +
            (error && error.message ? error.message : String(error)) +
            ').');
    });
    /** Resolves once the worker with our script URL is the registration's active, activated worker. */
    function activated(registration) {
        return new Promise((resolve, reject) => {
            const check = () => {
                const active = registration.active;
                if (active && active.scriptURL === cfg.worker && active.state === 'activated')
                    resolve();
            };
            const watch = (worker) => {
                if (!worker)
                    return;
                worker.addEventListener('statechange', () => {
                    if (worker.scriptURL === cfg.worker && worker.state === 'redundant')
                        reject(new Error('the new worker was rejected'));
                    check();
                });
            };
            registration.addEventListener('updatefound', () => watch(registration.installing));
            watch(registration.installing);
            watch(registration.waiting);
            watch(registration.active);
            check();
        });
    }
    /** Sends the worker the map for a new session; resolves once it has it. */
    function opened(registration, token, map) {
        return new Promise((resolve, reject) => {
            const worker = registration.active;
            if (!worker)
                return reject(new Error('it stopped'));
            const channel = new win.MessageChannel();
            channel.port1.onmessage = (event) => event.data.ok ? resolve() : reject(new Error('it refused the list of files'));
            worker.postMessage({ type: 'open', token, map }, [channel.port2]);
        });
    }
    function fallback(reason) {
        say('status', reason);
        say('files-note', 'Each file can still be opened on its own below, but links between them (styles, scripts, sub-pages) will not work.');
        fetch(cfg.map)
            .then((response) => (response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status))))
            .then((map) => {
            const index = siteIndex(map);
            const list = doc.getElementById('files');
            if (!list)
                return;
            for (const path of [...index.files.keys()].sort()) {
                const item = doc.createElement('li');
                const link = doc.createElement('a');
                link.href = fileLink(map, index, path);
                link.textContent = neutralizeBidi(path);
                item.appendChild(link);
                list.appendChild(item);
            }
        })
            .catch((error) => say('files-note', 'The list of files could not be loaded (' + error.message + ').'));
    }
}

;// CONCATENATED MODULE: ./src/sites/nested-worker.ts
function startNestedWorker(source, scriptUrl, scope, clients, siteFetch) {
    const listeners = {};
    const self = {
        addEventListener: (type, listener) => {
            (listeners[type] = listeners[type] || []).push(listener);
        },
        removeEventListener: () => undefined,
        skipWaiting: () => Promise.resolve(),
        clients: {
            claim: () => Promise.resolve(),
            get: (id) => clients.get(id),
            matchAll: (options) => clients.matchAll(options),
        },
        registration: { scope },
        location: new URL(scriptUrl),
    };
    new Function('self', 'fetch', source)(self, siteFetch);
    return {
        handle(event) {
            let answer;
            const nested = {
                request: event.request,
                clientId: event.clientId,
                resultingClientId: event.resultingClientId,
                respondWith: (response) => (answer = Promise.resolve(response)),
                waitUntil: () => undefined,
            };
            for (const listener of listeners.fetch || []) {
                listener(nested);
                if (answer)
                    break;
            }
            return answer || Promise.resolve(undefined);
        },
    };
}

;// CONCATENATED MODULE: ./src/sites/worker.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * The site's service worker (serialized like runtime.ts, see its header). Its script holds no link:
 * the start page sends the site map in a message (session.ts says where it is kept), and the worker
 * answers only requests that belong to a session: navigations to `F/.artifact-links/s/<token>/…`
 * and requests of the pages (clients) it opened there. Each file is fetched from its own link (same
 * origin, so no CORS), with the rules of `routeRequest`. It passes Range through (media), drops
 * Content-Disposition (so HTML, CSS and scripts display rather than download), and replaces S3's
 * errors with pages a reader understands: expired links, a removed file, an unreachable store.
 */




/** When a signed link stops working, from its own query (SigV4 `X-Amz-Date` + `X-Amz-Expires`, CloudFront `Expires`). */
function expiryOfUrl(href) {
    const q = new URL(href).searchParams;
    const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get('X-Amz-Date') || '');
    if (date && q.get('X-Amz-Expires')) {
        return Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]) + Number(q.get('X-Amz-Expires')) * 1000;
    }
    const expires = Number(q.get('Expires'));
    return expires > 0 ? expires * 1000 : undefined;
}
function serviceWorkerMain(scope) {
    const folder = scope.registration.scope;
    const origin = new URL(folder).origin;
    const CACHE = 'artifact-links-sessions';
    const sessions = new Map();
    /** Pages and workers of a session: client id → the URL it was opened at. */
    const clientUrls = new Map();
    const nestedWorkers = new Map();
    scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
    scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
    scope.addEventListener('message', (event) => {
        const data = (event.data || {});
        const port = event.ports[0];
        const map = acceptMap(folder, data.map);
        if (data.type !== 'open' || !isToken(data.token) || !map || !port) {
            if (port)
                port.postMessage({ ok: false });
            return;
        }
        const session = newSession(folder, data.token, map);
        sessions.set(session.token, Promise.resolve(session));
        const saved = sealMap(session.token, map)
            .then(async ({ id, body }) => {
            const cache = await scope.caches.open(CACHE);
            await cache.put(folder + '.artifact-links/session/' + id, new Response(body, { headers: { 'x-expires': String(map.expiresAt) } }));
            await prune(cache);
        })
            .catch(() => undefined) // without Cache Storage the session lasts while this worker runs
            .then(() => port.postMessage({ ok: true }));
        event.waitUntil(saved);
    });
    scope.addEventListener('fetch', (event) => {
        const request = event.request;
        if (request.method !== 'GET' && request.method !== 'HEAD')
            return;
        const url = request.url;
        if (request.mode === 'navigate') {
            const at = sessionOf(folder, url);
            if (at)
                event.respondWith(navigation(event, at.token));
            else if (url.startsWith(folder) && isSignedUrl(new URL(url)))
                event.respondWith(passSigned(request));
            else if (url.startsWith(folder))
                event.respondWith(Promise.resolve(notOpened()));
            return;
        }
        // Another origin's resource asked by a page no session opened, or a signed link (the start page's map): not ours.
        if ((new URL(url).origin !== origin && !clientUrls.has(event.clientId)) || isSignedUrl(new URL(url)))
            return;
        event.respondWith(subresource(event));
    });
    const page = (html, status) => new Response(html, {
        status,
        headers: {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
        },
    });
    const text = (body, status) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    const notOpened = () => page(noticePage('Open the site from its link', '<h1>Open the site from its link</h1><p>This address works only in a browser tab that opened the site from its link, ' +
        'while one of its pages is open. Open the site again from its link in the pull-request comment or on the share page.</p>'), 403);
    /** Drops this folder's saved sessions whose links have expired, and all but the newest 20. */
    async function prune(cache) {
        if (!cache.keys || !cache.delete)
            return;
        const mine = (await cache.keys()).filter((request) => request.url.startsWith(folder + '.artifact-links/session/'));
        const kept = [];
        for (const request of mine) {
            const saved = await cache.match(request.url);
            const expires = Number(saved ? saved.headers.get('x-expires') : 0);
            if (!(expires > Date.now()))
                await cache.delete(request.url);
            else
                kept.push({ url: request.url, expires });
        }
        // Cache Storage lists entries in the order they were put: the oldest first.
        for (const old of kept.slice(0, Math.max(0, kept.length - 20)))
            await cache.delete(old.url);
    }
    async function getSession(token) {
        let found = sessions.get(token);
        if (!found) {
            found = restore(token);
            sessions.set(token, found);
        }
        const session = await found;
        if (!session)
            sessions.delete(token);
        return session;
    }
    /** After the browser stopped and restarted this worker: the session's map from Cache Storage, opened with the token. */
    async function restore(token) {
        try {
            const { id } = await sessionKeys(token);
            const saved = await (await scope.caches.open(CACHE)).match(folder + '.artifact-links/session/' + id);
            if (!saved)
                return undefined;
            const map = acceptMap(folder, await openSealedMap(token, new Uint8Array(await saved.arrayBuffer())));
            if (!map)
                return undefined;
            const session = newSession(folder, token, map);
            session.opened = true;
            return session;
        }
        catch {
            return undefined;
        }
    }
    /** A session lives while one of its pages is open (its first page opens from the start page). */
    async function alive(session) {
        if (!session.opened)
            return true;
        const open = await scope.clients.matchAll({ type: 'window' });
        return open.some((client) => client.url.startsWith(session.root));
    }
    async function navigation(event, token) {
        const session = await getSession(token);
        if (!session || !(await alive(session)))
            return notOpened();
        session.opened = true;
        if (event.resultingClientId)
            clientUrls.set(event.resultingClientId, event.request.url);
        const path = sitePathOf(session, folder, event.request.url);
        const dir = path === undefined ? undefined : nestedWorkerDir(session, path);
        return dir === undefined ? serve(session, event.request) : viaNested(session, dir, event);
    }
    async function clientSession(clientId) {
        if (!clientId)
            return undefined;
        let url = clientUrls.get(clientId);
        if (url === undefined) {
            const client = await scope.clients.get(clientId);
            if (!client || !sessionOf(folder, client.url))
                return undefined;
            url = client.url;
            clientUrls.set(clientId, url);
        }
        const at = sessionOf(folder, url);
        const session = at && (await getSession(at.token));
        return session ? { session, url } : undefined;
    }
    async function subresource(event) {
        const request = event.request;
        const from = await clientSession(event.clientId);
        if (!from) {
            // Never to the network unsigned from inside the folder; elsewhere on the origin, as the browser would.
            return request.url.startsWith(folder) ? text('This page was not opened from the site\u2019s link.', 403) : fetch(request);
        }
        const clientPath = sitePathOf(from.session, folder, from.url);
        const dir = clientPath === undefined ? undefined : nestedWorkerDir(from.session, clientPath);
        return dir === undefined ? serve(from.session, request) : viaNested(from.session, dir, event);
    }
    /** A request as the site's own service worker of `dir` would answer it (Playwright's trace viewer). */
    async function viaNested(session, dir, event) {
        const key = session.token + '\n' + dir;
        let worker = nestedWorkers.get(key);
        if (!worker) {
            const script = session.root + dir + 'sw.bundle.js';
            const siteFetch = (input, init) => serve(session, typeof input === 'object' && 'url' in input && !init ? input : new Request(input, init));
            worker = serve(session, new Request(script))
                .then((response) => (response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status))))
                .then((source) => startNestedWorker(source, script, session.root + dir, scope.clients, siteFetch));
            nestedWorkers.set(key, worker);
            worker.catch(() => nestedWorkers.delete(key));
        }
        let started;
        try {
            started = await worker;
        }
        catch {
            return serve(session, event.request);
        }
        return (await started.handle(event)) || serve(session, event.request);
    }
    /** A request of a session's page, for a file of the site or (root-absolute, not the site's) the network. */
    function serve(session, request) {
        const navigate = request.mode === 'navigate';
        const route = routeRequest(session.index, sitePathOf(session, folder, request.url), request.url, navigate);
        if (route.kind !== 'outside')
            return answer(session, route, request, navigate);
        if (request.url.startsWith(folder))
            return Promise.resolve(failed(session, navigate, 404, 'There is no such file in the site.'));
        return fetch(request);
    }
    const expired = (session, navigate) => navigate
        ? page(expiredPage(session.map.title, session.map.expiresAt, session.map.runUrl), 410)
        : text('The artifact links expired at ' + formatUtcTime(session.map.expiresAt) + '.', 410);
    function failed(session, navigate, status, what) {
        if (!navigate)
            return text(what, status);
        const home = '<p><a href="' + escapeHtml(session.root) + '">Open the site\u2019s first page</a></p>';
        return page(noticePage('Not available', '<h1>Not available</h1><p>' + escapeHtml(what) + '</p>' + home), status);
    }
    /** S3 answers 403 AccessDenied "Request has expired"; CloudFront 403 too. */
    const isExpiry = async (response, expiresAt) => (response.status === 403 || response.status === 400) && (Date.now() >= expiresAt || /expired/i.test(await response.clone().text()));
    /** A signed link opened in the folder (a start page, a re-run's): straight to the store, an expired one explained. */
    async function passSigned(request) {
        const response = await fetch(request);
        const expiresAt = expiryOfUrl(request.url) ?? Infinity;
        if (!(await isExpiry(response, expiresAt)))
            return response;
        return page(expiredPage('this site', expiresAt === Infinity ? Date.now() : expiresAt), 410);
    }
    async function answer(session, route, request, navigate) {
        const map = session.map;
        if (route.kind === 'redirect')
            return Response.redirect(route.location, 302);
        if (Date.now() >= map.expiresAt)
            return expired(session, navigate);
        if (route.kind === 'listing')
            return page(listingPage(map, session.index, route.dir), 200);
        if (route.kind !== 'file')
            return failed(session, navigate, 404, 'There is no such file in ' + map.title + '.');
        const link = fileLink(map, session.index, route.path);
        const headers = {};
        const range = request.headers.get('range');
        if (range)
            headers.range = range;
        let response;
        try {
            response = await fetch(link, { headers, credentials: 'omit', redirect: 'follow' });
        }
        catch (error) {
            return failed(session, navigate, 502, 'The storage could not be reached (' + String(error) + ').');
        }
        if (await isExpiry(response, map.expiresAt))
            return expired(session, navigate);
        if (response.status === 404)
            return failed(session, navigate, 404, route.path + ' is no longer in the bucket: the artifacts were probably cleaned up.');
        if (response.status >= 400 && response.status !== 416) {
            return failed(session, navigate, response.status, route.path + ' could not be loaded (HTTP ' + response.status + ').');
        }
        const out = new Headers(response.headers);
        out.delete('content-disposition');
        const status = route.status === 404 && response.status === 200 ? 404 : response.status;
        return new Response(request.method === 'HEAD' ? null : response.body, { status, headers: out });
    }
}

;// CONCATENATED MODULE: ./src/sites/runtime-source.ts
/**
 * The browser-side code as source text: every function the serialized code may call (runtime.ts,
 * session.ts, seal.ts, worker.ts, nested-worker.ts, bootstrap.ts), and calls of its entry points.
 */






/** Every function the serialized code may call, in an order where each is declared before use at run time. */
const RUNTIME = [
    encodePath,
    hexFromBase64url,
    siteIndex,
    fileLink,
    isSignedUrl,
    routeRequest,
    neutralizeBidi,
    escapeHtml,
    formatUtcTime,
    noticePage,
    expiredPage,
    listingPage,
    sessionsBase,
    isToken,
    sessionOf,
    acceptMap,
    nestedWorkerDirs,
    nestedWorkerDir,
    newSession,
    sitePathOf,
    randomToken,
    sessionKeys,
    sealMap,
    openSealedMap,
    expiryOfUrl,
    startNestedWorker,
    entryFromHash,
];
/** Source text of the runtime functions, for a script that then calls one of the entry points. */
function runtimeSource() {
    return RUNTIME.map(String).join('\n');
}
/** A call of an entry point, `(function serviceWorkerMain(…){…})(args…);`; `args` are JavaScript expressions. */
function callSource(entry, ...args) {
    return '(' + String(entry) + ')(' + args.join(', ') + ');';
}

;// CONCATENATED MODULE: ./src/sites/pages.ts
/**
 * The generated browser-side objects of a site: the service worker script and the bootstrap page.
 * Pure rendering; the code that runs in the browser is in runtime.ts.
 */





/**
 * The worker script: the runtime, then the worker. The same text for every site, and no link in it:
 * any page of the origin can read it (from its registration's script URL).
 */
function renderWorkerScript() {
    return `'use strict';\n${runtimeSource()}\n${callSource(serviceWorkerMain, 'self')}\n`;
}
/** Content-Security-Policy source for an inline script or style: its SHA-256. */
function cspHash(source) {
    return `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(source, 'utf8').digest('base64')}'`;
}
const BOOT_STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2328}' +
    'a{color:#0969da}li{margin:.15em 0;word-break:break-all}';
/**
 * The page a reader opens: starts the worker, then shows the site (or `#path` inside it). Its only
 * script is hashed into a strict Content-Security-Policy; the configuration is a JSON data block.
 */
function renderBootstrapPage(config) {
    const script = `${runtimeSource()}\n${callSource(bootstrapMain, 'window', "JSON.parse(document.getElementById('site-config').textContent)")}`;
    const csp = [
        "default-src 'none'",
        `script-src ${cspHash(script)}`,
        `style-src ${cspHash(BOOT_STYLE)}`,
        "connect-src 'self'",
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const title = escapeHtml(config.title);
    return (`<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">` +
        `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width">` +
        `<title>${title}</title><style>${BOOT_STYLE}</style></head>\n<body>` +
        `<h1>${title}</h1><p id="status">Starting the site…</p>` +
        `<noscript><p>This page needs JavaScript to open the site.</p></noscript>` +
        `<p id="files-note" hidden></p><ul id="files"></ul>\n` +
        `<script type="application/json" id="site-config">${jsonForHtml(config)}</script>\n` +
        `<script>${script}</script>\n</body></html>\n`);
}
/** JSON that can sit inside an HTML element: no `<`, `>` or `&`, so no `</script>`. */
function jsonForHtml(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
;// CONCATENATED MODULE: ./src/sites/share-layout.ts
/** The share page's layout: files grouped by folder, and the name of its "Download all" archive. Pure. */
/** The folder of a path as the share page groups it: `dist/app/` for `dist/app/x.js`, `''` at the top. */
function folderOf(path) {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '' : path.slice(0, slash + 1);
}
/** Files grouped by folder, folders in path order (a folder before the folders inside it), files in their order. */
function groupByFolder(files) {
    const groups = new Map();
    for (const f of files) {
        const folder = folderOf(f.path);
        const list = groups.get(folder);
        if (list)
            list.push(f);
        else
            groups.set(folder, [f]);
    }
    return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([folder, list]) => ({ folder, files: list }));
}
/** `build-linux-0123456.zip`: the section's title and commit, as a safe file name. */
function zipFileName(title, sha) {
    const base = `${title} ${sha.slice(0, 7)}`
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 100);
    return `${base || 'artifacts'}.zip`;
}

;// CONCATENATED MODULE: ./src/sites/zip.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * A small writer of stored (uncompressed) .zip archives, for the share page's "Download all": the
 * reader's browser fetches each file from its presigned link and writes the archive itself, no
 * server in between. Pure functions, unit-tested in Node and shipped to the browser as their own
 * source text (see share-tools.ts), so each may call only the browser's globals and the other
 * functions of ZIP_FUNCTIONS.
 *
 * Format (APPNOTE 6.3.10): per file a local header (general-purpose flags: bit 3, sizes and CRC in a
 * data descriptor after the data, as they are known only once the data has streamed; bit 11, UTF-8
 * names), the data, the descriptor; then the central directory and its end record. No ZIP64: an
 * archive is at most 4 GiB and 65,535 files (zipLimits says why not, before anything is fetched).
 */
/** The CRC-32 (IEEE 802.3) table. */
function crcTable() {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
}
/** The CRC-32 of the bytes so far (`crc`, 0 to start) followed by `bytes`. */
function crcUpdate(table, crc, bytes) {
    let c = (crc ^ 0xffffffff) >>> 0;
    for (let i = 0; i < bytes.length; i++)
        c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
/**
 * The name of a file inside the archive: its path with `/` separators, and nothing an extractor
 * could take for a way out of the folder it extracts to: no leading `/`, no drive letter, no `.` or
 * `..` segment, no backslash (a separator on Windows), no control character. Never empty.
 */
function zipName(path) {
    const segments = path
        .replace(/\\/g, '_')
        // eslint-disable-next-line no-control-regex -- control characters in untrusted names are replaced
        .replace(/[\u0000-\u001f\u007f]/g, '_')
        .replace(/^[A-Za-z]:/, '')
        .split('/')
        .filter((s) => s !== '' && s !== '.' && s !== '..');
    return segments.join('/') || 'file';
}
/** Names made unique: a repeated name gets ` (2)`, ` (3)`… before its extension. */
function uniqueNames(names) {
    const seen = new Set();
    return names.map((name) => {
        let candidate = name;
        for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
            const dot = name.lastIndexOf('.');
            const slash = name.lastIndexOf('/');
            candidate = dot > slash + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
        }
        seen.add(candidate.toLowerCase());
        return candidate;
    });
}
/** Why these files cannot be one archive (no ZIP64), or '' when they can. */
function zipLimits(sizes, nameBytes) {
    if (sizes.length > 65535)
        return 'more than 65,535 files';
    const total = sizes.reduce((n, s) => n + s, 0) + sizes.length * 46 * 2 + nameBytes * 2 + 22;
    if (total > 0xffffffff)
        return 'more than 4 GiB';
    return '';
}
/** MS-DOS time and date of `d`, local time (what extractors show), from 1980. */
function dosTime(d) {
    const year = Math.max(1980, d.getFullYear());
    return [
        (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
        ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    ];
}
function zipBytes(length) {
    const bytes = new Uint8Array(length);
    return [bytes, new DataView(bytes.buffer)];
}
/** The local header before a file's data; CRC and sizes follow in its descriptor. */
function zipLocalHeader(name, dos) {
    const [bytes, v] = zipBytes(30 + name.length);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true); // version needed: 2.0
    v.setUint16(6, 0x0808, true); // data descriptor, UTF-8 name
    v.setUint16(8, 0, true); // stored
    v.setUint16(10, dos[0], true);
    v.setUint16(12, dos[1], true);
    v.setUint16(26, name.length, true);
    bytes.set(name, 30);
    return bytes;
}
/** The data descriptor after a file's data. */
function zipDescriptor(crc, size) {
    const [bytes, v] = zipBytes(16);
    v.setUint32(0, 0x08074b50, true);
    v.setUint32(4, crc, true);
    v.setUint32(8, size, true);
    v.setUint32(12, size, true);
    return bytes;
}
/** A file's entry in the central directory; `offset` is where its local header starts. */
function zipCentral(name, dos, crc, size, offset) {
    const [bytes, v] = zipBytes(46 + name.length);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 0x0314, true); // made by: UNIX, 2.0 (so the permissions below are read)
    v.setUint16(6, 20, true);
    v.setUint16(8, 0x0808, true);
    v.setUint16(10, 0, true);
    v.setUint16(12, dos[0], true);
    v.setUint16(14, dos[1], true);
    v.setUint32(16, crc, true);
    v.setUint32(20, size, true);
    v.setUint32(24, size, true);
    v.setUint16(28, name.length, true);
    v.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--: never executable, never a link
    v.setUint32(42, offset, true);
    bytes.set(name, 46);
    return bytes;
}
/** The end of the central directory. */
function zipEnd(count, centralSize, centralOffset) {
    const [bytes, v] = zipBytes(22);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, count, true);
    v.setUint16(10, count, true);
    v.setUint32(12, centralSize, true);
    v.setUint32(16, centralOffset, true);
    return bytes;
}
/** What the share page's tools call, by name (property names survive the bundler; function names may not). */
const ZIP_KIT = { crcTable, crcUpdate, zipName, uniqueNames, zipLimits, dosTime, zipLocalHeader, zipDescriptor, zipCentral, zipEnd };
/** Source text of every function above, then `zipKit`: ZIP_KIT as the browser gets it. */
function zipKitSource() {
    const functions = [...Object.values(ZIP_KIT), zipBytes];
    const kit = Object.entries(ZIP_KIT).map(([key, f]) => `${key}: ${f.name}`);
    return `${functions.map(String).join('\n')}\nconst zipKit = { ${kit.join(', ')} };`;
}

;// CONCATENATED MODULE: ./src/sites/share-tools.ts
/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * The share page's tools, in the reader's browser: a search box that filters the files as you type,
 * folders that collapse, a copy-link button per file, and "Download all" as one .zip the browser
 * assembles from the presigned links (zip.ts), one file at a time, with no server in between.
 * Shipped as source text like runtime.ts: `shareToolsMain` may use only browser globals and its
 * parameters (the zip writer comes in as `z`). Checked in Chromium (__tests__/integration/share-page-browser.test.ts).
 */

function shareToolsMain(doc, win, z) {
    const rows = Array.from(doc.querySelectorAll('tr[data-path]'));
    const heads = Array.from(doc.querySelectorAll('tr[data-folder]:not([data-path])'));
    const filter = doc.getElementById('filter');
    const shown = doc.getElementById('shown');
    const zip = doc.getElementById('zip');
    const status = doc.getElementById('zip-status');
    const notice = doc.getElementById('expired');
    const expiresAt = Date.parse((doc.querySelectorAll('time[data-expires]')[0] || { getAttribute: () => '' }).getAttribute('datetime') || '');
    const collapsed = [];
    const inside = (folder, outer) => folder.slice(0, outer.length) === outer;
    const folded = (folder, self) => collapsed.some((c) => inside(folder, c) && (self || c !== folder));
    const query = () => (filter ? filter.value.trim().toLowerCase() : '');
    const matches = (row, q) => !q || (row.getAttribute('data-path') || '').toLowerCase().indexOf(q) !== -1;
    const picked = () => rows.filter((r) => matches(r, query()));
    const apply = () => {
        const q = query();
        // A folder's heading shows while one of its own files matches (headings name whole paths).
        const open = new Set();
        let count = 0;
        for (const row of rows) {
            const folder = row.getAttribute('data-folder') || '';
            const match = matches(row, q);
            row.hidden = !match || folded(folder, true);
            if (!match)
                continue;
            count++;
            open.add(folder);
        }
        for (const head of heads) {
            const f = head.getAttribute('data-folder') || '';
            head.hidden = !open.has(f) || folded(f, false);
        }
        if (shown)
            shown.textContent = q ? count + ' of ' + rows.length + ' files match' : '';
        if (zip) {
            zip.textContent = q ? 'Download ' + count + ' as .zip' : 'Download all as .zip';
            zip.disabled = count === 0;
        }
    };
    if (filter) {
        filter.addEventListener('input', apply);
        filter.hidden = false;
    }
    doc.addEventListener('keydown', (event) => {
        if (event.key === '/' && filter && doc.activeElement !== filter) {
            event.preventDefault();
            filter.focus();
        }
    });
    doc.addEventListener('click', (event) => {
        const target = event.target;
        const toggle = target && target.closest ? target.closest('button[data-toggle]') : null;
        if (toggle) {
            const folder = toggle.getAttribute('data-toggle') || '';
            const at = collapsed.indexOf(folder);
            if (at === -1)
                collapsed.push(folder);
            else
                collapsed.splice(at, 1);
            toggle.setAttribute('aria-expanded', at === -1 ? 'false' : 'true');
            apply();
            return;
        }
        const copy = target && target.closest ? target.closest('button[data-copy]') : null;
        if (copy)
            void copyLink(copy);
    });
    const say = (el, text, ms) => {
        const before = el.getAttribute('data-label') || el.textContent || '';
        el.setAttribute('data-label', before);
        el.textContent = text;
        win.setTimeout(() => (el.textContent = before), ms);
    };
    const copyLink = async (button) => {
        const url = button.getAttribute('data-copy') || '';
        try {
            if (!win.navigator.clipboard)
                throw new Error('no clipboard');
            await win.navigator.clipboard.writeText(url);
        }
        catch {
            // Without the asynchronous clipboard (plain http, an old browser): select the text and copy it.
            const field = doc.createElement('textarea');
            field.value = url;
            doc.body.appendChild(field);
            field.select();
            const done = doc.execCommand('copy');
            field.remove();
            if (!done)
                return say(button, 'Copy failed', 2000);
        }
        say(button, 'Copied', 2000);
    };
    const expired = () => Date.now() >= expiresAt;
    const download = async () => {
        if (!zip || !status)
            return;
        if (expired()) {
            if (notice)
                notice.hidden = false;
            return;
        }
        const files = picked();
        const enc = new win.TextEncoder();
        const names = z.uniqueNames(files.map((r) => z.zipName(r.getAttribute('data-path') || ''))).map((n) => enc.encode(n));
        const sizes = files.map((r) => Number(r.getAttribute('data-size')) || 0);
        const limit = z.zipLimits(sizes, names.reduce((n, b) => n + b.length, 0));
        if (limit) {
            status.textContent = 'These files are ' + limit + ', too much for one .zip: download them one by one.';
            return;
        }
        zip.disabled = true;
        const table = z.crcTable();
        const dos = z.dosTime(new Date());
        const parts = [];
        const central = [];
        let offset = 0;
        try {
            for (let i = 0; i < files.length; i++) {
                status.textContent = 'Fetching ' + (i + 1) + ' of ' + files.length + '…';
                const path = files[i].getAttribute('data-path') || '';
                const response = await win.fetch(files[i].getAttribute('data-url') || '');
                if (!response.ok || !response.body)
                    throw new Error(path + ' answered ' + response.status);
                const header = z.zipLocalHeader(names[i], dos);
                const chunks = [header];
                const reader = response.body.getReader();
                let crc = 0;
                let size = 0;
                for (;;) {
                    const { done, value } = await reader.read();
                    if (done)
                        break;
                    if (!value)
                        continue;
                    crc = z.crcUpdate(table, crc, value);
                    size += value.length;
                    chunks.push(value);
                }
                if (size !== sizes[i])
                    throw new Error(path + ' has ' + size + ' bytes, not the ' + sizes[i] + ' uploaded');
                chunks.push(z.zipDescriptor(crc, size));
                // One Blob per file: the browser may keep it on disk, and its chunks are let go.
                parts.push(new win.Blob(chunks));
                central.push(z.zipCentral(names[i], dos, crc, size, offset));
                offset += header.length + size + 16;
            }
            const centralSize = central.reduce((n, c) => n + c.length, 0);
            const blob = new win.Blob([...parts, ...central, z.zipEnd(files.length, centralSize, offset)], { type: 'application/zip' });
            const url = win.URL.createObjectURL(blob);
            const a = doc.createElement('a');
            a.href = url;
            a.download = zip.getAttribute('data-name') || 'files.zip';
            doc.body.appendChild(a);
            a.click();
            a.remove();
            win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
            status.textContent = files.length + (files.length === 1 ? ' file' : ' files') + ' in ' + a.download + '.';
        }
        catch (error) {
            if (expired() && notice)
                notice.hidden = false;
            status.textContent = 'Download failed: ' + (error instanceof Error ? error.message : String(error)) + '.';
        }
        finally {
            zip.disabled = false;
        }
    };
    if (zip) {
        zip.addEventListener('click', () => void download());
        zip.hidden = false;
    }
    apply();
}
/** The tools' script: the zip writer, then the tools started on the page. */
function shareToolsSource() {
    return `${zipKitSource()}\n(${String(shareToolsMain)})(document, window, zipKit);`;
}

;// CONCATENATED MODULE: ./src/sites/share-page.ts
/**
 * The share page: one HTML page per section (itself a presigned object) listing every file with its
 * size, SHA-256 and link, thumbnails for images, the section's sites, and the expiry in the reader's
 * local time. The one link to paste into a chat. Pure rendering.
 *
 * File and section names come from pull requests: every one is HTML-escaped, the page's only script
 * and style are pinned by hash in a Content-Security-Policy, and images load only from the links'
 * own origins.
 *
 * Its tools (share-tools.ts): a search box, folders that collapse, a copy-link button per file, and
 * "Download all" as one .zip the reader's browser assembles from the links (fetches allowed to the
 * links' own origins only). They are hidden until the script shows them.
 */





const STYLE = 'body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}' +
    'a{color:#0969da}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:middle}' +
    'td.size{text-align:right;white-space:nowrap}td.name{word-break:break-all}code{font-size:12px;word-break:break-all}' +
    'img.thumb{width:48px;height:48px;object-fit:contain;display:block}.notice{border:1px solid #d4a72c;background:#fff8c5;padding:.75rem 1rem;border-radius:6px}' +
    '.expired{border-color:#cf222e;background:#ffebe9}' +
    '.tools{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}#filter{font:inherit;padding:.3rem .5rem;min-width:16rem}' +
    'button{font:inherit;font-size:13px;padding:.2rem .6rem;cursor:pointer}tr.folder th{background:#f6f8fa;font-weight:600}' +
    'tr.folder button{border:0;background:none;padding:0;font-weight:600;text-align:left}' +
    "tr.folder button::before{content:'\\25BE  '}tr.folder button[aria-expanded=false]::before{content:'\\25B8  '}";
const SCRIPT = `${formatLocalTime}\n(${sharePageMain})(document, setInterval);\n${shareToolsSource()}`;
/** The page as one string (tests, small sections); uploads use `sharePageParts` (see build.ts). */
function renderSharePage(data) {
    return [...sharePageParts(data)].join('');
}
/**
 * The page as pieces of text in order (joined, they are the page): a line each for the head and
 * every file's row, so a page of 20,000 links is never built as one string of small pieces.
 */
function* sharePageParts(data) {
    const expiresMs = Date.parse(data.expiresAt);
    if (Number.isNaN(expiresMs))
        throw new TypeError(`Invalid expiry ${JSON.stringify(data.expiresAt)}.`);
    const imageOrigins = [...new Set(data.files.filter(isImage).map((f) => new URL(f.url).origin))];
    // "Download all" fetches each file's own link.
    const fileOrigins = [...new Set(data.files.map((f) => new URL(f.url).origin))];
    const csp = [
        "default-src 'none'",
        `script-src ${cspHash(SCRIPT)}`,
        `style-src ${cspHash(STYLE)}`,
        `img-src ${imageOrigins.length > 0 ? imageOrigins.join(' ') : "'none'"}`,
        `connect-src ${fileOrigins.length > 0 ? fileOrigins.join(' ') : "'none'"}`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const total = data.files.reduce((n, f) => n + f.size, 0);
    const utc = formatUtcTime(expiresMs);
    const rerun = data.runUrl ? `<a href="${escapeHtml(data.runUrl)}">re-run the job</a>` : 're-run the job';
    const out = [
        '<!doctype html>',
        `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
        '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width">',
        `<title>${escapeHtml(data.title)}</title><style>${STYLE}</style></head><body>`,
        `<h1>${escapeHtml(data.title)}</h1>`,
        `<p>${data.files.length} ${data.files.length === 1 ? 'file' : 'files'}, ${(0,format/* humanBytes */.p6)(total)}` +
            (data.sha ? `, commit <code>${escapeHtml(data.sha.slice(0, 12))}</code>` : '') +
            (data.runUrl ? ` (<a href="${escapeHtml(data.runUrl)}">workflow run</a>)` : '') +
            '.</p>',
        `<p id="expiry">Links expire <time datetime="${escapeHtml(new Date(expiresMs).toISOString())}" data-expires>${escapeHtml(utc)}</time>.</p>`,
        `<p id="expired" class="notice expired" role="alert" hidden>These links expired at ${escapeHtml(utc)}. To get fresh links, ${rerun} that uploaded the files, ` +
            'or run the action with <code>mode: refresh</code> (it re-signs the links without rebuilding); the pull-request comment then has the new share link.</p>',
    ];
    if (data.note)
        out.push(`<p class="notice">${escapeHtml(data.note)}</p>`);
    if (data.sites.length > 0) {
        out.push('<h2>Sites</h2><ul>');
        for (const site of data.sites)
            out.push(`<li><a data-link href="${escapeHtml(site.url)}">${escapeHtml(site.path)}</a></li>`);
        out.push('</ul>');
    }
    out.push('<h2>Files</h2><p class="tools"><input id="filter" type="search" placeholder="Filter files (press /)" aria-label="Filter files" autocomplete="off" hidden>' +
        `<button id="zip" type="button" data-name="${escapeHtml(zipFileName(data.title, data.sha))}" hidden>Download all as .zip</button>` +
        '<span id="shown" role="status"></span><span id="zip-status" role="status"></span></p>', '<table><thead><tr><th></th><th>File</th><th>Size</th><th>SHA-256</th><th>Link</th><th></th></tr></thead><tbody>');
    for (const line of out)
        yield `${line}\n`;
    for (const group of groupByFolder(data.files)) {
        const folder = escapeHtml(group.folder);
        yield (`<tr class="folder" data-folder="${folder}"><th colspan="6"><button type="button" data-toggle="${folder}" aria-expanded="true">` +
            `${group.folder ? folder : './'}</button> <small>${group.files.length} ${group.files.length === 1 ? 'file' : 'files'}</small></th></tr>\n`);
        yield* renderRows(group.files, group.folder);
    }
    yield `</tbody></table>\n<script>${SCRIPT}</script>\n</body></html>\n`;
}
function* renderRows(files, folder) {
    for (const f of files) {
        const thumb = isImage(f) ? `<img class="thumb" loading="lazy" alt="" src="${escapeHtml(f.url)}">` : '';
        const open = f.openUrl ?? f.url;
        const link = f.viewable || f.openUrl
            ? `<a data-link href="${escapeHtml(open)}">Open</a>`
            : `<a data-link href="${escapeHtml(f.url)}">Download</a>`;
        const data = `data-path="${escapeHtml(f.path)}" data-folder="${escapeHtml(folder)}" data-url="${escapeHtml(f.url)}" data-size="${f.size}"`;
        yield (`<tr ${data}><td>${thumb}</td><td class="name">${escapeHtml(f.path)}</td><td class="size">${(0,format/* humanBytes */.p6)(f.size)}</td>` +
            `<td><code>${escapeHtml(f.sha256)}</code></td><td>${link}</td>` +
            `<td><button type="button" data-copy="${escapeHtml(f.openUrl ?? f.url)}">Copy link</button></td></tr>\n`);
    }
}
function isImage(f) {
    // SVG in <img> runs no script; anything else that is not an image gets no thumbnail.
    return /^image\/(png|jpeg|gif|webp|avif|svg\+xml|bmp|x-icon|vnd\.microsoft\.icon)\b/i.test(f.contentType);
}

;// CONCATENATED MODULE: ./src/sites/site-map.ts
/**
 * The site map: every file of a site and how to rebuild its link, compact enough that a 10,000-file
 * site stays well under 2 MB. Pure.
 *
 * Signer-agnostic: nothing here knows SigV4 or CloudFront. All links of a run are signed at one
 * instant, so the query parameters they share (X-Amz-Algorithm, -Credential, -Date, -Expires,
 * -Security-Token, …; or CloudFront's Expires and Key-Pair-Id) are found by comparing the links
 * themselves and stored once; per file only what differs (the signature). A link that does not fit
 * (another origin, an unusual path encoding, other parameters) is kept whole. Every templated link
 * is rebuilt and compared with the original before it is trusted.
 */

const HEX = /^(?:[0-9a-f]{2})+$/;
/**
 * Builds the map of the site whose folder is at `folderUrl` (e.g. the worker's link resolved
 * against `./`: origin and encoded folder path, no query).
 */
function buildSiteMap(folderUrl, files, info) {
    const folder = new URL(folderUrl);
    if (!folder.pathname.endsWith('/') || folder.search || folder.hash) {
        throw new TypeError(`A site's folder URL must end in "/" and have no query: ${folder.origin}${folder.pathname}`);
    }
    const map = {
        v: 1,
        origin: folder.origin,
        base: folder.pathname,
        query: [],
        dirs: [],
        urls: [],
        expiresAt: info.expiresAt.getTime(),
        title: info.title,
        ...(info.runUrl ? { runUrl: info.runUrl } : {}),
    };
    // Links under the folder, with the path encoded the way the worker will rebuild it, grouped by
    // the names of their query parameters; the largest group sets the template.
    const parsed = files.map((file) => {
        const url = new URL(file.url);
        const pieces = url.search ? url.search.slice(1).split('&') : [];
        const fits = url.origin === map.origin && url.pathname === map.base + encodePath(file.path) && !url.hash;
        return { file, href: url.href, pieces, shape: fits ? pieces.map(nameOf).join('&') : undefined };
    });
    const counts = new Map();
    for (const p of parsed)
        if (p.shape !== undefined)
            counts.set(p.shape, (counts.get(p.shape) ?? 0) + 1);
    const shape = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const group = parsed.filter((p) => p.shape !== undefined && p.shape === shape);
    const slots = [];
    if (group.length > 0) {
        const first = group[0].pieces;
        map.query = first.map((piece, i) => {
            if (group.every((p) => p.pieces[i] === piece))
                return piece;
            slots.push(i);
            const hex = group.every((p) => HEX.test(site_map_valueOf(p.pieces[i]))) ? 1 : 0;
            return [nameOf(piece), hex];
        });
    }
    const byDir = new Map();
    for (const p of parsed) {
        let entry;
        if (p.shape !== undefined && p.shape === shape) {
            entry = slots.map((i) => {
                const value = site_map_valueOf(p.pieces[i]);
                const piece = map.query[i];
                return typeof piece !== 'string' && piece[1] ? Buffer.from(value, 'hex').toString('base64url') : value;
            });
            if (!rebuildsTo(map, p.file.path, entry, p.href))
                entry = undefined;
        }
        if (!entry) {
            map.urls.push([p.file.path, p.file.url]);
            continue;
        }
        const slash = p.file.path.lastIndexOf('/');
        const dir = p.file.path.slice(0, slash + 1);
        let list = byDir.get(dir);
        if (!list)
            byDir.set(dir, (list = []));
        list.push([p.file.path.slice(slash + 1), ...entry]);
    }
    map.dirs = [...byDir.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [, list] of map.dirs)
        list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    map.urls.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return map;
}
function nameOf(piece) {
    const eq = piece.indexOf('=');
    return eq < 0 ? piece : piece.slice(0, eq);
}
function site_map_valueOf(piece) {
    const eq = piece.indexOf('=');
    return eq < 0 ? '' : piece.slice(eq + 1);
}
/** Whether the worker, from the template and these values, builds exactly this link. */
function rebuildsTo(map, path, values, href) {
    const slash = path.lastIndexOf('/');
    const single = { ...map, dirs: [[path.slice(0, slash + 1), [[path.slice(slash + 1), ...values]]]], urls: [] };
    const built = fileLink(single, siteIndex(single), path);
    return built !== undefined && new URL(built).href === href;
}

;// CONCATENATED MODULE: ./src/util/text-buffer.ts
/** Long generated text (a share page of 20,000 links), sent without ever being held whole. */

/**
 * Text from `parts` (called once to measure it, and again for each read, e.g. each attempt of a
 * request): what is held at once is one chunk, not the whole text, nor the pieces of it (a rope of
 * small strings several times its size).
 */
function lazyText(parts, chunkChars = 64 * 1024) {
    let byteLength = 0;
    const md5 = (0,external_node_crypto_.createHash)('md5');
    for (const part of parts()) {
        byteLength += Buffer.byteLength(part, 'utf8');
        md5.update(part, 'utf8');
    }
    return {
        byteLength,
        md5: md5.digest('base64'),
        *chunks() {
            let chunk = '';
            for (const part of parts()) {
                chunk += part;
                if (chunk.length >= chunkChars) {
                    yield Buffer.from(chunk, 'utf8');
                    chunk = '';
                }
            }
            if (chunk)
                yield Buffer.from(chunk, 'utf8');
        },
    };
}
/** The whole text (tests, small bodies). */
function textOf(body) {
    return typeof body === 'string' ? body : Buffer.concat([...body.chunks()]).toString('utf8');
}

;// CONCATENATED MODULE: ./src/sites/build.ts
/**
 * Everything a section's sites and share page need, as objects to upload. Pure: links come from the
 * caller, already signed (user files) or from `sign` (generated objects, whose keys are known before
 * their contents: signGenerated signs them up front). Order of a run: plan names (names.ts) → upload user files → sign → build → upload
 * these objects.
 */






/**
 * The links of a section's generated objects (sites and share page), signed up front: their keys are
 * known before their contents, and building them (sites/build.ts) is synchronous and pure.
 */
async function signGenerated(prefix, folders, sign) {
    const generated = new Map();
    for (const key of (0,names/* generatedKeys */.q$)(prefix, folders))
        generated.set(key, await sign(key));
    return (key) => {
        const url = generated.get(key);
        if (url === undefined)
            throw new Error(`No link was signed for the generated object ${key}.`);
        return url;
    };
}
function keyOf(prefix, path) {
    return prefix ? `${prefix}/${path}` : path;
}
function buildSectionSites(input) {
    const display = input.displayFolder ?? ((folder) => folder || './');
    const objects = [];
    const sites = [];
    const opens = new Map();
    for (const folder of input.sites) {
        const files = input.files.filter((f) => f.path.startsWith(folder));
        if (files.length === 0)
            continue; // every file of the folder failed to upload: no site to open
        const workerKey = keyOf(input.prefix, folder + names/* WORKER_NAME */.HO);
        const mapKey = keyOf(input.prefix, folder + names/* MAP_NAME */.rd);
        const bootstrapKey = keyOf(input.prefix, folder + names/* BOOTSTRAP_NAME */.z7);
        const workerUrl = input.sign(workerKey);
        const folderUrl = new URL('./', workerUrl).href;
        const title = `${input.title} · ${display(folder)}`;
        const map = buildSiteMap(folderUrl, files.map((f) => ({ path: f.path.slice(folder.length), url: f.url })), { expiresAt: input.expiresAt, title, runUrl: input.runUrl });
        const bootstrapUrl = input.sign(bootstrapKey);
        objects.push({ key: workerKey, body: renderWorkerScript(), contentType: 'text/javascript; charset=utf-8' }, { key: mapKey, body: JSON.stringify(map), contentType: 'application/json; charset=utf-8' }, {
            key: bootstrapKey,
            contentType: 'text/html; charset=utf-8',
            body: renderBootstrapPage({
                worker: workerUrl,
                map: input.sign(mapKey),
                scope: folderUrl,
                expiresAt: map.expiresAt,
                title,
                runUrl: input.runUrl,
            }),
        });
        sites.push({ folder, display: display(folder), url: bootstrapUrl, files: files.length });
        // HTML pages of a site open through it, so their relative links work.
        for (const f of files)
            if (/^text\/html\b/i.test(f.contentType))
                opens.set(f.path, `${bootstrapUrl}#${encodePath(f.path.slice(folder.length))}`);
    }
    const shareKey = keyOf(input.prefix, names/* SHARE_PAGE_NAME */.Gq);
    const shareFiles = input.files.map((f) => ({
        path: f.display,
        size: f.size,
        sha256: f.sha256,
        contentType: f.contentType,
        url: f.url,
        viewable: f.viewable,
        openUrl: opens.get(f.path),
    }));
    objects.push({
        key: shareKey,
        contentType: 'text/html; charset=utf-8',
        body: lazyText(() => sharePageParts({
            title: input.title,
            sha: input.sha,
            runUrl: input.runUrl,
            expiresAt: input.expiresAt.toISOString(),
            files: shareFiles,
            sites: sites.map((s) => ({ path: s.display, url: s.url })),
            note: input.note,
        })),
    });
    return { objects, sites, shareUrl: input.sign(shareKey), open: opens };
}

;// CONCATENATED MODULE: ./src/sites/detect.ts
/**
 * Which uploaded folders become browsable sites. Pure.
 *
 * Folders are written `''` (the upload's root) or `a/b/` (relative, ending in `/`), over the same
 * relative paths the object keys end with.
 */
/** Every folder that holds a file (directly or below), including the root `''`. */
function foldersOf(paths) {
    const dirs = new Set(['']);
    for (const path of paths) {
        for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1))
            dirs.add(path.slice(0, i + 1));
    }
    return dirs;
}
/**
 * The site folders, outermost only (a site's files include its sub-folders), sorted. With `auto`,
 * each folder holding an `index.html`; with globs, each folder a glob matches.
 */
function detectSites(paths, browse) {
    if (browse.mode === 'none')
        return [];
    let candidates;
    if (browse.mode === 'auto') {
        candidates = paths.filter((p) => p === 'index.html' || p.endsWith('/index.html')).map((p) => p.slice(0, -'index.html'.length));
    }
    else {
        const matchers = browse.globs.map(globToRegExp);
        candidates = [...foldersOf(paths)].filter((dir) => matchers.some((m) => m.test(dir === '' ? '.' : dir.slice(0, -1))));
    }
    return outermost(candidates);
}
/** Globs that match no folder of the upload (worth a warning: a typo, or the files moved). */
function unmatchedGlobs(paths, browse) {
    if (browse.mode !== 'folders')
        return [];
    const dirs = [...foldersOf(paths)].map((dir) => (dir === '' ? '.' : dir.slice(0, -1)));
    return browse.globs.filter((glob) => !dirs.some((dir) => globToRegExp(glob).test(dir)));
}
function outermost(folders) {
    const sorted = [...new Set(folders)].sort();
    const kept = [];
    for (const dir of sorted)
        if (!kept.some((outer) => dir.startsWith(outer)))
            kept.push(dir);
    return kept;
}
/** `*` and `?` within a path segment, `**` any number of segments (zero too); everything else literal. */
function globToRegExp(glob) {
    if (glob === '.')
        return /^\.$/;
    let source = '';
    const segments = glob.split('/');
    segments.forEach((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === '**') {
            // `a/**` matches a and everything in it; `a/**/b` matches a/b and a/x/y/b.
            if (!last)
                source += '(?:[^/]+/)*';
            else
                source = i === 0 ? '.*' : `${source.slice(0, -1)}(?:/.*)?`;
            return;
        }
        source += segment.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : `\\${c}`));
        if (!last)
            source += '/';
    });
    return new RegExp(`^${source}$`);
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/qrcode/lib/core/format-info.js
var format_info = __webpack_require__(7570);
// EXTERNAL MODULE: ./node_modules/qrcode/lib/core/qrcode.js
var qrcode = __webpack_require__(4024);
// EXTERNAL MODULE: ./src/links/keys.ts
var keys = __webpack_require__(9673);
;// CONCATENATED MODULE: ./src/sites/qr.ts
/**
 * QR codes for phones: one for the share page and one per mobile build (`.apk`, `.aab`, `.ipa`),
 * as PNG images the action uploads beside the share page (GitHub strips `data:` URIs from comments,
 * so they must be hosted; its image proxy fetches them like the thumbnails).
 *
 * A presigned link is long (600 to 2,000 characters): its QR code is dense (version 15 to 35, 77 to
 * 157 modules). So: error correction L (a screen does not smudge), 4 px per module in the PNG, a
 * quiet zone of 4 modules, and a width in the comment of 2 CSS px per module (a phone's camera reads
 * that from a screen; the image links to itself at full size).
 */


// The encoder alone: qrcode's entry point also loads its renderers (and pngjs) for one PNG.



/** Files a phone installs: Android packages and bundles, iOS apps. */
const MOBILE_BUILD = /\.(apk|aab|ipa)$/i;
/** Mobile builds that get a QR code, at most; the share page lists the others. */
const MAX_MOBILE_QR = 3;
/** What a QR code holds at most, in bytes (version 40, error correction L). */
const QR_MAX_BYTES = 2953;
const PIXELS_PER_MODULE = 4;
const QUIET_MODULES = 4;
/** CSS px per module in the comment. */
const DISPLAY_PX_PER_MODULE = 2;
/** The QR code of `text` as a PNG, or undefined when it holds more than a QR code can. */
function qrPng(text) {
    if (Buffer.byteLength(text) > QR_MAX_BYTES)
        return undefined;
    const { size, dark } = qrModules(text);
    const side = size + 2 * QUIET_MODULES;
    const png = blackOnWhitePng(side, PIXELS_PER_MODULE, (x, y) => {
        const mx = x - QUIET_MODULES;
        const my = y - QUIET_MODULES;
        return mx >= 0 && my >= 0 && mx < size && my < size && dark[my * size + mx] === 1;
    });
    return { png, modules: size, pixels: side * PIXELS_PER_MODULE, displayWidth: side * DISPLAY_PX_PER_MODULE };
}
/**
 * The modules of `text`'s QR code (error correction L), row by row, 1 for dark: the symbol qrcode
 * makes, with the mask the standard's penalty rules choose, as qrcode chooses it. qrcode applies
 * each of the eight masks module by module through function calls, which in a process that runs it
 * once took more than half of a QR code's 20–30 ms; here qrcode encodes once with mask 0, and the
 * masks and their penalties are taken over the module array directly (tested: the same symbol as
 * qrcode's own choice, for links of every length a QR code holds).
 */
function qrModules(text) {
    const { modules, errorCorrectionLevel } = (0,qrcode/* create */.v)(text, { errorCorrectionLevel: 'L', maskPattern: 0 });
    const { size, reservedBit } = modules;
    // Unmasked, in place: the data modules with mask 0 taken off again (reserved ones are never masked).
    const plain = modules.data;
    applyMask(plain, reservedBit, size, 0);
    let best;
    let lowest = Infinity;
    for (let mask = 0; mask < 8; mask++) {
        const candidate = plain.slice();
        setFormatInfo(candidate, size, (0,format_info.getEncodedBits)(errorCorrectionLevel, mask));
        applyMask(candidate, reservedBit, size, mask);
        const score = penalty(candidate, size);
        if (score < lowest) {
            lowest = score;
            best = candidate;
        }
    }
    return { size, dark: best };
}
/** Flips the data modules (not `reserved`) where mask pattern `mask` (0–7) is dark. */
function applyMask(dark, reserved, size, mask) {
    for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
            const at = i * size + j;
            if (reserved[at] || !maskAt(mask, i, j))
                continue;
            dark[at] ^= 1;
        }
    }
}
/** The standard's eight mask patterns, row `i`, column `j`. */
function maskAt(mask, i, j) {
    switch (mask) {
        case 0:
            return (i + j) % 2 === 0;
        case 1:
            return i % 2 === 0;
        case 2:
            return j % 3 === 0;
        case 3:
            return (i + j) % 3 === 0;
        case 4:
            return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
        case 5:
            return ((i * j) % 2) + ((i * j) % 3) === 0;
        case 6:
            return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
        default:
            return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
    }
}
/** The 15 format bits (error correction level and mask) beside the finder patterns, where qrcode puts them. */
function setFormatInfo(dark, size, bits) {
    for (let i = 0; i < 15; i++) {
        const bit = (bits >> i) & 1;
        const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
        dark[row * size + 8] = bit;
        const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
        dark[8 * size + col] = bit;
    }
    dark[(size - 8) * size + 8] = 1; // the dark module
}
/**
 * The standard's penalty of a masked symbol, as qrcode scores it: runs of five or more modules of
 * one colour in a row or column (3 + the run's length beyond 5), 2 × 2 blocks of one colour (3
 * each), the finder-like 1:1:3:1:1 pattern with four light modules on either side (40 each), and
 * 10 per 5 % that dark modules are away from half.
 */
function penalty(dark, size) {
    let points = 0;
    let darkCount = 0;
    for (let a = 0; a < size; a++) {
        let rowRun = 0;
        let colRun = 0;
        let rowLast = -1;
        let colLast = -1;
        let rowBits = 0;
        let colBits = 0;
        for (let b = 0; b < size; b++) {
            const inRow = dark[a * size + b];
            const inCol = dark[b * size + a];
            darkCount += inRow;
            if (inRow === rowLast)
                rowRun++;
            else {
                if (rowRun >= 5)
                    points += rowRun - 2;
                rowLast = inRow;
                rowRun = 1;
            }
            if (inCol === colLast)
                colRun++;
            else {
                if (colRun >= 5)
                    points += colRun - 2;
                colLast = inCol;
                colRun = 1;
            }
            rowBits = ((rowBits << 1) & 0x7ff) | inRow;
            colBits = ((colBits << 1) & 0x7ff) | inCol;
            if (b >= 10) {
                if (rowBits === 0x5d0 || rowBits === 0x05d)
                    points += 40;
                if (colBits === 0x5d0 || colBits === 0x05d)
                    points += 40;
            }
            if (a < size - 1 && b < size - 1) {
                const block = inRow + dark[a * size + b + 1] + dark[(a + 1) * size + b] + dark[(a + 1) * size + b + 1];
                if (block === 0 || block === 4)
                    points += 3;
            }
        }
        if (rowRun >= 5)
            points += rowRun - 2;
        if (colRun >= 5)
            points += colRun - 2;
    }
    return points + Math.abs(Math.ceil((darkCount * 100) / (size * size) / 5) - 10) * 10;
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * A square PNG of `cells` × `cells` squares of `scale` pixels each, 1 bit of grey per pixel (what a
 * QR code needs: a 100-module code is about 1 KB, against 3 KB in 8-bit grey), each row unfiltered:
 * the square at column `x`, row `y` is black where `dark(x, y)`. Each row of squares is drawn once
 * and copied to its other pixel rows.
 */
function blackOnWhitePng(cells, scale, dark) {
    const width = cells * scale;
    const stride = 1 + Math.ceil(width / 8); // the row's filter byte (0: none), then its pixels
    const raw = Buffer.alloc(stride * width);
    for (let y = 0; y < cells; y++) {
        const first = y * scale * stride;
        for (let x = 0; x < cells; x++) {
            if (dark(x, y))
                continue;
            for (let px = x * scale; px < (x + 1) * scale; px++)
                raw[first + 1 + (px >> 3)] |= 0x80 >> (px & 7);
        }
        for (let copy = 1; copy < scale; copy++)
            raw.copy(raw, first + copy * stride, first, first + stride);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(width, 4);
    header[8] = 1; // bit depth; colour type 0 (grey), compression, filter and interlace methods 0
    return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', (0,external_node_zlib_.deflateSync)(raw, { level: 9 })), pngChunk('IEND')]);
}
/** Length, type, data, and the CRC-32 of type and data. */
function pngChunk(type, data = Buffer.alloc(0)) {
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    chunk.write(type, 4, 'latin1');
    data.copy(chunk, 8);
    chunk.writeUInt32BE((0,external_node_zlib_.crc32)(chunk.subarray(4, 8 + data.length)), 8 + data.length);
    return chunk;
}
/** The mobile builds of a section that get a QR code, in its order. */
function mobileBuilds(files) {
    return files.filter((f) => MOBILE_BUILD.test(f.path)).slice(0, MAX_MOBILE_QR);
}
/**
 * Where a QR code is stored: in the section's `.artifact-links` folder, named for what it encodes
 * (`share`) or by a hash of the file's key (never by a name from the pull request).
 */
function qrKey(prefix, of) {
    const name = 'share' in of ? 'share' : (0,external_node_crypto_.createHash)('sha256').update(of.fileKey).digest('hex').slice(0, 16);
    return `${prefix ? `${prefix}/` : ''}${keys/* RESERVED_SEGMENT */.LK}/qr-${name}.png`;
}

;// CONCATENATED MODULE: ./src/steps/qr-codes.ts


/** Uploads a QR code of the share page and of each mobile build; returns their links. */
async function publishQrCodes(o) {
    const wanted = [
        { of: 'share', link: o.shareUrl, key: qrKey(o.prefix, { share: true }) },
        ...mobileBuilds(o.entries).map((e) => ({ of: 'file', path: e.path, link: e.url, key: qrKey(o.prefix, { fileKey: e.key }) })),
    ];
    const out = [];
    for (const w of wanted) {
        const image = qrPng(w.link);
        if (!image) {
            o.log.info(`No QR code for ${w.path ?? 'the share page'}: its link is longer than a QR code holds.`);
            continue;
        }
        await (0,bucket/* putText */.rb)(o.client, o.target, w.key, image.png, 'image/png');
        out.push({ of: w.of, ...(w.path ? { path: w.path } : {}), url: await o.sign(w.key), width: image.displayWidth });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/steps/sites.ts








/**
 * The site folders (`''` or `a/b/`) of an upload. Throws, before anything is uploaded, when a user
 * file would be overwritten by a generated object.
 */
function planSites(files, browse, log) {
    const paths = files.map((f) => f.relativePath);
    for (const glob of unmatchedGlobs(paths, browse))
        log.warning(`Input 'browse': '${glob}' matches no uploaded folder.`);
    const folders = detectSites(paths, browse);
    const display = new Map(files.map((f) => [f.relativePath, f.displayPath]));
    (0,names/* assertNoCollision */.U$)(paths, (0,names/* generatedNames */.gU)(folders), (p) => display.get(p) ?? p);
    return folders;
}
/**
 * Why the sites' links would be on an origin every bucket shares (path-style on AWS's
 * `s3.REGION.amazonaws.com`, where any page in anyone's bucket could read them), or undefined.
 * CloudFront links have the distribution's own origin. Pure.
 */
function sharedOriginProblem(target, linkSigner) {
    if (linkSigner?.kind === 'cloudfront')
        return undefined;
    const host = (0,presign/* sharedAwsOrigin */.pF)(target);
    if (!host)
        return undefined;
    const why = target.endpoint
        ? `'${constants/* Input */.pd.Endpoint}' is AWS's ${target.endpoint.host} and the links are path-style ('${constants/* Input */.pd.ForcePathStyle}' is true, its default with '${constants/* Input */.pd.Endpoint}')`
        : !(0,presign/* isVirtualHostableBucket */.AZ)(target.bucket)
            ? `the bucket name '${target.bucket}' cannot be a host name (it has dots or capitals), so the links are path-style`
            : `'${constants/* Input */.pd.ForcePathStyle}' is true`;
    return (`the links would be on ${host}, an origin every bucket in the region shares: ${why}. ` +
        `A page in anyone's bucket there could read the sites. Use a bucket name without dots (links then go on <bucket>.${host}), ` +
        `${target.endpoint ? `remove '${constants/* Input */.pd.Endpoint}'` : `set '${constants/* Input */.pd.ForcePathStyle}: false'`}, put CloudFront in front ('${constants/* Input */.pd.CloudFrontUrl}'), or set '${constants/* Input */.pd.Browse}: none'`);
}
/**
 * Throws, before anything is uploaded, when sites would be on an origin every bucket shares.
 * `folders`: the site folders as the user knows them.
 */
function assertOwnOrigin(target, linkSigner, folders) {
    if (folders.length === 0)
        return;
    const problem = sharedOriginProblem(target, linkSigner);
    if (!problem)
        return;
    const shown = folders.map((f) => f || './').join(', ');
    throw new Error(`Input '${constants/* Input */.pd.Browse}' makes ${folders.length === 1 ? 'a site' : 'sites'} of ${shown}, but ${problem}. Nothing was uploaded.`);
}
/** Builds and uploads the section's sites and share page; returns their links. */
async function publishSites(options) {
    const base = options.prefix ? `${options.prefix}/` : '';
    const files = options.entries.map((e) => ({
        path: e.key.slice(base.length),
        display: e.path,
        size: e.size,
        sha256: e.sha256,
        contentType: e.contentType,
        url: e.url,
        viewable: (0,disposition/* opensInBrowser */.pB)(e.contentType, options.untrusted ?? false),
    }));
    const built = buildSectionSites({
        prefix: options.prefix,
        files,
        sites: options.folders,
        sign: await signGenerated(options.prefix, options.folders, options.sign),
        expiresAt: options.expiresAt,
        title: options.section.title,
        sha: options.section.sha,
        runUrl: options.section.runUrl,
        note: options.section.note,
        displayFolder: (folder) => displayFolder(files, folder),
    });
    const pages = Promise.all(built.objects.map((g) => (0,bucket/* putText */.rb)(options.client, options.target, g.key, g.body, g.contentType)));
    pages.catch(() => undefined); // awaited below, after the QR codes have started
    // A QR code takes tens of milliseconds of CPU: drawn once the pages' requests are on their way,
    // and sent beside them rather than after them.
    await new Promise((resolve) => setImmediate(resolve));
    const codes = publishQrCodes({ ...options, shareUrl: built.shareUrl });
    codes.catch(() => undefined); // not waited for, nor worth a warning, once the pages have failed
    await pages;
    const qr = await codes.catch((e) => {
        options.log.warning(`Could not upload the QR codes (the links work): ${e.message}`);
        return [];
    });
    for (const site of built.sites)
        options.log.info(`Site ${site.display} (${site.files} files): open it from the 'sites' output or the comment.`);
    const expiresAt = options.expiresAt.toISOString();
    return {
        sites: built.sites.map((s) => ({ path: s.display === './' ? '.' : s.display.replace(/\/$/, ''), url: s.url, expiresAt })),
        shareUrl: built.shareUrl,
        qr,
        open: new Map([...built.open].map(([path, url]) => [base + path, url])),
    };
}
/** A site folder as the user knows it: the display path of one of its files, minus the part inside the folder. */
function displayFolder(files, folder) {
    const file = files.find((f) => f.path.startsWith(folder) && f.display.endsWith(f.path.slice(folder.length)));
    if (!file)
        return folder || './';
    const outer = file.display.slice(0, file.display.length - (file.path.length - folder.length));
    return outer || './';
}


/***/ }),

/***/ 3945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ contentTrust),
/* harmony export */   Zq: () => (/* binding */ untrustedNote)
/* harmony export */ });
/* unused harmony export assertForkKeys */
/* harmony import */ var _config_constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4687);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9906);


/**
 * The trust of this upload's files, logged: a notice when a fork's files are restricted, a warning
 * when `trust-fork-content` lifts the restriction. Throws, before anything is uploaded, when the
 * `key-prefix` could give a fork's files this repository's own keys.
 */
function contentTrust(ctx, inputs, log) {
    if (!ctx.fork)
        return { untrusted: false, browse: inputs.browse };
    const from = forkName(ctx.fork.repository);
    assertForkKeys(inputs.keyPrefix, from);
    if (inputs.trustForkContent) {
        log.warning(`Input '${_config_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.TrustForkContent}' is true: the files were built from ${from}'s code, and its HTML, SVG and sites open on the bucket's origin, ` +
            `where their scripts run with the reader's access to that origin. Set it only for forks whose code you trust.`);
        return { untrusted: false, browse: inputs.browse };
    }
    (0,_util_log_js__WEBPACK_IMPORTED_MODULE_1__/* .notice */ .lm)(log, `The files were built from ${from}'s code: ${RESTRICTED}.`);
    return { untrusted: true, browse: { mode: 'none' }, note: untrustedNote(ctx.fork.repository), fork: ctx.fork.repository };
}
const RESTRICTED = `no sites, and HTML, SVG and XML files are downloads, not pages (input '${_config_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.TrustForkContent}': false)`;
function forkName(repository) {
    return repository === 'unknown' ? 'a repository the event does not name' : `the fork ${repository}`;
}
/** The section note of files built from `fork`'s code (upload and refresh say the same). */
function untrustedNote(fork) {
    return `Built from ${forkName(fork)}'s code: ${RESTRICTED}.`;
}
/**
 * A fork's objects must never take this repository's keys: the key prefix needs a part that tells a
 * fork's upload apart ({scope}: pr-N or fork-…, {pr}, or {ref}: fork-…).
 */
function assertForkKeys(template, from) {
    if (/\{(scope|pr|ref)\}/.test(template))
        return;
    throw new Error(`Input '${_config_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.KeyPrefix}' ('${template}') has no {scope}, {pr} or {ref}, and the files were built from ${from}'s code: ` +
        `they could be stored under the keys of this repository's own uploads. Nothing was uploaded. Add {scope} (e.g. {owner}/{repo}/{scope}/{short_sha}/{section}).`);
}


/***/ })

};
