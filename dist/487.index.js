export const id = 487;
export const ids = [487];
export const modules = {

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upload: () => (/* binding */ upload)
});

// EXTERNAL MODULE: ./src/aws/bucket.ts
var bucket = __webpack_require__(7275);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/aws/s3-client.ts
var s3_client = __webpack_require__(1015);
;// CONCATENATED MODULE: ./src/aws/body-check.ts
/**
 * How the store proves that it holds the bytes that were sent, found out once per run. No link is
 * made for a body the store did not check:
 * - `payload-sha256`: the body's SHA-256 is signed with the request (`x-amz-content-sha256`) and the
 *   store refuses other bytes (S3, MinIO, Ceph RGW). For a file sent in one request this is the
 *   file's own SHA-256, so each byte is hashed once.
 * - `content-md5`: the body carries `Content-MD5`, and the store's ETag is compared with it where the
 *   store ignores that header (see digests.ts). Costs an MD5 of every byte besides the SHA-256.
 * The probe sends one tiny object whose signed hash is another body's: a store that checks answers
 * XAmzContentSHA256Mismatch (or BadDigest) and stores nothing; one that stores it, or answers
 * anything else, gets `content-md5`, which every S3-compatible store honours.
 */



/** Error names with which a store refuses a body whose signed SHA-256 is not its own. */
const REFUSED_FOR_ITS_HASH = new Set(['XAmzContentSHA256Mismatch', 'BadDigest']);
function bodyCheckFor(answer) {
    return !answer.stored && REFUSED_FOR_ITS_HASH.has(answer.error) ? 'payload-sha256' : 'content-md5';
}
const PROBE_BODY = 'artifact-links: does this store check signed payload hashes?\n';
/** The probe's signed hash: SHA-256 of other bytes than it sends. */
const WRONG_HASH = (0,external_node_crypto_.hash)('sha256', `not ${PROBE_BODY}`);
/**
 * PUTs a tiny object at `key` signed with another body's SHA-256, once, without retries (a failed
 * probe costs only the slower check). On a store that does not check, the object stays at `key`
 * (in the section's reserved folder; cleanup removes it with the section).
 */
async function probeBodyCheck(client, bucket, key) {
    const body = Buffer.from(PROBE_BODY);
    (0,s3_client/* signPayloadAs */.Y)(body, WRONG_HASH);
    const put = new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length, ContentType: 'text/plain' });
    const answer = await client.send(put).then(() => ({ stored: true }), (e) => ({ stored: false, error: e?.name ?? 'Error' }));
    return { check: bodyCheckFor(answer), answer };
}

// EXTERNAL MODULE: ./src/aws/s3-errors.ts
var s3_errors = __webpack_require__(3087);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/util/retry.ts
var util_retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/aws/digests.ts
var digests = __webpack_require__(236);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/links/uri.ts
var uri = __webpack_require__(9343);
// EXTERNAL MODULE: ./src/aws/presign.ts
var presign = __webpack_require__(693);
;// CONCATENATED MODULE: ./src/aws/object-put.ts




/** An error answer of the store, shaped as the AWS SDK shapes one. */
class StoreError extends Error {
    $metadata;
    $fault;
    constructor(name, message, status, requestId) {
        super(message);
        this.name = name;
        this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}) };
        this.$fault = status >= 500 ? 'server' : 'client';
    }
}
const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(xml, element) {
    const m = new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml);
    return m?.[1].replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e) => e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
            ? String.fromCodePoint(Number(e.slice(1)))
            : XML_ENTITIES[e]);
}
/**
 * The error a store's non-2xx answer means: named by its XML `<Code>` (or `x-amz-error-code`), else
 * by the HTTP status as the SDK names such answers (`Forbidden`, `NotFound`, …). Pure.
 */
function storeErrorFrom(status, headers, body) {
    const code = xmlText(body, 'Code') || headers['x-amz-error-code'] || (external_node_http_.STATUS_CODES[status] ?? `HTTP${status}`).replace(/[^A-Za-z]/g, '');
    const message = xmlText(body, 'Message') || headers['x-amz-error-message'] || 'UnknownError';
    return new StoreError(code, message, status, headers['x-amz-request-id']);
}
/** Error bodies are short XML; more than this is not read. */
const ERROR_BODY_BYTES = 64 * 1024;
async function readText(body, limit) {
    if (!body)
        return '';
    const chunks = [];
    let length = 0;
    for await (const chunk of body) {
        if (length < limit)
            chunks.push(Buffer.from(chunk));
        length += chunk.length;
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
/** PUTs objects of `target` with `client`'s credentials, clock offset and HTTP handler. */
function createObjectPut(client, target) {
    const base = (0,presign/* objectUrlBase */.oc)(target);
    const signer = new signature_v4_dist_cjs.SignatureV4({
        credentials: client.config.credentials,
        region: target.region,
        service: 's3',
        sha256: client.config.sha256,
        // S3 signs the path as sent (its keys are encoded once), as the SDK's S3 client does.
        uriEscapePath: false,
        applyChecksum: false,
    });
    const handler = client.config.requestHandler;
    return async (put) => {
        if (put.sha256 === undefined && put.md5 === undefined)
            throw new TypeError('A body needs its SHA-256 or its MD5.');
        const headers = {
            host: base.host,
            'content-type': put.contentType,
            'content-disposition': put.contentDisposition,
            'content-length': String(put.body.length),
            'x-amz-content-sha256': put.sha256 ?? 'UNSIGNED-PAYLOAD',
            ...(put.md5 === undefined ? {} : { 'content-md5': put.md5 }),
        };
        const request = {
            method: 'PUT',
            protocol: base.protocol,
            hostname: base.hostname,
            port: base.port,
            path: base.prefix + (0,uri/* encodeKeyPath */.xC)(put.key),
            query: {},
            headers,
            body: put.body,
        };
        // The client's clock offset: the SDK moves it when the store's clock is far from this one.
        const signed = await signer.sign(request, { signingDate: new Date(Date.now() + (client.config.systemClockOffset ?? 0)) });
        const { response } = await handler.handle(signed);
        const h = response.headers;
        if (response.statusCode >= 200 && response.statusCode < 300) {
            await readText(response.body, 0);
            return {
                ETag: h.etag,
                ServerSideEncryption: h['x-amz-server-side-encryption'],
                SSECustomerAlgorithm: h['x-amz-server-side-encryption-customer-algorithm'],
            };
        }
        throw storeErrorFrom(response.statusCode, h, await readText(response.body, ERROR_BODY_BYTES));
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/aws/local-file.ts
/** Reading a file to upload, and why a file on disk, not the store, was not uploaded: a sentence naming the file and the fix. */


/** Files up to this size (as found) are read with a blocking call (see readSmall). */
const SYNC_READ_BYTES = 64 * 1024;
/** The file on disk, not the store, is why it was not uploaded. */
class LocalFileError extends Error {
}
/** Why `file` could not be read, with its real cause: gone, not readable, or something else. */
function unreadable(displayPath, error) {
    const e = (error ?? {});
    switch (e.code) {
        case 'ENOENT':
            return new LocalFileError(`${displayPath} disappeared before it was uploaded (${e.code}); is another step deleting it?`);
        case 'EACCES':
        case 'EPERM':
            return new LocalFileError(`${displayPath} could not be read: permission denied (${e.code}). Make it readable by the user the job runs as (e.g. chmod a+r), or exclude it in 'path'.`);
        case 'EISDIR':
            return new LocalFileError(`${displayPath} was replaced by a directory before it was uploaded (${e.code}); upload after the step that writes it.`);
        default:
            return new LocalFileError(`${displayPath} could not be read (${e.code ?? 'error'}: ${e.message ?? String(error)}).`);
    }
}
function changed(displayPath) {
    return new LocalFileError(`${displayPath} changed while it was being uploaded; upload artifacts after the step that writes them has finished.`);
}
/** Reads `into.length` bytes at `start`; a short read, or (for the last part) more bytes, means the file changed. */
async function readPart(displayPath, handle, into, start, last) {
    let done = 0;
    try {
        while (done < into.length) {
            const { bytesRead } = await handle.read(into, done, into.length - done, start + done);
            if (bytesRead === 0)
                throw changed(displayPath);
            done += bytesRead;
        }
        if (last && (await handle.read(Buffer.alloc(1), 0, 1, start + done)).bytesRead > 0)
            throw changed(displayPath);
    }
    catch (error) {
        throw error instanceof LocalFileError ? error : unreadable(displayPath, error);
    }
    return into;
}
/**
 * A small file's bytes. Up to SYNC_READ_BYTES, in one blocking call: from the page cache that takes
 * microseconds, where the four thread-pool round trips of an asynchronous read (open, stat, read,
 * close) cost several times more CPU than the read itself.
 */
async function readSmall(file) {
    try {
        return file.size <= SYNC_READ_BYTES ? (0,external_node_fs_.readFileSync)(file.absolutePath) : await (0,promises_.readFile)(file.absolutePath);
    }
    catch (e) {
        throw unreadable(file.displayPath, e);
    }
}

;// CONCATENATED MODULE: ./src/aws/part-buffers.ts
/**
 * Memory for request bodies: every body is read into memory once, hashed there and sent from there
 * (so `Content-MD5` is known before the first byte goes out), within one budget of bytes for the
 * whole run. Buffers of the part size are kept and reused; they share memory with the hashing thread.
 */
class PartBuffers {
    capacity;
    slotSize;
    available;
    waiting = [];
    spare = [];
    /** `capacity`: bytes held at once, at most; `slotSize`: the size of the buffers kept for reuse. */
    constructor(capacity, slotSize) {
        this.capacity = capacity;
        this.slotSize = slotSize;
        this.available = capacity;
    }
    /**
     * Waits (first come, first served) until `length` bytes fit in the budget. A body larger than the
     * whole budget (a part grown for a file of more than 10,000 parts) waits until nothing else is held.
     */
    async take(length) {
        const n = Math.min(length, this.capacity);
        if (this.waiting.length > 0 || this.available < n)
            await new Promise((resolve) => this.waiting.push({ n, resolve }));
        else
            this.available -= n;
        // Only full-size buffers are kept for reuse: a shorter body in a pooled buffer would hold more
        // memory than the budget counts. Up to the part size, bodies are shared with the hashing threads.
        const pooled = length === this.slotSize;
        const shared = length > 0 && length <= this.slotSize;
        const backing = pooled
            ? (this.spare.pop() ?? Buffer.from(new SharedArrayBuffer(this.slotSize)))
            : shared
                ? Buffer.from(new SharedArrayBuffer(length))
                : Buffer.allocUnsafeSlow(length);
        let released = false;
        return {
            bytes: backing.subarray(0, length),
            release: () => {
                if (released)
                    return;
                released = true;
                if (pooled)
                    this.spare.push(backing);
                this.give(n);
            },
        };
    }
    give(n) {
        this.available += n;
        while (this.waiting.length > 0 && this.available >= this.waiting[0].n) {
            const next = this.waiting.shift();
            this.available -= next.n;
            next.resolve();
        }
    }
}

// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
;// CONCATENATED MODULE: ./src/aws/progress.ts
/** The periodic progress line of an upload. */

/**
 * Files uploaded (failed ones apart), bytes the store accepted (a retried request counts once, when it
 * succeeds) and rate, for the periodic progress line.
 */
class Progress {
    plans;
    now;
    files = 0;
    failed = 0;
    bytes = 0;
    totalBytes;
    started;
    constructor(plans, now) {
        this.plans = plans;
        this.now = now;
        this.totalBytes = plans.reduce((n, p) => n + p.file.size, 0);
        this.started = now();
    }
    fileDone() {
        this.files++;
    }
    fileFailed() {
        this.failed++;
    }
    addBytes(n) {
        this.bytes += n;
    }
    line() {
        const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
        const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
        return `Uploaded ${this.files}/${(0,util_log/* plural */.LS)(this.plans.length, 'file')}${failed}, ${mib(this.bytes)} of ${mib(this.totalBytes)} MiB (${mib(this.bytes / seconds)} MiB/s)`;
    }
}
function mib(n) {
    return (n / 1024 / 1024).toFixed(1);
}

;// CONCATENATED MODULE: ./src/aws/upload.ts
/**
 * Upload every file with bounded parallelism, one pass over its bytes: each body is read into
 * memory, hashed there (the file's SHA-256, and the body's digest that the store checks) and sent.
 */











const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/**
 * Request bodies in memory at once, across all files (parts in flight and files up to one part):
 * eight 8 MiB parts. Small files (below) come on top, bounded by concurrency × 1 MiB.
 */
const MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;
/** Files up to this size are read with one call into their own buffer (no shared part buffer). */
const SMALL_FILE_BYTES = 1024 * 1024;
const MAX_PARTS = 10_000;
/**
 * Uploads every plan; never throws for a single file. Returns what was uploaded and what was not,
 * each failure with the file and the store's error, so no link is ever made for a missing object.
 */
async function uploadAll(plans, o) {
    const slots = (0,util_retry/* createLimiter */.zm)(o.concurrency);
    let fatal;
    // Every request waits for a slot; once one file has hit a fatal error, queued requests are not sent.
    const limit = (task) => slots(async () => {
        if (fatal)
            throw new Error(`not attempted after an earlier fatal error (${fatal})`);
        try {
            return await task();
        }
        catch (error) {
            fatal ??= (0,s3_errors/* runStoppingCause */.J8)(error); // before the slot is handed on
            throw error;
        }
    });
    const uploaded = [];
    const failed = [];
    // Two threads when a file goes in parts: its SHA-256 grows on one while its parts are hashed on either.
    const hasher = (0,digests/* createBodyHasher */._R)(plans.some((p) => p.file.size > o.partSize) ? 2 : 1);
    // Files above SMALL_FILE_BYTES are hashed on the threads: started now, while the store answers the
    // body check, so that the first part is sent as soon as it is read.
    if (plans.some((p) => p.file.size > SMALL_FILE_BYTES))
        void hasher.start();
    let timer;
    try {
        const bodyCheck = Promise.resolve(o.bodyCheck);
        const progress = new Progress(plans, o.now ?? Date.now);
        timer = setInterval(() => o.log.info(progress.line()), o.progressIntervalMs);
        timer.unref();
        const shared = {
            options: o,
            bodyCheck,
            limit,
            buffers: new PartBuffers(o.memoryBudget ?? MEMORY_BUDGET_BYTES, o.partSize),
            hasher,
            progress,
            put: createObjectPut(o.client, o.target),
        };
        // One file per worker: a file is read, hashed and sent before its worker takes the next one, so
        // at most `concurrency` small files sit in memory, and per-file state does not pile up in a
        // promise per file. Parts of large files still share the request slots with the other workers.
        await (0,util_retry/* forEachLimited */.vP)(plans, o.concurrency, async (plan) => {
            try {
                uploaded.push(await uploadOne(plan, shared));
                progress.fileDone();
            }
            catch (error) {
                const dead = (0,s3_errors/* deadCredentialsCause */.Q)(error);
                failed.push({ plan, message: describe(error, o.target), ...(dead ? { deadCredentials: dead } : {}) });
                progress.fileFailed();
            }
        });
        o.log.info(progress.line());
    }
    finally {
        clearInterval(timer);
        await hasher.close();
    }
    return { uploaded, failed };
}
function describe(error, target) {
    return error instanceof LocalFileError ? error.message : (0,s3_errors/* describeS3Error */.ye)(error, target, 'write objects');
}
const upload_changed = (file) => changed(file.displayPath);
/** The digest each body carries for the store to check. */
const digestOf = (check) => (check === 'payload-sha256' ? 'sha256' : 'md5');
function bodyOf(bytes, check, digest) {
    return check === 'payload-sha256' ? { bytes, sha256: digest } : { bytes, md5: digest };
}
/** The request's body fields; a signed SHA-256 goes into the signature (s3-client.ts). */
function bodyInput(body) {
    if (body.sha256 !== undefined)
        (0,s3_client/* signPayloadAs */.Y)(body.bytes, body.sha256);
    return { Body: body.bytes, ContentLength: body.bytes.length, ...(body.md5 === undefined ? {} : { ContentMD5: body.md5 }) };
}
/** A store that ignores Content-MD5 may still echo the MD5 as its ETag: a different one means other bytes. */
function checkEtag(response, body, what) {
    if (body.md5 !== undefined && (0,digests/* etagContradicts */.Cv)(response, (0,digests/* md5Hex */.CC)(body.md5)))
        throw new digests/* DigestMismatch */.b3(what, response.ETag, (0,digests/* md5Hex */.CC)(body.md5));
}
async function uploadOne(plan, shared) {
    const { file } = plan;
    if (file.size <= SMALL_FILE_BYTES) {
        // One open and one read; what is sent is exactly what was hashed.
        const bytes = await readSmall(file);
        if (bytes.length > SMALL_FILE_BYTES)
            throw upload_changed(file);
        const sha256 = (0,digests/* digestHere */.nc)(bytes, 'sha256');
        const check = await shared.bodyCheck;
        await putObject(plan, bodyOf(bytes, check, check === 'payload-sha256' ? sha256 : (0,digests/* digestHere */.nc)(bytes, 'md5')), shared);
        return { plan, sha256, size: bytes.length };
    }
    const handle = await (0,promises_.open)(file.absolutePath, 'r').catch((e) => {
        throw unreadable(file.displayPath, e);
    });
    try {
        const before = await handle.stat();
        const partSize = Math.max(shared.options.partSize, Math.ceil(before.size / MAX_PARTS));
        const result = before.size <= partSize
            ? await putWhole(plan, handle, before.size, shared)
            : await putMultipart(plan, handle, before.size, partSize, shared);
        // The path, not the open handle: a file deleted or replaced meanwhile is reported, not uploaded quietly.
        const after = await (0,promises_.stat)(file.absolutePath).catch((e) => {
            throw unreadable(file.displayPath, e);
        });
        if (after.ino !== before.ino || after.size !== before.size || after.mtimeMs !== before.mtimeMs)
            throw upload_changed(file);
        return result;
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
/**
 * A file up to one part: read into memory, hashed there (on the threads), one PUT. Its SHA-256 is
 * also the signed payload hash; where the store checks MD5 instead, that is taken beside it.
 */
async function putWhole(plan, handle, size, shared) {
    const lease = await shared.buffers.take(size);
    try {
        const bytes = await readPart(plan.file.displayPath, handle, lease.bytes, 0, true);
        // The file's SHA-256 is wanted either way: taken while the store's answer to the probe is awaited.
        const hashed = shared.hasher.digest(bytes, 'sha256');
        const check = await shared.bodyCheck;
        if (check === 'payload-sha256') {
            const sha256 = await hashed;
            await putObject(plan, { bytes, sha256 }, shared);
            return { plan, sha256, size };
        }
        const [md5, sha256] = await Promise.all([shared.hasher.digest(bytes, 'md5'), hashed]);
        await putObject(plan, { bytes, md5 }, shared);
        return { plan, sha256, size };
    }
    finally {
        lease.release();
    }
}
async function putObject(plan, body, shared) {
    const { options: o } = shared;
    await shared.limit(() => (0,util_retry/* withRetry */.bD)(async () => {
        const r = await shared.put({
            key: plan.key,
            body: body.bytes,
            contentType: plan.contentType,
            contentDisposition: plan.contentDisposition,
            ...(body.sha256 === undefined ? { md5: body.md5 } : { sha256: body.sha256 }),
        });
        checkEtag(r, body, plan.file.displayPath);
    }, retryFor(plan, o)));
    shared.progress.addBytes(body.bytes.length);
}
/**
 * A larger file in parts, read in order and sent as soon as each is read: the upload is created
 * while the first part is read, the file's SHA-256 grows part by part on a thread, and memory holds
 * only the parts in flight (the budget of PartBuffers). The first failed part stops the reading.
 */
async function putMultipart(plan, handle, size, partSize, shared) {
    const { options: o, limit } = shared;
    const retry = retryFor(plan, o);
    // The object records which upload made it, so a lost CompleteMultipartUpload response can be confirmed.
    const upload = (0,external_node_crypto_.randomUUID)();
    const created = limit(() => (0,util_retry/* withRetry */.bD)(() => o.client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ ...common(plan, o), Metadata: { upload } })), retry));
    created.catch(() => undefined); // awaited below; a failure before the first part is read is not lost
    const whole = shared.hasher.file();
    const md5s = [];
    const sending = [];
    let failure;
    let uploadId;
    try {
        const count = Math.ceil(size / partSize);
        for (let i = 0; i < count && !failure; i++) {
            const start = i * partSize;
            const lease = await shared.buffers.take(Math.min(partSize, size - start));
            let sent = false;
            try {
                const bytes = await readPart(plan.file.displayPath, handle, lease.bytes, start, i === count - 1);
                // The threads hash this part while the file's SHA-256 grows, and the next part is read
                // without waiting for either: the part is sent once its digest is known, and its memory is
                // reused once it is sent and in the file's SHA-256.
                const check = await shared.bodyCheck;
                const digest = shared.hasher.digest(bytes, digestOf(check));
                const hashed = whole.update(bytes);
                const partNumber = i + 1;
                const posted = Promise.all([digest, created]).then(([d, upload]) => {
                    if (check === 'content-md5')
                        md5s[partNumber - 1] = d;
                    uploadId ??= upload.UploadId;
                    return sendPart(plan, bodyOf(bytes, check, d), partNumber, upload.UploadId, shared, retry);
                });
                // The buffer goes back only when neither the request nor the hashing thread still reads it.
                const part = Promise.allSettled([posted, hashed]).then(([p, h]) => {
                    lease.release();
                    if (p.status === 'rejected')
                        throw p.reason;
                    if (h.status === 'rejected')
                        throw h.reason;
                    return p.value;
                });
                sent = true;
                part.catch((error) => (failure ??= { error }));
                sending.push(part);
            }
            finally {
                if (!sent)
                    lease.release();
            }
        }
        const parts = await Promise.all(sending);
        const check = await shared.bodyCheck;
        // Parts signed with their SHA-256 were each checked by the store; otherwise the whole ETag is checked too.
        const expected = check === 'content-md5' ? (0,digests/* multipartEtag */._p)(md5s) : undefined;
        const completed = await limit(() => (0,util_retry/* withRetry */.bD)(async (attempt) => {
            try {
                return await o.client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
                    Bucket: o.target.bucket,
                    Key: plan.key,
                    UploadId: uploadId,
                    MultipartUpload: { Parts: parts },
                }));
            }
            catch (error) {
                // A retry after a lost response finds the upload already completed (NoSuchUpload / 404):
                // the object is there if this upload made it; its HEAD carries the same ETag.
                const head = attempt > 1 ? await completedBy(o, plan, upload, size) : undefined;
                if (head)
                    return head;
                throw error;
            }
        }, retry));
        // Checked once, outside the retries: a completed upload cannot be sent again, only refused.
        if (expected !== undefined && (0,digests/* etagContradicts */.Cv)(completed, expected))
            throw new digests/* DigestMismatch */.b3(plan.file.displayPath, completed.ETag, expected);
    }
    catch (error) {
        await Promise.allSettled(sending);
        if (uploadId === undefined)
            uploadId = await created.then((c) => c.UploadId).catch(() => undefined);
        if (uploadId !== undefined) {
            await o.client
                .send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: o.target.bucket, Key: plan.key, UploadId: uploadId }))
                .catch(() => undefined);
        }
        throw failure?.error ?? error;
    }
    return { plan, sha256: await whole.digest(), size };
}
function sendPart(plan, body, partNumber, uploadId, shared, retry) {
    const { options: o } = shared;
    return shared.limit(() => (0,util_retry/* withRetry */.bD)(async () => {
        const r = await o.client.send(new dist_cjs/* UploadPartCommand */.iVK({
            Bucket: o.target.bucket,
            Key: plan.key,
            UploadId: uploadId,
            PartNumber: partNumber,
            ...bodyInput(body),
        }));
        checkEtag(r, body, `part ${partNumber} of ${plan.file.displayPath}`);
        shared.progress.addBytes(body.bytes.length);
        return { ETag: r.ETag, PartNumber: partNumber };
    }, retry));
}
function common(plan, o) {
    return { Bucket: o.target.bucket, Key: plan.key, ContentType: plan.contentType, ContentDisposition: plan.contentDisposition };
}
function retryFor(plan, o) {
    return (0,s3_errors/* s3Retry */.fY)(o.sleep, (e, attempt, ms) => o.log.info(`Retrying ${plan.file.displayPath} (attempt ${attempt + 1}) in ${ms} ms after ${e.name}: ${e.message}`));
}
/** After a lost CompleteMultipartUpload response: the object's HEAD, if it exists, made by this upload, of this size. */
async function completedBy(o, plan, upload, size) {
    const head = await o.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: o.target.bucket, Key: plan.key })).catch(() => undefined);
    return head?.Metadata?.upload === upload && head.ContentLength === size ? head : undefined;
}

// EXTERNAL MODULE: ./src/links/disposition.ts
var links_disposition = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/links/keys.ts
var keys = __webpack_require__(9673);
// EXTERNAL MODULE: ./src/links/section.ts
var links_section = __webpack_require__(4546);
// EXTERNAL MODULE: ./src/links/stored-manifest.ts
var stored_manifest = __webpack_require__(6362);
// EXTERNAL MODULE: ./src/publish/comment-records.ts
var comment_records = __webpack_require__(8849);
// EXTERNAL MODULE: ./src/publish/links.ts + 3 modules
var links = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6689);
// EXTERNAL MODULE: ./src/config/context.ts
var context = __webpack_require__(577);
// EXTERNAL MODULE: ./src/links/base-build.ts
var base_build = __webpack_require__(9181);
;// CONCATENATED MODULE: ./src/steps/base-build.ts






/**
 * Where the base branch's manifest of this section is: the scope a push to the base branch uploads
 * to (`ref-main` by default), or undefined when the run has no pull request or base branch, or the
 * key prefix has no `{scope}` a push could share (`{pr}` alone).
 */
function baseScope(q) {
    const { ctx } = q;
    if (ctx.pr === undefined || !(0,base_build/* isBranchName */.Q8)(ctx.baseRef))
        return undefined;
    let scope;
    try {
        // The base branch's push build: this repository's, never a fork's scope.
        scope = (0,keys/* findableScope */.ex)(q.keyPrefix, { ...ctx, pr: undefined, fork: undefined, ref: ctx.baseRef, section: '' });
    }
    catch {
        return undefined; // {pr} in the scope: a push has none
    }
    return 'scope' in scope ? scope.scope : undefined;
}
/** The base branch's upload of this section, or undefined (logged) when there is none to compare with. */
async function findBaseBuild(q) {
    const scope = baseScope(q);
    if (scope === undefined || !q.ctx.baseRef)
        return undefined;
    const key = (0,stored_manifest/* manifestKey */.Rn)(scope, q.sectionId);
    let text;
    try {
        text = await (0,bucket/* getText */.q4)(q.client, q.target, key);
    }
    catch (error) {
        const name = error.cause?.name;
        // Without s3:ListBucket, S3 answers a missing key with AccessDenied.
        if (name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied') {
            q.log.info(`No readable upload of this section on ${q.ctx.baseRef} to compare with (${key}): upload on push to ${q.ctx.baseRef} too (same workflow, job and matrix).`);
        }
        else
            q.log.warning(`Could not read ${key}, so the comment does not compare with ${q.ctx.baseRef}: ${(0,util_log/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
    const check = (0,stored_manifest/* checkStoredManifest */.dC)(text, { scope, sectionId: q.sectionId, runsUrl: (0,context/* runsUrl */.gL)(q.ctx) });
    if ('problem' in check) {
        q.log.warning(`Not comparing with ${q.ctx.baseRef}: ${key} ${check.problem}.`);
        return undefined;
    }
    q.log.info(`Comparing with the upload of ${q.ctx.baseRef} at ${check.manifest.sha.slice(0, 7)} (${check.manifest.files.length} files).`);
    return (0,base_build/* baseBuildOf */.xo)(q.ctx.baseRef, check.manifest);
}

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 9 modules
var glob = __webpack_require__(3860);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/steps/glob-walk.ts
/**
 * The files that glob patterns match, with the semantics of @actions/glob (and so of
 * actions/upload-artifact) as the action uses it: one pattern per line, `!` to exclude (later lines
 * win), a directory matches everything under it, hidden files match, symbolic links are followed
 * (a broken one, or one back into a folder it is inside, is skipped). The patterns go to minimatch
 * with @actions/glob's options, rooted at the working directory as it roots them.
 *
 * Why not @actions/glob itself: it stats every entry one at a time, about 80 µs each (1.6 s for
 * 20,000 files). This walk reads each folder once with its entry types, stats only the files it
 * matched (for their size) and the links it follows, and learns each file's real path and whether
 * its name is valid UTF-8 on the way. A path gone meanwhile is skipped, any other error thrown.
 * `__tests__/unit/steps/glob-walk.test.ts` checks it against @actions/glob on generated trees.
 * POSIX only: on Windows, find-files.ts uses @actions/glob.
 * Files only: sockets, FIFOs and devices are skipped, as findFiles always skipped them.
 */




const OPTIONS = { dot: true, nobrace: true, nocase: false, nocomment: true, noext: true, nonegate: true };
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Escapes glob characters of a literal path, as @actions/glob does for the working directory. */
function globEscape(s) {
    return s
        .replace(/\\/g, '\\\\')
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
const normalize = (p) => p.replace(/\/\/+/g, '/');
const trimTrailing = (p) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
/** The user's line, and the `/**` pattern @actions/glob adds for it (implicit descendants). */
function parsePatterns(lines, cwd = process.cwd(), home = external_node_os_default().homedir()) {
    const patterns = [];
    for (const raw of lines.map((l) => l.trim())) {
        if (!raw || raw.startsWith('#'))
            continue;
        let p = raw;
        let negate = false;
        while (p.startsWith('!')) {
            negate = !negate;
            p = p.slice(1).trim();
        }
        p = normalize(p);
        if (p === '.' || p.startsWith('./'))
            p = globEscape(cwd) + p.slice(1);
        else if (p === '~' || p.startsWith('~/'))
            p = globEscape(home) + p.slice(1);
        else if (!p.startsWith('/'))
            p = `${globEscape(cwd).replace(/\/$/, '')}/${p}`;
        p = normalize(p);
        const folderOnly = p.endsWith('/');
        const trimmed = trimTrailing(p);
        const lastGlobstar = trimmed.split('/').pop() === '**';
        patterns.push({ negate, folderOnly, explicitGlobstar: lastGlobstar, matcher: new esm/* Minimatch */.VR(trimmed, OPTIONS) });
        if (folderOnly || !lastGlobstar) {
            const implicit = trimmed === '/' ? '/**' : `${trimmed}/**`;
            patterns.push({ negate, folderOnly: false, explicitGlobstar: false, matcher: new esm/* Minimatch */.VR(implicit, OPTIONS) });
        }
    }
    return patterns;
}
/** Whether `file` (an absolute path) is matched: patterns in order, an exclusion undoing earlier matches. */
function matchesFile(patterns, file) {
    let matched = false;
    for (const p of patterns) {
        if (p.negate ? !matched : matched)
            continue;
        // A file never matches a folder-only pattern; `/a/**` also matches `/a` itself as a folder.
        const hit = !p.folderOnly && p.matcher.match(p.explicitGlobstar ? `${file}/` : file);
        if (hit)
            matched = !p.negate;
    }
    return matched;
}
/** Whether files under `folder` might match (prunes the walk; never changes its result). */
function mayMatchUnder(patterns, folder) {
    const parts = trimTrailing(folder).split('/');
    return patterns.some((p) => !p.negate && p.matcher.set.some((set) => p.matcher.matchOne(parts, set, true)));
}
/**
 * Walks `searchPaths` (absolute, none inside another, as @actions/glob's getSearchPaths gives them)
 * and returns the matched files, sorted. Reads are synchronous: from the page cache a folder costs
 * microseconds, and nothing else runs yet.
 */
function walk(searchPaths, patterns) {
    const files = [];
    const notUtf8 = [];
    /** A folder reached at `item`, really at `real`, inside the folders `chain` (real paths). */
    const folder = (item, real, chain, isRoot) => {
        if (!isRoot && !mayMatchUnder(patterns, item))
            return;
        if (chain.includes(real))
            return; // a link back into a folder it is inside
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(item, { withFileTypes: true, encoding: 'buffer' });
        }
        catch (error) {
            return goneOr(error); // removed meanwhile: nothing under it; unreadable: an error, as in @actions/glob
        }
        const inside = [...chain, real];
        for (const entry of entries) {
            let name;
            try {
                name = utf8.decode(entry.name);
            }
            catch {
                notUtf8.push(external_node_path_default().join(item, entry.name.toString('utf8')));
                continue;
            }
            const child = external_node_path_default().join(item, name);
            if (entry.isDirectory())
                folder(child, external_node_path_default().join(real, name), inside, false);
            else if (entry.isFile()) {
                if (matchesFile(patterns, child)) {
                    const size = sizeOf(child);
                    if (size !== undefined)
                        files.push({ absolutePath: child, realPath: external_node_path_default().join(real, name), size });
                }
            }
            else if (entry.isSymbolicLink())
                followed(child, inside, false);
            // Sockets, FIFOs, devices: not files to upload.
        }
    };
    /** A path whose type is known only by following it (a search path, a symbolic link). */
    const followed = (item, chain, isRoot) => {
        let info;
        let real;
        try {
            info = (0,external_node_fs_.statSync)(item);
            real = (0,external_node_fs_.realpathSync)(item);
        }
        catch (error) {
            return goneOr(error); // a broken link, or gone
        }
        if (info.isDirectory())
            folder(item, real, chain, isRoot);
        else if (info.isFile() && matchesFile(patterns, item))
            files.push({ absolutePath: item, realPath: real, size: info.size });
    };
    // A search path that does not exist (or a broken link) matches nothing.
    for (const root of searchPaths)
        followed(root, [], true);
    const sorted = files.sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
    return { files: sorted, notUtf8: notUtf8.sort() };
}
function sizeOf(file) {
    try {
        return (0,external_node_fs_.statSync)(file).size;
    }
    catch (error) {
        return goneOr(error);
    }
}
/** A path that no longer exists is skipped (as @actions/glob skips it); any other error is thrown. */
function goneOr(error) {
    const code = error?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return undefined;
    throw error;
}

;// CONCATENATED MODULE: ./src/steps/find-files.ts
/** The first step of mode upload: find the artifacts. Glob semantics follow actions/upload-artifact (glob-walk.ts). */





const FS_CHECKS_IN_FLIGHT = 32;
/**
 * Finds the files matched by `patterns` (one glob per entry, `!` to exclude; directories match
 * their contents). Symbolic links that resolve outside `workspace` are refused: on a PR branch they
 * would publish files from the runner (credentials, caches) to whoever gets the link.
 */
async function findFiles(patterns, workspace) {
    const lines = patterns.join('\n');
    // @actions/glob parses and checks the patterns (its errors name the pattern) and finds where to search.
    const globber = await glob/* create */.v(lines, { matchDirectories: false, implicitDescendants: true });
    const searchPaths = globber.getSearchPaths();
    if (searchPaths.length === 0)
        return []; // only exclusions: nothing can match
    const { files: matched, notUtf8 } = process.platform === 'win32' ? await globbed(globber, searchPaths) : walk(searchPaths, parsePatterns(lines.split('\n')));
    if (notUtf8.length > 0) {
        const shown = notUtf8.map((p) => (isInside(p, workspace) ? toPosix(external_node_path_default().relative(workspace, p)) : p));
        throw new Error(`File names that are not valid UTF-8 (each such byte shown as \uFFFD): ${shown.sort().join(', ')}. Object keys and links are UTF-8, so these cannot be uploaded under their names: rename them to UTF-8 (e.g. with convmv), or move them out of ${[...new Set(searchPaths.map((p) => (isInside(p, workspace) ? toPosix(external_node_path_default().relative(workspace, p)) || '.' : p)))].join(', ')}.`);
    }
    const root = await commonRoot(searchPaths, isFile);
    const workspaceReal = await (0,promises_.realpath)(workspace);
    const escaping = matched.filter((f) => f.realPath !== f.absolutePath && !isInside(f.realPath, workspaceReal));
    if (escaping.length > 0) {
        throw new Error(`Refusing to upload symbolic links that point outside the workspace (${workspace}): ${escaping
            .map((f) => `${f.absolutePath} -> ${f.realPath}`)
            .sort()
            .join(', ')}. ` + `Copy the files into the workspace, or exclude the links in 'path' with a ! pattern.`);
    }
    return matched.map(({ absolutePath, size }) => ({
        absolutePath,
        relativePath: toPosix(external_node_path_default().relative(root, absolutePath)),
        displayPath: toPosix(isInside(absolutePath, workspace) ? external_node_path_default().relative(workspace, absolutePath) : absolutePath),
        size,
    }));
}
/** @actions/glob's own walk (Windows), then a stat and real path per match, a few dozen at a time. */
async function globbed(globber, searchPaths) {
    const matches = [...new Set(await globber.glob())].sort();
    // @actions/glob reads names as UTF-8 text: one that is not valid UTF-8 comes back with U+FFFD in it, a
    // path that does not exist, and is left out without a word. Say so instead.
    const notUtf8 = (await Promise.all(searchPaths.map((p) => namesNotUtf8(p)))).flat();
    const found = new Array(matches.length);
    await (0,util_retry/* forEachLimited */.vP)(matches, FS_CHECKS_IN_FLIGHT, async (absolutePath, i) => {
        const [realPath, info] = await Promise.all([(0,promises_.realpath)(absolutePath), (0,promises_.stat)(absolutePath)]);
        if (info.isFile())
            found[i] = { absolutePath, realPath, size: info.size };
    });
    return { files: found.filter((f) => f !== undefined), notUtf8 };
}
const find_files_utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Paths under `root` (a folder; symbolic links not followed) whose names are not valid UTF-8, as
 * lossy text. Reads names as bytes, which @actions/glob cannot.
 */
async function namesNotUtf8(root) {
    const found = [];
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true, encoding: 'buffer' }).catch(() => []);
        await Promise.all(entries.map(async (entry) => {
            const full = Buffer.concat([dir, Buffer.from((external_node_path_default()).sep), entry.name]);
            try {
                find_files_utf8.decode(entry.name);
            }
            catch {
                found.push(full.toString('utf8'));
                return;
            }
            if (entry.isDirectory())
                await walk(full);
        }));
    };
    await walk(Buffer.from(root));
    return found;
}
async function isFile(candidate) {
    return (0,promises_.stat)(candidate).then((s) => s.isFile(), () => false);
}
/**
 * The folder that keys are relative to: a single search path's folder (its parent when it is a
 * file), or the deepest folder shared by several search paths.
 */
async function commonRoot(searchPaths, fileCheck) {
    const dirs = await Promise.all(searchPaths.map(async (p) => ((await fileCheck(p)) ? external_node_path_default().dirname(p) : p)));
    return dirs.reduce(sharedAncestor);
}
function sharedAncestor(a, b) {
    const as = a.split((external_node_path_default()).sep);
    const bs = b.split((external_node_path_default()).sep);
    let i = 0;
    while (i < as.length && i < bs.length && as[i] === bs[i])
        i++;
    return as.slice(0, i).join((external_node_path_default()).sep) || (external_node_path_default()).sep;
}
function isInside(child, parent) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
function toPosix(nativePath) {
    return nativePath.split((external_node_path_default()).sep).join('/');
}

// EXTERNAL MODULE: ./src/steps/setup.ts + 4 modules
var setup = __webpack_require__(1599);
// EXTERNAL MODULE: ./src/steps/sign.ts + 1 modules
var steps_sign = __webpack_require__(6209);
// EXTERNAL MODULE: ./src/steps/sites.ts + 18 modules
var steps_sites = __webpack_require__(9461);
// EXTERNAL MODULE: ./src/steps/untrusted.ts
var untrusted = __webpack_require__(3945);
// EXTERNAL MODULE: ./src/util/heap.ts + 1 modules
var heap = __webpack_require__(3402);
;// CONCATENATED MODULE: ./src/modes/upload.ts
/**
 * mode: upload — find the files, upload them, sign their links and publish them.
 *
 * Before anything is uploaded: the section, every object key and the site folders are planned and
 * checked. Then, with one S3 client: upload → store the manifest → sign → prove a link works →
 * build and upload the sites and share page. Then publish: outputs, job summary, comment.
 */




















const PROGRESS_INTERVAL_MS = 5_000;
async function upload(deps) {
    const { inputs, ctx, log, clock } = deps;
    const plan = planSection(deps);
    const files = await findFiles(inputs.patterns, deps.env.workspace);
    if (files.length === 0)
        return reportNoFiles(inputs, plan.section.id, deps.env.runnerTemp, log);
    (0,heap/* sizeHeapFor */.rF)(files.length);
    const plans = planUploads(files, plan.prefix, inputs.contentDisposition, plan.trust.untrusted);
    // Known before anything is uploaded: which folders become sites, that their origin is the bucket's
    // own, and that no user file takes a generated name.
    const folders = (0,steps_sites/* planSites */.ws)(files, plan.trust.browse, log);
    const named = files.map((f) => ({ path: f.relativePath, display: f.displayPath }));
    (0,steps_sites/* assertOwnOrigin */.xL)((0,setup/* storeTarget */.l7)(inputs), inputs.linkSigner, folders.map((folder) => (0,steps_sites/* displayFolder */.Xb)(named, folder)));
    const store = await (0,setup/* openStore */.Ch)(deps);
    let failed;
    try {
        // Sent first: how the store checks what is uploaded. The first files are read and hashed while
        // it is answered; none is sent before.
        const bodyCheck = probeBodyCheck(store.client, store.target.bucket, (0,keys/* objectKey */.T5)(plan.prefix, keys/* BODY_CHECK_PROBE_NAME */.$s));
        log.info(`Uploading ${(0,util_log/* plural */.LS)(files.length, 'file')} (${files.reduce((n, f) => n + f.size, 0)} bytes) to ${inputs.bucket}/${plan.prefix}/`);
        // Read while the files upload, and before this upload's own manifest is written: what the
        // comment compares with (it never throws: a base build it cannot read is logged and left out).
        const baseBuild = deps.baseRef.then((baseRef) => findBaseBuild({
            client: store.client,
            target: store.target,
            keyPrefix: inputs.keyPrefix,
            ctx: { ...ctx, baseRef },
            sectionId: plan.section.id,
            log,
        }));
        const { stored, failures } = await uploadFiles(plans, store, bodyCheck.then((b) => logBodyCheck(b, log)), deps);
        const base = await baseBuild;
        await storeManifest(plan, stored, folders, base, store, deps);
        const { entries, lifetime, report, sign } = await (0,steps_sign/* presignFiles */.Ys)(stored, { signer: store.signer, requestedSeconds: inputs.expiresInSeconds, log, clock }, failures);
        // Nothing is published unless a link is known to work.
        await (0,steps_sign/* proveLinks */.K1)(store.signer, entries, log);
        const note = (0,links_section/* sectionNote */.wZ)(store.signer, plan.trust.note, report.about, failures.length > 0
            ? `${(0,util_log/* plural */.LS)(failures.length, 'file')} failed to upload and ${failures.length === 1 ? 'has' : 'have'} no link; see the job log.`
            : undefined);
        // The sites and the share page hold links, so they are built once the links are signed.
        let sites;
        if (entries.length > 0) {
            sites = await (0,steps_sites/* publishSites */.w3)({
                client: store.client,
                target: store.target,
                prefix: plan.prefix,
                folders,
                entries,
                sign,
                expiresAt: lifetime.expiresAt,
                section: { title: plan.section.title, sha: ctx.sha, runUrl: ctx.runUrl, note },
                untrusted: plan.trust.untrusted,
                log,
            }).catch((e) => {
                log.warning(`Could not upload the sites and the share page (the file links work): ${e.message}`);
                return undefined;
            });
        }
        (0,outputs/* setSiteOutputs */.kc)(sites?.sites ?? [], sites?.shareUrl ?? '');
        const section = {
            id: plan.section.id,
            title: plan.section.title,
            sha: ctx.sha,
            runUrl: ctx.runUrl,
            updatedAt: clock().toISOString(),
            expiresAt: lifetime.expiresAt.toISOString(),
            files: entries,
            note,
            sites: sites?.sites,
            shareUrl: sites?.shareUrl,
            open: sites?.open,
            qr: sites?.qr,
            base,
            ...(plan.trust.untrusted ? { untrusted: true } : {}),
        };
        // The comment's record of this section lives next to the manifest (publish/comment-records.ts).
        const records = plan.manifestScope === undefined
            ? undefined
            : (0,comment_records/* bucketRecords */.H)(store.client, store.target, plan.manifestScope, deps.publish.comment.marker, log);
        await (0,links/* publishLinks */.b)({ ...deps.publish, records }, report, entries.length > 0 ? [section] : [], plan.section.id);
        failed = failures;
    }
    finally {
        store.client.destroy();
    }
    if (failed.length > 0)
        throw new Error(notUploaded(failed, files.length));
}
function logBodyCheck({ check, answer }, log) {
    log.info(check === 'payload-sha256'
        ? 'The store checks each upload against its signed SHA-256.'
        : `The store ${answer.stored ? 'does not check signed SHA-256 payloads' : `answered the payload check with ${answer.error}`}: each upload carries Content-MD5 (slower).`);
    return check;
}
/** The section of this job, its key prefix, and where its manifest goes (logging why when nowhere). */
function planSection({ inputs, ctx, log }) {
    const source = (0,links_section/* sectionSource */.vr)(inputs.section, ctx, inputs.matrix);
    const section = (0,links_section/* sectionOf */.ZE)(source);
    const trust = (0,untrusted/* contentTrust */.Az)(ctx, inputs, log);
    const prefix = (0,keys/* renderKeyPrefix */.s9)(inputs.keyPrefix, { ...ctx, section: section.id });
    const scope = (0,keys/* findableScope */.ex)(inputs.keyPrefix, { ...ctx, section: '' });
    if ('problem' in scope) {
        if (scope.runSpecific)
            log.warning(scope.problem);
        else
            log.info(scope.problem);
        return { source, section, prefix, trust };
    }
    return { source, section, prefix, manifestScope: scope.scope, trust };
}
/**
 * Uploads every file; returns those stored, in path order, and those that failed. Throws, naming
 * the files, when the store said the credentials are dead (then no link would work).
 */
async function uploadFiles(plans, { client, target }, bodyCheck, { inputs, log }) {
    const { uploaded, failed } = await uploadAll(plans, {
        client,
        target,
        bodyCheck,
        concurrency: inputs.concurrency,
        partSize: DEFAULT_PART_SIZE,
        sleep: util_retry/* realSleep */.uk,
        log,
        progressIntervalMs: PROGRESS_INTERVAL_MS,
    });
    // Uploads finish in any order; links are listed in path order.
    uploaded.sort((a, b) => (a.plan.file.displayPath < b.plan.file.displayPath ? -1 : 1));
    const stored = uploaded.map(({ plan, sha256, size }) => ({
        path: plan.file.displayPath,
        key: plan.key,
        size,
        sha256,
        contentType: plan.contentType,
    }));
    const failures = failed.map((f) => ({ path: f.plan.file.displayPath, message: f.message }));
    const dead = failed.find((f) => f.deadCredentials);
    if (dead?.deadCredentials) {
        throw new Error(`${(0,s3_errors/* deadCredentialsMessage */.i3)(dead.deadCredentials, `the upload of ${dead.plan.file.displayPath}`, target)}\n` +
            `Files the store refused:\n${failures.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`);
    }
    return { stored, failures };
}
/**
 * Stores the section's manifest, for mode: refresh and cleanup. Losing it costs only those, not the
 * links: a warning rather than a failure, unless the store said the credentials are dead.
 */
async function storeManifest(plan, stored, folders, base, { client, target }, { ctx, log, clock }) {
    if (stored.length === 0 || plan.manifestScope === undefined)
        return;
    const key = (0,stored_manifest/* manifestKey */.Rn)(plan.manifestScope, plan.section.id);
    const manifest = {
        version: stored_manifest/* MANIFEST_VERSION */.hh,
        source: plan.source,
        section: plan.section,
        prefix: plan.prefix,
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        uploadedAt: clock().toISOString(),
        files: stored,
        sites: folders,
        ...(base ? { base } : {}),
        ...(plan.trust.fork !== undefined ? { untrusted: { fork: plan.trust.fork } } : {}),
    };
    try {
        await (0,bucket/* putJson */.gl)(client, target, key, manifest);
    }
    catch (error) {
        const cause = (0,s3_errors/* deadCredentialsCause */.Q)(error);
        if (cause)
            throw new Error((0,s3_errors/* deadCredentialsMessage */.i3)(cause, `the write of ${key}`, target), { cause: error });
        log.warning(`Could not store ${key} (mode: refresh and cleanup will not find this upload): ${(0,util_log/* errorMessage */.gJ)(error)}`);
    }
}
/** "1 of 3 files was not uploaded, and has no link:" and one line per file. */
function notUploaded(failures, total) {
    const one = failures.length === 1;
    return (`${failures.length} of ${(0,util_log/* plural */.LS)(total, 'file')} ${one ? 'was' : 'were'} not uploaded, and ${one ? 'has' : 'have'} no link:\n` +
        failures.map((f) => `  ${f.path}: ${f.message}`).join('\n'));
}
/**
 * Every file's key and headers. The whole plan is checked before anything is uploaded: a problem with
 * any key fails the step, naming the files, and nothing is uploaded.
 */
function planUploads(files, prefix, disposition, untrusted) {
    const keyed = files.map((file) => ({ file, key: (0,keys/* objectKey */.T5)(prefix, file.relativePath) }));
    const problems = (0,keys/* checkKeyPlan */.p)(keyed.map(({ file, key }) => ({ path: file.displayPath, key })));
    if (problems.length > 0) {
        const shown = problems.slice(0, 10).map((p) => `  ${p}`);
        if (problems.length > shown.length)
            shown.push(`  … and ${problems.length - shown.length} more.`);
        throw new Error(`Nothing was uploaded: ${problems.length === 1 ? 'a planned object key is' : `${problems.length} planned object keys are`} not sound.\n${shown.join('\n')}\n` +
            `Rename or exclude the files in 'path' (a ! pattern), or change 'key-prefix'.`);
    }
    return keyed.map(({ file, key }) => {
        const contentType = (0,links_disposition/* contentTypeFor */.Zy)(file.absolutePath);
        const name = file.relativePath.split('/').pop() ?? file.relativePath;
        return { file, key, contentType, contentDisposition: (0,links_disposition/* contentDisposition */.HJ)(name, disposition, contentType, untrusted) };
    });
}
async function reportNoFiles(inputs, name, tempDir, log) {
    const message = `No files were found with the provided path: ${inputs.patterns.join(', ')}. No artifacts will be uploaded.`;
    if (inputs.ifNoFilesFound === 'error')
        throw new Error(`${message} (if-no-files-found: error)`);
    if (inputs.ifNoFilesFound === 'warn')
        log.warning(message);
    else
        log.info(message);
    await (0,outputs/* setLinkOutputs */.jS)({ entries: [], failed: [], notes: [] }, tempDir, name, log);
    (0,outputs/* setSiteOutputs */.kc)([], '');
}


/***/ })

};
