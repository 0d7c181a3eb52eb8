import { describe, expect, it } from '@jest/globals';
import { isReservedKey } from '../../../src/links/keys.js';
import {
  assertNoCollision,
  generatedKeys,
  BOOTSTRAP_NAME,
  generatedNames,
  MAP_NAME,
  SHARE_PAGE_NAME,
  WORKER_NAME,
} from '../../../src/sites/names.js';

describe('generated names', () => {
  it('puts the worker, start page and map in each site folder (a worker scope cannot exceed its folder), the share page at the root', () => {
    expect(generatedNames(['', 'docs/']).map((g) => g.path)).toEqual([
      WORKER_NAME,
      BOOTSTRAP_NAME,
      MAP_NAME,
      `docs/${WORKER_NAME}`,
      `docs/${BOOTSTRAP_NAME}`,
      `docs/${MAP_NAME}`,
      SHARE_PAGE_NAME,
    ]);
    expect(generatedNames([], false)).toEqual([]);
  });

  it("every generated key is in the action's namespace, by the one rule that refuses user files (isReservedKey)", () => {
    const keys = generatedKeys('o/r/pr-1/abc/build', ['', 'a/', 'a/b c/']);
    expect(keys).toHaveLength(10);
    for (const key of keys) expect(isReservedKey(key)).toBe(true);
    expect(generatedKeys('', ['docs/'])).toContain(`docs/${WORKER_NAME}`);
    // Only the worker sits outside a .artifact-links folder: a worker's scope cannot exceed its folder.
    expect(
      generatedNames(['docs/'])
        .filter((g) => !g.path.includes('.artifact-links/'))
        .map((g) => g.path),
    ).toEqual([`docs/${WORKER_NAME}`]);
    expect(SHARE_PAGE_NAME).toBe('.artifact-links/share.html');
  });
});

describe('assertNoCollision', () => {
  it('passes when no user file has a generated name, even a reserved-looking name elsewhere', () => {
    expect(() => assertNoCollision(['docs/index.html', `other/${WORKER_NAME}`], generatedNames(['docs/']))).not.toThrow();
  });

  it('names the user file, as the user knows it, and the way out', () => {
    const run = () =>
      assertNoCollision(['docs/index.html', `docs/${WORKER_NAME}`, SHARE_PAGE_NAME], generatedNames(['docs/']), (p) => `build/${p}`);
    expect(run).toThrow(`build/docs/${WORKER_NAME} would be overwritten by a site's service worker (site docs/)`);
    expect(run).toThrow(`build/${SHARE_PAGE_NAME} would be overwritten by the share page`);
    expect(run).toThrow(
      /A ".artifact-links" folder and the name .artifact-links-sw.js are reserved .*: rename the file or exclude it in 'path'/,
    );
  });
});
