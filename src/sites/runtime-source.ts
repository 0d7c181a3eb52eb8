/**
 * The browser-side code as source text: every function the serialized code may call (runtime.ts,
 * session.ts, seal.ts, worker.ts, nested-worker.ts, bootstrap.ts), and calls of its entry points.
 */
import { entryFromHash, type bootstrapMain } from './bootstrap.js';
import { startNestedWorker } from './nested-worker.js';
import {
  encodePath,
  escapeHtml,
  expiredPage,
  fileLink,
  formatUtcTime,
  hexFromBase64url,
  isSignedUrl,
  listingPage,
  neutralizeBidi,
  noticePage,
  routeRequest,
  siteIndex,
} from './runtime.js';
import { acceptMap, isToken, nestedWorkerDir, nestedWorkerDirs, newSession, sessionOf, sessionsBase, sitePathOf } from './session.js';
import { openSealedMap, randomToken, sealMap, sessionKeys } from './seal.js';
import { expiryOfUrl, type serviceWorkerMain } from './worker.js';

/** Every function the serialized code may call, in an order where each is declared before use at run time. */
const RUNTIME = [
  encodePath,
  hexFromBase64url,
  siteIndex,
  fileLink,
  isSignedUrl,
  routeRequest,
  neutralizeBidi,
  escapeHtml,
  formatUtcTime,
  noticePage,
  expiredPage,
  listingPage,
  sessionsBase,
  isToken,
  sessionOf,
  acceptMap,
  nestedWorkerDirs,
  nestedWorkerDir,
  newSession,
  sitePathOf,
  randomToken,
  sessionKeys,
  sealMap,
  openSealedMap,
  expiryOfUrl,
  startNestedWorker,
  entryFromHash,
];

/** Source text of the runtime functions, for a script that then calls one of the entry points. */
export function runtimeSource(): string {
  return RUNTIME.map(String).join('\n');
}

/** A call of an entry point, `(function serviceWorkerMain(…){…})(args…);`; `args` are JavaScript expressions. */
export function callSource(entry: typeof serviceWorkerMain | typeof bootstrapMain, ...args: string[]): string {
  return '(' + String(entry) + ')(' + args.join(', ') + ');';
}
