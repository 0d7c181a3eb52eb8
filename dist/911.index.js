export const id = 911;
export const ids = [911];
export const modules = {

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

/***/ 4911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upload: () => (/* binding */ upload)
});

// EXTERNAL MODULE: ./src/aws/bucket.ts
var bucket = __webpack_require__(4538);
// EXTERNAL MODULE: ../../main/node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(6265);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/util/retry.ts
var util_retry = __webpack_require__(8751);
;// CONCATENATED MODULE: ./src/aws/hash.ts
/** Hashing files for upload: SHA-256 of the whole file and of each multipart part. */


/**
 * Whole-file SHA-256 (hex) and one SHA-256 per part (base64, as S3 checksum headers want), in one
 * read through a single reused buffer: no garbage per chunk, so memory stays flat for any file size.
 */
async function hashFile(p, partSize) {
    const whole = (0,external_node_crypto_.createHash)('sha256');
    const parts = [];
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    const handle = await (0,promises_.open)(p, 'r');
    let part = (0,external_node_crypto_.createHash)('sha256');
    let inPart = 0;
    let size = 0;
    try {
        for (;;) {
            const want = Math.min(buffer.length, partSize - inPart);
            const { bytesRead } = await handle.read(buffer, 0, want, size);
            if (bytesRead === 0)
                break;
            const chunk = buffer.subarray(0, bytesRead);
            whole.update(chunk);
            part.update(chunk);
            size += bytesRead;
            inPart += bytesRead;
            if (inPart === partSize) {
                parts.push(part.digest('base64'));
                part = (0,external_node_crypto_.createHash)('sha256');
                inPart = 0;
            }
        }
    }
    finally {
        await handle.close();
    }
    if (inPart > 0 || parts.length === 0)
        parts.push(part.digest('base64'));
    return { sha256: whole.digest('hex'), parts, size };
}

// EXTERNAL MODULE: ./src/aws/s3-errors.ts
var s3_errors = __webpack_require__(1096);
;// CONCATENATED MODULE: ./src/aws/upload.ts
/** Upload every file, streaming from disk, with bounded parallelism and verified checksums. */








const DEFAULT_PART_SIZE = 16 * 1024 * 1024;
/**
 * Files up to this size are read once into memory, hashed and sent from that buffer: one open and
 * one read instead of a hashing pass plus a stream. Memory stays bounded by concurrency × this.
 */
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
    const progress = new Progress(plans, o.now ?? Date.now);
    const timer = setInterval(() => o.log.info(progress.line()), o.progressIntervalMs);
    timer.unref();
    const uploaded = [];
    const failed = [];
    try {
        await Promise.all(plans.map(async (plan) => {
            try {
                uploaded.push(await uploadOne(plan, o, limit, progress));
            }
            catch (error) {
                failed.push({ plan, message: describe(error, o.target) });
            }
            finally {
                progress.fileDone();
            }
        }));
    }
    finally {
        clearInterval(timer);
    }
    o.log.info(progress.line());
    return { uploaded, failed };
}
function describe(error, target) {
    return error instanceof FileChangedError ? error.message : (0,s3_errors/* describeS3Error */.ye)(error, target, 'write objects');
}
class FileChangedError extends Error {
}
async function uploadOne(plan, o, limit, progress) {
    const { file } = plan;
    const retry = (0,s3_errors/* s3Retry */.fY)(o.sleep, (e, attempt, ms) => o.log.info(`Retrying ${file.displayPath} (attempt ${attempt + 1}) in ${ms} ms after ${e.name}: ${e.message}`));
    const common = {
        Bucket: o.target.bucket,
        Key: plan.key,
        ContentType: plan.contentType,
        ContentDisposition: plan.contentDisposition,
    };
    if (file.size <= SMALL_FILE_BYTES) {
        // What is sent is exactly what was hashed, so a file rewritten meanwhile cannot mismatch its checksum.
        const bytes = await limit(() => (0,promises_.readFile)(file.absolutePath)).catch((e) => {
            throw new FileChangedError(`${file.displayPath} disappeared before it was uploaded (${e.message}); is another step deleting it?`);
        });
        if (bytes.length > SMALL_FILE_BYTES)
            throw changed(file);
        const digest = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest();
        await limit(() => (0,util_retry/* withRetry */.bD)(() => o.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
            ...common,
            Metadata: { sha256: digest.toString('hex') },
            Body: bytes,
            ContentLength: bytes.length,
            ChecksumSHA256: digest.toString('base64'),
        })), retry));
        progress.addBytes(bytes.length);
        return { plan, sha256: digest.toString('hex'), size: bytes.length };
    }
    const before = await statOrExplain(file.absolutePath);
    const partSize = Math.max(o.partSize, Math.ceil(before.size / MAX_PARTS));
    const digest = await limit(() => hashFile(file.absolutePath, partSize));
    if (digest.size !== before.size)
        throw changed(file);
    const metadata = { Metadata: { sha256: digest.sha256 } };
    if (before.size <= partSize) {
        await limit(() => (0,util_retry/* withRetry */.bD)(() => o.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
            ...common,
            ...metadata,
            Body: body(file.absolutePath, 0, before.size, progress),
            ContentLength: before.size,
            ChecksumSHA256: digest.parts[0],
        })), retry));
    }
    else if (await limit(() => isSame(o, plan, digest.sha256, before.size))) {
        progress.addBytes(before.size);
    }
    else {
        const { UploadId } = await limit(() => (0,util_retry/* withRetry */.bD)(() => o.client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ ...common, ...metadata, ChecksumAlgorithm: 'SHA256' })), retry));
        try {
            const parts = await Promise.all(digest.parts.map((checksum, i) => {
                const start = i * partSize;
                const length = Math.min(partSize, before.size - start);
                return limit(() => (0,util_retry/* withRetry */.bD)(async () => {
                    const r = await o.client.send(new dist_cjs/* UploadPartCommand */.iVK({
                        Bucket: common.Bucket,
                        Key: common.Key,
                        UploadId,
                        PartNumber: i + 1,
                        Body: body(file.absolutePath, start, length, progress),
                        ContentLength: length,
                        ChecksumSHA256: checksum,
                    }));
                    return { ETag: r.ETag, PartNumber: i + 1, ChecksumSHA256: checksum };
                }, retry));
            }));
            await limit(() => (0,util_retry/* withRetry */.bD)(async (attempt) => {
                try {
                    await o.client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket: common.Bucket, Key: common.Key, UploadId, MultipartUpload: { Parts: parts } }));
                }
                catch (error) {
                    // A retry after a lost response finds the upload already completed (NoSuchUpload / 404):
                    // the object is there if it holds our bytes.
                    if (attempt > 1 && (await isSame(o, plan, digest.sha256, before.size)))
                        return;
                    throw error;
                }
            }, retry));
        }
        catch (error) {
            await o.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: common.Bucket, Key: common.Key, UploadId })).catch(() => undefined);
            throw error;
        }
    }
    const after = await statOrExplain(file.absolutePath);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs)
        throw changed(file);
    return { plan, sha256: digest.sha256, size: before.size };
}
/** A re-run of the same job skips large files whose object already holds the same bytes and headers. */
async function isSame(o, plan, sha256, size) {
    const head = await o.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: o.target.bucket, Key: plan.key })).catch(() => undefined);
    return (head?.Metadata?.sha256 === sha256 &&
        head.ContentLength === size &&
        head.ContentType === plan.contentType &&
        head.ContentDisposition === plan.contentDisposition);
}
async function statOrExplain(p) {
    try {
        return await (0,promises_.stat)(p);
    }
    catch (error) {
        throw new FileChangedError(`${p} disappeared before it was uploaded (${error.message}); is another step deleting it?`);
    }
}
function changed(file) {
    return new FileChangedError(`${file.displayPath} changed while it was being uploaded; upload artifacts after the step that writes them has finished.`);
}
function body(p, start, length, progress) {
    if (length === 0)
        return external_node_stream_.Readable.from([]);
    const stream = (0,external_node_fs_.createReadStream)(p, { start, end: start + length - 1, highWaterMark: 256 * 1024 });
    stream.on('data', (chunk) => progress.addBytes(chunk.length));
    return stream;
}
/** Files done, bytes sent and rate, for the periodic progress line. */
class Progress {
    plans;
    now;
    files = 0;
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
    addBytes(n) {
        this.bytes += n;
    }
    line() {
        const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
        return `Uploaded ${this.files}/${this.plans.length} files, ${mib(this.bytes)} of ${mib(this.totalBytes)} MiB (${mib(this.bytes / seconds)} MiB/s)`;
    }
}
function mib(n) {
    return (n / 1024 / 1024).toFixed(1);
}

// EXTERNAL MODULE: ../../main/node_modules/mime-types/index.js
var mime_types = __webpack_require__(5402);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/links/uri.ts
var uri = __webpack_require__(1436);
;// CONCATENATED MODULE: ./src/links/disposition.ts
/** Content-Type and Content-Disposition of uploaded objects. */



/** Content-Type from the file extension, with a charset for text; `application/octet-stream` if unknown. */
function contentTypeFor(filePath) {
    return (external_node_path_default().extname(filePath) && (0,mime_types.contentType)(external_node_path_default().extname(filePath))) || 'application/octet-stream';
}
/** What browsers display rather than download: images, PDF, text (incl. HTML), JSON, audio and video. */
function isBrowserViewable(contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    return /^(image|text|audio|video)\//.test(type) || type === 'application/pdf' || type === 'application/json' || type.endsWith('+json');
}
/**
 * RFC 6266 Content-Disposition value: an ASCII `filename` fallback plus `filename*=UTF-8''…` (RFC 8187)
 * when the name is not plain ASCII.
 */
function contentDisposition(fileName, mode, contentType) {
    const type = mode === 'auto' ? (isBrowserViewable(contentType) ? 'inline' : 'attachment') : mode;
    const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
    const header = `${type}; filename="${fallback}"`;
    return fallback === fileName ? header : `${header}; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
/**
 * RFC 8187 value-chars: RFC 3986 percent-encoding, with `!` (an attr-char) left as is. Every `%` in
 * uriEncode's output starts an escape, so `%21` can only be an encoded `!`.
 */
function encodeRfc8187(value) {
    return (0,uri/* uriEncode */.H)(value).replaceAll('%21', '!');
}

// EXTERNAL MODULE: ./src/links/keys.ts
var keys = __webpack_require__(5212);
// EXTERNAL MODULE: ./src/links/section.ts
var links_section = __webpack_require__(4965);
// EXTERNAL MODULE: ./src/links/stored-manifest.ts
var stored_manifest = __webpack_require__(9785);
// EXTERNAL MODULE: ./src/publish/links.ts + 2 modules
var links = __webpack_require__(4177);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6934);
// EXTERNAL MODULE: ../../main/node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(2611);
;// CONCATENATED MODULE: ./src/modes/find-files.ts
/** The first step of mode upload: find the artifacts. Glob semantics follow actions/upload-artifact. */



/**
 * Finds the files matched by `patterns` (one glob per entry, `!` to exclude; directories match
 * their contents). Symbolic links that resolve outside `workspace` are refused: on a PR branch they
 * would publish files from the runner (credentials, caches) to whoever gets the link.
 */
async function findFiles(patterns, workspace) {
    const globber = await glob/* create */.v(patterns.join('\n'), { matchDirectories: false, implicitDescendants: true });
    const searchPaths = globber.getSearchPaths();
    if (searchPaths.length === 0)
        return []; // only exclusions: nothing can match
    const matches = [...new Set(await globber.glob())].sort();
    const root = await commonRoot(searchPaths, isFile);
    const workspaceReal = await (0,promises_.realpath)(workspace);
    const escaping = [];
    const found = await Promise.all(matches.map(async (absolutePath) => {
        const [real, info] = await Promise.all([(0,promises_.realpath)(absolutePath), (0,promises_.stat)(absolutePath)]);
        if (real !== absolutePath && !isInside(real, workspaceReal)) {
            escaping.push(`${absolutePath} -> ${real}`);
            return undefined;
        }
        if (!info.isFile())
            return undefined;
        return {
            absolutePath,
            relativePath: toPosix(external_node_path_default().relative(root, absolutePath)),
            displayPath: toPosix(isInside(absolutePath, workspace) ? external_node_path_default().relative(workspace, absolutePath) : absolutePath),
            size: info.size,
        };
    }));
    const files = found.filter((f) => f !== undefined);
    if (escaping.length > 0) {
        throw new Error(`Refusing to upload symbolic links that point outside the workspace (${workspace}): ${escaping.sort().join(', ')}. ` +
            `Copy the files into the workspace, or exclude the links in 'path' with a ! pattern.`);
    }
    return files;
}
async function isFile(p) {
    return (0,promises_.stat)(p).then((s) => s.isFile(), () => false);
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
function toPosix(p) {
    return p.split((external_node_path_default()).sep).join('/');
}

// EXTERNAL MODULE: ./src/modes/setup.ts + 5 modules
var setup = __webpack_require__(4224);
// EXTERNAL MODULE: ./src/modes/sign.ts + 2 modules
var sign = __webpack_require__(5755);
;// CONCATENATED MODULE: ./src/modes/upload.ts
/** mode: upload — find the files, upload them, sign their links and publish them. */












const PROGRESS_INTERVAL_MS = 5_000;
async function upload(d) {
    const { inputs, ctx, log, clock } = d;
    const source = (0,links_section/* sectionSource */.vr)(inputs.section, ctx, inputs.matrix);
    const section = (0,links_section/* sectionOf */.ZE)(source);
    const prefix = (0,keys/* renderKeyPrefix */.s9)(inputs.keyPrefix, { ...ctx, section: section.id });
    // Where the manifest goes, for refresh and cleanup; nowhere when a later run could not find it.
    const scope = (0,keys/* findableScope */.ex)(inputs.keyPrefix, { ...ctx, section: '' });
    if ('problem' in scope) {
        if (scope.runSpecific)
            log.warning(scope.problem);
        else
            log.info(scope.problem);
    }
    const files = await findFiles(inputs.patterns, d.env.workspace);
    if (files.length === 0)
        return reportNoFiles(inputs, section.id, d.env.runnerTemp, log);
    const plans = planUploads(files, prefix, inputs.contentDisposition);
    const { target, signer, client } = await (0,setup/* openStore */.Ch)(d);
    log.info(`Uploading ${files.length} files (${files.reduce((n, f) => n + f.size, 0)} bytes) to ${inputs.bucket}/${prefix}/`);
    const { uploaded, failed } = await uploadAll(plans, {
        client,
        target,
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
    if (stored.length > 0 && 'scope' in scope) {
        // For mode: refresh and cleanup. Losing it costs only those, not the links: warn rather than fail.
        const key = (0,stored_manifest/* manifestKey */.Rn)(scope.scope, section.id);
        const manifest = {
            version: stored_manifest/* MANIFEST_VERSION */.hh,
            source,
            section,
            prefix,
            sha: ctx.sha,
            runUrl: ctx.runUrl,
            uploadedAt: clock().toISOString(),
            files: stored,
        };
        await (0,bucket/* putJson */.gl)(client, target, key, manifest).catch((e) => log.warning(`Could not store ${key} (mode: refresh and cleanup will not find this upload): ${e.message}`));
    }
    client.destroy();
    const failures = failed.map((f) => ({ path: f.plan.file.displayPath, message: f.message }));
    const { entries, lifetime, report } = (0,sign/* presignFiles */.Y)(stored, { target, signer, requestedSeconds: inputs.expiresInSeconds, log, clock }, failures);
    const data = {
        id: section.id,
        title: section.title,
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        updatedAt: clock().toISOString(),
        expiresAt: lifetime.expiresAt.toISOString(),
        files: entries,
        note: (0,links_section/* sectionNote */.wZ)(signer, failed.length > 0 ? `${failed.length} files failed to upload and have no link; see the job log.` : undefined),
    };
    await (0,links/* publishLinks */.b)(d.publish, report, entries.length > 0 ? [data] : [], section.id);
    if (failed.length > 0) {
        throw new Error(`${failed.length} of ${files.length} files were not uploaded, and have no link:\n` +
            failures.map((f) => `  ${f.path}: ${f.message}`).join('\n'));
    }
}
/**
 * Every file's key and headers. The whole plan is checked before anything is uploaded: a problem with
 * any key fails the step, naming the files, and nothing is uploaded.
 */
function planUploads(files, prefix, disposition) {
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
        const contentType = contentTypeFor(file.absolutePath);
        const name = file.relativePath.split('/').pop() ?? file.relativePath;
        return { file, key, contentType, contentDisposition: contentDisposition(name, disposition, contentType) };
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
