/**
 * undici, loaded when first used rather than at start-up. The bundle resolves the bare `undici`
 * import to this module (tsconfig.json `paths`, which ncc follows): @actions/http-client imports
 * undici's ProxyAgent as it loads, and @actions/core loads @actions/http-client (for getIDToken),
 * which put all of undici, a third of dist/index.js, into the start-up of every run. In the bundle
 * undici has two users, and each takes only what this module gives:
 * - @actions/github sends every GitHub request through `fetch`: the first loads undici;
 * - @actions/http-client builds a `ProxyAgent` (synchronously) when a proxy applies to GitHub's API:
 *   `loadUndici()` must have resolved by then: @actions/github builds it as it loads, for its
 *   defaults (steps/setup.ts loads undici first when a proxy is set).
 * Jest does not read `paths`: unit and integration tests run undici itself; the e2e tests run the
 * bundle, through this module.
 */
/** What the bundle takes of undici. */
interface UndiciModule {
  fetch: typeof import('undici/index.js').fetch;
  ProxyAgent: typeof import('undici/index.js').ProxyAgent;
}

let loading: Promise<UndiciModule> | undefined;
let loaded: UndiciModule | undefined;

/** Loads undici once; resolves with it. */
export function loadUndici(): Promise<UndiciModule> {
  loading ??= (async () => {
    const { fetch, ProxyAgent } = await import('undici/index.js');
    return (loaded = { fetch, ProxyAgent });
  })();
  return loading;
}

/** undici's fetch, loading undici on the first call. */
export const fetch: UndiciModule['fetch'] = async (input, init) => (await loadUndici()).fetch(input, init);

/** undici's ProxyAgent: the constructor returns undici's own, so undici must be loaded first. */
export class ProxyAgent {
  constructor(options: ConstructorParameters<UndiciModule['ProxyAgent']>[0]) {
    if (!loaded) throw new Error('Internal error (please report it): a proxy agent was built before undici was loaded.');
    return new loaded.ProxyAgent(options);
  }
}
