export const id = 707;
export const ids = [707];
export const modules = {

/***/ 7707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9436);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4225);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4038);
/** The GitHub client: Octokit with retries and rate-limit handling. */



/** Octokit with retries of 5xx and honoured primary and secondary rate limits (up to 3 waits each). */
function createOctokit(token, log, baseUrl) {
    const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
        log.info(`GitHub ${kind} rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s.`);
        return retryCount < 3;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl, throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') }, retry: { retries: 3 } }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
}


/***/ })

};
