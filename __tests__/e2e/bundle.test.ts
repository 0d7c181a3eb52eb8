/**
 * The bundle's start-up: undici (a third of the code @actions/* pull in) is not in dist/index.js,
 * which every run loads, but in a chunk loaded with the first request to GitHub
 * (src/github/undici-on-demand.ts). The e2e tests run this bundle, with and without a proxy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIST = path.resolve('dist');
// A class only undici defines (the ProxyAgent that reads the proxy variables itself).
const UNDICI_MARK = 'EnvHttpProxyAgent';

test('undici is in a chunk of its own, not in the entry every run loads', () => {
  expect(readFileSync(path.join(DIST, 'index.js'), 'utf8')).not.toContain(UNDICI_MARK);
  const chunks = readdirSync(DIST).filter((f) => /^\d+\.index\.js$/.test(f));
  const withUndici = chunks.filter((f) => readFileSync(path.join(DIST, f), 'utf8').includes(UNDICI_MARK));
  expect(withUndici).toHaveLength(1);
});
