/** The sticky comment's header, recomputed from every section's metadata. Pure. */
import { filesAndBytes, formatUtc, relativeTime } from './format.js';
import { escapeMarkdown, link } from './markdown.js';
import type { SectionMeta } from './markers.js';

export const DEFAULT_TITLE = '📦 Build artifacts';

/**
 * The comment's header: its title, and with several sections, what they add up to (latest commit,
 * earliest expiry, totals). One section says all that itself, so then the title alone.
 */
export function renderHeader(metas: SectionMeta[], opts: { marker: string; title?: string; now: Date }): string {
  const lines = [opts.marker, `### ${escapeMarkdown(opts.title ?? DEFAULT_TITLE)}`];
  if (metas.length === 1) return lines.join('\n');
  const latest = [...metas].sort((a, b) => (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0))[0];
  const bits: string[] = [];
  if (latest?.sha) bits.push(`Commit \`${latest.sha.slice(0, 7)}\``);
  const run = latest && link('workflow run', latest.runUrl);
  if (run) bits.push(run);
  bits.push(`updated ${formatUtc(opts.now)}`);
  lines.push(bits.join(' · '));

  const active = metas.filter((m) => !m.removed && !Number.isNaN(Date.parse(m.expiresAt)));
  if (active.length) {
    const times = active.map((m) => Date.parse(m.expiresAt));
    const earliest = new Date(Math.min(...times));
    const rel = relativeTime(opts.now, earliest);
    const which = times.every((t) => t === times[0]) ? 'Links expire' : 'First links expire';
    lines.push(
      rel === 'expired'
        ? `⌛ Some links have expired (${formatUtc(earliest)}): re-run the job to get fresh ones.`
        : `⏳ ${which} **${formatUtc(earliest)}** — ${rel}`,
    );
  }
  const files = metas.reduce((n, m) => n + m.files, 0);
  const bytes = metas.reduce((n, m) => n + m.bytes, 0);
  const jobs = `${metas.length} job${metas.length === 1 ? '' : 's'}`;
  const older = latest?.sha ? metas.filter((m) => m.sha && m.sha !== latest.sha).length : 0;
  lines.push(`<sub>${jobs} · ${filesAndBytes(files, bytes)}${older ? ` · ${older} from an older commit` : ''}</sub>`);
  return lines.join('\n');
}
