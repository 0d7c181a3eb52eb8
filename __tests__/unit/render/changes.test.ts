import { describe, expect, it } from '@jest/globals';
import type { BaseBuild } from '../../../src/links/base-build.js';
import { changeCell, changeSummary, compareWithBase, comparisonLines, signedBytes } from '../../../src/render/changes.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

function base(files: BaseBuild['files']): BaseBuild {
  return {
    ref: 'main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    runUrl: 'https://github.com/o/r/actions/runs/7',
    uploadedAt: '2026-11-20T10:00:00Z',
    files,
  };
}

describe('compareWithBase', () => {
  it('marks each file changed, new or unchanged, lists removed files and sums the size change', () => {
    const c = compareWithBase(
      [
        { path: 'dist/app.js', size: 3000, sha256: B }, // was 1000 bytes, A
        { path: 'dist/same.css', size: 500, sha256: C },
        { path: 'dist/new.txt', size: 100, sha256: A },
        { path: 'dist/resized.bin', size: 10, sha256: C }, // same size, other bytes
      ],
      base([
        { path: 'dist/app.js', size: 1000, sha256: A },
        { path: 'dist/same.css', size: 500, sha256: C },
        { path: 'dist/resized.bin', size: 10, sha256: B },
        { path: 'dist/z-gone.txt', size: 40, sha256: A },
        { path: 'dist/a-gone.txt', size: 60, sha256: A },
      ]),
    );
    expect(c.files.get('dist/app.js')).toEqual({ status: 'changed', delta: 2000 });
    expect(c.files.get('dist/same.css')).toEqual({ status: 'same', delta: 0 });
    expect(c.files.get('dist/new.txt')).toEqual({ status: 'new', delta: 100 });
    expect(c.files.get('dist/resized.bin')).toEqual({ status: 'changed', delta: 0 });
    expect(c.removed).toEqual([
      { path: 'dist/a-gone.txt', size: 60 },
      { path: 'dist/z-gone.txt', size: 40 },
    ]);
    expect([c.changed, c.added, c.unchanged]).toEqual([2, 1, 1]);
    // 3610 now, 1610 before.
    expect(c.delta).toBe(2000);
    expect(changeSummary(c)).toBe('2 changed, 1 new, 2 removed, +2.0 KiB');
  });

  it('says so when nothing changed, and counts each path once', () => {
    const c = compareWithBase(
      [
        { path: 'x', size: 5, sha256: A },
        { path: 'x', size: 9, sha256: B },
      ],
      base([
        { path: 'x', size: 5, sha256: A },
        { path: 'x', size: 7, sha256: C },
      ]),
    );
    expect(changeSummary(c)).toBe('no changes, ±0 B');
    expect(c.removed).toEqual([]);
  });

  it('an empty base makes every file new', () => {
    const c = compareWithBase([{ path: 'x', size: 2048, sha256: A }], base([]));
    expect(changeSummary(c)).toBe('1 new, +2.0 KiB');
  });
});

describe('rendering', () => {
  it('signs sizes', () => {
    expect(signedBytes(2150)).toBe('+2.1 KiB');
    expect(signedBytes(-300)).toBe('-300 B');
    expect(signedBytes(0)).toBe('±0 B');
  });

  it('has a cell for each kind of change', () => {
    expect(changeCell({ status: 'new', delta: 5 })).toBe('🆕 new');
    expect(changeCell({ status: 'same', delta: 0 })).toBe('unchanged');
    expect(changeCell({ status: 'changed', delta: -1536 })).toBe('✏️ -1.5 KiB');
    expect(changeCell({ status: 'changed', delta: 0 })).toBe('✏️ changed, same size');
    expect(changeCell(undefined)).toBe('—');
  });

  it('sums up against the base build and names removed files as inert text, at most ten', () => {
    const removed = Array.from({ length: 12 }, (_, i) => ({ path: `old/@octocat-${String(i).padStart(2, '0')}.txt`, size: 1, sha256: A }));
    const c = compareWithBase([], { ...base(removed), ref: 'release/1.x' });
    const [summary, gone] = comparisonLines(c);
    expect(summary).toBe('📊 Since release/1.x ([`0123456`](https://github.com/o/r/actions/runs/7)): **12 removed, -12 B**');
    expect(gone.match(/~~/g)).toHaveLength(20);
    expect(gone).toContain('@\u2060octocat-00.txt');
    expect(gone).not.toContain('octocat-10');
    expect(gone).toMatch(/… and 2 more<\/sub>$/);
  });
});
