/** The job summary (HTML) and the report it shows. Pure; publish/summary.ts writes it. */
import type { ManifestEntry } from '../links/manifest-entry.js';
import { formatUtc, humanBytes, relativeTime } from './format.js';
import { neutralizeBidi } from '../util/bidi.js';

/** Job summaries are limited to 1 MiB (the runner drops a larger one): rows stop at this many characters. */
const SUMMARY_TABLE_CHARS = 800_000;

export interface Report {
  entries: ManifestEntry[];
  failed: { path: string; message: string }[];
  /** Earliest link expiry (ISO), or undefined when there are no links. */
  expiresAt?: string;
  notes: string[];
  /** Who signed the links and how long that lets them live, when it is not the upload's credentials. */
  about?: string;
  /**
   * What the links contain that the runner masks in job summaries (a session token, the signing
   * key's ID), so they must not be listed there; undefined when nothing.
   */
  maskedInLinks?: string;
}

/** The pages that open in the browser: the sites, and each section's share page. */
export interface SummaryPages {
  sites: readonly { path: string; url: string }[];
  shareUrls: readonly string[];
}

export function earliestExpiry(entries: ManifestEntry[]): string | undefined {
  return entries.map((e) => e.expiresAt).sort()[0];
}

/**
 * The job summary: a heading, the expiry, notes, a table of links and any failures. HTML-escaped.
 * `linksElsewhere`: instead of the links, say where they are (they must not appear in the summary).
 */
export function renderSummary(report: Report, now: Date, linksElsewhere?: string, pages?: SummaryPages): string {
  const total = report.entries.reduce((n, e) => n + e.size, 0);
  const lines = [`<h2>📦 Artifact links</h2>`];
  const expiry = report.expiresAt
    ? ` Links expire <b>${formatUtc(report.expiresAt)}</b> (${relativeTime(now, new Date(report.expiresAt))}).`
    : '';
  lines.push(`<p>${report.entries.length} ${report.entries.length === 1 ? 'file' : 'files'}, ${humanBytes(total)}.${expiry}</p>`);
  if (report.about) lines.push(`<p>${escapeHtml(report.about)}</p>`);
  for (const note of report.notes) lines.push(`<p>⚠️ ${escapeHtml(note)}</p>`);
  if (report.maskedInLinks && report.entries.length > 0) {
    lines.push(
      `<p>The links contain ${escapeHtml(report.maskedInLinks)}, which the runner masks in job summaries, so they are not listed here: see ${linksElsewhere === 'in the PR comment' ? 'the pull-request comment and ' : ''}the <code>manifest</code> output.</p>`,
    );
  }
  if (!linksElsewhere && pages && (pages.sites.length > 0 || pages.shareUrls.length > 0)) {
    const sites = pages.sites.map((s) => `<a href="${escapeHtml(s.url)}">${escapeHtml(s.path || '/')}</a>`);
    const shares = pages.shareUrls.map(
      (url, i) => `<a href="${escapeHtml(url)}">share page${pages.shareUrls.length > 1 ? ` ${i + 1}` : ''}</a>`,
    );
    lines.push(
      `<p>${[sites.length > 0 ? `🌐 Open in the browser: ${sites.join(' · ')}` : '', shares.length > 0 ? `📋 Every file on one page: ${shares.join(' · ')}` : ''].filter(Boolean).join('<br>')}</p>`,
    );
  }
  if (report.entries.length > 0) {
    const rows: string[] = [];
    let chars = 0;
    for (const e of report.entries) {
      const link = linksElsewhere ? escapeHtml(linksElsewhere) : `<a href="${escapeHtml(e.url)}">Download</a>`;
      const row = `<tr><td>${escapeHtml(e.path)}</td><td align="right">${humanBytes(e.size)}</td><td><code>${e.sha256.slice(0, 12)}</code></td><td>${link}</td><td>${formatUtc(e.expiresAt)}</td></tr>`;
      if (chars + row.length > SUMMARY_TABLE_CHARS) break;
      rows.push(row);
      chars += row.length;
    }
    const more = report.entries.length - rows.length;
    if (more > 0) rows.push(`<tr><td colspan="5">… and ${more} more: see the <code>manifest-file</code> output.</td></tr>`);
    lines.push(`<table><tr><th>File</th><th>Size</th><th>SHA-256</th><th>Link</th><th>Expires</th></tr>${rows.join('')}</table>`);
  }
  if (report.failed.length > 0) {
    lines.push(`<h3>❌ ${report.failed.length} not uploaded (no link)</h3>`);
    lines.push(`<ul>${report.failed.map((f) => `<li>${escapeHtml(f.path)}: ${escapeHtml(f.message)}</li>`).join('')}</ul>`);
  }
  return lines.join('\n');
}

/** Text for the job summary's HTML: markup escaped, `@` kept from mentioning, bidi controls neutralized. */
export function escapeHtml(text: string): string {
  return neutralizeBidi(text).replace(/[&<>"'`@\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
