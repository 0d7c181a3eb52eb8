import { describe, expect, it } from '@jest/globals';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';
import { sectionOf } from '../../../src/links/section.js';
import type { SectionData } from '../../../src/render/markers.js';
import { commitStatusOf, MAX_STATUS_DESCRIPTION, statusContext, statusDescription } from '../../../src/render/status.js';

const file = (path: string, size: number, sha256 = 'a'.repeat(64)): ManifestEntry => ({
  path,
  key: `k/${path}`,
  size,
  sha256,
  contentType: 'text/plain',
  url: `https://b.s3.amazonaws.com/k/${path}?sig=1`,
  expiresAt: '2026-11-29T14:00:00.000Z',
});

const section = (extra: Partial<SectionData> = {}): SectionData => ({
  id: 'build-0123456789',
  title: 'CI / build (linux)',
  sha: 'f'.repeat(40),
  runUrl: 'https://github.com/o/r/actions/runs/42',
  updatedAt: '2026-11-22T14:00:00.000Z',
  expiresAt: '2026-11-29T14:00:00.000Z',
  files: [file('a.txt', 1000), file('b.txt', 536)],
  shareUrl: 'https://b.s3.amazonaws.com/k/.artifact-links/share.html?sig=2',
  ...extra,
});

describe('commitStatusOf', () => {
  it("names the section, says what it holds and links the share page as the status's Details", () => {
    expect(commitStatusOf(section())).toEqual({
      state: 'success',
      context: 's3-artifact-links / CI / build (linux) · 0123456789',
      description: '2 files, 1.5 KiB · links expire 2026-11-29 14:00 UTC',
      target_url: 'https://b.s3.amazonaws.com/k/.artifact-links/share.html?sig=2',
    });
  });

  it('links the workflow run without a share page, and nothing that is not http(s)', () => {
    expect(commitStatusOf(section({ shareUrl: undefined })).target_url).toBe('https://github.com/o/r/actions/runs/42');
    expect(commitStatusOf(section({ shareUrl: undefined, runUrl: 'javascript:alert(1)' }))).not.toHaveProperty('target_url');
  });

  it('sums up the comparison with the base branch', () => {
    const base = {
      ref: 'main',
      sha: 'e'.repeat(40),
      runUrl: 'https://github.com/o/r/actions/runs/41',
      uploadedAt: '2026-11-21T00:00:00Z',
      files: [{ path: 'a.txt', size: 900, sha256: 'b'.repeat(64) }],
    };
    expect(statusDescription(section({ base }))).toBe(
      '2 files, 1.5 KiB · 1 changed, 1 new, +636 B since main · links expire 2026-11-29 14:00 UTC',
    );
  });

  it('stays within 140 characters, and keeps names to plain text', () => {
    const base = {
      ref: 'b'.repeat(200),
      sha: 'e'.repeat(40),
      runUrl: 'https://github.com/o/r/actions/runs/41',
      uploadedAt: '2026-11-21T00:00:00Z',
      files: [],
    };
    const d = statusDescription(section({ base }));
    expect(Array.from(d).length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION);
    expect(d).toBe('2 files, 1.5 KiB · links expire 2026-11-29 14:00 UTC');
    const context = statusContext({ id: 'x-0123456789', title: `evil\u202e${'t'.repeat(300)}\n` });
    expect(Array.from(context).length).toBe(100);
    expect(context).not.toMatch(/[\u202e\n]/);
    expect(context).toMatch(/ · 0123456789$/);
  });

  it('never gives two sections one status: same titles, or long titles that differ only where they are cut', () => {
    const a = sectionOf({ workflow: 'o/r/.github/workflows/ci.yml', workflowName: 'CI', job: 'build', matrix: '{"os":"linux"}', step: '' });
    const b = sectionOf({
      workflow: 'o/r/.github/workflows/ci.yml',
      workflowName: 'CI',
      job: 'build',
      matrix: '{"platform":"linux"}',
      step: '',
    });
    expect(a.title).toBe(b.title);
    expect(statusContext(a)).not.toBe(statusContext(b));
    const long = (middle: string) => sectionOf({ section: `${'x'.repeat(60)}${middle}${'y'.repeat(60)}` });
    const [c, d] = [long('first'), long('other')];
    expect(statusContext(c)).not.toBe(statusContext(d));
    expect(statusContext(c).replace(/ · [0-9a-f]{10}$/, '')).toBe(statusContext(d).replace(/ · [0-9a-f]{10}$/, ''));
    // The same section keeps its status from run to run.
    expect(statusContext(long('first'))).toBe(statusContext(c));
  });
});
