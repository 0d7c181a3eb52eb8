import { describe, expect, it } from '@jest/globals';
import { assertNoCollision, BOOTSTRAP_NAME, generatedNames, MAP_NAME, SHARE_PAGE_NAME, WORKER_NAME } from '../../../src/sites/names.js';

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

  it('every generated name is reserved (starts with .artifact-links)', () => {
    for (const g of generatedNames(['a/'])) expect(g.path.split('/').pop()).toMatch(/^\.artifact-links/);
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
    expect(run).toThrow(/rename the file, exclude it in 'path', or set browse: none/);
  });
});
