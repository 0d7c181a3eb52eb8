/**
 * The sticky pull-request comment, as pure text: no I/O, no clock (time is passed in). Rendering
 * and merging live here; markers and metadata in markers.ts.
 *
 * One comment per `commentKey`, found by its hidden marker. Each matrix job owns one section,
 * delimited by a start marker (carrying its metadata, base64 JSON) and an end marker. A job
 * re-renders only its own section; the others are kept byte-for-byte unless the body must shrink
 * to fit GitHub's size limit. The header is recomputed from every section's metadata.
 *
 * Layout:
 *   <!-- s3-artifact-links:KEY -->          commentMarker()
 *   ### 📦 Build artifacts                   header (recomputed on every merge)
 *   <!-- s3-artifact-links section=ID meta=BASE64 -->
 *   #### title / expiry / provenance / sites and share page / table (file names are the links)
 *                                           one section per job, sorted by id; with one section, the
 *                                           header is the title alone
 *   <!-- /s3-artifact-links section=ID -->
 *   <sub>footer</sub>
 */
import { compareWithBase, comparisonLines } from './changes.js';
import { count, filesAndBytes, formatUtc, relativeTime } from './format.js';
import { escapeMarkdown, link } from './markdown.js';
import { ACTION_NAME, endMarker, ParsedSection, parseSections, SectionData, SectionMeta, sectionMeta, startMarker } from './markers.js';
import { renderHeader } from './comment-header.js';
import { CHANGES_HEAD, isTableHead, PLAIN_HEAD, renderRow, type TableHead } from './table.js';
import { QR_PREFIX, qrLine } from './qr-codes.js';
import { outsideSites, THUMBNAILS_PREFIX, thumbnailsLine } from './thumbnails.js';

/** GitHub rejects longer comment bodies. JS `length` (UTF-16 units) ≥ code points, so counting it is conservative. */
export const GITHUB_COMMENT_LIMIT = 65536;
/** Tables with more rows than this are folded under `<details>`. */
export const COLLAPSE_THRESHOLD = 10;

export interface RenderOptions {
  now: Date;
  /** Force the table under `<details>` (tables longer than COLLAPSE_THRESHOLD always are). */
  collapse: boolean;
  /** Show at most this many rows, then "… and N more". */
  maxRows?: number;
}

export interface MergeOptions {
  /** From commentMarker(); the first line of the body. */
  marker: string;
  now: Date;
  /** Maximum body length in UTF-16 code units; default GITHUB_COMMENT_LIMIT. */
  limit?: number;
  /** Heading of the comment (escaped); default DEFAULT_TITLE. */
  title?: string;
  /** Trusted Markdown shown last; default names the action. */
  footer?: string;
}

const DETAILS_OPEN = '<details><summary>';
const MORE_PREFIX = '… and ';
const DEFAULT_FOOTER =
  `<sub>Private bucket, presigned links: they stop working when they expire. ` +
  `Each job updates its own section. Posted by ${ACTION_NAME}.</sub>`;

// ---------------------------------------------------------------- one section

/** A section split into the parts the size limit can act on. */
interface Parts {
  start: string;
  head: string[];
  /** Image thumbnails and QR codes, shown while the body has room for them. */
  previews?: string[];
  table: TableHead;
  /** Table rows, or undefined when the section has no table (removed, or a one-line summary). */
  rows?: string[];
  /**
   * Set when `rows` holds only the first rows of the table: already more characters than the body may
   * have (each row ends a line), so no rendering with this many rows or more can fit.
   */
  rowsCut?: true;
  end: string;
  meta: SectionMeta;
}

function expiryLine(m: SectionMeta, now: Date): string {
  if (m.removed) return '🗑️ **Links removed**';
  const rel = relativeTime(now, new Date(m.expiresAt));
  if (rel === 'expired') return `⌛ **Links expired** ${formatUtc(m.expiresAt)}`;
  return `⏳ Links expire **${formatUtc(m.expiresAt)}** — ${rel}`;
}

function provenance(m: SectionMeta, updatedAt: string): string {
  const bits = [filesAndBytes(m.files, m.bytes)];
  if (m.sha) bits.push(`commit \`${m.sha.slice(0, 7)}\``);
  const run = link('workflow run', m.runUrl);
  if (run) bits.push(run);
  bits.push(`updated ${formatUtc(updatedAt)}`);
  return `<sub>${bits.join(' · ')}</sub>`;
}

/** The section's sites and share page, above its table. Folder names are escaped text. */
function sitesLine(s: SectionData): string | undefined {
  if (s.removed) return undefined;
  const bits: string[] = [];
  const sites = (s.sites ?? []).flatMap((site) => link(escapeMarkdown(site.path === '.' ? './' : `${site.path}/`), site.url) ?? []);
  if (sites.length) bits.push(`🌐 Open in the browser: ${sites.join(' · ')}`);
  const share = s.shareUrl ? link('share page', s.shareUrl) : undefined;
  if (share) bits.push(`📋 Every file on one ${share}`);
  return bits.length ? bits.join(' — ') : undefined;
}

/**
 * `rowChars`: render rows only until they hold more than this many characters (a 20,000-file section
 * must not be rendered whole to find that 150 rows fit in a comment); default every row.
 */
function prepare(s: SectionData, now: Date, rowChars = Infinity): Parts {
  const meta = sectionMeta(s);
  const head = [`#### ${escapeMarkdown(s.title || s.id)}`, expiryLine(meta, now), provenance(meta, s.updatedAt)];
  if (s.note) head.push(`> ⚠️ ${escapeMarkdown(s.note)}`);
  const sites = sitesLine(s);
  if (sites) head.push(sites);
  const comparison = s.base && !meta.removed ? compareWithBase(s.files, s.base) : undefined;
  if (comparison) head.push(...comparisonLines(comparison));
  const thumbs = meta.removed ? undefined : thumbnailsLine(outsideSites(s.files, s.sites), s.shareUrl);
  const qr = meta.removed ? undefined : qrLine(s.qr);
  const previews = [thumbs, qr].filter((l): l is string => l !== undefined);
  let rows: string[] | undefined;
  let rowsCut: true | undefined;
  if (!meta.removed) {
    rows = [];
    let chars = 0;
    for (const f of s.files) {
      if (chars > rowChars) {
        rowsCut = true;
        break;
      }
      const row = renderRow(f, s.open?.get(f.key), comparison && { of: comparison.files.get(f.path) }, s.untrusted);
      rows.push(row);
      chars += row.length + 1;
    }
  }
  const table = comparison ? CHANGES_HEAD : PLAIN_HEAD;
  return {
    start: startMarker(meta),
    head,
    ...(previews.length ? { previews } : {}),
    table,
    rows,
    ...(rowsCut ? { rowsCut } : {}),
    end: endMarker(s.id),
    meta,
  };
}

/** Where every file is listed when the comment has no room: the share page, else the job summary. */
function everyFile(m: SectionMeta): string {
  const share = m.shareUrl ? link('share page', m.shareUrl) : undefined;
  return share ?? link('job summary', m.runUrl) ?? 'job summary';
}

function moreLine(n: number, m: SectionMeta): string {
  return `${MORE_PREFIX}${count(n)} more — see the ${everyFile(m)}.`;
}

/**
 * Lines of a section; a blank line always ends a table so the next line cannot become a row.
 * `previews: false` leaves the thumbnails and QR codes out (the body has no room for them).
 */
function assemble(p: Parts, collapse: boolean, maxRows?: number, previews = true): string {
  if (p.rowsCut && (maxRows === undefined || maxRows >= p.rows!.length)) throw new RangeError('A cut table cannot be rendered whole.');
  const lines = [p.start, ...p.head];
  if (previews && p.previews) lines.push(...p.previews);
  if (p.rows) {
    const shown = maxRows === undefined ? p.rows : p.rows.slice(0, Math.max(0, maxRows));
    const more = p.meta.files - shown.length;
    const body: string[] = [];
    if (shown.length) body.push(...p.table, ...shown, '');
    if (p.meta.files === 0) body.push('_No files._', '');
    if (more > 0) body.push(moreLine(more, p.meta), '');
    if (collapse) {
      lines.push('', `${DETAILS_OPEN}${filesAndBytes(p.meta.files, p.meta.bytes)}</summary>`, '', ...body, '</details>');
    } else {
      lines.push('', ...body);
    }
  }
  lines.push(p.end);
  return lines.join('\n');
}

/**
 * One job's block, self-delimited by its markers. Tables with more than COLLAPSE_THRESHOLD files
 * are folded under `<details>`; `maxRows` cuts the table with "… and N more".
 */
export function renderSection(s: SectionData, opts: RenderOptions): string {
  return assemble(prepare(s, opts.now), opts.collapse || s.files.length > COLLAPSE_THRESHOLD, opts.maxRows);
}

/** A section reduced to one line (plus its markers, so later merges still see it). */
function renderSummary(p: Parts, now: Date): string {
  const m = p.meta;
  const bits = [`**${escapeMarkdown(m.title || m.id)}**`, filesAndBytes(m.files, m.bytes)];
  if (m.removed) bits.push('🗑️ links removed');
  else {
    const rel = relativeTime(now, new Date(m.expiresAt));
    const when = `${rel === 'expired' ? '⌛ links expired' : 'links expire'} ${formatUtc(m.expiresAt)}`;
    bits.push(`${when}, see the ${everyFile(m)}`);
  }
  return [p.start, bits.join(' · '), p.end].join('\n');
}

/** The parts of a block rendered by this module; undefined if it does not look like one. */
function splitRaw(s: ParsedSection): Parts | undefined {
  if (!s.meta) return undefined;
  const lines = s.raw.split('\n');
  if (lines.length < 2) return undefined;
  const inner = lines.slice(1, -1);
  const at = (pred: (l: string) => boolean) => {
    const i = inner.findIndex(pred);
    return i === -1 ? inner.length : i;
  };
  const tableAt = at(isTableHead);
  const cut = Math.min(
    tableAt,
    at((l) => l.startsWith(DETAILS_OPEN) && !l.startsWith(QR_PREFIX)),
    at((l) => l.startsWith(MORE_PREFIX)),
  );
  const head = inner.slice(0, cut);
  while (head.length && head[head.length - 1] === '') head.pop();
  const isPreview = (l: string) => l.startsWith(THUMBNAILS_PREFIX) || l.startsWith(QR_PREFIX);
  const previews = head.filter(isPreview);
  const kept = head.filter((l) => !isPreview(l));
  const table = tableAt < inner.length && inner[tableAt] === CHANGES_HEAD[0] ? CHANGES_HEAD : PLAIN_HEAD;
  let rows: string[] | undefined;
  if (cut < inner.length) {
    rows = [];
    for (let i = tableAt + 2; i < inner.length && inner[i].startsWith('|'); i++) rows.push(inner[i]);
  }
  return { start: lines[0], head: kept, ...(previews.length ? { previews } : {}), table, rows, end: lines[lines.length - 1], meta: s.meta };
}

// ---------------------------------------------------------------- the whole comment

interface Block {
  id: string;
  current: boolean;
  /** As kept when nothing needs to shrink. */
  full: string;
  parts?: Parts;
}

function byId(a: Block, b: Block): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Cut to `limit` UTF-16 units without leaving half a surrogate pair. */
function hardCut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return text.slice(0, Math.max(0, limit)).replace(/[\uD800-\uDBFF]$/, '');
}

/** How a comment says it left sections out for its size limit. */
export const NOT_SHOWN = 'not shown (comment size limit)';

/**
 * The comment body with `section` inserted or replaced: other sections byte-for-byte, sorted by
 * id; header recomputed from all sections' metadata. Always ≤ `limit` (default 65,536); when over,
 * degrades in order: leave out every section's thumbnails and QR codes (the share page shows the
 * images and has the links), fold
 * every table under <details> and cut rows, largest tables first, to an
 * equal row cap ("… and N more, see the job summary"); reduce other sections (largest first), then
 * this one, to one-line summaries; drop other sections; finally hard-cut.
 */
export function mergeComment(existingBody: string | undefined, section: SectionData, opts: MergeOptions): string {
  const limit = opts.limit ?? GITHUB_COMMENT_LIMIT;
  const existing = existingBody ? parseSections(existingBody) : new Map<string, ParsedSection>();
  existing.delete(section.id);
  // Rows past the limit can never be shown: they are not rendered (nor the whole section, which cannot fit).
  const own = prepare(section, opts.now, limit);
  const ownFull = own.rowsCut ? undefined : assemble(own, section.files.length > COLLAPSE_THRESHOLD);
  const blocks: Block[] = [
    ...[...existing.values()].map((p) => ({ id: p.id, current: false, full: p.raw, parts: splitRaw(p) })),
    { id: section.id, current: true, full: ownFull ?? '', parts: own },
  ].sort(byId);
  const metas = blocks.flatMap((b) => (b.parts ? [b.parts.meta] : []));
  const header = renderHeader(metas, opts);
  const footer = opts.footer ?? DEFAULT_FOOTER;
  const join = (parts: string[]) => [header, ...parts, footer].join('\n\n');

  if (ownFull !== undefined) {
    const fullBody = join(blocks.map((b) => b.full));
    if (fullBody.length <= limit) return fullBody;
  }

  // Modes, by block: undefined = table capped to `cap` rows; 'summary'; 'dropped'.
  const mode = new Map<Block, 'summary' | 'dropped'>();
  // A table cut in prepare() holds more than `limit` characters in its rows: `cap` rows or more cannot fit.
  const tooMany = (cap: number): boolean => blocks.some((b) => b.parts?.rowsCut && !mode.has(b) && cap >= b.parts.rows!.length);
  const render = (cap: number): string => {
    const dropped = blocks.filter((b) => mode.get(b) === 'dropped').length;
    const parts = blocks
      .filter((b) => mode.get(b) !== 'dropped')
      .map((b) => {
        if (!b.parts) return b.full;
        if (mode.get(b) === 'summary') return renderSummary(b.parts, opts.now);
        return b.parts.rows ? assemble(b.parts, true, cap, false) : b.full;
      });
    if (dropped) parts.push(`_${count(dropped)} more job section${dropped === 1 ? '' : 's'} ${NOT_SHOWN}._`);
    return join(parts);
  };
  const bestCap = (): string | undefined => {
    let lo = 0;
    let body = render(0);
    if (body.length > limit) return undefined;
    let hi = Math.max(0, ...blocks.map((b) => (b.parts?.rowsCut ? b.parts.meta.files : (b.parts?.rows?.length ?? 0))));
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const candidate = tooMany(mid) ? undefined : render(mid);
      if (candidate !== undefined && candidate.length <= limit) {
        lo = mid;
        body = candidate;
      } else hi = mid - 1;
    }
    return body;
  };

  let body = bestCap();
  if (body !== undefined) return body;
  const cost = (b: Block) => (b.parts?.rows ? assemble(b.parts, true, 0) : b.full).length;
  const others = blocks.filter((b) => !b.current).sort((a, b) => cost(b) - cost(a) || byId(a, b));
  for (const b of others) {
    mode.set(b, b.parts ? 'summary' : 'dropped');
    if ((body = bestCap()) !== undefined) return body;
  }
  const mine = blocks.find((b) => b.current);
  if (mine) mode.set(mine, 'summary');
  if ((body = render(0)).length <= limit) return body;
  for (const b of others) {
    mode.set(b, 'dropped');
    if ((body = render(0)).length <= limit) return body;
  }
  return hardCut(body, limit);
}
