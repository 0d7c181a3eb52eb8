import { describe, expect, it } from '@jest/globals';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';
import { sectionOf } from '../../../src/links/section.js';
import type { StoredManifest } from '../../../src/links/stored-manifest.js';
import { renewedSections } from '../../../src/steps/renew.js';
import { untrustedNote } from '../../../src/steps/untrusted.js';

const SECTION = sectionOf({ section: 'docs' });
const PREFIX = `o/r/pr-7/abc1234/${SECTION.id}`;
const FILE = { path: 'out/index.html', key: `${PREFIX}/index.html`, size: 5, sha256: 'a'.repeat(64), contentType: 'text/html' };
const ENTRY: ManifestEntry = { ...FILE, url: 'https://b.example/x?sig=1', expiresAt: '2026-12-09T00:00:00.000Z' };
const LIFETIME = { expiresAt: new Date('2026-12-09T00:00:00.000Z') } as Parameters<typeof renewedSections>[2];

function manifest(extra: Partial<StoredManifest> = {}): StoredManifest {
  return {
    version: 2,
    source: { section: 'docs' },
    section: SECTION,
    prefix: PREFIX,
    sha: 'abc1234abc1234abc1234abc1234abc1234abc1',
    runUrl: 'https://github.com/o/r/actions/runs/42',
    uploadedAt: '2026-12-01T00:00:00.000Z',
    files: [FILE],
    ...extra,
  };
}

describe('renewedSections', () => {
  const renew = (m: StoredManifest) => renewedSections([m], [ENTRY], LIFETIME, '2026-12-02T10:30:00.000Z', { expiryAssumed: false })[0];

  it("renders a fork's restricted files as the upload did: untrusted, and the restriction in the note", () => {
    const s = renew(manifest({ untrusted: { fork: 'mallory/widgets' } }));
    expect(s.untrusted).toBe(true);
    expect(s.note).toBe(`${untrustedNote('mallory/widgets')} Links renewed 2026-12-02 10:30 UTC without rebuilding.`);
    expect(s.note).toMatch(/^Built from the fork mallory\/widgets's code: no sites/);
  });

  it("leaves this repository's own files unrestricted", () => {
    const s = renew(manifest());
    expect(s).not.toHaveProperty('untrusted');
    expect(s.note).toBe('Links renewed 2026-12-02 10:30 UTC without rebuilding.');
    expect(s.files).toEqual([ENTRY]);
  });
});
