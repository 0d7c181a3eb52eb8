export const id = 717;
export const ids = [717];
export const modules = {

/***/ 7275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ deleteKeys),
/* harmony export */   TH: () => (/* binding */ listKeys),
/* harmony export */   gl: () => (/* binding */ putJson),
/* harmony export */   q4: () => (/* binding */ getText),
/* harmony export */   rb: () => (/* binding */ putText)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3711);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9906);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4266);
/* harmony import */ var _digests_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(236);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3087);
/** Object-level operations for the stored manifest, refresh and cleanup: list, read, write and delete, each retried. */






const retry = (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .s3Retry */ .fY)(_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .realSleep */ .uk);
async function attempt(target, action, fn) {
    try {
        return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(fn, retry);
    }
    catch (error) {
        const dead = (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .deadCredentialsCause */ .Q)(error);
        if (dead)
            throw new Error((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .deadCredentialsMessage */ .i3)(dead, `a request to ${action}`, target), { cause: error });
        throw new Error((0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeS3Error */ .ye)(error, target, action), { cause: error });
    }
}
/** Every key under `prefix/` (paginated). */
async function listKeys(client, target, prefix) {
    return attempt(target, 'list objects (s3:ListBucket)', async () => {
        const keys = [];
        for await (const page of (0,_aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__/* .paginateListObjectsV2 */ .OqA)({ client }, { Bucket: target.bucket, Prefix: `${prefix}/` })) {
            for (const object of page.Contents ?? [])
                if (object.Key)
                    keys.push(object.Key);
        }
        return keys;
    });
}
async function getText(client, target, key) {
    return attempt(target, 'read objects (s3:GetObject)', async () => {
        const r = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__/* .GetObjectCommand */ .jLs({ Bucket: target.bucket, Key: key }));
        return (await r.Body?.transformToString('utf-8')) ?? '';
    });
}
async function putJson(client, target, key, value) {
    await attempt(target, 'write objects (s3:PutObject)', () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__/* .PutObjectCommand */ .wKZ({ Bucket: target.bucket, Key: key, Body: JSON.stringify(value), ContentType: 'application/json' })));
}
/**
 * Writes a generated object (a site's worker or page, the share page, a QR code); displayed, never
 * downloaded. Lazy text is rendered as it is sent, again for each attempt. Every body carries its
 * Content-MD5, as uploads do: a page changed in transit is refused, not linked.
 */
async function putText(client, target, key, body, contentType) {
    const whole = typeof body === 'string' || body instanceof Uint8Array
        ? { Body: body, ContentMD5: (0,_digests_js__WEBPACK_IMPORTED_MODULE_2__/* .md5Base64 */ .gb)(typeof body === 'string' ? Buffer.from(body, 'utf8') : body) }
        : undefined;
    await attempt(target, 'write objects (s3:PutObject)', () => {
        // A stream is read once: each attempt renders the lazy text again.
        const payload = whole ?? {
            Body: node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(body.chunks()),
            ContentLength: body.byteLength,
            ContentMD5: body.md5,
        };
        return client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__/* .PutObjectCommand */ .wKZ({ Bucket: target.bucket, Key: key, ...payload, ContentType: contentType, ContentDisposition: 'inline' }));
    });
}
/** Deletes `keys` in batches of 1,000 (the DeleteObjects maximum). Throws naming the keys S3 refused. */
async function deleteKeys(client, target, keys) {
    for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        const r = await attempt(target, 'delete objects (s3:DeleteObject)', () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__/* .DeleteObjectsCommand */ .xvx({ Bucket: target.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } })));
        if (r.Errors?.length) {
            throw new Error(`S3 did not delete ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(r.Errors.length, 'object')}, e.g. ${r.Errors[0].Key}: ${r.Errors[0].Code} ${r.Errors[0].Message ?? ''}`.trim());
        }
    }
}


/***/ }),

/***/ 236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CC: () => (/* binding */ md5Hex),
/* harmony export */   Cv: () => (/* binding */ etagContradicts),
/* harmony export */   _R: () => (/* binding */ createBodyHasher),
/* harmony export */   _p: () => (/* binding */ multipartEtag),
/* harmony export */   b3: () => (/* binding */ DigestMismatch),
/* harmony export */   gb: () => (/* binding */ md5Base64),
/* harmony export */   nc: () => (/* binding */ digestHere)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The digests of what is uploaded, taken from the bytes in memory as they are sent (one pass over
 * the file): the file's SHA-256, shown to reviewers, and each request body's digest for the store to
 * check (body-check.ts): its SHA-256 in the signature, or its MD5 (`Content-MD5`, or the ETag the
 * store echoes). Large bodies are hashed on worker threads, so this thread only reads and sends: two
 * when a file is sent in parts, as it is hashed twice (each part for the store, the whole for
 * reviewers), which costs more than a core; else one (a thread costs about 30 ms of CPU to start,
 * and a second one made 20 files of 8 MiB 5–8 % slower on two cores, in A/B runs).
 */


/** Bodies below this are hashed here: a worker round trip costs more than their digest. */
const WORKER_MIN_BYTES = 256 * 1024;
const ENCODING = { md5: 'base64', sha256: 'hex' };
/**
 * The worker's source, CommonJS (`eval`), so the bundle needs no second file. A message hashes one
 * body (`algorithm`), or feeds a file's running SHA-256 (`stream`; `end` gives its digest); one
 * with neither is answered at once (the thread is up).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const encoding = ${JSON.stringify(ENCODING)};
const streams = new Map();
parentPort.on('message', ({ id, bytes, algorithm, stream, end }) => {
  if (stream === undefined && algorithm === undefined) return parentPort.postMessage({ id, digest: '' });
  if (stream === undefined) return parentPort.postMessage({ id, digest: createHash(algorithm).update(bytes).digest(encoding[algorithm]) });
  if (!streams.has(stream)) streams.set(stream, createHash('sha256'));
  if (bytes) streams.get(stream).update(bytes);
  let digest = '';
  if (end) {
    digest = streams.get(stream).digest('hex');
    streams.delete(stream);
  }
  parentPort.postMessage({ id, digest });
});`;
/** `algorithm` of `bytes` on this thread, encoded as BodyHasher's. */
function digestHere(bytes, algorithm) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)(algorithm, bytes, ENCODING[algorithm]);
}
const md5Base64 = (bytes) => digestHere(bytes, 'md5');
/** One hashing thread, started on first use; what it has not answered yet is `pending`. */
class Thread {
    worker;
    failed;
    next = 0;
    pending = new Map();
    get usable() {
        return this.failed === undefined;
    }
    /** Starts the worker if it is not running; resolves with its thread id once it answers. */
    async ready() {
        await this.send({});
        return this.worker?.threadId ?? Promise.reject(this.failed);
    }
    /** Bodies backed by a SharedArrayBuffer are shared with the thread, not copied; others are copied once. */
    send(message) {
        if (this.failed)
            return Promise.reject(this.failed);
        const w = (this.worker ??= this.spawn());
        const id = this.next++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            w.postMessage({ id, ...message });
        });
    }
    async close() {
        this.fail(this.failed ?? new Error('closed'));
        const w = this.worker;
        this.worker = undefined;
        if (w) {
            w.removeAllListeners('exit');
            await w.terminate();
        }
    }
    spawn() {
        const w = new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker(WORKER_SOURCE, { eval: true });
        w.unref();
        w.on('message', ({ id, digest }) => {
            this.pending.get(id)?.resolve(digest);
            this.pending.delete(id);
        });
        w.on('error', (e) => this.fail(e));
        w.on('exit', (code) => this.fail(new Error(`the hashing thread stopped (exit code ${code})`)));
        return w;
    }
    fail(error) {
        this.failed = error;
        for (const p of this.pending.values())
            p.reject(error);
        this.pending.clear();
    }
}
/** A hasher with `threadCount` worker threads: each body goes to the one with the least work waiting. */
function createBodyHasher(threadCount) {
    const threads = Array.from({ length: threadCount }, () => new Thread());
    const leastBusy = () => threads
        .filter((t) => t.usable)
        .reduce((a, t) => (a === undefined || t.pending.size < a.pending.size ? t : a), undefined);
    let streams = 0;
    return {
        digest(bytes, algorithm) {
            const thread = bytes.length < WORKER_MIN_BYTES ? undefined : leastBusy();
            if (!thread)
                return Promise.resolve(digestHere(bytes, algorithm));
            // A dead thread never costs a body: hash it here instead.
            return thread.send({ bytes, algorithm }).catch(() => digestHere(bytes, algorithm));
        },
        file() {
            const stream = streams++;
            const thread = leastBusy();
            if (!thread) {
                const here = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
                return { update: async (bytes) => void here.update(bytes), digest: async () => here.digest('hex') };
            }
            let last = Promise.resolve();
            return {
                update: (bytes) => {
                    const read = thread.send({ bytes, stream });
                    last = read;
                    return read.then(() => undefined);
                },
                // Messages to one thread arrive in order: the end follows every update.
                digest: () => last.then(() => thread.send({ stream, end: true })),
            };
        },
        async start() {
            const ids = await Promise.all(threads.map((t) => t.ready().catch(() => undefined)));
            return ids.filter((id) => id !== undefined);
        },
        async close() {
            await Promise.all(threads.map((t) => t.close()));
        },
    };
}
/** Hex MD5 of a base64 one, as ETags carry it. */
function md5Hex(base64) {
    return Buffer.from(base64, 'base64').toString('hex');
}
/** The ETag S3-compatible stores give a completed multipart upload: MD5 of the parts' MD5s, dash, count. */
function multipartEtag(partMd5s) {
    const md5 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5');
    for (const p of partMd5s)
        md5.update(Buffer.from(p, 'base64'));
    return `${md5.digest('hex')}-${partMd5s.length}`;
}
/**
 * Whether a store's answer proves it holds other bytes than were sent: its ETag has the form of
 * `expected` (32 hex digits for a body, MD5-dash-count for a completed multipart upload) and differs.
 * An encrypted object's ETag (SSE-KMS, SSE-C) is not its MD5, and such stores check `Content-MD5`
 * instead; a store with another scheme (some give a multipart object its whole MD5): no proof.
 */
function etagContradicts(response, expected) {
    if (response.SSECustomerAlgorithm || (response.ServerSideEncryption ?? '').startsWith('aws:kms'))
        return false;
    const etag = (response.ETag ?? '').replace(/^W\//, '').replace(/"/g, '').toLowerCase();
    if (!/^[0-9a-f]{32}(-\d+)?$/.test(etag) || etag.includes('-') !== expected.includes('-'))
        return false;
    return etag !== expected.toLowerCase();
}
/** The store answered with a digest of other bytes than were sent: retried, then a failed file. */
class DigestMismatch extends Error {
    name = 'BadDigest';
    constructor(what, etag, expected) {
        super(`the store holds different bytes than were sent for ${what} (its ETag ${etag ?? '(none)'}, expected ${expected}): the body was changed in transit`);
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
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/**
 * What S3 and network errors mean: which are retried, which stop the whole run, and the sentence that
 * names the fix. One table of S3 error names (`error.name`) and one of Node network codes
 * (`error.code`); every decision below reads them.
 */

const denied = (target, action) => `The credentials may not ${action} in bucket '${target.bucket}': grant s3:PutObject, s3:GetObject (and s3:DeleteObject, s3:ListBucket for cleanup) on arn:aws:s3:::${target.bucket}/<key-prefix>*.`;
const noBucket = (target, _action, where) => `Bucket '${target.bucket}' was not found at ${where}: check 'bucket', 'region' and 'endpoint'.`;
const signature = () => "The store rejected the request signature: the secret access key is wrong, or 'region' does not match the bucket's region.";
const unknownKey = (_target, _action, where) => `The access key ID is not known to ${where}: check the credentials configured for this job.`;
const expired = () => 'The session credentials have expired: assume the role closer to this step or with a longer role-session-duration.';
const badToken = () => 'The store rejected the session token: pass the AWS_SESSION_TOKEN that belongs to these keys, or refresh the credentials right before this step.';
const otherRegion = (target) => `Bucket '${target.bucket}' is in a different region: set 'region' to the bucket's region.`;
const reset = (_target, _action, where) => `The connection was reset by ${where} or a proxy in between, on every retry: re-run the job; if it persists, lower 'concurrency'.`;
const corrupted = (_target, _action, where) => `The bytes that reached ${where} differed from the file on every retry (a proxy or network device changing request bodies?): no link was made for it.`;
const unreachable = (_target, _action, where) => `Could not reach ${where}: check 'endpoint' (and 'region') and that the runner can reach it.`;
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
    // The body's Content-MD5 (or our check of the store's ETag, digests.ts) did not match: changed in transit.
    BadDigest: { retry: true, fix: corrupted },
    XAmzContentSHA256Mismatch: { retry: true, fix: corrupted },
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
    const message = e.message === undefined ? String(error) : e.message.trim();
    const detail = isTerse(message) ? `${name} (${httpStatus(e.$metadata?.httpStatusCode)})` : `${name}: ${message}`;
    const fix = (known(S3_ERRORS, name) ?? known(NETWORK_ERRORS, name))?.fix;
    return fix ? `${detail}. ${fix(target, action, where)}` : detail;
}
/**
 * The AWS SDK fills in 'UnknownError' when the store's `<Message>` is empty or missing: Ceph's radosgw
 * sends `<Message></Message>`, and no HEAD answer has a body.
 */
function isTerse(message) {
    return message === '' || message === 'UnknownError';
}
/** "HTTP 404 Not Found", or what is known when the answer had no status. */
function httpStatus(status) {
    if (status === undefined || status === 0)
        return 'no message from the store';
    const text = node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[status];
    return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}


/***/ }),

/***/ 9181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q8: () => (/* binding */ isBranchName),
/* harmony export */   xo: () => (/* binding */ baseBuildOf),
/* harmony export */   yW: () => (/* binding */ isBaseBuild)
/* harmony export */ });
/** The base build a stored manifest of the base branch describes. */
function baseBuildOf(ref, m) {
    return {
        ref,
        sha: m.sha,
        runUrl: m.runUrl,
        uploadedAt: m.uploadedAt,
        files: m.files.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
    };
}
/** A branch name as git allows it, bounded: refuses anything that could not be a ref. */
function isBranchName(ref) {
    return (typeof ref === 'string' &&
        ref.length > 0 &&
        ref.length <= 255 &&
        // eslint-disable-next-line no-control-regex -- git refuses control characters in ref names
        !/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|^\/|\/$|\.lock$|^-/.test(ref));
}
/** True when `v` is a base build whose run is one of this repository's (`runsUrl` prefix). */
function isBaseBuild(v, isRun) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        return false;
    const b = v;
    return (isBranchName(b.ref) &&
        typeof b.sha === 'string' &&
        /^[0-9a-f]{7,40}$/i.test(b.sha) &&
        typeof b.runUrl === 'string' &&
        isRun(b.runUrl) &&
        typeof b.uploadedAt === 'string' &&
        !Number.isNaN(Date.parse(b.uploadedAt)) &&
        Array.isArray(b.files) &&
        b.files.every(isBaseFile));
}
function isBaseFile(f) {
    if (f === null || typeof f !== 'object')
        return false;
    const r = f;
    return (typeof r.path === 'string' &&
        Number.isSafeInteger(r.size) &&
        r.size >= 0 &&
        typeof r.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(r.sha256));
}


/***/ }),

/***/ 4546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JH: () => (/* binding */ SECTION_HASH_CHARS),
/* harmony export */   ZE: () => (/* binding */ sectionOf),
/* harmony export */   gv: () => (/* binding */ SECTION_ID),
/* harmony export */   vr: () => (/* binding */ sectionSource),
/* harmony export */   wZ: () => (/* binding */ sectionNote)
/* harmony export */ });
/* unused harmony exports SLUG_MAX, ASSUMED_EXPIRY_CAVEAT */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9673);
/**
 * This job's section of the comment: its identity, its id and title, and the note under its heading.
 * Pure.
 *
 * The identity model: two uploads are the same section (same id, same keys, same place in the
 * comment: a re-run overwrites in place) exactly when their identity is the same. By default the
 * identity is the workflow file, the job id, the matrix values and the step (which use of the action
 * in the job); with the `section` input, it is that text alone. The id is a readable slug plus a
 * hash of the whole identity, so different identities never share an id, and it is bounded.
 */


/** Longest readable part of an id; the hash follows it. */
const SLUG_MAX = 40;
/** Hex digits of the identity's hash that end every id. */
const SECTION_HASH_CHARS = 10;
const TITLE_MAX = 200;
/** What every section id looks like: a safe key segment ending in its hash. */
const SECTION_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,39}-[0-9a-f]{10}$/;
/** The section of `source`: id (one safe key segment, at most 51 characters) and title. */
function sectionOf(source) {
    if ('section' in source)
        return { id: sectionId(source.section, ['section', source.section]), title: bounded(source.section) };
    const values = matrixValues(source.matrix);
    const identity = ['job', source.workflow, source.job, JSON.stringify(parseMatrix(source.matrix)), source.step];
    const job = values.length > 0 ? `${source.job} (${values.join(', ')})` : source.job;
    const title = [source.workflowName, job].filter(Boolean).join(' / ') + stepLabel(source.step);
    return { id: sectionId([source.job, ...values].join('-'), identity), title: bounded(title) };
}
/**
 * Readable slug (at most SLUG_MAX characters, `section` when nothing readable is left) plus the first
 * 10 hex digits of the identity's SHA-256. The result is its own slug: it adds no `/`, `..` or `--`.
 */
function sectionId(readable, identity) {
    let s = (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .slug */ .yR)(readable)
        .slice(0, SLUG_MAX)
        .replace(/[-.]+$/, '');
    if (!s || s === '_')
        s = 'section';
    return `${s}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, SECTION_HASH_CHARS)}`;
}
/** A user-named step shows its id; a second use of the same action without one, its number. */
function stepLabel(step) {
    if (!step)
        return '';
    if (!step.startsWith('__'))
        return ` · ${step}`;
    const n = /_(\d+)$/.exec(step)?.[1];
    return n && Number(n) > 1 ? ` · #${n}` : '';
}
function bounded(title) {
    const chars = Array.from(title);
    return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join('')}…` : title;
}
function parseMatrix(matrixJson) {
    try {
        return JSON.parse(matrixJson || 'null');
    }
    catch {
        return null;
    }
}
function matrixValues(matrixJson) {
    const matrix = parseMatrix(matrixJson);
    if (!matrix || typeof matrix !== 'object')
        return [];
    return Object.values(matrix).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
}
/**
 * This job's section source: the `section` input when set, else the run's workflow, job, matrix and
 * step.
 */
function sectionSource(input, run, matrixJson) {
    if (input)
        return { section: input };
    return { workflow: run.workflowPath, workflowName: run.workflow, job: run.job, matrix: matrixJson, step: run.step };
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
/* harmony export */   I0: () => (/* binding */ manifestSectionId),
/* harmony export */   Rn: () => (/* binding */ manifestKey),
/* harmony export */   dC: () => (/* binding */ checkStoredManifest),
/* harmony export */   hh: () => (/* binding */ MANIFEST_VERSION)
/* harmony export */ });
/* unused harmony export isRunUrl */
/* harmony import */ var _base_build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9181);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9673);
/* harmony import */ var _section_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4546);
/**
 * The manifest the action stores for each section, so `mode: refresh` can re-sign links and
 * `mode: cleanup` can tell which sections it removed, without rebuilding. Pure; holds no links, only
 * keys.
 *
 * One exact place per section, which no user file can take (keys.ts, RESERVED_SEGMENT):
 * `<scope>/.artifact-links/<section-id>.json`. Refresh and cleanup read only keys of that form, and
 * only render a manifest that is consistent with where it was found and with this repository.
 */



const MANIFEST_VERSION = 2;
/** Where the manifest of section `sectionId` lives, for the scope prefix `scope`. */
function manifestKey(scope, sectionId) {
    return `${scope}/${_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/${sectionId}.json`;
}
/** The section id of a manifest key under `scope`, or undefined when `key` is not one. */
function manifestSectionId(scope, key) {
    const folder = `${scope}/${_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/`;
    if (!key.startsWith(folder) || !key.endsWith('.json'))
        return undefined;
    const id = key.slice(folder.length, -'.json'.length);
    return _section_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION_ID */ .gv.test(id) ? id : undefined;
}
/**
 * Parses and checks a stored manifest: its section id and title must follow from its identity and
 * match its key, its run URL must be one of this repository's runs, its prefix must lie in the scope
 * it was found in, and every file's key and site folder under that prefix, outside the action's namespace. Returns
 * why not, instead of throwing: a bad manifest is skipped with a warning, never rendered.
 */
function checkStoredManifest(text, e) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { problem: 'is not JSON' };
    }
    if (!isObject(value) || value.version !== MANIFEST_VERSION)
        return { problem: `is not a version ${MANIFEST_VERSION} manifest` };
    const m = value;
    const source = checkSource(m.source);
    if (!source)
        return { problem: 'has no valid section identity' };
    const expected = (0,_section_js__WEBPACK_IMPORTED_MODULE_1__/* .sectionOf */ .ZE)(source);
    const section = m.section;
    if (expected.id !== e.sectionId || section?.id !== expected.id) {
        return { problem: 'names a section id that does not follow from its identity and its key' };
    }
    if (section.title !== expected.title)
        return { problem: 'has a title that does not follow from its identity' };
    if (typeof m.runUrl !== 'string' || !isRunUrl(m.runUrl, e.runsUrl)) {
        return { problem: `has a run URL that is not a run of this repository (${e.runsUrl}…)` };
    }
    const prefix = m.prefix;
    if (typeof prefix !== 'string' || !(prefix === e.scope || prefix.startsWith(`${e.scope}/`)) || !soundKey(`${prefix}/x`)) {
        return { problem: `has a key prefix outside ${e.scope}/` };
    }
    if (typeof m.sha !== 'string' || !/^[0-9a-f]{7,40}$/i.test(m.sha))
        return { problem: 'has no valid commit' };
    if (typeof m.uploadedAt !== 'string' || Number.isNaN(Date.parse(m.uploadedAt)))
        return { problem: 'has no valid upload time' };
    if (!Array.isArray(m.files))
        return { problem: 'has no file list' };
    for (const f of m.files) {
        if (!isFile(f))
            return { problem: 'lists a file that is not a stored file' };
        if (!f.key.startsWith(`${prefix}/`) || !soundKey(f.key))
            return { problem: `lists a key outside its prefix ${prefix}/` };
    }
    if (m.sites !== undefined && !(Array.isArray(m.sites) && m.sites.every((f) => isSiteFolder(f, prefix)))) {
        return { problem: `lists a site folder outside its prefix ${prefix}/` };
    }
    if (m.base !== undefined && !(0,_base_build_js__WEBPACK_IMPORTED_MODULE_2__/* .isBaseBuild */ .yW)(m.base, (url) => isRunUrl(url, e.runsUrl))) {
        return { problem: 'has a base-branch build that is not one of this repository' };
    }
    if (m.untrusted !== undefined && !isUntrusted(m.untrusted))
        return { problem: "has a fork's restriction that is not one" };
    return { manifest: value };
}
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function checkSource(v) {
    if (!isObject(v))
        return undefined;
    const str = (x) => typeof x === 'string';
    if (str(v.section) && Object.keys(v).length === 1)
        return v.section ? { section: v.section } : undefined;
    const fields = ['workflow', 'workflowName', 'job', 'matrix', 'step'];
    if (fields.every((k) => str(v[k])) && Object.keys(v).length === fields.length && v.job)
        return v;
    return undefined;
}
function isFile(f) {
    return (isObject(f) &&
        typeof f.path === 'string' &&
        typeof f.key === 'string' &&
        Number.isSafeInteger(f.size) &&
        f.size >= 0 &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256) &&
        typeof f.contentType === 'string');
}
/** `{ fork: 'owner/repo' }` (or `unknown`): a short name without control characters, and nothing else. */
function isUntrusted(v) {
    return (isObject(v) &&
        Object.keys(v).length === 1 &&
        typeof v.fork === 'string' &&
        v.fork.length > 0 &&
        v.fork.length <= 200 &&
        // eslint-disable-next-line no-control-regex -- a name with control characters is not a repository's
        !/[\u0000-\u001f\u007f-\u009f]/.test(v.fork));
}
/** `''` (the upload's root) or `a/b/`: sound folder segments under `prefix`, outside the action's namespace. */
function isSiteFolder(f, prefix) {
    return typeof f === 'string' && (f === '' || (f.endsWith('/') && soundKey(`${prefix}/${f}x`)));
}
/** No empty, `.` or `..` segment, and outside the action's namespace. */
function soundKey(key) {
    return !key.split('/').some((s) => s === '' || s === '.' || s === '..') && !(0,_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .isReservedKey */ .IN)(key);
}
/** `${runsUrl}<digits>` or `${runsUrl}<digits>/attempts/<digits>`, exactly. */
function isRunUrl(url, runsUrl) {
    return url.startsWith(runsUrl) && /^\d+(\/attempts\/\d+)?$/.test(url.slice(runsUrl.length));
}


/***/ }),

/***/ 2827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ publishComment)
});

;// CONCATENATED MODULE: ./src/github/errors.ts
/** GitHub API failures as sentences that name the fix. Pure. */
function explainGitHubError(error, pr) {
    const e = (error ?? {});
    const text = e.message ?? String(error);
    if (e.name === 'GitHubBudgetExceeded') {
        return `Could not comment on PR #${pr}: ${text} The links are in the job summary and the outputs; re-run the job to post them.`;
    }
    if ((e.status === 403 || e.status === 429) && /rate limit/i.test(text)) {
        return (`Could not comment on PR #${pr}: GitHub's API rate limit was reached (${e.status}: ${text}) and lifts later than this step waits (about a minute). ` +
            `The links are in the job summary and the outputs; re-run the job later to post them, or use a token with its own rate limit.`);
    }
    if (e.status === 403 && /Resource not accessible by integration/i.test(text)) {
        return (`Could not comment on PR #${pr}: the token is read-only (403 Resource not accessible by integration). ` +
            `Pull requests from forks get a read-only GITHUB_TOKEN on 'pull_request'; use the two-stage setup ` +
            `(build on pull_request, publish on workflow_run), see "Fork pull requests" in the action's README. For same-repository PRs, ` +
            `add 'permissions: pull-requests: write' to the job. The upload, outputs and summary are unaffected.`);
    }
    if (e.status === 404)
        return `Could not comment on PR #${pr}: not found (404). Check 'pr-number' and that the token can see this repository.`;
    if (e.status === 401)
        return `Could not comment on PR #${pr}: the GitHub token was rejected (401 Bad credentials). Check 'github-token'.`;
    return `Could not comment on PR #${pr}: ${text}`;
}

// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6689);
;// CONCATENATED MODULE: ./src/publish/comment.ts




function noPullRequest(run) {
    return `No pull request found for ${run.eventName || 'this'} event at ${run.sha.slice(0, 7)}: no comment; the links are in the job summary and outputs. Set 'pr-number' to choose one.`;
}
/**
 * Posts or updates sections of the sticky comment (`sectionsFor` sees the current body; see
 * updateSticky) and sets the comment outputs. True when the comment holds them.
 */
async function publishComment(target, sectionsFor) {
    const { gh, run, log } = target;
    if (!gh)
        return false;
    if (gh.pr === undefined) {
        (0,util_log/* notice */.lm)(log, noPullRequest(run));
        return false;
    }
    try {
        // Loaded on demand: the GitHub client is a large part of start-up time.
        const { tokenOwner, updateSticky } = await Promise.all(/* import() */[__webpack_require__.e(96), __webpack_require__.e(412)]).then(__webpack_require__.bind(__webpack_require__, 9412));
        const owner = await tokenOwner(gh.octokit);
        const posted = await updateSticky(gh.octokit, { owner: run.owner, repo: run.repo }, gh.pr, owner, sectionsFor, {
            marker: target.comment.marker,
            now: target.clock,
            sleep: gh.budget.sleeper(retry/* realSleep */.uk, 'the comment'),
            log,
            settleMs: target.comment.settleMs,
            records: target.records,
        });
        if (!posted)
            return false;
        if (target.setOutputs !== false)
            (0,outputs/* setCommentOutputs */.iB)(posted);
        log.info(`Comment ${posted.created ? 'created' : 'updated'}: ${posted.url}`);
        return true;
    }
    catch (error) {
        const message = explainGitHubError(error, gh.pr);
        if (target.comment.failOnError)
            throw new Error(message, { cause: error });
        log.warning(message);
        return false;
    }
}


/***/ }),

/***/ 6689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cU: () => (/* binding */ setCount),
/* harmony export */   iB: () => (/* binding */ setCommentOutputs),
/* harmony export */   jS: () => (/* binding */ setLinkOutputs),
/* harmony export */   kc: () => (/* binding */ setSiteOutputs)
/* harmony export */ });
/* unused harmony export writeJsonArray */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4687);
/** Every step output the action sets, in one place. */




/** Step outputs are limited to 1 MiB each; beyond that the manifest is only in `manifest-file`. */
const OUTPUT_LIMIT = 1024 * 1024;
/**
 * The links: `manifest` (JSON, when it fits), `manifest-file` (always, written to `tempDir`),
 * `expires-at`, `count` and `total-bytes`. Returns the manifest file's path.
 */
async function setLinkOutputs(report, tempDir, name, log, set = _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput) {
    const manifestFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(tempDir, `artifact-links-${name}.json`);
    const bytes = await writeJsonArray(manifestFile, report.entries);
    if (bytes <= OUTPUT_LIMIT) {
        set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.Manifest, JSON.stringify(report.entries));
    }
    else {
        set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.Manifest, '[]');
        log.warning(`The manifest is larger than the 1 MiB output limit; read it from the '${_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.ManifestFile}' output (${manifestFile}).`);
    }
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.ManifestFile, manifestFile);
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.ExpiresAt, report.expiresAt ?? '');
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.Count, String(report.entries.length));
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.TotalBytes, String(report.entries.reduce((n, e) => n + e.size, 0)));
    return manifestFile;
}
/**
 * Writes `JSON.stringify(items)` to `file` a few hundred kilobytes at a time, so 20,000 links never
 * sit in memory as one string (and its bytes) at once. Returns the file's size in bytes.
 */
async function writeJsonArray(file, items, chunkChars = 256 * 1024) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'w');
    let bytes = 0;
    let chunk = '[';
    const flush = async () => {
        const data = Buffer.from(chunk);
        await handle.writeFile(data);
        bytes += data.length;
        chunk = '';
    };
    try {
        for (let i = 0; i < items.length; i++) {
            chunk += (i > 0 ? ',' : '') + (JSON.stringify(items[i]) ?? 'null'); // as JSON.stringify(items) writes undefined
            if (chunk.length >= chunkChars)
                await flush();
        }
        chunk += ']';
        await flush();
    }
    finally {
        await handle.close();
    }
    return bytes;
}
/** `sites` (JSON array of {path, url, expiresAt}) and `share-url`. */
function setSiteOutputs(sites, shareUrl, set = _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput) {
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.Sites, JSON.stringify(sites.map(({ path, url, expiresAt }) => ({ path, url, expiresAt }))));
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.ShareUrl, shareUrl);
}
/** `comment-id` and `comment-url` of the sticky comment. */
function setCommentOutputs(comment, set = _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput) {
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.CommentId, String(comment.id));
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.CommentUrl, comment.url);
}
/** `count` alone: mode cleanup reports the objects it deleted. */
function setCount(count, set = _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput) {
    set(_config_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k7.Count, String(count));
}


/***/ }),

/***/ 5888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ SHARE_PAGE_NAME),
/* harmony export */   HO: () => (/* binding */ WORKER_NAME),
/* harmony export */   U$: () => (/* binding */ assertNoCollision),
/* harmony export */   gU: () => (/* binding */ generatedNames),
/* harmony export */   q$: () => (/* binding */ generatedKeys),
/* harmony export */   rd: () => (/* binding */ MAP_NAME),
/* harmony export */   z7: () => (/* binding */ BOOTSTRAP_NAME)
/* harmony export */ });
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9673);
/**
 * Names of the objects the action generates beside the user's files. Pure.
 *
 * Every one is inside the action's namespace (isReservedKey in src/links/keys.ts), so no user file
 * can have its key: a site's start page and file map go in a `.artifact-links` folder of the site,
 * the share page in the one at the root of the section's upload. Only the worker script sits directly
 * in the site's folder, under a name the namespace reserves too: a service worker's scope cannot be
 * wider than its script's folder, and S3 cannot send `Service-Worker-Allowed`.
 */

/** In each site folder: the service worker script. */
const WORKER_NAME = _links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .WORKER_FILE_NAME */ .yi;
/** In each site folder: the page a reader opens (registers the worker, then shows the site). */
const BOOTSTRAP_NAME = `${_links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/open.html`;
/** In each site folder: the site map as JSON, for the file list when service workers are unavailable. */
const MAP_NAME = `${_links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/files.json`;
/** At the section's root: the page that lists every file. */
const SHARE_PAGE_NAME = `${_links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/share.html`;
/** The generated objects for these site folders (see detect.ts), plus the share page. */
function generatedNames(sites, sharePage = true) {
    const names = sites.flatMap((site) => [
        { path: site + WORKER_NAME, kind: 'worker', site },
        { path: site + BOOTSTRAP_NAME, kind: 'bootstrap', site },
        { path: site + MAP_NAME, kind: 'map', site },
    ]);
    if (sharePage)
        names.push({ path: SHARE_PAGE_NAME, kind: 'share' });
    return names;
}
/** The keys of a section's generated objects (its sites' and its share page) under its key prefix. */
function generatedKeys(prefix, sites) {
    return generatedNames(sites).map((g) => (prefix ? `${prefix}/${g.path}` : g.path));
}
const WHAT = {
    worker: "a site's service worker",
    bootstrap: "a site's start page",
    map: "a site's file map",
    share: 'the share page',
};
/**
 * Throws when a user's file has the path of a generated object, naming the file; like any other
 * key collision, it is an error before anything is uploaded. `display` maps a relative path to the
 * path the user knows (e.g. relative to the workspace).
 */
function assertNoCollision(userPaths, generated, display = (p) => p) {
    const byPath = new Map(generated.map((g) => [g.path, g]));
    const clashes = userPaths.filter((p) => byPath.has(p));
    if (clashes.length === 0)
        return;
    const lines = clashes.map((p) => {
        const g = byPath.get(p);
        return `${display(p)} would be overwritten by ${WHAT[g.kind]}${g.site !== undefined ? ` (site ${g.site || './'})` : ''}`;
    });
    throw new Error(`${lines.join('; ')}. A "${_links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}" folder and the name ${WORKER_NAME} are reserved for the objects the action generates: rename the file or exclude it in 'path'.`);
}


/***/ })

};
