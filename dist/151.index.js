export const id = 151;
export const ids = [151];
export const modules = {

/***/ 5151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EVERY_PULL_EVENTS: () => (/* binding */ EVERY_PULL_EVENTS),
/* harmony export */   refresh: () => (/* binding */ refresh)
/* harmony export */ });
/* harmony import */ var _config_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(577);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9673);
/* harmony import */ var _publish_comment_records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8849);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8499);
/* harmony import */ var _publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6689);
/* harmony import */ var _steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4311);
/* harmony import */ var _steps_renew_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1014);
/* harmony import */ var _steps_setup_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1599);
/* harmony import */ var _steps_sign_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6209);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9906);
/**
 * mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild.
 * On a schedule or a manual run without `pr-number`: every open pull request (refresh-all.ts).
 */










/** Events on which `mode: refresh` without `pr-number` renews every open pull request. */
const EVERY_PULL_EVENTS = ['schedule', 'workflow_dispatch'];
async function refresh(deps) {
    const { inputs, ctx, log, clock } = deps;
    if (inputs.prNumber === undefined && EVERY_PULL_EVENTS.includes(ctx.eventName)) {
        return (await __webpack_require__.e(/* import() */ 25).then(__webpack_require__.bind(__webpack_require__, 4025))).refreshOpenPulls(deps);
    }
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, signer, client } = await (0,_steps_setup_js__WEBPACK_IMPORTED_MODULE_7__/* .openStore */ .Ch)(deps);
    try {
        const found = await (0,_steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_5__/* .findUploads */ .K)(client, target, scope, (0,_config_context_js__WEBPACK_IMPORTED_MODULE_0__/* .runsUrl */ .gL)(ctx), log);
        if (found.manifests.length === 0) {
            log.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
            return;
        }
        if (found.missing.length > 0)
            log.warning((0,_steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_5__/* .goneWarning */ .S)(found.missing));
        const { entries, lifetime, report, sign } = await (0,_steps_sign_js__WEBPACK_IMPORTED_MODULE_8__/* .presignFiles */ .Ys)(found.files, {
            signer,
            requestedSeconds: inputs.expiresInSeconds,
            log,
            clock,
        });
        await (0,_steps_sign_js__WEBPACK_IMPORTED_MODULE_8__/* .proveLinks */ .K1)(signer, entries, log);
        const updatedAt = clock().toISOString();
        const sites = await (0,_steps_renew_js__WEBPACK_IMPORTED_MODULE_6__/* .renewSites */ .k)({
            client,
            target,
            uploads: found,
            entries,
            sign,
            lifetime,
            updatedAt,
            signer,
            about: report.about,
            linkSigner: inputs.linkSigner,
            log,
        });
        const sections = (0,_steps_renew_js__WEBPACK_IMPORTED_MODULE_6__/* .renewedSections */ .d)(found.manifests, entries, lifetime, updatedAt, signer, report.about, sites);
        // One share page per section: the output names it when there is one.
        const shareUrls = [...sites.values()].map((s) => s.shareUrl);
        (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setSiteOutputs */ .kc)([...sites.values()].flatMap((s) => s.sites), shareUrls.length === 1 ? shareUrls[0] : '');
        log.info(`Renewed ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_9__/* .plural */ .LS)(entries.length, 'link')} in ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_9__/* .plural */ .LS)(sections.length, 'section')} under ${inputs.bucket}/${scope}/.`);
        const records = (0,_publish_comment_records_js__WEBPACK_IMPORTED_MODULE_2__/* .bucketRecords */ .H)(client, target, scope, deps.publish.comment.marker, log);
        await (0,_publish_links_js__WEBPACK_IMPORTED_MODULE_3__/* .publishLinks */ .b)({ ...deps.publish, records }, report, sections, 'refresh');
    }
    finally {
        client.destroy();
    }
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


/***/ }),

/***/ 1014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ renewedSections),
/* harmony export */   k: () => (/* binding */ renewSites)
/* harmony export */ });
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4546);
/* harmony import */ var _sites_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9461);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3945);



/** The comment sections of renewed uploads, with the new links (`entries` may hold other uploads' too). */
function renewedSections(manifests, entries, lifetime, updatedAt, signer, about, sites) {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const note = renewedNote(updatedAt, signer, about);
    return manifests.map((m) => ({
        sites: sites?.get(m)?.sites,
        shareUrl: sites?.get(m)?.shareUrl,
        open: sites?.get(m)?.open,
        qr: sites?.get(m)?.qr,
        base: m.base,
        id: m.section.id,
        title: m.section.title,
        sha: m.sha,
        runUrl: m.runUrl,
        updatedAt,
        expiresAt: lifetime.expiresAt.toISOString(),
        files: m.files.flatMap((f) => byKey.get(f.key) ?? []),
        note: note(m),
        ...(m.untrusted ? { untrusted: true } : {}),
    }));
}
/** A renewed section's note: its fork's restriction, as the upload said it, then the renewal. */
function renewedNote(updatedAt, signer, about) {
    const renewed = `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`;
    return (m) => (0,_links_section_js__WEBPACK_IMPORTED_MODULE_0__/* .sectionNote */ .wZ)(signer, m.untrusted && (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_2__/* .untrustedNote */ .Zq)(m.untrusted.fork), renewed, about);
}
/**
 * Sites and share pages hold links, so a refresh rebuilds them with the new ones (same keys, new
 * contents). A section that cannot be rebuilt keeps its file links, with a warning. On an origin
 * every bucket shares, no site is rebuilt (the share page is), with a warning.
 */
async function renewSites(options) {
    const byKey = new Map(options.entries.map((e) => [e.key, e]));
    const shared = (0,_sites_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedOriginProblem */ .JI)(options.target, options.linkSigner);
    if (shared && options.uploads.manifests.some((m) => (m.sites ?? []).length > 0)) {
        options.log.warning(`The sites were not rebuilt (their files' links are renewed): ${shared}.`);
    }
    const note = renewedNote(options.updatedAt, options.signer, options.about);
    const out = new Map();
    for (const m of options.uploads.manifests) {
        const entries = m.files.flatMap((f) => byKey.get(f.key) ?? []);
        if (entries.length === 0)
            continue;
        const sites = await (0,_sites_js__WEBPACK_IMPORTED_MODULE_1__/* .publishSites */ .w3)({
            client: options.client,
            target: options.target,
            prefix: m.prefix,
            // A fork's restricted files never get sites (the upload made none; a manifest cannot add one).
            folders: shared || m.untrusted ? [] : (m.sites ?? []),
            entries,
            sign: options.sign,
            expiresAt: options.lifetime.expiresAt,
            section: { title: m.section.title, sha: m.sha, runUrl: m.runUrl, note: note(m) },
            untrusted: m.untrusted !== undefined,
            log: options.log,
        }).catch((e) => {
            options.log.warning(`Could not rebuild the sites and the share page of ${m.section.title} (the file links are renewed): ${e.message}`);
            return undefined;
        });
        if (sites)
            out.set(m, sites);
    }
    return out;
}


/***/ })

};
