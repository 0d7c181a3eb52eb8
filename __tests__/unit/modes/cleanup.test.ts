import { describe, expect, it } from '@jest/globals';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';
import { removedSections } from '../../../src/modes/cleanup.js';
import { mergeComment } from '../../../src/render/comment-body.js';
import { commentMarker, parseSections, type SectionData } from '../../../src/render/markers.js';

const NOW = new Date('2026-11-22T14:00:00Z');
const MARKER = commentMarker('key');
const EXPIRES = '2026-11-29T14:00:00.000Z';

function file(name: string): ManifestEntry {
  return {
    path: `dist/${name}`,
    key: `p/${name}`,
    size: 10,
    sha256: 'a'.repeat(64),
    contentType: 'text/plain',
    url: `https://b.s3.amazonaws.com/p/${name}?X-Amz-Signature=1`,
    expiresAt: EXPIRES,
  };
}

function section(id: string, extra: Partial<SectionData> = {}): SectionData {
  return {
    id,
    title: `Job ${id}`,
    sha: 'abcdef1234567890',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    updatedAt: NOW.toISOString(),
    expiresAt: EXPIRES,
    files: [file(`${id}.txt`)],
    ...extra,
  };
}

function body(...sections: SectionData[]): string {
  return sections.reduce<string | undefined>((b, s) => mergeComment(b, s, { marker: MARKER, now: NOW }), undefined)!;
}

describe('removedSections', () => {
  const later = '2026-11-23T09:00:00.000Z';

  const all = new Set(['build', 'docs']);

  it('re-renders the given sections that show links as removed, keeping their identity', () => {
    const removed = removedSections(body(section('build'), section('docs')), all, later);
    expect(removed).toEqual([
      {
        id: 'build',
        title: 'Job build',
        sha: 'abcdef123456',
        runUrl: 'https://github.com/o/r/actions/runs/1',
        updatedAt: later,
        expiresAt: EXPIRES,
        files: [],
        removed: true,
      },
      {
        id: 'docs',
        title: 'Job docs',
        sha: 'abcdef123456',
        runUrl: 'https://github.com/o/r/actions/runs/1',
        updatedAt: later,
        expiresAt: EXPIRES,
        files: [],
        removed: true,
      },
    ]);
  });

  it('leaves sections already removed alone (cleanup is idempotent)', () => {
    const first = body(section('build'), section('docs', { files: [], removed: true }));
    expect(removedSections(first, all, later).map((s) => s.id)).toEqual(['build']);
    const after = removedSections(first, all, later).reduce((b, s) => mergeComment(b, s, { marker: MARKER, now: NOW }), first);
    expect(removedSections(after, all, later)).toEqual([]);
    expect([...parseSections(after).values()].every((s) => s.meta?.removed)).toBe(true);
    expect(after).not.toContain('X-Amz-Signature');
  });

  it('leaves sections it did not remove alone (the comment is shared by every bucket and key-prefix)', () => {
    expect(removedSections(body(section('build'), section('docs')), new Set(['docs']), later).map((s) => s.id)).toEqual(['docs']);
    expect(removedSections(body(section('build')), new Set(), later)).toEqual([]);
  });

  it('skips sections whose metadata cannot be read, and bodies without sections', () => {
    const broken = body(section('build')).replace(/meta=[A-Za-z0-9+/=]+/, 'meta=bm90IGpzb24=');
    expect(removedSections(broken, all, later)).toEqual([]);
    expect(removedSections('a comment someone else wrote', all, later)).toEqual([]);
  });
});
