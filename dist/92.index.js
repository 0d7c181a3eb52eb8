export const id = 92;
export const ids = [92];
export const modules = {

/***/ 92:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup),
/* harmony export */   removedSections: () => (/* binding */ removedSections)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7275);
/* harmony import */ var _config_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(577);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9673);
/* harmony import */ var _publish_comment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2827);
/* harmony import */ var _publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6689);
/* harmony import */ var _render_markers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6327);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9906);
/* harmony import */ var _sites_names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5888);
/* harmony import */ var _steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4311);
/* harmony import */ var _steps_setup_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1599);
/**
 * mode: cleanup — delete this PR's objects and mark the sections whose objects are gone as removed.
 * Idempotent. It never claims a removal it did not make: it lists the scope again after deleting,
 * and marks only the sections whose stored manifest it found and whose every object is gone.
 */










async function cleanup(deps) {
    const { inputs, ctx, log, clock } = deps;
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, client } = await (0,_steps_setup_js__WEBPACK_IMPORTED_MODULE_9__/* .openStore */ .Ch)(deps);
    let left;
    let keys;
    let manifests;
    let deleteError;
    try {
        ({ keys, manifests } = await (0,_steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_8__/* .findUploads */ .K)(client, target, scope, (0,_config_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runsUrl */ .gL)(ctx), log, 'warn'));
        if (keys.length === 0) {
            (0,_util_log_js__WEBPACK_IMPORTED_MODULE_6__/* .notice */ .lm)(log, `Nothing to delete under ${inputs.bucket}/${scope}/: already cleaned up.`);
            (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setCount */ .cU)(0);
            return;
        }
        await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .deleteKeys */ .IO)(client, target, keys).catch((e) => (deleteError = e));
        // Deleted means gone from a fresh listing, whatever DeleteObjects answered.
        left = new Set(await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope));
    }
    finally {
        client.destroy();
    }
    const remaining = keys.filter((k) => left.has(k));
    const deleted = keys.filter((k) => !left.has(k));
    // Artifacts, not the action's own objects (manifests, sites' generated objects, share pages).
    const artifacts = deleted.filter((k) => !(0,_links_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .isReservedKey */ .IN)(k)).length;
    (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setCount */ .cU)(artifacts);
    log.info(`Deleted ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .LS)(artifacts, 'artifact')} under ${inputs.bucket}/${scope}/.`);
    // A section is removed when none of its objects is left (not even one uploaded since the listing):
    // its files, and its sites' and share page's generated objects, which hold links too.
    const removed = manifests
        .filter((m) => [...m.files.map((f) => f.key), ...(0,_sites_names_js__WEBPACK_IMPORTED_MODULE_7__/* .generatedKeys */ .q$)(m.prefix, m.sites ?? [])].every((k) => !left.has(k)))
        .map((m) => m.section.id);
    if (removed.length > 0) {
        const updatedAt = clock().toISOString();
        await (0,_publish_comment_js__WEBPACK_IMPORTED_MODULE_3__/* .publishComment */ .p)(deps.publish, (body) => (body ? removedSections(body, new Set(removed), updatedAt) : []));
    }
    if (remaining.length > 0) {
        throw new Error(`${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .LS)(remaining.length, 'object')} under ${inputs.bucket}/${scope}/ could not be deleted and still serve their links, ` +
            `e.g. ${[...remaining.filter((k) => !(0,_links_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .isReservedKey */ .IN)(k)), ...remaining.filter(_links_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .isReservedKey */ .IN)] // artifacts first
                .slice(0, 5)
                .map((k) => JSON.stringify(k))
                .join(', ')}${deleteError ? ` (${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(deleteError)})` : ''}. ` +
            `Check that the credentials may s3:DeleteObject there, then run mode: cleanup again.`);
    }
}
/** The sections `ids` of the comment that still show links, re-rendered as removed. Pure. */
function removedSections(body, ids, updatedAt) {
    return [...(0,_render_markers_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSections */ .MJ)(body).values()].flatMap(({ meta }) => meta && !meta.removed && ids.has(meta.id)
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


/***/ }),

/***/ 4311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ findUploads),
/* harmony export */   S: () => (/* binding */ goneWarning)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7275);
/* harmony import */ var _links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6362);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9906);



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
            log.warning(`Could not read ${key}, so its section is not marked removed: ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
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
    const present = new Set(keys);
    const all = manifests.flatMap((m) => m.files);
    return { keys, manifests, files: all.filter((f) => present.has(f.key)), missing: all.filter((f) => !present.has(f.key)) };
}
/** "3 files of the earlier upload are gone from the bucket and get no link, e.g. …". */
function goneWarning(missing, where = '') {
    const one = missing.length === 1;
    return `${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(missing.length, 'file')} of the earlier upload${where} ${one ? 'is' : 'are'} gone from the bucket and get${one ? 's' : ''} no link, e.g. ${missing[0].path}.`;
}


/***/ })

};
