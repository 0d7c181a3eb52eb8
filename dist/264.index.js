export const id = 264;
export const ids = [264];
export const modules = {

/***/ 8502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refresh: () => (/* binding */ refresh)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _bucket_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1973);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7847);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4496);
/* harmony import */ var _s3_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2049);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8669);
/* harmony import */ var _stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3924);
/** mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild. */







async function refresh(inputs, ctx, gh) {
    const scope = (0,_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const target = (0,_sign_js__WEBPACK_IMPORTED_MODULE_5__/* .storeTarget */ .l7)(inputs);
    const signer = await (0,_sign_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveSigner */ .lW)(inputs);
    const client = (0,_s3_js__WEBPACK_IMPORTED_MODULE_4__/* .createS3Client */ .qo)(target, signer.credentials, inputs.concurrency);
    const keys = await (0,_bucket_js__WEBPACK_IMPORTED_MODULE_1__/* .listKeys */ .TH)(client, target, scope);
    const manifestKeys = keys.filter(_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .isManifestKey */ .LU);
    if (manifestKeys.length === 0) {
        client.destroy();
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`);
        return;
    }
    const manifests = (0,_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .latestPerSection */ .C8)(await Promise.all(manifestKeys.map(async (k) => (0,_stored_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .parseStoredManifest */ .Cn)(await (0,_bucket_js__WEBPACK_IMPORTED_MODULE_1__/* .getText */ .q4)(client, target, k), k))));
    client.destroy();
    // Only objects that still exist get a link (a lifecycle rule may have expired some).
    const present = new Set(keys);
    const files = manifests.flatMap((m) => m.files);
    const missing = files.filter((f) => !present.has(f.key));
    if (missing.length > 0)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`${missing.length} files of the earlier upload are gone from the bucket and get no link, e.g. ${missing[0].path}.`);
    const { entries, lifetime, report } = (0,_sign_js__WEBPACK_IMPORTED_MODULE_5__/* .presignFiles */ .Ys)(files.filter((f) => present.has(f.key)), inputs, signer);
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const updatedAt = new Date().toISOString();
    const sections = manifests.map((m) => ({
        id: m.section.id,
        title: m.section.title,
        sha: m.sha,
        runUrl: m.runUrl,
        updatedAt,
        expiresAt: lifetime.expiresAt.toISOString(),
        files: m.files.flatMap((f) => byKey.get(f.key) ?? []),
        note: (0,_sign_js__WEBPACK_IMPORTED_MODULE_5__/* .sectionNote */ .wZ)(signer, `Links renewed ${updatedAt.slice(0, 16).replace('T', ' ')} UTC without rebuilding.`),
    }));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Renewed ${entries.length} links in ${sections.length} sections under ${inputs.bucket}/${scope}/.`);
    await (0,_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .publishLinks */ .bB)(gh, inputs, ctx, report, sections, 'refresh');
}


/***/ })

};
