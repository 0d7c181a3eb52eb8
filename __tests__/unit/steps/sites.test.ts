import { describe, expect, it } from '@jest/globals';
import { displayFolder, planSites } from '../../../src/steps/sites.js';
import type { Logger } from '../../../src/util/log.js';

function logger(): { lines: string[]; log: Logger } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`) } };
}

describe('planSites', () => {
  const files = [
    { relativePath: 'coverage/index.html', displayPath: 'out/coverage/index.html' },
    { relativePath: 'coverage/app.js.html', displayPath: 'out/coverage/app.js.html' },
    { relativePath: 'app.zip', displayPath: 'out/app.zip' },
  ];

  it('finds the site folders', () => {
    const { log } = logger();
    expect(planSites(files, { mode: 'auto' }, log)).toEqual(['coverage/']);
    expect(planSites(files, { mode: 'none' }, log)).toEqual([]);
  });

  it('warns about a browse glob that matches no folder', () => {
    const { log, lines } = logger();
    expect(planSites(files, { mode: 'folders', globs: ['coverage', 'docs'] }, log)).toEqual(['coverage/']);
    expect(lines).toEqual(["warning: Input 'browse': 'docs' matches no uploaded folder."]);
  });

  it('refuses, before any upload, a user file with the name of a generated object, naming it as the user knows it', () => {
    const { log } = logger();
    const clash = [...files, { relativePath: 'coverage/.artifact-links/open.html', displayPath: 'out/coverage/.artifact-links/open.html' }];
    expect(() => planSites(clash, { mode: 'auto' }, log)).toThrow(
      "out/coverage/.artifact-links/open.html would be overwritten by a site's start page (site coverage/)",
    );
    const share = [...files, { relativePath: '.artifact-links/share.html', displayPath: 'out/.artifact-links/share.html' }];
    expect(() => planSites(share, { mode: 'none' }, log)).toThrow('out/.artifact-links/share.html would be overwritten by the share page');
  });
});

describe('displayFolder: a site folder as paths appear in the manifest', () => {
  const files = [
    { path: 'lcov-report/index.html', display: 'coverage/lcov-report/index.html' },
    { path: 'index.html', display: 'coverage/index.html' },
  ];
  it.each([
    ['lcov-report/', 'coverage/lcov-report/'],
    ['', 'coverage/'],
  ])('%j → %j', (folder, shown) => {
    expect(displayFolder(files, folder)).toBe(shown);
  });

  it('the workspace itself is ./', () => {
    expect(displayFolder([{ path: 'index.html', display: 'index.html' }], '')).toBe('./');
  });
});
