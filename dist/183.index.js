export const id = 183;
export const ids = [183,30];
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
/* harmony export */   er: () => (/* binding */ isBrowserViewable),
/* harmony export */   pB: () => (/* binding */ opensInBrowser)
/* harmony export */ });
/* unused harmony export isActiveContent */
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
    return {
        async put(sections) {
            for (const s of sections) {
                await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .putJson */ .gl)(client, target, (0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordKey */ .Hy)(scope, s.id), JSON.parse((0,_render_section_record_js__WEBPACK_IMPORTED_MODULE_1__/* .toRecord */ .Lv)(s, marker))).catch((e) => log.info(`Could not record section ${s.id} in the bucket (other jobs cannot restore it in the comment): ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`));
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
                log.info(`Could not read the comment's section records from the bucket: ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
                return [];
            }
        },
    };
}


/***/ }),

/***/ 3912:
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
        return (0,comment/* publishComment */.p)({ ...context, gh: { ...gh, pr: pull.pr }, setOutputs: false, records: pull.records }, () => shown);
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
var summary = __webpack_require__(9311);
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

/***/ 9753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hy: () => (/* binding */ recordKey),
/* harmony export */   Lv: () => (/* binding */ toRecord),
/* harmony export */   PL: () => (/* binding */ isAtLeastAsNew),
/* harmony export */   ae: () => (/* binding */ recordFolder),
/* harmony export */   iA: () => (/* binding */ fromRecord)
/* harmony export */ });
/* unused harmony export RECORD_VERSION */
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
/** The record of `section` for the comment with `marker`, as stored (JSON). */
function toRecord(section, marker) {
    const { open, ...rest } = section;
    return JSON.stringify({ version: RECORD_VERSION, marker, section: { ...rest, open: open ? [...open] : undefined } });
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
    if (s.shareUrl !== undefined && !isUrl(s.shareUrl))
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
        isUrl(v.url) &&
        isTime(v.expiresAt));
}


/***/ }),

/***/ 8412:
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
// EXTERNAL MODULE: ./src/sites/runtime.ts
var runtime = __webpack_require__(1668);
;// CONCATENATED MODULE: ./src/sites/pages.ts
/**
 * The generated browser-side objects of a site: the service worker script and the bootstrap page.
 * Pure rendering; the code that runs in the browser is in runtime.ts.
 */


/** The worker script: the runtime, then the worker started with the site map inlined (so it survives restarts). */
function renderWorkerScript(map) {
    return `'use strict';\n${(0,runtime/* runtimeSource */.go)()}\n${(0,runtime/* callSource */.mG)(runtime/* serviceWorkerMain */.zi, 'self', jsonForHtml(map))}\n`;
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
    const script = `${(0,runtime/* runtimeSource */.go)()}\n${(0,runtime/* callSource */.mG)(runtime/* bootstrapMain */.W2, 'window', "JSON.parse(document.getElementById('site-config').textContent)")}`;
    const csp = [
        "default-src 'none'",
        `script-src ${cspHash(script)}`,
        `style-src ${cspHash(BOOT_STYLE)}`,
        "connect-src 'self'",
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const title = (0,runtime/* escapeHtml */.ZD)(config.title);
    return (`<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
        `<meta http-equiv="Content-Security-Policy" content="${(0,runtime/* escapeHtml */.ZD)(csp)}">` +
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
;// CONCATENATED MODULE: ./src/sites/share-page.ts
/**
 * The share page: one HTML page per section (itself a presigned object) listing every file with its
 * size, SHA-256 and link, thumbnails for images, the section's sites, and the expiry in the reader's
 * local time. The one link to paste into a chat. Pure rendering.
 *
 * File and section names come from pull requests: every one is HTML-escaped, the page's only script
 * and style are pinned by hash in a Content-Security-Policy, and images load only from the links'
 * own origins.
 */



const STYLE = 'body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}' +
    'a{color:#0969da}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:middle}' +
    'td.size{text-align:right;white-space:nowrap}td.name{word-break:break-all}code{font-size:12px;word-break:break-all}' +
    'img.thumb{width:48px;height:48px;object-fit:contain;display:block}.notice{border:1px solid #d4a72c;background:#fff8c5;padding:.75rem 1rem;border-radius:6px}' +
    '.expired{border-color:#cf222e;background:#ffebe9}';
const SCRIPT = `${runtime/* formatLocalTime */.w3}\n(${runtime/* sharePageMain */.g})(document, setInterval);`;
function renderSharePage(data) {
    const expiresMs = Date.parse(data.expiresAt);
    if (Number.isNaN(expiresMs))
        throw new TypeError(`Invalid expiry ${JSON.stringify(data.expiresAt)}.`);
    const imageOrigins = [...new Set(data.files.filter(isImage).map((f) => new URL(f.url).origin))];
    const csp = [
        "default-src 'none'",
        `script-src ${cspHash(SCRIPT)}`,
        `style-src ${cspHash(STYLE)}`,
        `img-src ${imageOrigins.length > 0 ? imageOrigins.join(' ') : "'none'"}`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const total = data.files.reduce((n, f) => n + f.size, 0);
    const utc = (0,runtime/* formatUtcTime */.fz)(expiresMs);
    const rerun = data.runUrl ? `<a href="${(0,runtime/* escapeHtml */.ZD)(data.runUrl)}">re-run the job</a>` : 're-run the job';
    const out = [
        '<!doctype html>',
        `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${(0,runtime/* escapeHtml */.ZD)(csp)}">`,
        '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width">',
        `<title>${(0,runtime/* escapeHtml */.ZD)(data.title)}</title><style>${STYLE}</style></head><body>`,
        `<h1>${(0,runtime/* escapeHtml */.ZD)(data.title)}</h1>`,
        `<p>${data.files.length} ${data.files.length === 1 ? 'file' : 'files'}, ${(0,format/* humanBytes */.p6)(total)}` +
            (data.sha ? `, commit <code>${(0,runtime/* escapeHtml */.ZD)(data.sha.slice(0, 12))}</code>` : '') +
            (data.runUrl ? ` (<a href="${(0,runtime/* escapeHtml */.ZD)(data.runUrl)}">workflow run</a>)` : '') +
            '.</p>',
        `<p id="expiry">Links expire <time datetime="${(0,runtime/* escapeHtml */.ZD)(new Date(expiresMs).toISOString())}" data-expires>${(0,runtime/* escapeHtml */.ZD)(utc)}</time>.</p>`,
        `<p id="expired" class="notice expired" role="alert" hidden>These links expired at ${(0,runtime/* escapeHtml */.ZD)(utc)}. To get fresh links, ${rerun} that uploaded the files, ` +
            'or run the action with <code>mode: refresh</code> (it re-signs the links without rebuilding); the pull-request comment then has the new share link.</p>',
    ];
    if (data.note)
        out.push(`<p class="notice">${(0,runtime/* escapeHtml */.ZD)(data.note)}</p>`);
    if (data.sites.length > 0) {
        out.push('<h2>Sites</h2><ul>');
        for (const site of data.sites)
            out.push(`<li><a data-link href="${(0,runtime/* escapeHtml */.ZD)(site.url)}">${(0,runtime/* escapeHtml */.ZD)(site.path)}</a></li>`);
        out.push('</ul>');
    }
    out.push('<h2>Files</h2><table><thead><tr><th></th><th>File</th><th>Size</th><th>SHA-256</th><th>Link</th></tr></thead><tbody>');
    for (const f of data.files) {
        const thumb = isImage(f) ? `<img class="thumb" loading="lazy" alt="" src="${(0,runtime/* escapeHtml */.ZD)(f.url)}">` : '';
        const open = f.openUrl ?? f.url;
        const link = f.viewable || f.openUrl
            ? `<a data-link href="${(0,runtime/* escapeHtml */.ZD)(open)}">Open</a>`
            : `<a data-link href="${(0,runtime/* escapeHtml */.ZD)(f.url)}">Download</a>`;
        out.push(`<tr><td>${thumb}</td><td class="name">${(0,runtime/* escapeHtml */.ZD)(f.path)}</td><td class="size">${(0,format/* humanBytes */.p6)(f.size)}</td>` +
            `<td><code>${(0,runtime/* escapeHtml */.ZD)(f.sha256)}</code></td><td>${link}</td></tr>`);
    }
    out.push('</tbody></table>', `<script>${SCRIPT}</script>`, '</body></html>', '');
    return out.join('\n');
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
        const fits = url.origin === map.origin && url.pathname === map.base + (0,runtime/* encodePath */.O0)(file.path) && !url.hash;
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
    const built = (0,runtime/* fileLink */.RF)(single, (0,runtime/* siteIndex */.UK)(single), path);
    return built !== undefined && new URL(built).href === href;
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
        objects.push({ key: workerKey, body: renderWorkerScript(map), contentType: 'text/javascript; charset=utf-8' }, { key: mapKey, body: JSON.stringify(map), contentType: 'application/json; charset=utf-8' }, {
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
                opens.set(f.path, `${bootstrapUrl}#${(0,runtime/* encodePath */.O0)(f.path.slice(folder.length))}`);
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
        body: renderSharePage({
            title: input.title,
            sha: input.sha,
            runUrl: input.runUrl,
            expiresAt: input.expiresAt.toISOString(),
            files: shareFiles,
            sites: sites.map((s) => ({ path: s.display, url: s.url })),
            note: input.note,
        }),
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
    await Promise.all(built.objects.map((g) => (0,bucket/* putText */.rb)(options.client, options.target, g.key, g.body, g.contentType)));
    for (const site of built.sites)
        options.log.info(`Site ${site.display} (${site.files} files): open it from the 'sites' output or the comment.`);
    const expiresAt = options.expiresAt.toISOString();
    return {
        sites: built.sites.map((s) => ({ path: s.display === './' ? '.' : s.display.replace(/\/$/, ''), url: s.url, expiresAt })),
        shareUrl: built.shareUrl,
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


/***/ })

};
