export const id = 411;
export const ids = [411];
export const modules = {

/***/ 4792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EVERY_PULL_EVENTS: () => (/* binding */ EVERY_PULL_EVENTS),
/* harmony export */   findUploads: () => (/* binding */ findUploads),
/* harmony export */   goneWarning: () => (/* binding */ goneWarning),
/* harmony export */   refresh: () => (/* binding */ refresh),
/* harmony export */   renewSites: () => (/* binding */ renewSites),
/* harmony export */   renewedSections: () => (/* binding */ renewedSections)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4538);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5212);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4965);
/* harmony import */ var _links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9785);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4501);
/* harmony import */ var _publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6934);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9751);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8954);
/* harmony import */ var _sites_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3519);










/** Events on which `mode: refresh` without `pr-number` renews every open pull request. */
const EVERY_PULL_EVENTS = ['schedule', 'workflow_dispatch'];
async function refresh(d) {
    const { inputs, ctx, log, clock } = d;
    if (inputs.prNumber === undefined && EVERY_PULL_EVENTS.includes(ctx.eventName)) {
        return (await __webpack_require__.e(/* import() */ 339).then(__webpack_require__.bind(__webpack_require__, 9339))).refreshOpenPulls(d);
    }
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, links, client } = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_6__/* .openStore */ .Ch)(d);
    try {
        const found = await findUploads(client, target, scope);
        if (!found) {
            log.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
            return;
        }
        if (found.missing.length > 0)
            log.warning(goneWarning(found.missing));
        const { entries, lifetime, report, sign } = (0,_sign_js__WEBPACK_IMPORTED_MODULE_7__/* .presignFiles */ .Ys)(found.files, {
            signer: links,
            requestedSeconds: inputs.expiresInSeconds,
            log,
            clock,
        });
        await (0,_sign_js__WEBPACK_IMPORTED_MODULE_7__/* .proveLinks */ .K1)(links, entries, log);
        const updatedAt = clock().toISOString();
        const sites = await renewSites({
            client,
            target,
            uploads: found,
            entries,
            sign,
            lifetime,
            updatedAt,
            signer: links,
            about: report.about,
            log,
        });
        const sections = renewedSections(found.manifests, entries, lifetime, updatedAt, links, report.about, sites);
        // One share page per section: the output names it when there is one.
        const shareUrls = [...sites.values()].map((s) => s.shareUrl);
        (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setSiteOutputs */ .kc)([...sites.values()].flatMap((s) => s.sites), shareUrls.length === 1 ? shareUrls[0] : '');
        log.info(`Renewed ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(entries.length, 'link')} in ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(sections.length, 'section')} under ${inputs.bucket}/${scope}/.`);
        await (0,_publish_links_js__WEBPACK_IMPORTED_MODULE_3__/* .publishLinks */ .b)(d.publish, report, sections, 'refresh');
    }
    finally {
        client.destroy();
    }
}
/** The uploads under `scope/`, or undefined when there are none. */
async function findUploads(client, target, scope) {
    const keys = await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope);
    const manifestKeys = keys.filter(_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .isManifestKey */ .LU);
    if (manifestKeys.length === 0)
        return undefined;
    const prefixes = new Map();
    const manifests = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .latestPerSection */ .C8)(await Promise.all(manifestKeys.map(async (k) => {
        const m = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .parseStoredManifest */ .Cn)(await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .getText */ .q4)(client, target, k), k);
        prefixes.set(m, k.slice(0, -_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_NAME */ .ir.length).replace(/\/$/, ''));
        return m;
    })));
    const present = new Set(keys);
    const all = manifests.flatMap((m) => m.files);
    return { manifests, files: all.filter((f) => present.has(f.key)), missing: all.filter((f) => !present.has(f.key)), prefixes };
}
function goneWarning(missing, where = '') {
    const one = missing.length === 1;
    return `${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(missing.length, 'file')} of the earlier upload${where} ${one ? 'is' : 'are'} gone from the bucket and get${one ? 's' : ''} no link, e.g. ${missing[0].path}.`;
}
/** The comment sections of renewed uploads, with the new links (`entries` may hold other uploads' too). */
function renewedSections(manifests, entries, lifetime, updatedAt, signer, about, sites) {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    return manifests.map((m) => ({
        sites: sites?.get(m)?.sites,
        shareUrl: sites?.get(m)?.shareUrl,
        open: sites?.get(m)?.open,
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
/**
 * Sites and share pages hold links, so a refresh rebuilds them with the new ones (same keys, new
 * contents). A section that cannot be rebuilt keeps its file links, with a warning.
 */
async function renewSites(o) {
    const byKey = new Map(o.entries.map((e) => [e.key, e]));
    const note = (0,_links_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionNote */ .wZ)(o.signer, `Links renewed ${o.updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`, o.about);
    const out = new Map();
    for (const m of o.uploads.manifests) {
        const entries = m.files.flatMap((f) => byKey.get(f.key) ?? []);
        if (entries.length === 0)
            continue;
        const sites = await (0,_sites_js__WEBPACK_IMPORTED_MODULE_8__/* .publishSites */ .w3)({
            client: o.client,
            target: o.target,
            prefix: o.uploads.prefixes.get(m) ?? '',
            folders: m.sites ?? [],
            entries,
            sign: o.sign,
            expiresAt: o.lifetime.expiresAt,
            section: { title: m.section.title, sha: m.sha, runUrl: m.runUrl, note },
            log: o.log,
        }).catch((e) => {
            o.log.warning(`Could not rebuild the sites and the share page of ${m.section.title} (the file links are renewed): ${e.message}`);
            return undefined;
        });
        if (sites)
            out.set(m, sites);
    }
    return out;
}


/***/ })

};
