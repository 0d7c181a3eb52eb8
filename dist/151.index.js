export const id = 151;
export const ids = [151];
export const modules = {

/***/ 5151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refresh: () => (/* binding */ refresh)
/* harmony export */ });
/* harmony import */ var _aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7275);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9673);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4546);
/* harmony import */ var _links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6362);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3597);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1872);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1080);
/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */







async function refresh(d) {
    const { inputs, ctx, log, clock } = d;
    const scope = (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const { target, signer, client } = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_4__/* .openStore */ .Ch)(d);
    const keys = await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .listKeys */ .TH)(client, target, scope);
    const manifestKeys = keys.filter(_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .isManifestKey */ .LU);
    if (manifestKeys.length === 0) {
        client.destroy();
        log.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
        return;
    }
    const manifests = (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .latestPerSection */ .C8)(await Promise.all(manifestKeys.map(async (k) => (0,_links_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .parseStoredManifest */ .Cn)(await (0,_aws_bucket_js__WEBPACK_IMPORTED_MODULE_0__/* .getText */ .q4)(client, target, k), k))));
    client.destroy();
    // Only objects that still exist get a link (a lifecycle rule may have expired some).
    const present = new Set(keys);
    const files = manifests.flatMap((m) => m.files);
    const missing = files.filter((f) => !present.has(f.key));
    if (missing.length > 0)
        log.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
    const { entries, lifetime, report } = (0,_sign_js__WEBPACK_IMPORTED_MODULE_5__/* .presignFiles */ .Y)(files.filter((f) => present.has(f.key)), { target, signer, requestedSeconds: inputs.expiresInSeconds, log, clock });
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


/***/ })

};
