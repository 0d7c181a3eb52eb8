export const id = 691;
export const ids = [691];
export const modules = {

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup),
/* harmony export */   removedSections: () => (/* binding */ removedSections)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _bucket_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1973);
/* harmony import */ var _comment_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(371);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7242);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7847);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4496);
/* harmony import */ var _s3_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2049);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8669);
/** mode: cleanup — delete this PR's objects and mark the comment's links removed. Idempotent. */








async function cleanup(inputs, ctx, gh) {
    const scope = (0,_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, section: '' });
    const target = (0,_sign_js__WEBPACK_IMPORTED_MODULE_7__/* .storeTarget */ .l7)(inputs);
    const signer = await (0,_sign_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveSigner */ .lW)(inputs);
    const client = (0,_s3_js__WEBPACK_IMPORTED_MODULE_6__/* .createS3Client */ .qo)(target, signer.credentials, inputs.concurrency);
    const keys = await (0,_bucket_js__WEBPACK_IMPORTED_MODULE_1__/* .listKeys */ .TH)(client, target, scope);
    if (keys.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(`Nothing to delete under ${inputs.bucket}/${scope}/: already cleaned up.`);
    }
    else {
        await (0,_bucket_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteKeys */ .IO)(client, target, keys);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Deleted ${keys.length} objects under ${inputs.bucket}/${scope}/.`);
    }
    client.destroy();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Output */ .k.Count, String(keys.length));
    const updatedAt = new Date().toISOString();
    await (0,_publish_js__WEBPACK_IMPORTED_MODULE_5__/* .publishComment */ .p8)(gh, inputs, ctx, (body) => (body ? removedSections(body, updatedAt) : []));
}
/** Every section of the comment that still shows links, re-rendered as removed. Pure. */
function removedSections(body, updatedAt) {
    return [...(0,_comment_body_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSections */ .MJ)(body).values()].flatMap(({ meta }) => meta && !meta.removed
        ? [{ id: meta.id, title: meta.title, sha: meta.sha, runUrl: meta.runUrl, updatedAt, expiresAt: meta.expiresAt, files: [], removed: true }]
        : []);
}


/***/ })

};
