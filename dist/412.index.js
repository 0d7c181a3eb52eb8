export const id = 412;
export const ids = [412];
export const modules = {

/***/ 9412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tokenOwner: () => (/* binding */ tokenOwner),
  updateSticky: () => (/* binding */ updateSticky)
});

// UNUSED EXPORTS: ACTIONS_BOT_LOGIN, isOurForm

// EXTERNAL MODULE: ./src/render/changes.ts
var changes = __webpack_require__(6965);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/render/markers.ts
var markers = __webpack_require__(6327);
;// CONCATENATED MODULE: ./src/render/comment-header.ts
/** The sticky comment's header, recomputed from every section's metadata. Pure. */


const DEFAULT_TITLE = '📦 Build artifacts';
/**
 * The comment's header: its title, and with several sections, what they add up to (latest commit,
 * earliest expiry, totals). One section says all that itself, so then the title alone.
 */
function renderHeader(metas, opts) {
    const lines = [opts.marker, `### ${(0,markdown/* escapeMarkdown */.FV)(opts.title ?? DEFAULT_TITLE)}`];
    if (metas.length === 1)
        return lines.join('\n');
    const latest = [...metas].sort((a, b) => (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0))[0];
    const bits = [];
    if (latest?.sha)
        bits.push(`Commit \`${latest.sha.slice(0, 7)}\``);
    const run = latest && (0,markdown/* link */.nf)('workflow run', latest.runUrl);
    if (run)
        bits.push(run);
    bits.push(`updated ${(0,format/* formatUtc */.ay)(opts.now)}`);
    lines.push(bits.join(' · '));
    const active = metas.filter((m) => !m.removed && !Number.isNaN(Date.parse(m.expiresAt)));
    if (active.length) {
        const times = active.map((m) => Date.parse(m.expiresAt));
        const earliest = new Date(Math.min(...times));
        const rel = (0,format/* relativeTime */.KW)(opts.now, earliest);
        const which = times.every((t) => t === times[0]) ? 'Links expire' : 'First links expire';
        lines.push(rel === 'expired'
            ? `⌛ Some links have expired (${(0,format/* formatUtc */.ay)(earliest)}): re-run the job to get fresh ones.`
            : `⏳ ${which} **${(0,format/* formatUtc */.ay)(earliest)}** — ${rel}`);
    }
    const files = metas.reduce((n, m) => n + m.files, 0);
    const bytes = metas.reduce((n, m) => n + m.bytes, 0);
    const jobs = `${metas.length} job${metas.length === 1 ? '' : 's'}`;
    const older = latest?.sha ? metas.filter((m) => m.sha && m.sha !== latest.sha).length : 0;
    lines.push(`<sub>${jobs} · ${(0,format/* filesAndBytes */.UZ)(files, bytes)}${older ? ` · ${older} from an older commit` : ''}</sub>`);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/links/disposition.ts
var disposition = __webpack_require__(3386);
;// CONCATENATED MODULE: ./src/render/table.ts
/** The file table of a comment section: its head and one row per file. Pure. */




/** File names longer than this are shortened in the middle (the job summary has them whole). */
const MAX_NAME_CHARS = 120;
const PLAIN_HEAD = ['| File | Size | SHA-256 |', '| :-- | --: | :-- |'];
/** With a comparison to the base branch: what changed in each file. */
const CHANGES_HEAD = ['| File | Size | Change | SHA-256 |', '| :-- | --: | :-- | :-- |'];
/** True for the head line of a table this module renders. */
function isTableHead(line) {
    return line === PLAIN_HEAD[0] || line === CHANGES_HEAD[0];
}
/**
 * A file's row: its name is the link (a title says whether it opens or downloads; a site's HTML page
 * opens through its site). Names are escaped text; a file without a usable link is plain text.
 * `change` is given (possibly undefined) only in a table with a Change column.
 */
function renderRow(f, open, change, untrusted = false) {
    const name = (0,markdown/* escapeMarkdown */.FV)((0,format/* shortenMiddle */.jM)(f.path, MAX_NAME_CHARS)) || '—';
    const sha = (0,format/* hexPrefix */.g_)(f.sha256, 12);
    const url = (0,markdown/* escapeUrl */.vy)(open ?? f.url);
    // A fork's HTML, SVG and XML are attachments (links/disposition.ts): the title says they download.
    const title = open || (0,disposition/* opensInBrowser */.pB)(f.contentType, untrusted) ? 'Open in the browser' : 'Download';
    const cell = url ? `[${name}](${url} "${title}")` : name;
    const delta = change ? ` ${(0,changes/* changeCell */.fd)(change.of)} |` : '';
    return `| ${cell} | ${(0,format/* humanBytes */.p6)(f.size)} |${delta} ${sha ? `\`${sha}\`` : '—'} |`;
}

;// CONCATENATED MODULE: ./src/render/thumbnails.ts


/** The image types GitHub's proxy serves and every browser shows. */
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** GitHub's image proxy refuses larger images. */
const PROXY_MAX_BYTES = 5 * 1024 * 1024;
const MAX_THUMBNAILS = 6;
/** Width of a thumbnail in the comment, in CSS pixels: six fit in one row of a comment. */
const THUMBNAIL_WIDTH = 120;
/** Characters the row of thumbnails may take (two presigned links per image). */
const THUMBNAIL_CHARS = 16_000;
/** Every thumbnail row starts with this, so a section's row is found again in an existing comment. */
const THUMBNAILS_PREFIX = '🖼️ ';
/** True when GitHub's image proxy would show this file: a preview type, not empty, at most 5 MiB. */
function isPreviewable(f) {
    const type = f.contentType.split(';')[0].trim().toLowerCase();
    return PREVIEW_TYPES.has(type) && Number.isFinite(f.size) && f.size > 0 && f.size <= PROXY_MAX_BYTES;
}
function isImageType(f) {
    return /^image\//i.test(f.contentType.trim());
}
const ATTR = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe inside a double-quoted HTML attribute: no quote, tag, entity, control or bidi character. */
function attrText(text) {
    return ((0,markdown/* wellFormed */.ES)(text)
        // eslint-disable-next-line no-control-regex -- control characters in untrusted names are dropped
        .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
        .replace(/[&<>"']/g, (c) => ATTR[c] ?? c));
}
function thumbnail(f) {
    const url = (0,markdown/* escapeUrl */.vy)(f.url);
    if (!url)
        return undefined;
    const src = url.replace(/&/g, '&amp;');
    const name = f.path.split('/').pop() ?? f.path;
    const alt = attrText(Array.from(name).length > 60 ? `${Array.from(name).slice(0, 59).join('')}…` : name);
    return `<a href="${src}"><img src="${src}" width="${THUMBNAIL_WIDTH}" alt="${alt}"></a>`;
}
/** The images that get a thumbnail: previewable, at most `max`, within `chars` characters of thumbnails. */
function pickThumbnails(files, max = MAX_THUMBNAILS, chars = THUMBNAIL_CHARS) {
    const shown = [];
    let used = 0;
    let images = 0;
    for (const f of files) {
        if (!isImageType(f))
            continue;
        images++;
        if (shown.length >= max || !isPreviewable(f))
            continue;
        const html = thumbnail(f);
        if (!html || used + html.length + 1 > chars)
            continue;
        used += html.length + 1;
        shown.push(f);
    }
    return { shown, hidden: images - shown.length };
}
/**
 * The files outside the section's sites: a site's images (icons, sprites, a report's assets) are
 * part of the page, not something to preview. `sites` paths are as the user knows them (`.` = all).
 */
function outsideSites(files, sites) {
    const folders = (sites ?? []).map((s) => (s.path === '.' ? '' : `${s.path.replace(/\/$/, '')}/`));
    return files.filter((f) => !folders.some((folder) => f.path.startsWith(folder)));
}
/**
 * The section's row of thumbnails, or undefined when it has no previewable image. Images not shown
 * are counted, pointing to the share page (which shows every one).
 */
function thumbnailsLine(files, shareUrl) {
    const { shown, hidden } = pickThumbnails(files);
    if (shown.length === 0)
        return undefined;
    const thumbs = shown.flatMap((f) => thumbnail(f) ?? []);
    const share = shareUrl ? (0,markdown/* link */.nf)('share page', shareUrl) : undefined;
    const more = hidden > 0 ? ` <sub>+${(0,format/* count */.U9)(hidden)} more image${hidden === 1 ? '' : 's'}${share ? ` on the ${share}` : ''}</sub>` : '';
    return `${THUMBNAILS_PREFIX}${thumbs.join(' ')}${more}`;
}

;// CONCATENATED MODULE: ./src/render/qr-codes.ts
/**
 * The section's QR codes in the comment, folded under one `<details>` line (the comment stays short;
 * a reader on a laptop opens it and scans with a phone): each image linked to itself at full size,
 * captioned with what it opens. The line is an HTML block, so captions are HTML-escaped text, with
 * mentions and issue references broken as in the rest of the comment. Pure.
 */



/** The QR codes' line starts with this, so it is found again in an existing comment. */
const QR_PREFIX = '<details><summary>📱 ';
/** Shown no larger than this in the comment (the image links to itself at full size). */
const MAX_WIDTH = 400;
const WJ = '\u2060';
/** HTML text that GitHub turns into nothing: escaped, no mention, issue reference or URL. */
function inert(text) {
    return attrText(text)
        .replace(/[@#]/g, `$&${WJ}`)
        .replace(/:(?=\/)/g, `:${WJ}`)
        .replace(/(www)\./gi, `$1${WJ}.`);
}
function qrLine(codes) {
    const items = (codes ?? []).flatMap((c) => {
        const url = (0,markdown/* escapeUrl */.vy)(c.url);
        if (!url)
            return [];
        const src = url.replace(/&/g, '&amp;');
        const name = inert((0,format/* shortenMiddle */.jM)(c.path ?? '', 80));
        const alt = c.of === 'share' ? 'QR code of the share page' : `QR code of ${name}`;
        const width = Math.min(MAX_WIDTH, Math.max(1, Math.round(c.width)));
        const caption = c.of === 'share' ? 'The share page' : `Download ${name}`;
        return [`<p><a href="${src}"><img src="${src}" width="${width}" alt="${alt}"></a><br>${caption}</p>`];
    });
    if (items.length === 0)
        return undefined;
    return `${QR_PREFIX}Scan on a phone: QR code${items.length === 1 ? '' : 's'}</summary>${items.join('')}</details>`;
}

;// CONCATENATED MODULE: ./src/render/comment-body.ts
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








/** GitHub rejects longer comment bodies. JS `length` (UTF-16 units) ≥ code points, so counting it is conservative. */
const GITHUB_COMMENT_LIMIT = 65536;
/** Tables with more rows than this are folded under `<details>`. */
const COLLAPSE_THRESHOLD = 10;
const DETAILS_OPEN = '<details><summary>';
const MORE_PREFIX = '… and ';
const DEFAULT_FOOTER = `<sub>Private bucket, presigned links: they stop working when they expire. ` +
    `Each job updates its own section. Posted by ${markers/* ACTION_NAME */.px}.</sub>`;
function expiryLine(m, now) {
    if (m.removed)
        return '🗑️ **Links removed**';
    const rel = (0,format/* relativeTime */.KW)(now, new Date(m.expiresAt));
    if (rel === 'expired')
        return `⌛ **Links expired** ${(0,format/* formatUtc */.ay)(m.expiresAt)}`;
    return `⏳ Links expire **${(0,format/* formatUtc */.ay)(m.expiresAt)}** — ${rel}`;
}
function provenance(m, updatedAt) {
    const bits = [(0,format/* filesAndBytes */.UZ)(m.files, m.bytes)];
    if (m.sha)
        bits.push(`commit \`${m.sha.slice(0, 7)}\``);
    const run = (0,markdown/* link */.nf)('workflow run', m.runUrl);
    if (run)
        bits.push(run);
    bits.push(`updated ${(0,format/* formatUtc */.ay)(updatedAt)}`);
    return `<sub>${bits.join(' · ')}</sub>`;
}
/** The section's sites and share page, above its table. Folder names are escaped text. */
function sitesLine(s) {
    if (s.removed)
        return undefined;
    const bits = [];
    const sites = (s.sites ?? []).flatMap((site) => (0,markdown/* link */.nf)((0,markdown/* escapeMarkdown */.FV)(site.path === '.' ? './' : `${site.path}/`), site.url) ?? []);
    if (sites.length)
        bits.push(`🌐 Open in the browser: ${sites.join(' · ')}`);
    const share = s.shareUrl ? (0,markdown/* link */.nf)('share page', s.shareUrl) : undefined;
    if (share)
        bits.push(`📋 Every file on one ${share}`);
    return bits.length ? bits.join(' — ') : undefined;
}
/**
 * `rowChars`: render rows only until they hold more than this many characters (a 20,000-file section
 * must not be rendered whole to find that 150 rows fit in a comment); default every row.
 */
function prepare(s, now, rowChars = Infinity) {
    const meta = (0,markers/* sectionMeta */.hg)(s);
    const head = [`#### ${(0,markdown/* escapeMarkdown */.FV)(s.title || s.id)}`, expiryLine(meta, now), provenance(meta, s.updatedAt)];
    if (s.note)
        head.push(`> ⚠️ ${(0,markdown/* escapeMarkdown */.FV)(s.note)}`);
    const sites = sitesLine(s);
    if (sites)
        head.push(sites);
    const comparison = s.base && !meta.removed ? (0,changes/* compareWithBase */.te)(s.files, s.base) : undefined;
    if (comparison)
        head.push(...(0,changes/* comparisonLines */.pf)(comparison));
    const thumbs = meta.removed ? undefined : thumbnailsLine(outsideSites(s.files, s.sites), s.shareUrl);
    const qr = meta.removed ? undefined : qrLine(s.qr);
    const previews = [thumbs, qr].filter((l) => l !== undefined);
    let rows;
    let rowsCut;
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
        start: (0,markers/* startMarker */.dE)(meta),
        head,
        ...(previews.length ? { previews } : {}),
        table,
        rows,
        ...(rowsCut ? { rowsCut } : {}),
        end: (0,markers/* endMarker */.cL)(s.id),
        meta,
    };
}
/** Where every file is listed when the comment has no room: the share page, else the job summary. */
function everyFile(m) {
    const share = m.shareUrl ? (0,markdown/* link */.nf)('share page', m.shareUrl) : undefined;
    return share ?? (0,markdown/* link */.nf)('job summary', m.runUrl) ?? 'job summary';
}
function moreLine(n, m) {
    return `${MORE_PREFIX}${(0,format/* count */.U9)(n)} more — see the ${everyFile(m)}.`;
}
/**
 * Lines of a section; a blank line always ends a table so the next line cannot become a row.
 * `previews: false` leaves the thumbnails and QR codes out (the body has no room for them).
 */
function assemble(p, collapse, maxRows, previews = true) {
    if (p.rowsCut && (maxRows === undefined || maxRows >= p.rows.length))
        throw new RangeError('A cut table cannot be rendered whole.');
    const lines = [p.start, ...p.head];
    if (previews && p.previews)
        lines.push(...p.previews);
    if (p.rows) {
        const shown = maxRows === undefined ? p.rows : p.rows.slice(0, Math.max(0, maxRows));
        const more = p.meta.files - shown.length;
        const body = [];
        if (shown.length)
            body.push(...p.table, ...shown, '');
        if (p.meta.files === 0)
            body.push('_No files._', '');
        if (more > 0)
            body.push(moreLine(more, p.meta), '');
        if (collapse) {
            lines.push('', `${DETAILS_OPEN}${(0,format/* filesAndBytes */.UZ)(p.meta.files, p.meta.bytes)}</summary>`, '', ...body, '</details>');
        }
        else {
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
function renderSection(s, opts) {
    return assemble(prepare(s, opts.now), opts.collapse || s.files.length > COLLAPSE_THRESHOLD, opts.maxRows);
}
/** A section reduced to one line (plus its markers, so later merges still see it). */
function renderSummary(p, now) {
    const m = p.meta;
    const bits = [`**${(0,markdown/* escapeMarkdown */.FV)(m.title || m.id)}**`, (0,format/* filesAndBytes */.UZ)(m.files, m.bytes)];
    if (m.removed)
        bits.push('🗑️ links removed');
    else {
        const rel = (0,format/* relativeTime */.KW)(now, new Date(m.expiresAt));
        const when = `${rel === 'expired' ? '⌛ links expired' : 'links expire'} ${(0,format/* formatUtc */.ay)(m.expiresAt)}`;
        bits.push(`${when}, see the ${everyFile(m)}`);
    }
    return [p.start, bits.join(' · '), p.end].join('\n');
}
/** The parts of a block rendered by this module; undefined if it does not look like one. */
function splitRaw(s) {
    if (!s.meta)
        return undefined;
    const lines = s.raw.split('\n');
    if (lines.length < 2)
        return undefined;
    const inner = lines.slice(1, -1);
    const at = (pred) => {
        const i = inner.findIndex(pred);
        return i === -1 ? inner.length : i;
    };
    const tableAt = at(isTableHead);
    const cut = Math.min(tableAt, at((l) => l.startsWith(DETAILS_OPEN) && !l.startsWith(QR_PREFIX)), at((l) => l.startsWith(MORE_PREFIX)));
    const head = inner.slice(0, cut);
    while (head.length && head[head.length - 1] === '')
        head.pop();
    const isPreview = (l) => l.startsWith(THUMBNAILS_PREFIX) || l.startsWith(QR_PREFIX);
    const previews = head.filter(isPreview);
    const kept = head.filter((l) => !isPreview(l));
    const table = tableAt < inner.length && inner[tableAt] === CHANGES_HEAD[0] ? CHANGES_HEAD : PLAIN_HEAD;
    let rows;
    if (cut < inner.length) {
        rows = [];
        for (let i = tableAt + 2; i < inner.length && inner[i].startsWith('|'); i++)
            rows.push(inner[i]);
    }
    return { start: lines[0], head: kept, ...(previews.length ? { previews } : {}), table, rows, end: lines[lines.length - 1], meta: s.meta };
}
function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
/** Cut to `limit` UTF-16 units without leaving half a surrogate pair. */
function hardCut(text, limit) {
    if (text.length <= limit)
        return text;
    return text.slice(0, Math.max(0, limit)).replace(/[\uD800-\uDBFF]$/, '');
}
/** How a comment says it left sections out for its size limit. */
const NOT_SHOWN = 'not shown (comment size limit)';
/**
 * The comment body with `section` inserted or replaced: other sections byte-for-byte, sorted by
 * id; header recomputed from all sections' metadata. Always ≤ `limit` (default 65,536); when over,
 * degrades in order: leave out every section's thumbnails and QR codes (the share page shows the
 * images and has the links), fold
 * every table under <details> and cut rows, largest tables first, to an
 * equal row cap ("… and N more, see the job summary"); reduce other sections (largest first), then
 * this one, to one-line summaries; drop other sections; finally hard-cut.
 */
function mergeComment(existingBody, section, opts) {
    const limit = opts.limit ?? GITHUB_COMMENT_LIMIT;
    const existing = existingBody ? (0,markers/* parseSections */.MJ)(existingBody) : new Map();
    existing.delete(section.id);
    // Rows past the limit can never be shown: they are not rendered (nor the whole section, which cannot fit).
    const own = prepare(section, opts.now, limit);
    const ownFull = own.rowsCut ? undefined : assemble(own, section.files.length > COLLAPSE_THRESHOLD);
    const blocks = [
        ...[...existing.values()].map((p) => ({ id: p.id, current: false, full: p.raw, parts: splitRaw(p) })),
        { id: section.id, current: true, full: ownFull ?? '', parts: own },
    ].sort(byId);
    const metas = blocks.flatMap((b) => (b.parts ? [b.parts.meta] : []));
    const header = renderHeader(metas, opts);
    const footer = opts.footer ?? DEFAULT_FOOTER;
    const join = (parts) => [header, ...parts, footer].join('\n\n');
    if (ownFull !== undefined) {
        const fullBody = join(blocks.map((b) => b.full));
        if (fullBody.length <= limit)
            return fullBody;
    }
    // Modes, by block: undefined = table capped to `cap` rows; 'summary'; 'dropped'.
    const mode = new Map();
    // A table cut in prepare() holds more than `limit` characters in its rows: `cap` rows or more cannot fit.
    const tooMany = (cap) => blocks.some((b) => b.parts?.rowsCut && !mode.has(b) && cap >= b.parts.rows.length);
    const render = (cap) => {
        const dropped = blocks.filter((b) => mode.get(b) === 'dropped').length;
        const parts = blocks
            .filter((b) => mode.get(b) !== 'dropped')
            .map((b) => {
            if (!b.parts)
                return b.full;
            if (mode.get(b) === 'summary')
                return renderSummary(b.parts, opts.now);
            return b.parts.rows ? assemble(b.parts, true, cap, false) : b.full;
        });
        if (dropped)
            parts.push(`_${(0,format/* count */.U9)(dropped)} more job section${dropped === 1 ? '' : 's'} ${NOT_SHOWN}._`);
        return join(parts);
    };
    const bestCap = () => {
        let lo = 0;
        let body = render(0);
        if (body.length > limit)
            return undefined;
        let hi = Math.max(0, ...blocks.map((b) => (b.parts?.rowsCut ? b.parts.meta.files : (b.parts?.rows?.length ?? 0))));
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            const candidate = tooMany(mid) ? undefined : render(mid);
            if (candidate !== undefined && candidate.length <= limit) {
                lo = mid;
                body = candidate;
            }
            else
                hi = mid - 1;
        }
        return body;
    };
    let body = bestCap();
    if (body !== undefined)
        return body;
    const cost = (b) => (b.parts?.rows ? assemble(b.parts, true, 0) : b.full).length;
    const others = blocks.filter((b) => !b.current).sort((a, b) => cost(b) - cost(a) || byId(a, b));
    for (const b of others) {
        mode.set(b, b.parts ? 'summary' : 'dropped');
        if ((body = bestCap()) !== undefined)
            return body;
    }
    const mine = blocks.find((b) => b.current);
    if (mine)
        mode.set(mine, 'summary');
    if ((body = render(0)).length <= limit)
        return body;
    for (const b of others) {
        mode.set(b, 'dropped');
        if ((body = render(0)).length <= limit)
            return body;
    }
    return hardCut(body, limit);
}

// EXTERNAL MODULE: ./src/render/section-record.ts
var section_record = __webpack_require__(9753);
;// CONCATENATED MODULE: ./src/github/sticky-comment.ts
/**
 * The sticky pull-request comment: merges this job's sections into the one comment the token's
 * identity owns, verifying the write because GitHub has no compare-and-swap.
 */



/** Who the workflow's GITHUB_TOKEN posts as. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/**
 * The token's identity: the /user login when the token can read it (a personal or user token),
 * else `github-actions[bot]`, since installation tokens such as GITHUB_TOKEN cannot read /user (403).
 * Never "any bot": another bot's comment that carries our marker is not ours. Other errors are thrown
 * (a wrong guess would make the action ignore its own comment and post another).
 */
async function tokenOwner(octokit) {
    let login;
    try {
        login = (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch (error) {
        if (error.status !== 403)
            throw error;
        login = ACTIONS_BOT_LOGIN;
    }
    return (user) => user?.login === login;
}
/**
 * Read, merge, write, then verify the comment as a whole after the last write; again, with jitter,
 * until it holds this job's sections and every recorded section (`o.records`) at least as new.
 * `sectionsFor` gets the current body (undefined when there is no comment yet) and returns the
 * sections to write; none means nothing to do. A write is never retried as it was sent (a 5xx may
 * have been applied, and its body was built from a read that may be stale): the next attempt reads
 * again. Duplicate sticky comments (racing creators, a retried POST) are folded into the oldest and
 * deleted, so there is only ever one.
 */
async function updateSticky(octokit, repo, issue, owner, sectionsFor, o) {
    const random = o.random ?? Math.random;
    const attempts = o.attempts ?? 10;
    /** This run posted the comment (on any attempt), rather than editing one that was there. */
    let created = false;
    let why;
    // Listed again after every write (the verify step), and that listing feeds the next attempt.
    let recorded = (await o.records?.list()) ?? [];
    for (let attempt = 1;; attempt++) {
        // This job's own sections in the last merge (the rest it wrote are restored records).
        let own = new Set();
        const merge = (body) => {
            const mine = sectionsFor(body);
            own = new Set(mine.map((s) => s.id));
            return withRecorded(mine, recorded, body);
        };
        const written = await writeOnce(octokit, repo, issue, owner, merge, o);
        if (written === 'nothing')
            return undefined;
        if (typeof written !== 'string') {
            const { comment, sections, folded } = written;
            created ||= written.created;
            if (sections.length === 0 && !folded)
                return { id: comment.id, url: comment.html_url, created };
            await o.sleep(o.settleMs + random() * (o.settleMs / 5));
            recorded = (await o.records?.list()) ?? [];
            why = await verify(octokit, repo, issue, owner, comment.id, sections.filter((s) => own.has(s.id)), [...sections.filter((s) => !own.has(s.id)), ...recorded], o);
            if (!why)
                return { id: comment.id, url: comment.html_url, created };
        }
        else
            why = written;
        if (attempt >= attempts) {
            throw new Error(`Could not keep this job's section in the pull-request comment after ${attempts} attempts (${why}): other jobs kept overwriting it.`);
        }
        const delay = Math.round(200 + random() * 800 * attempt);
        o.log.info(`The comment ${why}; merging again in ${delay} ms (attempt ${attempt + 1}).`);
        await o.sleep(delay);
    }
}
/**
 * This job's sections (unless `body` already shows a newer rendering of one, from a later run), plus
 * every recorded section that `body` lacks or shows older.
 */
function withRecorded(own, recorded, body) {
    const shown = (0,markers/* parseSections */.MJ)(body ?? '');
    const newer = (s) => (Date.parse(shown.get(s.id)?.meta?.updatedAt ?? '') || 0) > Date.parse(s.updatedAt);
    const mine = new Set(own.map((s) => s.id));
    const restore = recorded.filter((r) => !mine.has(r.id) && !(0,section_record/* isAtLeastAsNew */.PL)(shown.get(r.id)?.meta?.updatedAt, r));
    return [...own.filter((s) => !newer(s)), ...restore];
}
/**
 * Why the comment, read again after the last write, is not yet what it must be ('' when it is): one
 * comment of ours, holding this job's own sections and the `recorded` ones (restored by this job or
 * listed in the bucket) at least as new.
 * A recorded section the body announces as cut for the size limit is excused (another job's merge
 * left it out, and writing it back would cut another); this job's own never is: a write that drops
 * it, for whatever reason, is merged again (this job's merge keeps its own section).
 */
async function verify(octokit, repo, issue, owner, id, own, recorded, o) {
    const ours = await listOurs(octokit, repo, issue, owner, o.marker).catch(() => undefined);
    if (!ours)
        return 'could not be read back';
    if (ours.length !== 1 || ours[0].id !== id)
        return `is not the only one of this action (${ours.length} found)`;
    const found = (0,markers/* parseSections */.MJ)(ours[0].body ?? '');
    const sizeCut = (ours[0].body ?? '').includes(NOT_SHOWN);
    const mine = new Set(own.map((s) => s.id));
    const required = [...own, ...(sizeCut ? [] : recorded.filter((r) => !mine.has(r.id)))];
    const missing = required.filter((s) => !(0,section_record/* isAtLeastAsNew */.PL)(found.get(s.id)?.meta?.updatedAt, s));
    return missing.length === 0 ? '' : `lost section ${missing[0].id} to a concurrent write`;
}
/**
 * One read-merge-write: the write's outcome, 'nothing' (no comment and nothing to write), or why it
 * must be read again: deleted meanwhile (404), or GitHub failed the write (5xx, perhaps applied).
 */
async function writeOnce(octokit, repo, issue, owner, sectionsFor, o) {
    const ours = await listOurs(octokit, repo, issue, owner, o.marker);
    // A write goes out once: GitHub may have applied one it answered 5xx, and a resend would carry a stale body.
    const once = { request: { retries: 0 } };
    return settled(async () => {
        if (ours.length === 0) {
            const sections = sectionsFor(undefined);
            if (sections.length === 0)
                return 'nothing';
            const body = sections.reduce((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), undefined);
            const comment = (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body, ...once })).data;
            return { comment, sections, folded: false, created: true };
        }
        // A fresh read right before the write keeps the read-to-write window to two requests.
        const fresh = (await octokit.rest.issues.getComment({ ...repo, comment_id: ours[0].id })).data;
        // Only our own duplicates are folded in and deleted: `ours` holds only comments of the token's identity.
        const merged = ours.slice(1).reduce((body, d) => withSectionsOf(body, d.body ?? ''), fresh.body ?? '');
        const sections = sectionsFor(merged);
        if (sections.length === 0 && ours.length === 1)
            return { comment: fresh, sections, folded: false, created: false };
        const body = sections.reduce((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), merged);
        const comment = (await octokit.rest.issues.updateComment({ ...repo, comment_id: fresh.id, body, ...once })).data;
        for (const duplicate of ours.slice(1)) {
            await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id }).catch(() => undefined);
        }
        return { comment, sections, folded: ours.length > 1, created: false };
    });
}
/** `fn`'s result, or why the comment must be read again: deleted meanwhile (404), or a failed write (5xx). */
async function settled(fn) {
    try {
        return await fn();
    }
    catch (error) {
        const status = error.status ?? 0;
        if (status === 404)
            return 'was deleted while it was being updated';
        if (status >= 500)
            return `write got HTTP ${status} from GitHub (it may or may not have been applied)`;
        throw error;
    }
}
/** `body` plus the sections of `other` that it lacks (raw blocks; mergeComment re-renders the header). */
function withSectionsOf(body, other) {
    const have = (0,markers/* parseSections */.MJ)(body);
    const extra = [...(0,markers/* parseSections */.MJ)(other).values()].filter((s) => !have.has(s.id)).map((s) => s.raw);
    return [body, ...extra].join('\n\n');
}
/**
 * Our sticky comments on the PR, oldest first: by the token's identity and ours by their form (the
 * body begins with the marker), never one that merely contains it, such as a comment quoting ours.
 */
async function listOurs(octokit, repo, issue, owner, marker) {
    const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 }));
    return all.filter((c) => owner(c.user) && isOurForm(c.body ?? '', marker)).sort((a, b) => a.id - b.id);
}
/** The comment is one the action wrote: its first line is exactly the marker. */
function isOurForm(body, marker) {
    return body === marker || body.startsWith(`${marker}\n`) || body.startsWith(`${marker}\r\n`);
}


/***/ }),

/***/ 3386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ contentDisposition),
/* harmony export */   Zy: () => (/* binding */ contentTypeFor),
/* harmony export */   pB: () => (/* binding */ opensInBrowser)
/* harmony export */ });
/* unused harmony exports isBrowserViewable, isActiveContent */
/* harmony import */ var mime_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4096);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _uri_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9343);
/** Content-Type and Content-Disposition of uploaded objects. */



/** Content-Type from the file extension, with a charset for text; `application/octet-stream` if unknown. */
function contentTypeFor(filePath) {
    return (node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(filePath) && (0,mime_types__WEBPACK_IMPORTED_MODULE_0__.contentType)(node_path__WEBPACK_IMPORTED_MODULE_1___default().extname(filePath))) || 'application/octet-stream';
}
/** What browsers display rather than download: images, PDF, text (incl. HTML), JSON, audio and video. */
function isBrowserViewable(contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    return /^(image|text|audio|video)\//.test(type) || type === 'application/pdf' || type === 'application/json' || type.endsWith('+json');
}
/**
 * Types a browser runs as a document with scripts on the link's origin: HTML, SVG, XHTML and every
 * XML type (an XML document can hold XHTML or SVG elements, or load an XSLT stylesheet).
 */
function isActiveContent(contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    return (type === 'text/html' ||
        type === 'text/xml' ||
        type === 'application/xml' ||
        type === 'text/xsl' ||
        type === 'text/mathml' ||
        type.endsWith('+xml'));
}
/**
 * What a browser shows when the link is opened: viewable types, except active ones when the files
 * are untrusted (they are then attachments, see contentDisposition).
 */
function opensInBrowser(contentType, untrusted) {
    return isBrowserViewable(contentType) && !(untrusted && isActiveContent(contentType));
}
/**
 * RFC 6266 Content-Disposition value: an ASCII `filename` fallback plus `filename*=UTF-8''…` (RFC 8187)
 * when the name is not plain ASCII. `untrusted` (files built from a fork's code): active types
 * (isActiveContent) are attachments whatever the mode, so they never run on the bucket's origin.
 */
function contentDisposition(fileName, mode, contentType, untrusted = false) {
    const type = untrusted && isActiveContent(contentType)
        ? 'attachment'
        : mode === 'auto'
            ? isBrowserViewable(contentType)
                ? 'inline'
                : 'attachment'
            : mode;
    const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
    const header = `${type}; filename="${fallback}"`;
    return fallback === fileName ? header : `${header}; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
/**
 * RFC 8187 value-chars: RFC 3986 percent-encoding, with `!` (an attr-char) left as is. Every `%` in
 * uriEncode's output starts an escape, so `%21` can only be an encoded `!`.
 */
function encodeRfc8187(value) {
    return (0,_uri_js__WEBPACK_IMPORTED_MODULE_2__/* .uriEncode */ .HQ)(value).replaceAll('%21', '!');
}


/***/ }),

/***/ 6965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fd: () => (/* binding */ changeCell),
/* harmony export */   lb: () => (/* binding */ changeSummary),
/* harmony export */   pf: () => (/* binding */ comparisonLines),
/* harmony export */   te: () => (/* binding */ compareWithBase)
/* harmony export */ });
/* unused harmony exports MAX_REMOVED_NAMES, signedBytes */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1509);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);


/** Removed files named in the comment, at most; the rest are counted. */
const MAX_REMOVED_NAMES = 10;
const REMOVED_NAME_CHARS = 80;
/** Compares the upload's files with the base build's, by path (the first of duplicate paths wins). */
function compareWithBase(files, base) {
    const before = new Map();
    for (const f of base.files)
        if (!before.has(f.path))
            before.set(f.path, f);
    const out = new Map();
    let changed = 0;
    let added = 0;
    let unchanged = 0;
    let total = 0;
    for (const f of files) {
        if (out.has(f.path))
            continue;
        total += f.size;
        const b = before.get(f.path);
        if (!b) {
            out.set(f.path, { status: 'new', delta: f.size });
            added++;
        }
        else if (b.sha256 === f.sha256 && b.size === f.size) {
            out.set(f.path, { status: 'same', delta: 0 });
            unchanged++;
        }
        else {
            out.set(f.path, { status: 'changed', delta: f.size - b.size });
            changed++;
        }
    }
    const removed = [...before]
        .filter(([path]) => !out.has(path))
        .map(([path, b]) => ({ path, size: b.size }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const delta = total - [...before.values()].reduce((n, f) => n + f.size, 0);
    return { base: { ref: base.ref, sha: base.sha, runUrl: base.runUrl }, files: out, removed, changed, added, unchanged, delta };
}
/** +2.1 KiB, -300 B, ±0 B. */
function signedBytes(n) {
    if (n === 0)
        return '±0 B';
    return `${n > 0 ? '+' : '-'}${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .humanBytes */ .p6)(Math.abs(n))}`;
}
/** "3 changed, 1 new, 1 removed, +2.1 KiB"; "no changes, ±0 B" when every file is the same. */
function changeSummary(c) {
    const bits = [];
    if (c.changed)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.changed)} changed`);
    if (c.added)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.added)} new`);
    if (c.removed.length)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(c.removed.length)} removed`);
    if (bits.length === 0)
        bits.push('no changes');
    return [...bits, signedBytes(c.delta)].join(', ');
}
/** A file's cell in the Change column. */
function changeCell(change) {
    if (!change)
        return '—';
    if (change.status === 'new')
        return '🆕 new';
    if (change.status === 'same')
        return 'unchanged';
    return change.delta === 0 ? '✏️ changed, same size' : `✏️ ${signedBytes(change.delta)}`;
}
/**
 * The section's lines about the comparison: what it sums up to, against which build, and the files
 * that were removed (at most MAX_REMOVED_NAMES named; names are escaped text).
 */
function comparisonLines(c) {
    const sha = (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .hexPrefix */ .g_)(c.base.sha, 7);
    const build = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(sha ? `\`${sha}\`` : 'build', c.base.runUrl) ?? (sha ? `\`${sha}\`` : 'build');
    const lines = [`📊 Since ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(c.base.ref)} (${build}): **${changeSummary(c)}**`];
    if (c.removed.length) {
        const named = c.removed.slice(0, MAX_REMOVED_NAMES).map((f) => `~~${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .shortenMiddle */ .jM)(f.path, REMOVED_NAME_CHARS))}~~`);
        const more = c.removed.length - named.length;
        lines.push(`<sub>Removed: ${named.join(' · ')}${more > 0 ? ` … and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .count */ .U9)(more)} more` : ''}</sub>`);
    }
    return lines;
}


/***/ }),

/***/ 9753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hy: () => (/* binding */ recordKey),
/* harmony export */   PL: () => (/* binding */ isAtLeastAsNew),
/* harmony export */   ae: () => (/* binding */ recordFolder),
/* harmony export */   iA: () => (/* binding */ fromRecord),
/* harmony export */   zv: () => (/* binding */ recordOf)
/* harmony export */ });
/* unused harmony exports RECORD_VERSION, toRecord */
/* harmony import */ var _links_base_build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9181);
/* harmony import */ var _links_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9673);
/* harmony import */ var _links_section_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4546);
/**
 * A comment section as the bucket records it. GitHub has no compare-and-swap, so another job's
 * write based on an older read can drop a section from the comment after its job has checked it.
 * Every writer therefore stores its section here before it touches the comment, and renders the
 * comment from all of them: whoever writes last writes every job's latest section back. Pure.
 *
 * One exact place per section and comment, in the action's namespace (keys.ts):
 * `<scope>/.artifact-links/comment/<section-id>.json`.
 */



const RECORD_VERSION = 1;
/** The folder of a scope's comment records. */
function recordFolder(scope) {
    return `${scope}/${_links_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_SEGMENT */ .LK}/comment`;
}
function recordKey(scope, sectionId) {
    return `${recordFolder(scope)}/${sectionId}.json`;
}
/** The record of `section` for the comment with `marker` (stored as JSON). */
function recordOf(section, marker) {
    const { open, ...rest } = section;
    return { version: RECORD_VERSION, marker, section: { ...rest, open: open ? [...open] : undefined } };
}
/** The record as its stored text. */
function toRecord(section, marker) {
    return JSON.stringify(recordOf(section, marker));
}
/**
 * The section a stored record holds, when it is a record of the comment `marker` at `key` that the
 * renderer can show: the section id its key names, files in the scope, ISO times, http(s) links. Anything
 * else (another comment's record, a damaged or foreign object) is undefined: never rendered.
 */
function fromRecord(text, key, scope, marker) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const v = value;
    if (!v || v.version !== RECORD_VERSION || v.marker !== marker || !isObject(v.section))
        return undefined;
    const s = v.section;
    if (typeof s.id !== 'string' || !_links_section_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION_ID */ .gv.test(s.id) || recordKey(scope, s.id) !== key)
        return undefined;
    if (!['title', 'sha', 'runUrl', 'updatedAt', 'expiresAt'].every((f) => typeof s[f] === 'string'))
        return undefined;
    if (!isTime(s.updatedAt) || !isTime(s.expiresAt) || !isUrl(s.runUrl))
        return undefined;
    // Its files lie in the scope it was found in: a record copied into another pull request's folder is not rendered.
    if (!Array.isArray(s.files) || !s.files.every((f) => isEntry(f) && f.key.startsWith(`${scope}/`)))
        return undefined;
    if (s.note !== undefined && typeof s.note !== 'string')
        return undefined;
    if (s.removed !== undefined && typeof s.removed !== 'boolean')
        return undefined;
    if (s.untrusted !== undefined && typeof s.untrusted !== 'boolean')
        return undefined;
    if (s.shareUrl !== undefined && !isUrl(s.shareUrl))
        return undefined;
    if (s.base !== undefined && !(0,_links_base_build_js__WEBPACK_IMPORTED_MODULE_2__/* .isBaseBuild */ .yW)(s.base, isUrl))
        return undefined;
    const qr = s.qr ?? [];
    if (!Array.isArray(qr) || !qr.every(isQrLink))
        return undefined;
    const sites = s.sites ?? [];
    if (!Array.isArray(sites) || !sites.every((x) => isObject(x) && typeof x.path === 'string' && isUrl(x.url)))
        return undefined;
    const open = s.open ?? [];
    if (!Array.isArray(open) || !open.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && isUrl(p[1]))) {
        return undefined;
    }
    return { ...s, open: s.open ? new Map(open) : undefined };
}
/** Whether `body`'s section `id` is at least as new as `record` (sections carry their render time). */
function isAtLeastAsNew(updatedAt, record) {
    return updatedAt !== undefined && (Date.parse(updatedAt) || 0) >= Date.parse(record.updatedAt);
}
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isTime(v) {
    return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}
function isUrl(v) {
    return typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
}
function isEntry(v) {
    if (!isObject(v))
        return false;
    return (typeof v.path === 'string' &&
        typeof v.key === 'string' &&
        typeof v.size === 'number' &&
        typeof v.sha256 === 'string' &&
        typeof v.contentType === 'string' &&
        isUrl(v.url) &&
        isTime(v.expiresAt));
}
function isQrLink(v) {
    return (isObject(v) &&
        (v.of === 'share' || v.of === 'file') &&
        (v.path === undefined || typeof v.path === 'string') &&
        isUrl(v.url) &&
        typeof v.width === 'number');
}


/***/ })

};
