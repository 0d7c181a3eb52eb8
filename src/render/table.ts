/** The file table of a comment section: its head and one row per file. Pure. */
import { opensInBrowser } from '../links/disposition.js';
import type { ManifestEntry } from '../links/manifest-entry.js';
import { changeCell, type FileChange } from './changes.js';
import { hexPrefix, humanBytes, shortenMiddle } from './format.js';
import { escapeMarkdown, escapeUrl } from './markdown.js';

/** File names longer than this are shortened in the middle (the job summary has them whole). */
export const MAX_NAME_CHARS = 120;

/** A table's head and separator lines. */
export type TableHead = readonly [string, string];

export const PLAIN_HEAD: TableHead = ['| File | Size | SHA-256 |', '| :-- | --: | :-- |'];
/** With a comparison to the base branch: what changed in each file. */
export const CHANGES_HEAD: TableHead = ['| File | Size | Change | SHA-256 |', '| :-- | --: | :-- | :-- |'];

/** True for the head line of a table this module renders. */
export function isTableHead(line: string): boolean {
  return line === PLAIN_HEAD[0] || line === CHANGES_HEAD[0];
}

/**
 * A file's row: its name is the link (a title says whether it opens or downloads; a site's HTML page
 * opens through its site). Names are escaped text; a file without a usable link is plain text.
 * `change` is given (possibly undefined) only in a table with a Change column.
 */
export function renderRow(f: ManifestEntry, open?: string, change?: { of: FileChange | undefined }, untrusted = false): string {
  const name = escapeMarkdown(shortenMiddle(f.path, MAX_NAME_CHARS)) || '—';
  const sha = hexPrefix(f.sha256, 12);
  const url = escapeUrl(open ?? f.url);
  // A fork's HTML, SVG and XML are attachments (links/disposition.ts): the title says they download.
  const title = open || opensInBrowser(f.contentType, untrusted) ? 'Open in the browser' : 'Download';
  const cell = url ? `[${name}](${url} "${title}")` : name;
  const delta = change ? ` ${changeCell(change.of)} |` : '';
  return `| ${cell} | ${humanBytes(f.size)} |${delta} ${sha ? `\`${sha}\`` : '—'} |`;
}
