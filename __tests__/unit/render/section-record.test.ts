import { describe, expect, it } from '@jest/globals';
import type { SectionData } from '../../../src/render/markers.js';
import { fromRecord, isAtLeastAsNew, recordKey, toRecord } from '../../../src/render/section-record.js';

const SCOPE = 'octo/app/pr-7';
const MARKER = '<!-- s3-artifact-links:default -->';
const section: SectionData = {
  id: 'build-linux-0123456789',
  title: 'build (linux)',
  sha: 'abcdef1234567',
  runUrl: 'https://github.com/octo/app/actions/runs/1',
  updatedAt: '2026-12-02T10:00:00.000Z',
  expiresAt: '2026-12-09T10:00:00.000Z',
  files: [
    {
      path: 'dist/a.txt',
      key: 'octo/app/pr-7/build-linux-0123456789/dist/a.txt',
      size: 3,
      sha256: 'ab'.repeat(32),
      contentType: 'text/plain',
      url: 'https://s3.example/a?X-Amz-Signature=1',
      expiresAt: '2026-12-09T10:00:00.000Z',
    },
  ],
  note: 'a note',
  sites: [{ path: 'dist/', url: 'https://s3.example/site' }],
  shareUrl: 'https://s3.example/share',
  open: new Map([['octo/app/pr-7/build-linux-0123456789/dist/a.txt', 'https://s3.example/open']]),
};
const key = recordKey(SCOPE, section.id);

describe('section records', () => {
  it('round-trips a section, its open links included, at its own key', () => {
    expect(key).toBe('octo/app/pr-7/.artifact-links/comment/build-linux-0123456789.json');
    expect(fromRecord(toRecord(section, MARKER), key, SCOPE, MARKER)).toEqual(section);
  });

  it('renders nothing that is not a sound record of this comment at this key', () => {
    const text = toRecord(section, MARKER);
    const tweak = (f: (r: { section: Record<string, unknown> } & Record<string, unknown>) => void) => {
      const r = JSON.parse(text);
      f(r);
      return JSON.stringify(r);
    };
    expect(fromRecord(text, key, SCOPE, '<!-- s3-artifact-links:nightly -->')).toBeUndefined(); // another comment's
    expect(fromRecord(text, recordKey(SCOPE, 'build-mac-0123456789'), SCOPE, MARKER)).toBeUndefined(); // another key
    expect(fromRecord(text, recordKey('octo/app/pr-8', section.id), 'octo/app/pr-8', MARKER)).toBeUndefined();
    expect(fromRecord('not json', key, SCOPE, MARKER)).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => (r.version = 2)),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => (r.section.updatedAt = 'yesterday')),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => (r.section.shareUrl = 'javascript:alert(1)')),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => ((r.section.files as { url: string }[])[0].url = 'data:text/html,x')),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => (r.section.sites = [{ path: 'x', url: 'vbscript:x' }])),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => (r.section.open = [['k', 'ftp://x']])),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
    expect(
      fromRecord(
        tweak((r) => (r.section.id = '../x')),
        key,
        SCOPE,
        MARKER,
      ),
    ).toBeUndefined();
  });

  it('keeps a sound base build and QR codes, and renders nothing of a record whose base, QR codes or content types are damaged', () => {
    const full: SectionData = {
      ...section,
      base: {
        ref: 'main',
        sha: '0123456789abcdef0123456789abcdef01234567',
        runUrl: 'https://github.com/octo/app/actions/runs/2',
        uploadedAt: '2026-12-01T10:00:00.000Z',
        files: [{ path: 'dist/a.txt', size: 2, sha256: 'cd'.repeat(32) }],
      },
      qr: [{ of: 'share', url: 'https://s3.example/qr.png', width: 132 }],
    };
    expect(fromRecord(toRecord(full, MARKER), key, SCOPE, MARKER)).toEqual(full);
    const damaged = (f: (s: Record<string, unknown>) => void) => {
      const r = JSON.parse(toRecord(full, MARKER));
      f(r.section);
      return fromRecord(JSON.stringify(r), key, SCOPE, MARKER);
    };
    expect(damaged((s) => ((s.base as Record<string, unknown>).files = 'none'))).toBeUndefined();
    expect(damaged((s) => ((s.base as Record<string, unknown>).ref = '../main'))).toBeUndefined();
    expect(damaged((s) => (s.qr = [{ of: 'share', url: 'javascript:x', width: 1 }]))).toBeUndefined();
    expect(damaged((s) => (s.qr = 'qr'))).toBeUndefined();
    expect(damaged((s) => delete (s.files as Record<string, unknown>[])[0].contentType)).toBeUndefined();
  });

  it('a comment section is at least as new as a record when rendered at or after it', () => {
    expect(isAtLeastAsNew('2026-12-02T10:00:00.000Z', section)).toBe(true);
    expect(isAtLeastAsNew('2026-12-02T10:00:01.000Z', section)).toBe(true);
    expect(isAtLeastAsNew('2026-12-02T09:59:59.000Z', section)).toBe(false);
    expect(isAtLeastAsNew(undefined, section)).toBe(false);
    expect(isAtLeastAsNew('garbage', section)).toBe(false);
  });
});
