export const id = 795;
export const ids = [795];
export const modules = {

/***/ 8795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  upload: () => (/* binding */ upload)
});

// EXTERNAL MODULE: ./src/aws/bucket.ts
var bucket = __webpack_require__(7275);
// EXTERNAL MODULE: ./src/aws/s3-errors.ts
var s3_errors = __webpack_require__(3087);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(9906);
// EXTERNAL MODULE: ./src/util/retry.ts
var util_retry = __webpack_require__(4266);
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
        // One file per worker: a file is read, hashed and sent before its worker takes the next one, so
        // at most `concurrency` small files sit in memory, and per-file state does not pile up in a
        // promise per file. Parts of large files still share the request slots with the other workers.
        await (0,util_retry/* forEachLimited */.vP)(plans, o.concurrency, async (plan) => {
            try {
                uploaded.push(await uploadOne(plan, o, limit, progress));
                progress.fileDone();
            }
            catch (error) {
                const dead = (0,s3_errors/* deadCredentialsCause */.Q)(error);
                failed.push({ plan, message: describe(error, o.target), ...(dead ? { deadCredentials: dead } : {}) });
                progress.fileFailed();
            }
        });
    }
    finally {
        clearInterval(timer);
    }
    o.log.info(progress.line());
    return { uploaded, failed };
}
function describe(error, target) {
    return error instanceof LocalFileError ? error.message : (0,s3_errors/* describeS3Error */.ye)(error, target, 'write objects');
}
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
            throw unreadable(file.displayPath, e);
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
    const before = await statOrExplain(file);
    const partSize = Math.max(o.partSize, Math.ceil(before.size / MAX_PARTS));
    const digest = await limit(() => hashFile(file.absolutePath, partSize)).catch((e) => {
        throw unreadable(file.displayPath, e);
    });
    if (digest.size !== before.size)
        throw changed(file);
    const metadata = { Metadata: { sha256: digest.sha256 } };
    if (before.size <= partSize) {
        await limit(() => (0,util_retry/* withRetry */.bD)(() => o.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
            ...common,
            ...metadata,
            Body: body(file.absolutePath, 0, before.size),
            ContentLength: before.size,
            ChecksumSHA256: digest.parts[0],
        })), retry));
        progress.addBytes(before.size);
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
                        Body: body(file.absolutePath, start, length),
                        ContentLength: length,
                        ChecksumSHA256: checksum,
                    }));
                    progress.addBytes(length);
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
    const after = await statOrExplain(file);
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
async function statOrExplain(file) {
    try {
        return await (0,promises_.stat)(file.absolutePath);
    }
    catch (error) {
        throw unreadable(file.displayPath, error);
    }
}
function changed(file) {
    return new LocalFileError(`${file.displayPath} changed while it was being uploaded; upload artifacts after the step that writes them has finished.`);
}
function body(p, start, length) {
    if (length === 0)
        return external_node_stream_.Readable.from([]);
    return (0,external_node_fs_.createReadStream)(p, { start, end: start + length - 1, highWaterMark: 256 * 1024 });
}
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

// EXTERNAL MODULE: ./src/links/disposition.ts
var links_disposition = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/links/keys.ts
var keys = __webpack_require__(9673);
// EXTERNAL MODULE: ./src/links/section.ts
var links_section = __webpack_require__(4546);
// EXTERNAL MODULE: ./src/links/stored-manifest.ts
var stored_manifest = __webpack_require__(6362);
// EXTERNAL MODULE: ./src/publish/links.ts
var publish_links = __webpack_require__(722);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(6689);
// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(2377);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/modes/find-files.ts
/** The first step of mode upload: find the artifacts. Glob semantics follow actions/upload-artifact. */




const FS_CHECKS_IN_FLIGHT = 32;
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
    // @actions/glob reads names as UTF-8 text: one that is not valid UTF-8 comes back with U+FFFD in it, a
    // path that does not exist, and is left out without a word. Say so instead.
    const notUtf8 = (await Promise.all(searchPaths.map((p) => namesNotUtf8(p)))).flat();
    if (notUtf8.length > 0) {
        const shown = notUtf8.map((p) => (isInside(p, workspace) ? toPosix(external_node_path_default().relative(workspace, p)) : p));
        throw new Error(`File names that are not valid UTF-8 (each such byte shown as \uFFFD): ${shown.sort().join(', ')}. Object keys and links are UTF-8, so these cannot be uploaded under their names: rename them to UTF-8 (e.g. with convmv), or move them out of ${[...new Set(searchPaths.map((p) => (isInside(p, workspace) ? toPosix(external_node_path_default().relative(workspace, p)) || '.' : p)))].join(', ')}.`);
    }
    const root = await commonRoot(searchPaths, isFile);
    const workspaceReal = await (0,promises_.realpath)(workspace);
    const escaping = [];
    const found = new Array(matches.length);
    // A few dozen checks at a time: the file system answers no faster with 20,000 in flight, and each costs memory.
    await (0,util_retry/* forEachLimited */.vP)(matches, FS_CHECKS_IN_FLIGHT, async (absolutePath, i) => {
        const [real, info] = await Promise.all([(0,promises_.realpath)(absolutePath), (0,promises_.stat)(absolutePath)]);
        if (real !== absolutePath && !isInside(real, workspaceReal)) {
            escaping.push(`${absolutePath} -> ${real}`);
            return;
        }
        if (!info.isFile())
            return;
        found[i] = {
            absolutePath,
            relativePath: toPosix(external_node_path_default().relative(root, absolutePath)),
            displayPath: toPosix(isInside(absolutePath, workspace) ? external_node_path_default().relative(workspace, absolutePath) : absolutePath),
            size: info.size,
        };
    });
    const files = found.filter((f) => f !== undefined);
    if (escaping.length > 0) {
        throw new Error(`Refusing to upload symbolic links that point outside the workspace (${workspace}): ${escaping.sort().join(', ')}. ` +
            `Copy the files into the workspace, or exclude the links in 'path' with a ! pattern.`);
    }
    return files;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
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
                utf8.decode(entry.name);
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

// EXTERNAL MODULE: ./src/modes/setup.ts + 4 modules
var setup = __webpack_require__(4360);
// EXTERNAL MODULE: ./src/modes/sign.ts + 1 modules
var modes_sign = __webpack_require__(4818);
// EXTERNAL MODULE: ./src/modes/sites.ts + 5 modules
var modes_sites = __webpack_require__(5599);
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
    // Known before anything is uploaded: which folders become sites, and no user file takes a generated name.
    const folders = (0,modes_sites/* planSites */.ws)(files, inputs.browse, log);
    const { target, links, client } = await (0,setup/* openStore */.Ch)(d);
    log.info(`Uploading ${(0,util_log/* plural */.LS)(files.length, 'file')} (${files.reduce((n, f) => n + f.size, 0)} bytes) to ${inputs.bucket}/${prefix}/`);
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
    const failures = failed.map((f) => ({ path: f.plan.file.displayPath, message: f.message }));
    const dead = failed.find((f) => f.deadCredentials);
    if (dead?.deadCredentials) {
        client.destroy();
        throw new Error(`${(0,s3_errors/* deadCredentialsMessage */.i3)(dead.deadCredentials, `the upload of ${dead.plan.file.displayPath}`, target)}\n` +
            `Files the store refused:\n${failures.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`);
    }
    if (stored.length > 0 && 'scope' in scope) {
        // For mode: refresh and cleanup. Losing it costs only those, not the links: warn rather than fail,
        // unless the store said the credentials are dead (then no link works).
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
            sites: folders,
        };
        try {
            await (0,bucket/* putJson */.gl)(client, target, key, manifest);
        }
        catch (error) {
            const cause = (0,s3_errors/* deadCredentialsCause */.Q)(error);
            if (cause) {
                client.destroy();
                throw new Error((0,s3_errors/* deadCredentialsMessage */.i3)(cause, `the write of ${key}`, target), { cause: error });
            }
            log.warning(`Could not store ${key} (mode: refresh and cleanup will not find this upload): ${(0,util_log/* errorMessage */.gJ)(error)}`);
        }
    }
    const { entries, lifetime, report, sign } = (0,modes_sign/* presignFiles */.Ys)(stored, { signer: links, requestedSeconds: inputs.expiresInSeconds, log, clock }, failures);
    // Nothing is published unless a link is known to work.
    await (0,modes_sign/* proveLinks */.K1)(links, entries, log).catch((error) => {
        client.destroy();
        throw error;
    });
    const note = (0,links_section/* sectionNote */.wZ)(links, report.about, failed.length > 0
        ? `${(0,util_log/* plural */.LS)(failed.length, 'file')} failed to upload and ${failed.length === 1 ? 'has' : 'have'} no link; see the job log.`
        : undefined);
    // The sites and the share page hold links, so they are built once the links are signed.
    let sites;
    if (entries.length > 0) {
        sites = await (0,modes_sites/* publishSites */.w3)({
            client,
            target,
            prefix,
            folders,
            entries,
            sign,
            expiresAt: lifetime.expiresAt,
            section: { title: section.title, sha: ctx.sha, runUrl: ctx.runUrl, note },
            log,
        }).catch((e) => {
            log.warning(`Could not upload the sites and the share page (the file links work): ${e.message}`);
            return undefined;
        });
    }
    client.destroy();
    (0,outputs/* setSiteOutputs */.kc)(sites?.sites ?? [], sites?.shareUrl ?? '');
    const data = {
        id: section.id,
        title: section.title,
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        updatedAt: clock().toISOString(),
        expiresAt: lifetime.expiresAt.toISOString(),
        files: entries,
        note,
        sites: sites?.sites,
        shareUrl: sites?.shareUrl,
        open: sites?.open,
    };
    await (0,publish_links/* publishLinks */.b)(d.publish, report, entries.length > 0 ? [data] : [], section.id);
    if (failed.length > 0)
        throw new Error(notUploaded(failures, files.length));
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
        const contentType = (0,links_disposition/* contentTypeFor */.Zy)(file.absolutePath);
        const name = file.relativePath.split('/').pop() ?? file.relativePath;
        return { file, key, contentType, contentDisposition: (0,links_disposition/* contentDisposition */.HJ)(name, disposition, contentType) };
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
