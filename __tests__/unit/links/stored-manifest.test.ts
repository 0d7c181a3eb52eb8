import { describe, expect, it } from '@jest/globals';
import { sectionOf, type SectionSource } from '../../../src/links/section.js';
import {
  checkStoredManifest,
  isRunUrl,
  type ManifestExpectations,
  manifestKey,
  manifestSectionId,
  type StoredManifest,
} from '../../../src/links/stored-manifest.js';

const SCOPE = 'o/r/pr-1';
const RUNS = 'https://github.com/o/r/actions/runs/';
const SOURCE: SectionSource = {
  workflow: 'o/r/.github/workflows/ci.yml',
  workflowName: 'CI',
  job: 'build',
  matrix: '{"os":"linux"}',
  step: '',
};
const SECTION = sectionOf(SOURCE);
const PREFIX = `${SCOPE}/abc1234/${SECTION.id}`;

function manifest(extra: Partial<StoredManifest> = {}): StoredManifest {
  return {
    version: 2,
    source: SOURCE,
    section: SECTION,
    prefix: PREFIX,
    sha: 'abc1234abc1234abc1234abc1234abc1234abc1',
    runUrl: `${RUNS}42`,
    uploadedAt: '2026-01-01T00:00:00.000Z',
    files: [{ path: 'dist/app.txt', key: `${PREFIX}/app.txt`, size: 3, sha256: 'f'.repeat(64), contentType: 'text/plain' }],
    ...extra,
  };
}

const EXPECT: ManifestExpectations = { scope: SCOPE, sectionId: SECTION.id, runsUrl: RUNS };
const check = (m: unknown, e: Partial<ManifestExpectations> = {}) => checkStoredManifest(JSON.stringify(m), { ...EXPECT, ...e });

describe('manifestKey / manifestSectionId', () => {
  it("puts one manifest per section in the scope's reserved folder", () => {
    expect(manifestKey(SCOPE, SECTION.id)).toBe(`${SCOPE}/.artifact-links/${SECTION.id}.json`);
    expect(manifestSectionId(SCOPE, manifestKey(SCOPE, SECTION.id))).toBe(SECTION.id);
  });

  it.each([
    `${SCOPE}/.artifact-links.json`,
    `${SCOPE}/abc1234/build/.artifact-links.json`,
    `${SCOPE}/abc1234/.artifact-links/${SECTION.id}.json`,
    `${SCOPE}/.artifact-links/nested/${SECTION.id}.json`,
    `${SCOPE}/.artifact-links/build.json`,
    `${SCOPE}/.artifact-links/${SECTION.id}.json.bak`,
    `o/r/pr-10/.artifact-links/${SECTION.id}.json`,
  ])('does not take %j for a manifest', (key) => {
    expect(manifestSectionId(SCOPE, key)).toBeUndefined();
  });
});

describe('checkStoredManifest', () => {
  it('accepts a manifest the action wrote, found where it writes it', () => {
    expect(check(manifest())).toEqual({ manifest: manifest() });
    expect(check(manifest({ runUrl: `${RUNS}42/attempts/3` }))).toHaveProperty('manifest');
    const named = { section: 'docs' };
    expect(check(manifest({ source: named, section: sectionOf(named) }), { sectionId: sectionOf(named).id })).toHaveProperty('manifest');
  });

  it('accepts the site folders of the upload, relative to its prefix', () => {
    expect(check(manifest({ sites: ['', 'coverage/', 'docs/api v2/'] }))).toHaveProperty('manifest');
    expect(check(manifest({ sites: [] }))).toHaveProperty('manifest');
  });

  it.each<[string, unknown, Partial<ManifestExpectations>]>([
    ['not JSON', '{oops', {}],
    ['JSON null', null, {}],
    ['an old version 1 manifest', { ...manifest(), version: 1 }, {}],
    ['no identity', { ...manifest(), source: undefined }, {}],
    ['an identity with extra fields', { ...manifest(), source: { ...SOURCE, extra: 'x' } }, {}],
    ['found under another section id', manifest(), { sectionId: sectionOf({ section: 'other' }).id }],
    [
      'a section id that does not follow from its identity',
      manifest({ section: { ...SECTION, id: 'build-0000000000' } }),
      { sectionId: 'build-0000000000' },
    ],
    ['a forged title', manifest({ section: { ...SECTION, title: 'Approved by security ✅' } }), {}],
    ['a run URL of another repository', manifest({ runUrl: 'https://github.com/evil/r/actions/runs/42' }), {}],
    ['a run URL elsewhere', manifest({ runUrl: 'https://evil.example/o/r/actions/runs/42' }), {}],
    ['a run URL with a tail', manifest({ runUrl: `${RUNS}42/../../../../evil` }), {}],
    ['a run URL with a query', manifest({ runUrl: `${RUNS}42?x=1` }), {}],
    ['a prefix outside the scope', manifest({ prefix: 'o/r/pr-2/abc1234/build' }), {}],
    ['a prefix that only starts like the scope', manifest({ prefix: `${SCOPE}0/abc` }), {}],
    ['a prefix with ..', manifest({ prefix: `${SCOPE}/../pr-2` }), {}],
    ['a file key outside its prefix', manifest({ files: [{ ...manifest().files[0], key: `${SCOPE}/other/app.txt` }] }), {}],
    ['a file key with ..', manifest({ files: [{ ...manifest().files[0], key: `${PREFIX}/../other/app.txt` }] }), {}],
    ['a file key in the reserved folder', manifest({ files: [{ ...manifest().files[0], key: `${PREFIX}/.artifact-links/x.json` }] }), {}],
    [
      'a file key with the reserved worker name',
      manifest({ files: [{ ...manifest().files[0], key: `${PREFIX}/.artifact-links-sw.js` }] }),
      {},
    ],
    ['site folders that are not a list', { ...manifest(), sites: 'docs/' }, {}],
    ['a site folder that is not text', { ...manifest(), sites: [1] }, {}],
    ['a site folder without its trailing /', manifest({ sites: ['docs'] }), {}],
    ['a site folder that climbs out of its prefix', manifest({ sites: ['../other/'] }), {}],
    ['a site folder with an empty segment', manifest({ sites: ['a//'] }), {}],
    ['a site folder in the reserved namespace', manifest({ sites: ['.artifact-links/'] }), {}],
    ['a file without a size', manifest({ files: [{ ...manifest().files[0], size: -1 }] }), {}],
    ['a file without a SHA-256', manifest({ files: [{ ...manifest().files[0], sha256: 'nope' }] }), {}],
    ['no file list', { ...manifest(), files: 'x' }, {}],
    ['a commit that is not hex', manifest({ sha: 'main; rm -rf' }), {}],
  ])('skips %s', (_label, value, e) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    expect(checkStoredManifest(text, { ...EXPECT, ...e })).toHaveProperty('problem');
  });
});

describe('isRunUrl', () => {
  it.each([
    [`${RUNS}1`, true],
    [`${RUNS}123/attempts/2`, true],
    [`${RUNS}`, false],
    [`${RUNS}1/attempts/`, false],
    [`${RUNS}1/jobs/2`, false],
    [`${RUNS}x`, false],
  ])('%j → %s', (url, expected) => {
    expect(isRunUrl(url, RUNS)).toBe(expected);
  });
});

describe('checkStoredManifest: the base-branch build a pull request was compared with', () => {
  const base = {
    ref: 'main',
    sha: 'fedcba9876543210fedcba9876543210fedcba98',
    runUrl: `${RUNS}41`,
    uploadedAt: '2026-01-01T00:00:00.000Z',
    files: [{ path: 'dist/app.txt', size: 3, sha256: 'e'.repeat(64) }],
  };

  it('keeps a sound one', () => {
    expect(check(manifest({ base }))).toEqual({ manifest: manifest({ base }) });
  });

  it.each<[string, unknown]>([
    ['a run of another repository', { ...base, runUrl: 'https://github.com/evil/r/actions/runs/1' }],
    ['a ref that is no branch name', { ...base, ref: 'main..x' }],
    ['a ref with a control character', { ...base, ref: 'ma\nin' }],
    ['no commit', { ...base, sha: 'zzz' }],
    ['a file without a SHA-256', { ...base, files: [{ path: 'a', size: 1, sha256: 'x' }] }],
    ['a negative size', { ...base, files: [{ path: 'a', size: -1, sha256: 'e'.repeat(64) }] }],
    ['no file list', { ...base, files: undefined }],
  ])('refuses %s', (_why, bad) => {
    expect(check({ ...manifest(), base: bad })).toEqual({ problem: 'has a base-branch build that is not one of this repository' });
  });
});

describe("checkStoredManifest: a fork's restriction", () => {
  it.each(['mallory/widgets', 'unknown'])('keeps %s', (fork) => {
    expect(check(manifest({ untrusted: { fork } }))).toEqual({ manifest: manifest({ untrusted: { fork } }) });
  });

  it.each<[string, unknown]>([
    ['true instead of a fork', true],
    ['an empty name', { fork: '' }],
    ['a name with a line break', { fork: 'mallory/w\n# heading' }],
    ['a name too long', { fork: 'm/'.padEnd(201, 'x') }],
    ['another field', { fork: 'mallory/widgets', trusted: true }],
  ])('refuses %s', (_why, bad) => {
    expect(check({ ...manifest(), untrusted: bad })).toEqual({ problem: "has a fork's restriction that is not one" });
  });
});
