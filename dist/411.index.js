export const id = 411;
export const ids = [411];
export const modules = {

/***/ 4792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refresh: () => (/* binding */ refresh)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4538);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5212);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4965);
/* harmony import */ var _links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9785);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4177);
/* harmony import */ var _publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6934);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4224);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5755);
/* harmony import */ var _sites_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3519);
/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */









async function refresh(d) {
    const { inputs, ctx, log, clock } = d;
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, signer, client } = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_5__/* .openStore */ .Ch)(d);
    const keys = await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope);
    const manifestKeys = keys.filter(_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .isManifestKey */ .LU);
    if (manifestKeys.length === 0) {
        client.destroy();
        log.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
        return;
    }
    const prefixes = new Map();
    const parsed = await Promise.all(manifestKeys.map(async (k) => {
        const m = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .parseStoredManifest */ .Cn)(await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .getText */ .q4)(client, target, k), k);
        prefixes.set(m, k.slice(0, -_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .MANIFEST_NAME */ .ir.length).replace(/\/$/, ''));
        return m;
    }));
    const manifests = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .latestPerSection */ .C8)(parsed);
    // Only objects that still exist get a link (a lifecycle rule may have expired some).
    const present = new Set(keys);
    const files = manifests.flatMap((m) => m.files);
    const missing = files.filter((f) => !present.has(f.key));
    if (missing.length > 0)
        log.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
    const { entries, lifetime, report, sign } = (0,_sign_js__WEBPACK_IMPORTED_MODULE_6__/* .presignFiles */ .Y)(files.filter((f) => present.has(f.key)), { target, signer, requestedSeconds: inputs.expiresInSeconds, log, clock });
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const updatedAt = clock().toISOString();
    const note = (0,_links_section_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionNote */ .wZ)(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`);
    // Sites and share pages hold links, so they are rebuilt with the new ones (same keys, new contents).
    const sections = [];
    const allSites = [];
    const shareUrls = [];
    for (const m of manifests) {
        const files = m.files.flatMap((f) => byKey.get(f.key) ?? []);
        let sites;
        if (files.length > 0) {
            sites = await (0,_sites_js__WEBPACK_IMPORTED_MODULE_7__/* .publishSites */ .w3)({
                client,
                target,
                prefix: prefixes.get(m) ?? '',
                folders: m.sites ?? [],
                entries: files,
                sign,
                expiresAt: lifetime.expiresAt,
                section: { title: m.section.title, sha: m.sha, runUrl: m.runUrl, note },
                log,
            }).catch((e) => {
                log.warning(`Could not rebuild the sites and the share page of ${m.section.title} (the file links work): ${e.message}`);
                return undefined;
            });
        }
        if (sites) {
            allSites.push(...sites.sites);
            shareUrls.push(sites.shareUrl);
        }
        sections.push({
            id: m.section.id,
            title: m.section.title,
            sha: m.sha,
            runUrl: m.runUrl,
            updatedAt,
            expiresAt: lifetime.expiresAt.toISOString(),
            files,
            note,
            sites: sites?.sites,
            shareUrl: sites?.shareUrl,
            open: sites?.open,
        });
    }
    client.destroy();
    // One share page per section: the output names it when there is one.
    (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setSiteOutputs */ .kc)(allSites, shareUrls.length === 1 ? shareUrls[0] : '');
    log.info(`Renewed ${entries.length} links in ${sections.length} sections under ${inputs.bucket}/${scope}/.`);
    await (0,_publish_links_js__WEBPACK_IMPORTED_MODULE_3__/* .publishLinks */ .b)(d.publish, report, sections, 'refresh');
}


/***/ })

};
