export const id = 25;
export const ids = [25];
export const modules = {

/***/ 4025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refreshOpenPulls: () => (/* binding */ refreshOpenPulls)
/* harmony export */ });
/* harmony import */ var _config_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(577);
/* harmony import */ var _github_open_pulls_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1454);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9673);
/* harmony import */ var _publish_comment_records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8849);
/* harmony import */ var _publish_links_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8499);
/* harmony import */ var _publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6689);
/* harmony import */ var _publish_summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5336);
/* harmony import */ var _steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4311);
/* harmony import */ var _steps_renew_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1014);
/* harmony import */ var _steps_setup_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1599);
/* harmony import */ var _steps_sign_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6209);
/* harmony import */ var _util_log_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9906);
/**
 * mode: refresh on a schedule or a manual run without `pr-number`: renew the links of every open
 * pull request that has artifacts in the bucket, in one step. Pull requests are listed through the
 * API and visited a few at a time; those without artifacts are skipped quietly. Every link is
 * signed at one instant with one lifetime, and one of them is proven to work before any comment
 * changes. Each upload's sites and share page are rebuilt with the new links.
 */












/** Pull requests whose uploads are read at once: a few, so neither GitHub nor the bucket is flooded. */
const PARALLEL_PULLS = 4;
async function refreshOpenPulls(deps) {
    const { inputs, ctx, log, publish } = deps;
    if (!publish.gh) {
        throw new Error(`mode: refresh on a ${ctx.eventName} event without 'pr-number' renews every open pull request, which needs the GitHub API: set 'github-token' (with pull-requests: write) and leave 'comment' at auto, or set 'pr-number'.`);
    }
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const scopeOf = (pull) => (0,_links_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .scopePrefix */ .Po)(inputs.keyPrefix, { ...ctx, pr: pull.number, section: '' });
    scopeOf({ number: 1 }); // a key-prefix without {scope} or {pr} fails here, before any request
    const pulls = await (0,_github_open_pulls_js__WEBPACK_IMPORTED_MODULE_11__/* .listOpenPulls */ .j)(publish.gh.octokit, repo);
    log.info(`${pulls.length} open pull requests in ${repo.owner}/${repo.repo}.`);
    const store = await (0,_steps_setup_js__WEBPACK_IMPORTED_MODULE_8__/* .openStore */ .Ch)(deps);
    try {
        await renewOpenPulls(deps, pulls, store, scopeOf);
    }
    finally {
        store.client.destroy();
    }
}
async function renewOpenPulls(deps, pulls, { target, signer, client }, scopeOf) {
    const { inputs, ctx, log, clock, publish } = deps;
    const renewing = await findRenewing(deps, pulls, { target, client }, scopeOf);
    const skipped = pulls.length - renewing.length;
    log.info(`${renewing.length} of them have artifacts under ${inputs.bucket}; the other ${skipped} are skipped.`);
    if (renewing.length === 0) {
        await (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setLinkOutputs */ .jS)({ entries: [], failed: [], notes: [] }, publish.tempDir, 'refresh', log);
        (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setSiteOutputs */ .kc)([], '');
        await (0,_publish_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .writeRefreshSummary */ .z)({ rows: [], skipped, notes: [] }, clock);
        return;
    }
    const notes = [];
    for (const { pull, uploads } of renewing) {
        if (uploads.missing.length === 0)
            continue;
        const gone = (0,_steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_6__/* .goneWarning */ .S)(uploads.missing, ` of #${pull.number}`);
        log.warning(gone);
        notes.push(gone);
    }
    const { entries, lifetime, report, sign } = await (0,_steps_sign_js__WEBPACK_IMPORTED_MODULE_9__/* .presignFiles */ .Ys)(renewing.flatMap((r) => r.uploads.files), { signer, requestedSeconds: inputs.expiresInSeconds, log, clock });
    // Nothing is published unless a link is known to work.
    await (0,_steps_sign_js__WEBPACK_IMPORTED_MODULE_9__/* .proveLinks */ .K1)(signer, entries, log);
    const updatedAt = clock().toISOString();
    const sites = new Map();
    for (const { pull, uploads } of renewing) {
        sites.set(pull.number, await (0,_steps_renew_js__WEBPACK_IMPORTED_MODULE_7__/* .renewSites */ .k)({
            client,
            target,
            uploads,
            entries,
            sign,
            lifetime,
            updatedAt,
            signer,
            about: report.about,
            linkSigner: inputs.linkSigner,
            log,
        }));
    }
    (0,_publish_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .setSiteOutputs */ .kc)([...sites.values()].flatMap((bySection) => [...bySection.values()].flatMap((s) => s.sites)), '');
    const comments = await (0,_publish_links_js__WEBPACK_IMPORTED_MODULE_3__/* .publishToPulls */ .P)(publish, report, renewing.map(({ pull, uploads }) => ({
        pr: pull.number,
        sections: (0,_steps_renew_js__WEBPACK_IMPORTED_MODULE_7__/* .renewedSections */ .d)(uploads.manifests, entries, lifetime, updatedAt, signer, report.about, sites.get(pull.number)),
        records: (0,_publish_comment_records_js__WEBPACK_IMPORTED_MODULE_2__/* .bucketRecords */ .H)(client, target, scopeOf(pull), publish.comment.marker, log),
    })), 'refresh');
    const rows = renewing.map(({ pull, uploads }, i) => {
        const comment = comments[i];
        return {
            pr: pull.number,
            url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${pull.number}`,
            sections: uploads.manifests.length,
            files: uploads.files.length,
            expiresAt: lifetime.expiresAt.toISOString(),
            comment: typeof comment === 'string' ? comment : 'failed',
        };
    });
    await (0,_publish_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .writeRefreshSummary */ .z)({ rows, skipped, about: report.about, notes: [...report.notes, ...notes] }, clock);
    log.info(`Renewed ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_10__/* .plural */ .LS)(entries.length, 'link')} in ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_10__/* .plural */ .LS)(renewing.length, 'open pull request')}.`);
    const failed = comments.flatMap((c, i) => (typeof c === 'string' ? [] : [`#${renewing[i].pull.number}: ${c.failed}`]));
    if (failed.length > 0)
        throw new Error(`The comments of ${(0,_util_log_js__WEBPACK_IMPORTED_MODULE_10__/* .plural */ .LS)(failed.length, 'pull request')} could not be updated:\n${failed.join('\n')}`);
}
/** The open pull requests that have artifacts; throws, renewing nothing, when any cannot be read. */
async function findRenewing(deps, pulls, { target, client }, scopeOf) {
    const looked = await (0,_github_open_pulls_js__WEBPACK_IMPORTED_MODULE_11__/* .mapSettled */ .A)(pulls, PARALLEL_PULLS, (pull) => (0,_steps_find_uploads_js__WEBPACK_IMPORTED_MODULE_6__/* .findUploads */ .K)(client, target, scopeOf(pull), (0,_config_context_js__WEBPACK_IMPORTED_MODULE_0__/* .runsUrl */ .gL)(deps.ctx), deps.log));
    const unreadable = looked.filter((r) => !r.ok);
    if (unreadable.length > 0) {
        const first = unreadable[0];
        throw new Error(`Could not read the uploads of ${unreadable.length} open pull requests, so no link was renewed. #${first.item.number}: ${first.ok ? '' : first.error.message}`);
    }
    return looked.flatMap((r) => (r.ok && r.value.manifests.length > 0 ? [{ pull: r.item, uploads: r.value }] : []));
}


/***/ })

};
