import { describe, expect, it } from '@jest/globals';
import { slug } from '../../../src/links/keys.js';
import { ASSUMED_EXPIRY_CAVEAT, SECTION_ID, sectionNote, sectionOf, sectionSource } from '../../../src/links/section.js';

const RUN = { workflowPath: 'octo/app/.github/workflows/ci.yml', workflow: 'CI', job: 'build', step: '__your-org_s3-artifact-links' };
const job = (matrix = '', run: Partial<typeof RUN> = {}) => sectionOf(sectionSource('', { ...RUN, ...run }, matrix));
const named = (section: string) => sectionOf(sectionSource(section, RUN, ''));

describe('sectionOf: ids', () => {
  it('is a readable slug plus a 10-digit hash of the whole identity', () => {
    expect(job('{"os":"ubuntu-latest","node":24}').id).toMatch(/^build-ubuntu-latest-24-[0-9a-f]{10}$/);
    expect(named('docs preview').id).toMatch(/^docs-preview-[0-9a-f]{10}$/);
    expect(job().id).toMatch(/^build-[0-9a-f]{10}$/);
  });

  it('is stable: the same identity always gives the same id (a re-run overwrites in place)', () => {
    expect(job('{"os":"linux","node":20}').id).toBe(job('{"os":"linux","node":20}').id);
    // The same matrix in another JSON layout is the same leg.
    expect(job('{\n  "os": "linux",\n  "node": 20\n}').id).toBe(job('{"os":"linux","node":20}').id);
    // The workflow's display name is not part of the identity.
    expect(job('', { workflow: 'Renamed CI' }).id).toBe(job().id);
  });

  it.each([
    ['another workflow file', { workflowPath: 'octo/app/.github/workflows/release.yml' }],
    ['another job', { job: 'build2' }],
    ['a second use of the action in the job', { step: '__your-org_s3-artifact-links_2' }],
    ['a step with an id', { step: 'upload-docs' }],
  ])('separates %s', (_label, run) => {
    expect(job('', run).id).not.toBe(job().id);
  });

  it('separates matrix legs, and values that slug alike', () => {
    expect(job('{"os":"linux","node":20}').id).not.toBe(job('{"os":"linux","node":22}').id);
    expect(job('{"os":"a b"}').id).not.toBe(job('{"os":"a-b"}').id);
    expect(job('{"v":"1"}').id).not.toBe(job('{"v":1}').id);
  });

  it.each([
    ['a b', 'a-b'],
    ['a/b', 'a-b'],
    ['тест', 'проверка'],
    ['构建', '测试'],
    ['é', 'è'],
    ['x', ' x'],
  ])('gives %j and %j distinct ids', (a, b) => {
    expect(named(a).id).not.toBe(named(b).id);
  });

  it('gives names with nothing readable a readable fallback', () => {
    expect(named('构建').id).toMatch(/^section-[0-9a-f]{10}$/);
  });

  it('separates the section input from a default section that slugs alike', () => {
    expect(named('build').id).not.toBe(job().id);
  });

  it.each(['a/b', '..', 'x y', '{pr}', 'é', '../x --> <b>', '-'.repeat(50), `${'a'.repeat(39)}-b`, `${'a'.repeat(39)}.b`])(
    'always gives one safe, bounded key segment that is its own slug (input %j)',
    (input) => {
      const { id } = named(input);
      expect(id).toMatch(SECTION_ID);
      expect(id.length).toBeLessThanOrEqual(51);
      expect(slug(id)).toBe(id);
      expect(id).not.toContain('--');
    },
  );

  it('bounds very long section names and matrix values (no ENAMETOOLONG later)', () => {
    const long = 'x'.repeat(100_000);
    expect(named(long).id).toMatch(/^x{40}-[0-9a-f]{10}$/);
    expect(job(JSON.stringify({ v: long })).id).toMatch(/^build-x{34}-[0-9a-f]{10}$/);
    expect(named(long).id).not.toBe(named(`${long}y`).id);
    expect(Array.from(named(long).title)).toHaveLength(200);
    expect(named(long).title.endsWith('…')).toBe(true);
  });
});

describe('sectionOf: titles', () => {
  it.each([
    ['the section input, as written', sectionSource('docs preview', RUN, '{"os":"linux"}'), 'docs preview'],
    ['workflow / job', sectionSource('', RUN, 'null'), 'CI / build'],
    [
      'workflow / job (matrix values in order)',
      sectionSource('', RUN, '{"os":"ubuntu-latest","node":20}'),
      'CI / build (ubuntu-latest, 20)',
    ],
    ['nested values as JSON', sectionSource('', RUN, '{"cfg":{"a":1}}'), 'CI / build ({"a":1})'],
    ['invalid matrix JSON: no values', sectionSource('', RUN, '{os: linux}'), 'CI / build'],
    ['a second use of the action', sectionSource('', { ...RUN, step: '__your-org_s3-artifact-links_2' }, ''), 'CI / build · #2'],
    ['a step with an id', sectionSource('', { ...RUN, step: 'docs' }, ''), 'CI / build · docs'],
  ])('%s', (_label, source, title) => {
    expect(sectionOf(source).title).toBe(title);
  });
});

describe('sectionNote', () => {
  it('is undefined when there is nothing to say', () => {
    expect(sectionNote({})).toBeUndefined();
    expect(sectionNote({ expiryAssumed: false }, undefined, '')).toBeUndefined();
  });

  it('joins the given sentences in order, skipping empty ones', () => {
    expect(sectionNote({}, 'First.', undefined, 'Second.')).toBe('First. Second.');
  });

  it('adds the caveat last when the expiry is an assumption', () => {
    expect(sectionNote({ expiryAssumed: true })).toBe(ASSUMED_EXPIRY_CAVEAT);
    expect(sectionNote({ expiryAssumed: true }, '2 files failed.')).toBe(`2 files failed. ${ASSUMED_EXPIRY_CAVEAT}`);
    expect(ASSUMED_EXPIRY_CAVEAT).toMatch(/unknown expiry.*may be before the time stated/);
  });

  it('adds no caveat for a known expiry', () => {
    expect(sectionNote({ expiryAssumed: false }, 'Links renewed.')).toBe('Links renewed.');
  });
});
