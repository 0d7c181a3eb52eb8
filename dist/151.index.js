export const id = 151;
export const ids = [151];
export const modules = {

/***/ 7275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ deleteKeys),
/* harmony export */   TH: () => (/* binding */ listKeys),
/* harmony export */   gl: () => (/* binding */ putJson),
/* harmony export */   q4: () => (/* binding */ getText)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3711);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9906);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3087);
/** Object-level operations for the stored manifest, refresh and cleanup: list, read, write and delete, each retried. */




const retry = (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .s3Retry */ .fY)(_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .realSleep */ .uk);
async function attempt(target, action, fn) {
    try {
        return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(fn, retry);
    }
    catch (error) {
        const dead = (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .deadCredentialsCause */ .Q)(error);
        if (dead)
            throw new Error((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .deadCredentialsMessage */ .i3)(dead, `a request to ${action}`, target), { cause: error });
        throw new Error((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeS3Error */ .ye)(error, target, action), { cause: error });
    }
}
/** Every key under `prefix/` (paginated). */
async function listKeys(client, target, prefix) {
    return attempt(target, 'list objects (s3:ListBucket)', async () => {
        const keys = [];
        for await (const page of (0,_aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .paginateListObjectsV2 */ .OqA)({ client }, { Bucket: target.bucket, Prefix: `${prefix}/` })) {
            for (const o of page.Contents ?? [])
                if (o.Key)
                    keys.push(o.Key);
        }
        return keys;
    });
}
async function getText(client, target, key) {
    return attempt(target, 'read objects (s3:GetObject)', async () => {
        const r = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .GetObjectCommand */ .jLs({ Bucket: target.bucket, Key: key }));
        return (await r.Body?.transformToString('utf-8')) ?? '';
    });
}
async function putJson(client, target, key, value) {
    await attempt(target, 'write objects (s3:PutObject)', () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .PutObjectCommand */ .wKZ({ Bucket: target.bucket, Key: key, Body: JSON.stringify(value), ContentType: 'application/json' })));
}
/** Deletes `keys` in batches of 1,000 (the DeleteObjects maximum). Throws naming the keys S3 refused. */
async function deleteKeys(client, target, keys) {
    for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        const r = await attempt(target, 'delete objects (s3:DeleteObject)', () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .DeleteObjectsCommand */ .xvx({ Bucket: target.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } })));
        if (r.Errors?.length) {
            throw new Error(`S3 did not delete ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(r.Errors.length, 'object')}, e.g. ${r.Errors[0].Key}: ${r.Errors[0].Code} ${r.Errors[0].Message ?? ''}`.trim());
        }
    }
}


/***/ }),

/***/ 3087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ runStoppingCause),
/* harmony export */   Q: () => (/* binding */ deadCredentialsCause),
/* harmony export */   fY: () => (/* binding */ s3Retry),
/* harmony export */   i3: () => (/* binding */ deadCredentialsMessage),
/* harmony export */   ye: () => (/* binding */ describeS3Error)
/* harmony export */ });
/* unused harmony export isRetryableS3Error */
const denied = (t, action) => `The credentials may not ${action} in bucket '${t.bucket}': grant s3:PutObject, s3:GetObject (and s3:DeleteObject, s3:ListBucket for cleanup) on arn:aws:s3:::${t.bucket}/<key-prefix>*.`;
const noBucket = (t, _a, where) => `Bucket '${t.bucket}' was not found at ${where}: check 'bucket', 'region' and 'endpoint'.`;
const signature = () => "The store rejected the request signature: the secret access key is wrong, or 'region' does not match the bucket's region.";
const unknownKey = (_t, _a, where) => `The access key ID is not known to ${where}: check the credentials configured for this job.`;
const expired = () => 'The session credentials have expired: assume the role closer to this step or with a longer role-session-duration.';
const badToken = () => 'The store rejected the session token: pass the AWS_SESSION_TOKEN that belongs to these keys, or refresh the credentials right before this step.';
const otherRegion = (t) => `Bucket '${t.bucket}' is in a different region: set 'region' to the bucket's region.`;
const reset = (_t, _a, where) => `The connection was reset by ${where} or a proxy in between, on every retry: re-run the job; if it persists, lower 'concurrency'.`;
const unreachable = (_t, _a, where) => `Could not reach ${where}: check 'endpoint' (and 'region') and that the runner can reach it.`;
/** S3 error names (`error.name`), and the SDK's TimeoutError. */
const S3_ERRORS = {
    SlowDown: { retry: true },
    InternalError: { retry: true },
    ServiceUnavailable: { retry: true },
    RequestTimeout: { retry: true },
    RequestTimeoutException: { retry: true },
    Throttling: { retry: true },
    ThrottlingException: { retry: true },
    TooManyRequestsException: { retry: true },
    OperationAborted: { retry: true },
    TimeoutError: { retry: true, fix: unreachable },
    AccessDenied: { stop: true, fix: denied },
    Forbidden: { fix: denied },
    NoSuchBucket: { stop: true, fix: noBucket },
    NotFound: { fix: noBucket },
    SignatureDoesNotMatch: { stop: true, dead: true, fix: signature },
    InvalidAccessKeyId: { stop: true, dead: true, fix: unknownKey },
    ExpiredToken: { stop: true, dead: true, fix: expired },
    ExpiredTokenException: { stop: true, dead: true, fix: expired },
    TokenRefreshRequired: { stop: true, dead: true, fix: expired },
    InvalidToken: { stop: true, dead: true, fix: badToken },
    PermanentRedirect: { stop: true, fix: otherRegion },
    AuthorizationHeaderMalformed: { stop: true, fix: otherRegion },
    IllegalLocationConstraintException: { fix: otherRegion },
    InvalidBucketName: { stop: true },
};
/** Node network error codes (`error.code`). An unreachable endpoint stays unreachable for the next file. */
const NETWORK_ERRORS = {
    ECONNRESET: { retry: true, fix: reset },
    EPIPE: { retry: true },
    ETIMEDOUT: { retry: true, fix: unreachable },
    ECONNREFUSED: { retry: true, stop: true, fix: unreachable },
    EAI_AGAIN: { retry: true, stop: true, fix: unreachable },
    ECONNABORTED: { retry: true },
    UND_ERR_SOCKET: { retry: true },
    ENOTFOUND: { stop: true, fix: unreachable },
    EHOSTUNREACH: { stop: true },
    ENETUNREACH: { stop: true },
};
function known(table, key) {
    return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
function isRetryableS3Error(error) {
    const e = (error ?? {});
    const status = e.$metadata?.httpStatusCode ?? 0;
    return (status >= 500 ||
        status === 429 ||
        Boolean(e.$retryable) ||
        Boolean(known(S3_ERRORS, e.name)?.retry) ||
        Boolean(known(NETWORK_ERRORS, e.code)?.retry) ||
        /socket hang up|ECONNRESET|aborted/i.test(e.message ?? ''));
}
function s3Retry(sleep, onRetry) {
    return { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000, sleep, isRetryable: isRetryableS3Error, onRetry };
}
/**
 * Why every other request of the run would fail the same way (the error name or code), or undefined
 * when the next file may well succeed.
 */
function runStoppingCause(error) {
    const e = (error ?? {});
    if (known(S3_ERRORS, e.name)?.stop)
        return e.name;
    if (known(NETWORK_ERRORS, e.code)?.stop)
        return e.code;
    if (e.name === 'TimeoutError' && /timed out|timeout/i.test(e.message ?? '') && !/ECONNRESET|EPIPE|socket hang up/i.test(e.message ?? ''))
        return 'no response (timeout)';
    return undefined;
}
/**
 * The S3 error name when `error` (or an error it wraps as `cause`) says the signing credentials are
 * dead, else undefined. One answer like this to any request of the run means every link signed with
 * those credentials would fail: none may be published.
 */
function deadCredentialsCause(error) {
    for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
        const name = e.name;
        if (known(S3_ERRORS, name)?.dead)
            return name;
    }
    return undefined;
}
/**
 * The step's error when the store answered `cause` (from `deadCredentialsCause`) to `what`: why no
 * link was published, and what to change.
 */
function deadCredentialsMessage(cause, what, target) {
    const where = target.endpoint ? `${target.endpoint.host}` : `S3 in ${target.region}`;
    const fix = known(S3_ERRORS, cause)?.fix?.(target, 'sign requests', where) ?? '';
    return (`${where} answered ${cause} to ${what}: the signing credentials do not work, so no link signed with them would either. ` +
        `No link was published (no manifest output or file, job summary links or comment). ${fix}`).trim();
}
/** Turns an S3 or network error into a sentence that names the likely fix. */
function describeS3Error(error, target, action) {
    const e = (error ?? {});
    // Node network errors carry the cause in `code`; the SDK also labels resets 'TimeoutError'.
    const isReset = /ECONNRESET|EPIPE|socket hang up/i.test(`${e.code ?? ''} ${e.message ?? ''}`);
    const name = isReset
        ? 'ECONNRESET'
        : (e.code && /^E[A-Z_]+$/.test(e.code) ? e.code : undefined) || (e.name && e.name !== 'Error' ? e.name : undefined) || 'Error';
    const where = target.endpoint ? `${target.endpoint.host}` : `S3 in ${target.region}`;
    const detail = `${name}: ${e.message ?? String(error)}`;
    const fix = (known(S3_ERRORS, name) ?? known(NETWORK_ERRORS, name))?.fix;
    return fix ? `${detail}. ${fix(target, action, where)}` : detail;
}


/***/ }),

/***/ 4546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PS: () => (/* binding */ jobSection),
/* harmony export */   wZ: () => (/* binding */ sectionNote)
/* harmony export */ });
/* unused harmony export ASSUMED_EXPIRY_CAVEAT */
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9673);
/** This job's section of the comment: its identity, and the note under its heading. Pure. */

/**
 * This job's section of the comment: the `section` input, else the job id plus its matrix values
 * (so matrix legs get a section each, stable across re-runs). Returns the id (a slug, also used in
 * object keys) and a title for people.
 */
function jobSection(input, job, matrixJson) {
    if (input)
        return { id: (0,_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)(input), title: input };
    let values = [];
    try {
        const matrix = JSON.parse(matrixJson || 'null');
        if (matrix && typeof matrix === 'object')
            values = Object.values(matrix).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
    }
    catch {
        values = [];
    }
    return { id: (0,_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .slug */ .yR)([job, ...values].join('-')), title: values.length > 0 ? `${job} (${values.join(', ')})` : job };
}
const ASSUMED_EXPIRY_CAVEAT = 'Signed with credentials of unknown expiry: these links stop working when the credentials do, which may be before the time stated.';
/**
 * A comment section's note: the given sentences, plus a caveat wherever the expiry rests on an
 * assumption rather than a known time.
 */
function sectionNote(signer, ...sentences) {
    const caveat = signer.expiryAssumed ? ASSUMED_EXPIRY_CAVEAT : undefined;
    return [...sentences, caveat].filter(Boolean).join(' ') || undefined;
}


/***/ }),

/***/ 6362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ latestPerSection),
/* harmony export */   Cn: () => (/* binding */ parseStoredManifest),
/* harmony export */   LU: () => (/* binding */ isManifestKey),
/* harmony export */   Rn: () => (/* binding */ manifestKey)
/* harmony export */ });
/* unused harmony export MANIFEST_NAME */
const MANIFEST_NAME = '.artifact-links.json';
function manifestKey(prefix) {
    return prefix ? `${prefix}/${MANIFEST_NAME}` : MANIFEST_NAME;
}
function isManifestKey(key) {
    return key === MANIFEST_NAME || key.endsWith(`/${MANIFEST_NAME}`);
}
function parseStoredManifest(text, key) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (!value || value.version !== 1 || !value.section?.id || !Array.isArray(value.files)) {
        throw new Error(`${key} is not a manifest this action wrote (version 1); delete it or upload again.`);
    }
    return value;
}
/** The newest manifest of each section (a PR's later commits replace earlier ones), ordered by section. */
function latestPerSection(manifests) {
    const latest = new Map();
    for (const m of manifests) {
        const seen = latest.get(m.section.id);
        if (!seen || seen.uploadedAt < m.uploadedAt)
            latest.set(m.section.id, m);
    }
    return [...latest.values()].sort((a, b) => a.section.id.localeCompare(b.section.id));
}


/***/ }),

/***/ 5151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EVERY_PULL_EVENTS: () => (/* binding */ EVERY_PULL_EVENTS),
/* harmony export */   findUploads: () => (/* binding */ findUploads),
/* harmony export */   goneWarning: () => (/* binding */ goneWarning),
/* harmony export */   refresh: () => (/* binding */ refresh),
/* harmony export */   renewedSections: () => (/* binding */ renewedSections)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7275);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9673);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4546);
/* harmony import */ var _links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6362);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(722);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9906);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4360);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4818);








/** Events on which `mode: refresh` without `pr-number` renews every open pull request. */
const EVERY_PULL_EVENTS = ['schedule', 'workflow_dispatch'];
async function refresh(d) {
    const { inputs, ctx, log, clock } = d;
    if (inputs.prNumber === undefined && EVERY_PULL_EVENTS.includes(ctx.eventName)) {
        return (await __webpack_require__.e(/* import() */ 548).then(__webpack_require__.bind(__webpack_require__, 8548))).refreshOpenPulls(d);
    }
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, links, client } = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_5__/* .openStore */ .Ch)(d);
    const found = await findUploads(client, target, scope).finally(() => client.destroy());
    if (!found) {
        log.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
        return;
    }
    if (found.missing.length > 0)
        log.warning(goneWarning(found.missing));
    const { entries, lifetime, report } = (0,_sign_js__WEBPACK_IMPORTED_MODULE_6__/* .presignFiles */ .Ys)(found.files, { signer: links, requestedSeconds: inputs.expiresInSeconds, log, clock });
    await (0,_sign_js__WEBPACK_IMPORTED_MODULE_6__/* .proveLinks */ .K1)(links, entries, log);
    const sections = renewedSections(found.manifests, entries, lifetime, clock().toISOString(), links, report.about);
    log.info(`Renewed ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(entries.length, 'link')} in ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(sections.length, 'section')} under ${inputs.bucket}/${scope}/.`);
    await (0,_publish_links_js__WEBPACK_IMPORTED_MODULE_3__/* .publishLinks */ .b)(d.publish, report, sections, 'refresh');
}
/** The uploads under `scope/`, or undefined when there are none. */
async function findUploads(client, target, scope) {
    const keys = await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope);
    const manifestKeys = keys.filter(_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .isManifestKey */ .LU);
    if (manifestKeys.length === 0)
        return undefined;
    const manifests = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .latestPerSection */ .C8)(await Promise.all(manifestKeys.map(async (k) => (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .parseStoredManifest */ .Cn)(await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .getText */ .q4)(client, target, k), k))));
    const present = new Set(keys);
    const all = manifests.flatMap((m) => m.files);
    return { manifests, files: all.filter((f) => present.has(f.key)), missing: all.filter((f) => !present.has(f.key)) };
}
function goneWarning(missing, where = '') {
    const one = missing.length === 1;
    return `${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(missing.length, 'file')} of the earlier upload${where} ${one ? 'is' : 'are'} gone from the bucket and get${one ? 's' : ''} no link, e.g. ${missing[0].path}.`;
}
/** The comment sections of renewed uploads, with the new links (`entries` may hold other uploads' too). */
function renewedSections(manifests, entries, lifetime, updatedAt, signer, about) {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    return manifests.map((m) => ({
        id: m.section.id,
        title: m.section.title,
        sha: m.sha,
        runUrl: m.runUrl,
        updatedAt,
        expiresAt: lifetime.expiresAt.toISOString(),
        files: m.files.flatMap((f) => byKey.get(f.key) ?? []),
        note: (0,_links_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionNote */ .wZ)(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`, about),
    }));
}


/***/ }),

/***/ 722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ publishLinks)
/* harmony export */ });
/* harmony import */ var _comment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2827);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6689);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3890);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5336);




/** `name` names the manifest file: the section id, or the mode. */
async function publishLinks(p, report, sections, name) {
    const { publicRepo, withhold } = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .decideVisibility */ .JK)(p.publicRepo, p.gh, p.run, p.run.repoPrivate, p.log);
    await (0,_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .setLinkOutputs */ .jS)(report, p.tempDir, name, p.log);
    let commented = false;
    if (!withhold && sections.length > 0) {
        const withNote = sections.map((s) => ({
            ...s,
            note: [publicRepo ? _policy_js__WEBPACK_IMPORTED_MODULE_3__/* .PUBLIC_NOTE */ .PP : '', s.note ?? ''].filter(Boolean).join(' ') || undefined,
        }));
        commented = await (0,_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .publishComment */ .p)(p, () => withNote);
    }
    // The runner masks secrets in job summaries, URL-encoded too: links holding a session token (or a
    // masked signing key ID) would read *** there and fail. They go to the comment and the outputs only.
    const summaryLinks = withhold
        ? 'withheld (public-repo: refuse)'
        : report.maskedInLinks
            ? commented
                ? 'in the PR comment'
                : 'in the manifest output'
            : undefined;
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .S)(report, p.clock, summaryLinks);
}


/***/ }),

/***/ 3890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ decideVisibility),
/* harmony export */   PP: () => (/* binding */ PUBLIC_NOTE)
/* harmony export */ });
/* unused harmony export isPublicRepo */
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
async function writeSummary(report, clock, linksElsewhere) {
    await core.summary.addRaw((0,summary/* renderSummary */.Br)(report, clock(), linksElsewhere), true).write();
}
/** The summary of a refresh of every open pull request: one row per pull request, no links. */
async function writeRefreshSummary(summary, clock) {
    await core.summary.addRaw(renderRefreshSummary(summary, clock()), true).write();
}


/***/ })

};
