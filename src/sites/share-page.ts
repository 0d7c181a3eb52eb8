/**
 * The share page: one HTML page per section (itself a presigned object) listing every file with its
 * size, SHA-256 and link, thumbnails for images, the section's sites, and the expiry in the reader's
 * local time. The one link to paste into a chat. Pure rendering.
 *
 * File and section names come from pull requests: every one is HTML-escaped, the page's only script
 * and style are pinned by hash in a Content-Security-Policy, and images load only from the links'
 * own origins.
 *
 * Its tools (share-tools.ts): a search box, folders that collapse, a copy-link button per file, and
 * "Download all" as one .zip the reader's browser assembles from the links (fetches allowed to the
 * links' own origins only). They are hidden until the script shows them.
 */
import { humanBytes } from '../render/format.js';
import { cspHash } from './pages.js';
import { escapeHtml, formatLocalTime, formatUtcTime, sharePageMain } from './runtime.js';
import { groupByFolder, zipFileName } from './share-layout.js';
import { shareToolsSource } from './share-tools.js';

export interface ShareFile {
  /** Path as the user knows it (relative to the workspace). */
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  /** The file's own link. */
  url: string;
  /** A browser displays it (Open) rather than downloads it (Download). */
  viewable: boolean;
  /** A better way to open it, e.g. an HTML page through its site (so its relative links work). */
  openUrl?: string;
}

export interface ShareSite {
  /** Folder as the user knows it. */
  path: string;
  /** The site's link (its bootstrap page). */
  url: string;
}

export interface SharePageData {
  title: string;
  sha: string;
  runUrl?: string;
  /** ISO time the links stop working. */
  expiresAt: string;
  files: ShareFile[];
  sites: ShareSite[];
  note?: string;
}

const STYLE =
  'body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}' +
  'a{color:#0969da}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:middle}' +
  'td.size{text-align:right;white-space:nowrap}td.name{word-break:break-all}code{font-size:12px;word-break:break-all}' +
  'img.thumb{width:48px;height:48px;object-fit:contain;display:block}.notice{border:1px solid #d4a72c;background:#fff8c5;padding:.75rem 1rem;border-radius:6px}' +
  '.expired{border-color:#cf222e;background:#ffebe9}' +
  '.tools{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}#filter{font:inherit;padding:.3rem .5rem;min-width:16rem}' +
  'button{font:inherit;font-size:13px;padding:.2rem .6rem;cursor:pointer}tr.folder th{background:#f6f8fa;font-weight:600}' +
  'tr.folder button{border:0;background:none;padding:0;font-weight:600;text-align:left}' +
  "tr.folder button::before{content:'\\25BE  '}tr.folder button[aria-expanded=false]::before{content:'\\25B8  '}";

const SCRIPT = `${formatLocalTime}\n(${sharePageMain})(document, setInterval);\n${shareToolsSource()}`;

/** The page as one string (tests, small sections); uploads use `sharePageParts` (see build.ts). */
export function renderSharePage(data: SharePageData): string {
  return [...sharePageParts(data)].join('');
}

/**
 * The page as pieces of text in order (joined, they are the page): a line each for the head and
 * every file's row, so a page of 20,000 links is never built as one string of small pieces.
 */
export function* sharePageParts(data: SharePageData): Generator<string> {
  const expiresMs = Date.parse(data.expiresAt);
  if (Number.isNaN(expiresMs)) throw new TypeError(`Invalid expiry ${JSON.stringify(data.expiresAt)}.`);
  const imageOrigins = [...new Set(data.files.filter(isImage).map((f) => new URL(f.url).origin))];
  // "Download all" fetches each file's own link.
  const fileOrigins = [...new Set(data.files.map((f) => new URL(f.url).origin))];
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(SCRIPT)}`,
    `style-src ${cspHash(STYLE)}`,
    `img-src ${imageOrigins.length > 0 ? imageOrigins.join(' ') : "'none'"}`,
    `connect-src ${fileOrigins.length > 0 ? fileOrigins.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const total = data.files.reduce((n, f) => n + f.size, 0);
  const utc = formatUtcTime(expiresMs);
  const rerun = data.runUrl ? `<a href="${escapeHtml(data.runUrl)}">re-run the job</a>` : 're-run the job';
  const out: string[] = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(data.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(data.title)}</h1>`,
    `<p>${data.files.length} ${data.files.length === 1 ? 'file' : 'files'}, ${humanBytes(total)}` +
      (data.sha ? `, commit <code>${escapeHtml(data.sha.slice(0, 12))}</code>` : '') +
      (data.runUrl ? ` (<a href="${escapeHtml(data.runUrl)}">workflow run</a>)` : '') +
      '.</p>',
    `<p id="expiry">Links expire <time datetime="${escapeHtml(new Date(expiresMs).toISOString())}" data-expires>${escapeHtml(utc)}</time>.</p>`,
    `<p id="expired" class="notice expired" role="alert" hidden>These links expired at ${escapeHtml(utc)}. To get fresh links, ${rerun} that uploaded the files, ` +
      'or run the action with <code>mode: refresh</code> (it re-signs the links without rebuilding); the pull-request comment then has the new share link.</p>',
  ];
  if (data.note) out.push(`<p class="notice">${escapeHtml(data.note)}</p>`);
  if (data.sites.length > 0) {
    out.push('<h2>Sites</h2><ul>');
    for (const site of data.sites) out.push(`<li><a data-link href="${escapeHtml(site.url)}">${escapeHtml(site.path)}</a></li>`);
    out.push('</ul>');
  }
  out.push(
    '<h2>Files</h2><p class="tools"><input id="filter" type="search" placeholder="Filter files (press /)" aria-label="Filter files" autocomplete="off" hidden>' +
      `<button id="zip" type="button" data-name="${escapeHtml(zipFileName(data.title, data.sha))}" hidden>Download all as .zip</button>` +
      '<span id="shown" role="status"></span><span id="zip-status" role="status"></span></p>',
    '<table><thead><tr><th></th><th>File</th><th>Size</th><th>SHA-256</th><th>Link</th><th></th></tr></thead><tbody>',
  );
  for (const line of out) yield `${line}\n`;
  for (const group of groupByFolder(data.files)) {
    const folder = escapeHtml(group.folder);
    yield (
      `<tr class="folder" data-folder="${folder}"><th colspan="6"><button type="button" data-toggle="${folder}" aria-expanded="true">` +
      `${group.folder ? folder : './'}</button> <small>${group.files.length} ${group.files.length === 1 ? 'file' : 'files'}</small></th></tr>\n`
    );
    yield* renderRows(group.files, group.folder);
  }
  yield `</tbody></table>\n<script>${SCRIPT}</script>\n</body></html>\n`;
}

function* renderRows(files: readonly ShareFile[], folder: string): Generator<string> {
  for (const f of files) {
    const thumb = isImage(f) ? `<img class="thumb" loading="lazy" alt="" src="${escapeHtml(f.url)}">` : '';
    const open = f.openUrl ?? f.url;
    const link =
      f.viewable || f.openUrl
        ? `<a data-link href="${escapeHtml(open)}">Open</a>`
        : `<a data-link href="${escapeHtml(f.url)}">Download</a>`;
    const data = `data-path="${escapeHtml(f.path)}" data-folder="${escapeHtml(folder)}" data-url="${escapeHtml(f.url)}" data-size="${f.size}"`;
    yield (
      `<tr ${data}><td>${thumb}</td><td class="name">${escapeHtml(f.path)}</td><td class="size">${humanBytes(f.size)}</td>` +
      `<td><code>${escapeHtml(f.sha256)}</code></td><td>${link}</td>` +
      `<td><button type="button" data-copy="${escapeHtml(f.openUrl ?? f.url)}">Copy link</button></td></tr>\n`
    );
  }
}

function isImage(f: ShareFile): boolean {
  // SVG in <img> runs no script; anything else that is not an image gets no thumbnail.
  return /^image\/(png|jpeg|gif|webp|avif|svg\+xml|bmp|x-icon|vnd\.microsoft\.icon)\b/i.test(f.contentType);
}
