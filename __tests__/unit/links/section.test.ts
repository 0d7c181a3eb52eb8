import { describe, expect, it } from '@jest/globals';
import { ASSUMED_EXPIRY_CAVEAT, jobSection, sectionNote } from '../../../src/links/section.js';

describe('jobSection', () => {
  it.each([
    ['the section input wins, slugged for the id', 'docs preview', 'build', '{"os":"linux"}', 'docs-preview', 'docs preview'],
    ['a section input that is already a slug', 'linux', 'build', '', 'linux', 'linux'],
    ['a hostile section input', '../x --> <b>', 'build', '', 'x-b', '../x --> <b>'],
    ['job only, empty matrix', '', 'build', '', 'build', 'build'],
    ['job only, null matrix', '', 'build', 'null', 'build', 'build'],
    ['job only, empty object', '', 'build', '{}', 'build', 'build'],
    [
      'job plus matrix values in order',
      '',
      'build',
      '{"os":"ubuntu-latest","node":20}',
      'build-ubuntu-latest-20',
      'build (ubuntu-latest, 20)',
    ],
    ['booleans', '', 'test', '{"coverage":true}', 'test-true', 'test (true)'],
    [
      'values that need slugging',
      '',
      'build',
      '{"os":"windows 2022","target":"x86_64/msvc"}',
      'build-windows-2022-x86_64-msvc',
      'build (windows 2022, x86_64/msvc)',
    ],
    ['nested objects as JSON', '', 'build', '{"cfg":{"a":1}}', 'build-a-1', 'build ({"a":1})'],
    ['a null value', '', 'build', '{"extra":null}', 'build-null', 'build (null)'],
    ['invalid JSON', '', 'build', '{os: linux}', 'build', 'build'],
    ['a JSON string', '', 'build', '"linux"', 'build', 'build'],
    ['a job id that needs slugging', '', 'my job', '', 'my-job', 'my job'],
  ])('%s', (_label, input, job, matrix, id, title) => {
    expect(jobSection(input, job, matrix)).toEqual({ id, title });
  });

  it('gives each matrix leg its own section, stable across calls', () => {
    const a = jobSection('', 'build', '{"os":"linux","node":20}').id;
    const b = jobSection('', 'build', '{"os":"linux","node":22}').id;
    expect(a).not.toBe(b);
    expect(jobSection('', 'build', '{"os":"linux","node":20}').id).toBe(a);
  });

  it.each(['a/b', '..', 'x y', '{pr}', 'é'])('always gives an id that is one safe key segment (input %j)', (input) => {
    expect(jobSection(input, 'build', '').id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
    expect(jobSection(input, 'build', '').id).not.toMatch(/^\.\.?$/);
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
