export const id = 59;
export const ids = [59];
export const modules = {

/***/ 4538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ deleteKeys),
/* harmony export */   TH: () => (/* binding */ listKeys),
/* harmony export */   gl: () => (/* binding */ putJson),
/* harmony export */   q4: () => (/* binding */ getText),
/* harmony export */   rb: () => (/* binding */ putText)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6265);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9751);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8751);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1096);
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
/** Writes a generated text object (a site's worker or page, the share page); displayed, never downloaded. */
async function putText(client, target, key, body, contentType) {
    await attempt(target, 'write objects (s3:PutObject)', () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .PutObjectCommand */ .wKZ({ Bucket: target.bucket, Key: key, Body: body, ContentType: contentType, ContentDisposition: 'inline' })));
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

/***/ 1096:
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

/***/ 4059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup),
/* harmony export */   removedSections: () => (/* binding */ removedSections)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4538);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5212);
/* harmony import */ var _publish_comment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1250);
/* harmony import */ var _publish_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6934);
/* harmony import */ var _render_markers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3118);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9751);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86);
/** mode: cleanup — delete this PR's objects and mark the comment's links removed. Idempotent. */







async function cleanup(d) {
    const { inputs, ctx, log, clock } = d;
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, client } = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_6__/* .openStore */ .Ch)(d);
    const keys = await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope);
    if (keys.length === 0) {
        (0,_util_log_js__WEBPACK_IMPORTED_MODULE_5__/* .notice */ .lm)(log, `Nothing to delete under ${inputs.bucket}/${scope}/: already cleaned up.`);
    }
    else {
        await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .deleteKeys */ .IO)(client, target, keys);
        log.info(`Deleted ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(keys.length, 'object')} under ${inputs.bucket}/${scope}/.`);
    }
    client.destroy();
    (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .setCount */ .cU)(keys.length);
    const updatedAt = clock().toISOString();
    await (0,_publish_comment_js__WEBPACK_IMPORTED_MODULE_2__/* .publishComment */ .p)(d.publish, (body) => (body ? removedSections(body, updatedAt) : []));
}
/** Every section of the comment that still shows links, re-rendered as removed. Pure. */
function removedSections(body, updatedAt) {
    return [...(0,_render_markers_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSections */ .MJ)(body).values()].flatMap(({ meta }) => meta && !meta.removed
        ? [
            {
                id: meta.id,
                title: meta.title,
                sha: meta.sha,
                runUrl: meta.runUrl,
                updatedAt,
                expiresAt: meta.expiresAt,
                files: [],
                removed: true,
            },
        ]
        : []);
}


/***/ })

};
