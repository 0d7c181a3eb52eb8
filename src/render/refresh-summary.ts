/** The job summary of a refresh of every open pull request (HTML). Pure. */
import { escapeHtml } from './summary.js';
import { formatUtc, relativeTime } from './format.js';

export interface RefreshRow {
  pr: number;
  /** The pull request's page. */
  url: string;
  sections: number;
  files: number;
  /** ISO time the new links expire. */
  expiresAt: string;
  /** Where the new links went: the comment was updated, or why not. */
  comment: 'updated' | 'not updated' | 'withheld' | 'failed';
}

export interface RefreshSummary {
  rows: RefreshRow[];
  /** Open pull requests without artifacts in the bucket. */
  skipped: number;
  /** Who signed the links and how long they live, when not the upload credentials. */
  about?: string;
  /** Warnings about the lifetime and missing files. */
  notes: string[];
}

/** A heading, the counts, notes and one row per renewed pull request. */
export function renderRefreshSummary(s: RefreshSummary, now: Date): string {
  const files = s.rows.reduce((n, r) => n + r.files, 0);
  const lines = ['<h2>🔄 Artifact links renewed</h2>'];
  const skipped =
    s.skipped > 0
      ? ` ${s.skipped} open pull ${s.skipped === 1 ? 'request has' : 'requests have'} no artifacts and ${s.skipped === 1 ? 'was' : 'were'} skipped.`
      : '';
  lines.push(
    `<p>${files} ${files === 1 ? 'link' : 'links'} in ${s.rows.length} open pull ${s.rows.length === 1 ? 'request' : 'requests'}.${skipped}</p>`,
  );
  if (s.about) lines.push(`<p>${escapeHtml(s.about)}</p>`);
  for (const note of s.notes) lines.push(`<p>⚠️ ${escapeHtml(note)}</p>`);
  if (s.rows.length > 0) {
    const rows = s.rows.map(
      (r) =>
        `<tr><td><a href="${escapeHtml(r.url)}">#${r.pr}</a></td><td align="right">${r.sections}</td><td align="right">${r.files}</td>` +
        `<td>${formatUtc(r.expiresAt)} (${relativeTime(now, new Date(r.expiresAt))})</td><td>${r.comment}</td></tr>`,
    );
    lines.push(
      `<table><tr><th>Pull request</th><th>Sections</th><th>Files</th><th>New expiry</th><th>Comment</th></tr>${rows.join('')}</table>`,
    );
  }
  return lines.join('\n');
}
