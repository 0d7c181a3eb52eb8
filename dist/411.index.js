export const id = 411;
export const ids = [411];
export const modules = {

/***/ 2607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ findUploads)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4538);
/* harmony import */ var _links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9785);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9751);



/**
 * Lists the scope and reads the manifest of each section, only at the exact keys the action writes
 * them to. A manifest that fails its checks is skipped with a warning: it is never rendered.
 */
async function findUploads(client, target, scope, runsUrl, log, 
/** Cleanup deletes without them: a manifest it cannot read is a warning, not a failure. */
unreadable = 'fail') {
    const keys = await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope);
    const found = keys.flatMap((key) => {
        const sectionId = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .manifestSectionId */ .I0)(scope, key);
        return sectionId ? [{ key, sectionId }] : [];
    });
    const read = async (key) => {
        try {
            return await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .getText */ .q4)(client, target, key);
        }
        catch (error) {
            if (unreadable === 'fail')
                throw error;
            log.warning(`Could not read ${key}, so its section is not marked removed: ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`);
            return undefined;
        }
    };
    const checked = (await Promise.all(found.map(async ({ key, sectionId }) => {
        const text = await read(key);
        return text === undefined ? [] : [{ key, check: (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .checkStoredManifest */ .dC)(text, { scope, sectionId, runsUrl }) }];
    }))).flat();
    const manifests = [];
    for (const { key, check } of checked) {
        if ('manifest' in check)
            manifests.push(check.manifest);
        else
            log.warning(`Skipping ${key}: it ${check.problem}, so it is not a manifest this action wrote for this repository.`);
    }
    manifests.sort((a, b) => (a.section.id < b.section.id ? -1 : a.section.id > b.section.id ? 1 : 0));
    return { keys, manifests };
}


/***/ }),

/***/ 4792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refresh: () => (/* binding */ refresh)
/* harmony export */ });
/* harmony import */ var _config_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6712);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5212);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4965);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4177);
/* harmony import */ var _find_uploads_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2607);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4224);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5755);
/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */







async function refresh(d) {
    const { inputs, ctx, log, clock } = d;
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, signer, client } = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_5__/* .openStore */ .Ch)(d);
    const { keys, manifests } = await (0,_find_uploads_js__WEBPACK_IMPORTED_MODULE_4__/* .findUploads */ .K)(client, target, scope, (0,_config_context_js__WEBPACK_IMPORTED_MODULE_0__/* .runsUrl */ .gL)(ctx), log).finally(() => client.destroy());
    if (manifests.length === 0) {
        log.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
        return;
    }
    // Only objects that still exist get a link (a lifecycle rule may have expired some).
    const present = new Set(keys);
    const files = manifests.flatMap((m) => m.files);
    const missing = files.filter((f) => !present.has(f.key));
    if (missing.length > 0)
        log.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
    const { entries, lifetime, report } = (0,_sign_js__WEBPACK_IMPORTED_MODULE_6__/* .presignFiles */ .Y)(files.filter((f) => present.has(f.key)), { target, signer, requestedSeconds: inputs.expiresInSeconds, log, clock });
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const updatedAt = clock().toISOString();
    const sections = manifests.map((m) => ({
        id: m.section.id,
        title: m.section.title,
        sha: m.sha,
        runUrl: m.runUrl,
        updatedAt,
        expiresAt: lifetime.expiresAt.toISOString(),
        files: m.files.flatMap((f) => byKey.get(f.key) ?? []),
        note: (0,_links_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionNote */ .wZ)(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`),
    }));
    log.info(`Renewed ${entries.length} links in ${sections.length} sections under ${inputs.bucket}/${scope}/.`);
    await (0,_publish_links_js__WEBPACK_IMPORTED_MODULE_3__/* .publishLinks */ .b)(d.publish, report, sections, 'refresh');
}


/***/ }),

/***/ 5755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ presignFiles)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/links/duration.ts
var duration = __webpack_require__(8524);
;// CONCATENATED MODULE: ./src/links/expiry.ts
/** How long a presigned link may live: the honest minimum of what was asked and what the signer allows. */

/** SigV4 presigned URLs are valid for at most 7 days. */
const SIGV4_MAX_SECONDS = 604_800;
/**
 * Links must die before their signing credentials do, with room for clock skew between the runner
 * and the store: a link stated to live until T must still work at T.
 */
const CREDENTIAL_SAFETY_MARGIN_SECONDS = 60;
/**
 * Caps `requestedSeconds` at the SigV4 maximum and at the credentials' remaining lifetime minus a
 * safety margin, for links signed at `signedAt`. Throws when the credentials leave no usable lifetime.
 */
function capLinkLifetime(requestedSeconds, signedAt, limit) {
    const signedAtSeconds = Math.floor(signedAt.getTime() / 1000);
    const clamps = [];
    let seconds = requestedSeconds;
    if (seconds > SIGV4_MAX_SECONDS) {
        clamps.push(`expires-in ${(0,duration/* formatDuration */.a)(requestedSeconds)} exceeds the 7-day maximum of SigV4 presigned links; links expire in 7d.`);
        seconds = SIGV4_MAX_SECONDS;
    }
    if (limit.credentialsExpireAt) {
        const credentialSeconds = Math.floor(limit.credentialsExpireAt.getTime() / 1000) - signedAtSeconds;
        const usable = credentialSeconds - CREDENTIAL_SAFETY_MARGIN_SECONDS;
        if (usable < 1) {
            throw new Error(`The AWS credentials (${limit.credentialsSource ?? 'temporary session'}) expire at ` +
                `${limit.credentialsExpireAt.toISOString()}, too soon to sign a link that works. ` +
                `Use a longer session (role-to-assume with role-session-duration) or refresh the credentials before this step.`);
        }
        if (usable < seconds) {
            clamps.push(`the signing credentials (${limit.credentialsSource ?? 'temporary session'}) expire at ` +
                `${limit.credentialsExpireAt.toISOString()} and a link cannot outlive its signer; ` +
                `links expire in ${(0,duration/* formatDuration */.a)(usable)} instead of ${(0,duration/* formatDuration */.a)(seconds)}.`);
            seconds = usable;
        }
    }
    return { seconds, expiresAt: new Date((signedAtSeconds + seconds) * 1000), clamps };
}

// EXTERNAL MODULE: ./src/links/uri.ts
var uri = __webpack_require__(1436);
;// CONCATENATED MODULE: ./src/aws/presign.ts
/**
 * Presigned GET links, fast enough for tens of thousands of files.
 *
 * A hand-written AWS Signature V4 query signer (node:crypto). Per day it derives the signing key
 * once; per link it hashes one canonical request and computes one HMAC. The URLs are byte for
 * byte what `getSignedUrl` from @aws-sdk/s3-request-presigner produces for a `GetObjectCommand`
 * (client with `requestChecksumCalculation: 'WHEN_REQUIRED'`), including its `x-id=GetObject`
 * parameter, but much faster, because the SDK runs its whole middleware stack per call (see
 * README, Performance, for measured figures).
 *
 * Links are signed on `host` only with `UNSIGNED-PAYLOAD`, so a plain browser click works.
 */



/** SigV4 refuses presigned URLs valid for more than seven days. */
const MAX_PRESIGN_EXPIRY_SECONDS = SIGV4_MAX_SECONDS;
const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** The endpoint the AWS SDK uses for `region` when none is configured (standard partitions). */
function awsEndpoint(region) {
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(`https://s3.${region}.${suffix}`);
}
/**
 * RFC 3986 encoding, as SigV4 wants it (links/uri.ts). Throws a TypeError naming the value on lone
 * UTF-16 surrogates, which have no UTF-8 form.
 */
function uriEncode(value) {
    try {
        return (0,uri/* uriEncode */.H)(value);
    }
    catch {
        throw new TypeError(`Cannot presign ${JSON.stringify(value)}: it is not well-formed Unicode.`);
    }
}
/**
 * Key → URL path, S3 style: each segment encoded, `/` kept, nothing normalized. S3 signs the
 * path as sent (no double encoding), so this is also the canonical URI.
 */
function encodeKeyPath(key) {
    // Every `%` in the output starts an escape, so `%2F` can only be an encoded `/`.
    return uriEncode(key).replaceAll('%2F', '/');
}
/**
 * Throws unless `key` can be a link. Browsers and fetch() resolve `.` and `..` path segments
 * (even as `%2E`) before sending, so such a link would fetch another path than the one signed;
 * an empty key would sign the bucket itself, i.e. a listing.
 */
function assertPresignableKey(key) {
    if (key.length === 0)
        throw new TypeError('Cannot presign an empty object key.');
    for (const segment of key.split('/')) {
        if (segment === '.' || segment === '..') {
            throw new TypeError(`Cannot presign ${JSON.stringify(key)}: browsers rewrite "." and ".." path segments, so the link would not work. Choose keys without them.`);
        }
    }
}
/** The bucket may go in the host name (same rule as the AWS SDK's S3 endpoint resolver). */
function isVirtualHostableBucket(bucket) {
    return bucket.length >= 3 && bucket.length <= 63 && /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(bucket) && !/^\d+\.\d+\.\d+\.\d+$/.test(bucket);
}
function isIpHost(hostname) {
    return (hostname.startsWith('[') && hostname.endsWith(']')) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname);
}
/** Origin and path prefix (ending in `/`) of every object URL of the target. */
function resolveBase(target) {
    const { bucket, region } = target;
    if (bucket.length === 0 || bucket.includes('/')) {
        throw new TypeError(`Invalid bucket name ${JSON.stringify(bucket)}.`);
    }
    if (region.length === 0 || region.includes('/')) {
        throw new TypeError(`Invalid region ${JSON.stringify(region)}.`);
    }
    const endpoint = target.endpoint ?? awsEndpoint(region);
    if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
        throw new TypeError(`The S3 endpoint must be an http(s) URL, got ${endpoint.href}.`);
    }
    if (endpoint.search || endpoint.hash || endpoint.username || endpoint.password) {
        throw new TypeError(`The S3 endpoint must not have credentials, a query or a fragment: ${endpoint.origin}${endpoint.pathname}`);
    }
    // `URL.host` omits default ports, as browsers do in the Host header that S3 checks.
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    if (!target.forcePathStyle && !isIpHost(endpoint.hostname) && isVirtualHostableBucket(bucket)) {
        const host = `${bucket}.${endpoint.host}`;
        return { origin: `${endpoint.protocol}//${host}`, host, prefix: `${basePath}/` };
    }
    return { origin: endpoint.origin, host: endpoint.host, prefix: `${basePath}/${uriEncode(bucket)}/` };
}
function hmac(key, data) {
    return (0,external_node_crypto_.createHmac)('sha256', key).update(data, 'utf8').digest();
}
/**
 * HMAC-SHA256 with a fixed key (RFC 2104), keyed once: SHA-256 states that have absorbed the
 * inner and outer key pads are copied per message. Node 24's `createHmac` costs about 6x what
 * Node 20's does (OpenSSL 3 MAC setup per call), which alone would cap presigning at ~50k/s.
 */
function keyedHmacSha256(key) {
    const inner = Buffer.alloc(64, 0x36);
    const outer = Buffer.alloc(64, 0x5c);
    for (let i = 0; i < key.length; i++) {
        inner[i] ^= key[i];
        outer[i] ^= key[i];
    }
    const innerState = (0,external_node_crypto_.createHash)('sha256').update(inner);
    const outerState = (0,external_node_crypto_.createHash)('sha256').update(outer);
    return (data) => outerState.copy().update(innerState.copy().update(data, 'utf8').digest()).digest('hex');
}
/** `20250102T030405Z` and `20250102` from a date. */
function amzDates(date) {
    const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z; throws RangeError on an invalid date
    const shortDate = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
    return { shortDate, longDate: `${shortDate}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z` };
}
/**
 * Builds a presigner for one bucket and one set of credentials. Cheap per call: after the first
 * link of a day, a link costs one SHA-256 and one HMAC-SHA256.
 */
function createPresigner(target, credentials, options = {}) {
    const { accessKeyId, secretAccessKey, sessionToken } = credentials;
    if (!accessKeyId || !secretAccessKey) {
        throw new TypeError('Presigning needs an access key id and a secret access key.');
    }
    const now = options.now ?? (() => new Date());
    const { origin, host, prefix } = resolveBase(target);
    const region = target.region;
    const canonicalHeaders = `host:${host}\n\nhost\n${UNSIGNED_PAYLOAD}`;
    const tokenParam = sessionToken ? `X-Amz-Security-Token=${uriEncode(sessionToken)}&` : '';
    // One signing key per UTC day; a run that crosses midnight derives a second one.
    let day = '';
    let sign = () => '';
    let credentialParam = '';
    let scope = '';
    const forDay = (shortDate) => {
        if (shortDate === day)
            return;
        scope = `${shortDate}/${region}/s3/aws4_request`;
        const kDate = hmac(`AWS4${secretAccessKey}`, shortDate);
        sign = keyedHmacSha256(hmac(hmac(hmac(kDate, region), 's3'), 'aws4_request'));
        credentialParam = `X-Amz-Credential=${uriEncode(`${accessKeyId}/${scope}`)}&`;
        day = shortDate;
    };
    return (key, expiresInSeconds) => {
        if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS) {
            throw new RangeError(`A presigned link must expire after a whole number of seconds between 1 and ${MAX_PRESIGN_EXPIRY_SECONDS} (7 days), got ${expiresInSeconds}.`);
        }
        assertPresignableKey(key);
        const path = prefix + encodeKeyPath(key);
        const { longDate, shortDate } = amzDates(now());
        forDay(shortDate);
        // Canonical query: parameters sorted by name, a fixed order here. X-Amz-Signature (not signed)
        // goes between Security-Token and SignedHeaders, as in the SDK's URLs.
        const head = `X-Amz-Algorithm=${ALGORITHM}&X-Amz-Content-Sha256=${UNSIGNED_PAYLOAD}&` +
            `${credentialParam}X-Amz-Date=${longDate}&X-Amz-Expires=${expiresInSeconds}&${tokenParam}`;
        const tail = 'X-Amz-SignedHeaders=host&x-id=GetObject';
        const canonicalRequest = `GET\n${path}\n${head}${tail}\n${canonicalHeaders}`;
        const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${(0,external_node_crypto_.createHash)('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
        return `${origin}${path}?${head}X-Amz-Signature=${sign(stringToSign)}&${tail}`;
    };
}

// EXTERNAL MODULE: ./src/render/summary.ts
var summary = __webpack_require__(557);
;// CONCATENATED MODULE: ./src/modes/sign.ts




/**
 * Signs one link per file. The lifetime is capped at signing time (after any upload, which eats into a
 * session), logged when clamped, and identical for every link of the batch.
 */
function presignFiles(files, o, failed = []) {
    const { signer } = o;
    const signedAt = o.clock();
    const lifetime = capLinkLifetime(o.requestedSeconds, signedAt, {
        credentialsExpireAt: signer.expiresAt,
        credentialsSource: signer.expirySource,
    });
    for (const clamp of lifetime.clamps)
        o.log.warning(`Link lifetime shortened: ${clamp}`);
    o.log.info(`Links are valid for ${(0,duration/* formatDuration */.a)(lifetime.seconds)}, until ${lifetime.expiresAt.toISOString()}.`);
    const presign = createPresigner(o.target, signer.credentials, { now: () => signedAt });
    const expiresAt = lifetime.expiresAt.toISOString();
    const entries = files.map((f) => ({ ...f, url: presign(f.key, lifetime.seconds), expiresAt }));
    const report = {
        entries,
        failed,
        expiresAt: (0,summary/* earliestExpiry */.tJ)(entries),
        notes: [...signer.warnings, ...lifetime.clamps],
        signedWithSessionToken: Boolean(signer.credentials.sessionToken),
    };
    return { entries, lifetime, report };
}


/***/ }),

/***/ 4177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ publishLinks)
});

// EXTERNAL MODULE: ./src/publish/comment.ts + 1 modules
var comment = __webpack_require__(1250);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6934);
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

// EXTERNAL MODULE: ../../main/node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3541);
// EXTERNAL MODULE: ./src/render/summary.ts
var summary = __webpack_require__(557);
;// CONCATENATED MODULE: ./src/publish/summary.ts
/** Writes the job summary. */


/** `linksElsewhere`: where the links are instead, when they must not appear in the summary. */
async function writeSummary(report, clock, linksElsewhere) {
    await core.summary.addRaw((0,summary/* renderSummary */.Br)(report, clock(), linksElsewhere), true).write();
}

;// CONCATENATED MODULE: ./src/publish/links.ts




/** `name` names the manifest file: the section id, or the mode. */
async function publishLinks(p, report, sections, name) {
    const { publicRepo, withhold } = await decideVisibility(p.publicRepo, p.gh, p.run, p.run.repoPrivate, p.log);
    await (0,outputs/* setLinkOutputs */.jS)(report, p.tempDir, name, p.log);
    let commented = false;
    if (!withhold && sections.length > 0) {
        const withNote = sections.map((s) => ({
            ...s,
            note: [publicRepo ? PUBLIC_NOTE : '', s.note ?? ''].filter(Boolean).join(' ') || undefined,
        }));
        commented = await (0,comment/* publishComment */.p)(p, () => withNote);
    }
    // The runner masks secrets in job summaries, URL-encoded too: links holding a session token would
    // read X-Amz-Security-Token=*** there and fail. They go to the comment and the outputs only.
    const summaryLinks = withhold
        ? 'withheld (public-repo: refuse)'
        : report.signedWithSessionToken
            ? commented
                ? 'in the PR comment'
                : 'in the manifest output'
            : undefined;
    await writeSummary(report, p.clock, summaryLinks);
}


/***/ }),

/***/ 557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   tJ: () => (/* binding */ earliestExpiry)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5566);

/** Job summaries are limited to 1 MiB (the runner drops a larger one): rows stop at this many characters. */
const SUMMARY_TABLE_CHARS = 800_000;
function earliestExpiry(entries) {
    return entries.map((e) => e.expiresAt).sort()[0];
}
/**
 * The job summary: a heading, the expiry, notes, a table of links and any failures. HTML-escaped.
 * `linksElsewhere`: instead of the links, say where they are (they must not appear in the summary).
 */
function renderSummary(report, now, linksElsewhere) {
    const total = report.entries.reduce((n, e) => n + e.size, 0);
    const lines = [`<h2>📦 Artifact links</h2>`];
    const expiry = report.expiresAt
        ? ` Links expire <b>${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatUtc */ .ay)(report.expiresAt)}</b> (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .relativeTime */ .KW)(now, new Date(report.expiresAt))}).`
        : '';
    lines.push(`<p>${report.entries.length} ${report.entries.length === 1 ? 'file' : 'files'}, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .humanBytes */ .p6)(total)}.${expiry}</p>`);
    for (const note of report.notes)
        lines.push(`<p>⚠️ ${escapeHtml(note)}</p>`);
    if (report.signedWithSessionToken && report.entries.length > 0) {
        lines.push(`<p>The links are signed with temporary credentials and contain their session token, which the runner masks in job summaries, so they are not listed here: see ${linksElsewhere === 'in the PR comment' ? 'the pull-request comment and ' : ''}the <code>manifest</code> output.</p>`);
    }
    if (report.entries.length > 0) {
        const rows = [];
        let chars = 0;
        for (const e of report.entries) {
            const link = linksElsewhere ? escapeHtml(linksElsewhere) : `<a href="${escapeHtml(e.url)}">Download</a>`;
            const row = `<tr><td>${escapeHtml(e.path)}</td><td align="right">${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .humanBytes */ .p6)(e.size)}</td><td><code>${e.sha256.slice(0, 12)}</code></td><td>${link}</td><td>${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatUtc */ .ay)(e.expiresAt)}</td></tr>`;
            if (chars + row.length > SUMMARY_TABLE_CHARS)
                break;
            rows.push(row);
            chars += row.length;
        }
        const more = report.entries.length - rows.length;
        if (more > 0)
            rows.push(`<tr><td colspan="5">… and ${more} more: see the <code>manifest-file</code> output.</td></tr>`);
        lines.push(`<table><tr><th>File</th><th>Size</th><th>SHA-256</th><th>Link</th><th>Expires</th></tr>${rows.join('')}</table>`);
    }
    if (report.failed.length > 0) {
        lines.push(`<h3>❌ ${report.failed.length} not uploaded (no link)</h3>`);
        lines.push(`<ul>${report.failed.map((f) => `<li>${escapeHtml(f.path)}: ${escapeHtml(f.message)}</li>`).join('')}</ul>`);
    }
    return lines.join('\n');
}
function escapeHtml(text) {
    return text.replace(/[&<>"'`@\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}


/***/ })

};
