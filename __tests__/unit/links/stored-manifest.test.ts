import { describe, expect, it } from '@jest/globals';
import {
  isManifestKey,
  latestPerSection,
  MANIFEST_NAME,
  manifestKey,
  parseStoredManifest,
  type StoredManifest,
} from '../../../src/links/stored-manifest.js';

function manifest(id: string, uploadedAt: string, extra: Partial<StoredManifest> = {}): StoredManifest {
  return {
    version: 1,
    section: { id, title: `title of ${id}` },
    sha: 'abc1234',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    uploadedAt,
    files: [
      { path: `dist/${id}.txt`, key: `o/r/pr-1/abc1234/${id}/${id}.txt`, size: 3, sha256: 'f'.repeat(64), contentType: 'text/plain' },
    ],
    ...extra,
  };
}

describe('manifestKey / isManifestKey', () => {
  it('puts the manifest beside the files of a prefix', () => {
    expect(manifestKey('o/r/pr-1/abc1234/build')).toBe(`o/r/pr-1/abc1234/build/${MANIFEST_NAME}`);
    expect(manifestKey('')).toBe(MANIFEST_NAME);
  });

  it.each([
    [`a/b/${MANIFEST_NAME}`, true],
    [MANIFEST_NAME, true],
    [`a/b/x${MANIFEST_NAME}`, false],
    [`a/b/${MANIFEST_NAME}.bak`, false],
    ['a/b/app.json', false],
  ])('isManifestKey(%j) is %s', (key, expected) => {
    expect(isManifestKey(key)).toBe(expected);
  });
});

describe('parseStoredManifest', () => {
  it('returns a manifest this action wrote', () => {
    const m = manifest('build', '2026-01-01T00:00:00.000Z');
    expect(parseStoredManifest(JSON.stringify(m), 'k')).toEqual(m);
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['another version', JSON.stringify({ ...manifest('b', 't'), version: 2 })],
    ['no section id', JSON.stringify({ ...manifest('b', 't'), section: { title: 'x' } })],
    ['files not a list', JSON.stringify({ ...manifest('b', 't'), files: 'all' })],
    ['an empty object', '{}'],
  ])('refuses %s, naming the key and the fix', (_label, text) => {
    expect(() => parseStoredManifest(text, 'o/r/pr-1/x/.artifact-links.json')).toThrow(
      'o/r/pr-1/x/.artifact-links.json is not a manifest this action wrote (version 1); delete it or upload again.',
    );
  });
});

describe('latestPerSection', () => {
  it('keeps the newest manifest of each section, ordered by section id', () => {
    const oldBuild = manifest('build', '2026-01-01T00:00:00.000Z', { sha: 'old' });
    const newBuild = manifest('build', '2026-01-02T00:00:00.000Z', { sha: 'new' });
    const docs = manifest('docs', '2026-01-01T12:00:00.000Z');
    const apps = manifest('apps', '2025-12-31T00:00:00.000Z');
    expect(latestPerSection([docs, newBuild, oldBuild, apps])).toEqual([apps, newBuild, docs]);
    expect(latestPerSection([oldBuild, newBuild]).map((m) => m.sha)).toEqual(['new']);
    expect(latestPerSection([newBuild, oldBuild]).map((m) => m.sha)).toEqual(['new']);
  });

  it('keeps the first of two manifests uploaded at the same time', () => {
    const a = manifest('build', '2026-01-01T00:00:00.000Z', { sha: 'a' });
    const b = manifest('build', '2026-01-01T00:00:00.000Z', { sha: 'b' });
    expect(latestPerSection([a, b]).map((m) => m.sha)).toEqual(['a']);
  });

  it('is empty for no manifests', () => {
    expect(latestPerSection([])).toEqual([]);
  });
});
