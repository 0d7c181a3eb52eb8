/**
 * The generated browser-side objects of a site: the service worker script and the bootstrap page.
 * Pure rendering; the code that runs in the browser is in runtime.ts.
 */
import { createHash } from 'node:crypto';
import { bootstrapMain, type BootConfig } from './bootstrap.js';
import { escapeHtml } from './runtime.js';
import { callSource, runtimeSource } from './runtime-source.js';
import { serviceWorkerMain } from './worker.js';

/**
 * The worker script: the runtime, then the worker. The same text for every site, and no link in it:
 * any page of the origin can read it (from its registration's script URL).
 */
export function renderWorkerScript(): string {
  return `'use strict';\n${runtimeSource()}\n${callSource(serviceWorkerMain, 'self')}\n`;
}

/** Content-Security-Policy source for an inline script or style: its SHA-256. */
export function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

const BOOT_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2328}' +
  'a{color:#0969da}li{margin:.15em 0;word-break:break-all}';

/**
 * The page a reader opens: starts the worker, then shows the site (or `#path` inside it). Its only
 * script is hashed into a strict Content-Security-Policy; the configuration is a JSON data block.
 */
export function renderBootstrapPage(config: BootConfig): string {
  const script = `${runtimeSource()}\n${callSource(bootstrapMain, 'window', "JSON.parse(document.getElementById('site-config').textContent)")}`;
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(BOOT_STYLE)}`,
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = escapeHtml(config.title);
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">` +
    `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width">` +
    `<title>${title}</title><style>${BOOT_STYLE}</style></head>\n<body>` +
    `<h1>${title}</h1><p id="status">Starting the site…</p>` +
    `<noscript><p>This page needs JavaScript to open the site.</p></noscript>` +
    `<p id="files-note" hidden></p><ul id="files"></ul>\n` +
    `<script type="application/json" id="site-config">${jsonForHtml(config)}</script>\n` +
    `<script>${script}</script>\n</body></html>\n`
  );
}

/** JSON that can sit inside an HTML element: no `<`, `>` or `&`, so no `</script>`. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
