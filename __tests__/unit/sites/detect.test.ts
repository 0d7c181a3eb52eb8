import { describe, expect, it } from '@jest/globals';
import { parseBrowse } from '../../../src/config/inputs.js';
import { detectSites, foldersOf, globToRegExp, unmatchedGlobs } from '../../../src/sites/detect.js';

const auto = { mode: 'auto' } as const;

describe('parseBrowse', () => {
  it.each([
    ['', { mode: 'auto' }],
    ['auto', { mode: 'auto' }],
    [' AUTO \n', { mode: 'auto' }],
    ['none', { mode: 'none' }],
    ['coverage/lcov-report', { mode: 'folders', globs: ['coverage/lcov-report'] }],
    ['./docs/\n\nreports/*/html/', { mode: 'folders', globs: ['docs', 'reports/*/html'] }],
    ['.', { mode: 'folders', globs: ['.'] }],
    ['./', { mode: 'folders', globs: ['.'] }],
  ])('%j', (input, expected) => {
    expect(parseBrowse(input)).toEqual(expected);
  });

  it.each([
    ['/abs/site', 'absolute'],
    ['C:\\site', 'absolute'],
    ['a\\b', 'backslash'],
    ['../outside', '".."'],
    ['docs/../x', '".."'],
    ['auto\ndocs', 'mixes auto/none'],
  ])('refuses %j, naming the input', (input, problem) => {
    expect(() => parseBrowse(input)).toThrow(/^Input 'browse' /);
    expect(() => parseBrowse(input)).toThrow(problem);
  });
});

describe('detectSites with auto', () => {
  it('makes the root a site when it holds index.html, and nothing inside it another site', () => {
    expect(detectSites(['index.html', 'docs/index.html', 'a.css'], auto)).toEqual(['']);
  });

  it('finds the outermost folders with an index.html', () => {
    const paths = ['a/index.html', 'a/b/index.html', 'a/b/c.js', 'c/index.html', 'd/x.txt', 'e/f/g/index.html', 'e/f/other.html'];
    expect(detectSites(paths, auto)).toEqual(['a/', 'c/', 'e/f/g/']);
  });

  it('wants exactly index.html', () => {
    expect(detectSites(['x/index.html.bak', 'y/myindex.html', 'z/INDEX.HTML', 'w/index.htm'], auto)).toEqual([]);
  });

  it('keeps hostile folder names as they are', () => {
    expect(detectSites([`it's <b>"#?%/index.html`, 'naïve 日本/index.html'], auto)).toEqual([`it's <b>"#?%/`, 'naïve 日本/']);
  });

  it('none: no sites', () => {
    expect(detectSites(['index.html'], { mode: 'none' })).toEqual([]);
  });
});

describe('detectSites with folder globs', () => {
  const paths = [
    'docs/api/index.html',
    'docs/guide/page.html',
    'docs/guide/deep/x.html',
    'reports/unit/html/index.html',
    'reports/e2e/html/a.html',
    'top.txt',
  ];
  const folders = (...globs: string[]) => detectSites(paths, { mode: 'folders', globs });

  it('* stays within a segment; folders need no index.html', () => {
    expect(folders('docs/*')).toEqual(['docs/api/', 'docs/guide/']);
    expect(folders('reports/*/html')).toEqual(['reports/e2e/html/', 'reports/unit/html/']);
  });

  it('** crosses segments; only the outermost match is a site', () => {
    expect(folders('docs/**')).toEqual(['docs/']);
    expect(folders('**/html')).toEqual(['reports/e2e/html/', 'reports/unit/html/']);
  });

  it('. is the root', () => {
    expect(folders('.')).toEqual(['']);
  });

  it('regex characters are literal', () => {
    expect(detectSites(['a+b/x.html', 'aab/x.html'], { mode: 'folders', globs: ['a+b'] })).toEqual(['a+b/']);
  });

  it('reports globs that match nothing', () => {
    expect(unmatchedGlobs(paths, { mode: 'folders', globs: ['docs/*', 'doc', 'reports/**'] })).toEqual(['doc']);
    expect(unmatchedGlobs(paths, auto)).toEqual([]);
  });
});

describe('helpers', () => {
  it('foldersOf lists every ancestor folder', () => {
    expect([...foldersOf(['a/b/c.txt', 'd.txt'])].sort()).toEqual(['', 'a/', 'a/b/']);
  });

  it('globToRegExp', () => {
    expect(globToRegExp('a/?/c').test('a/b/c')).toBe(true);
    expect(globToRegExp('a/?/c').test('a/bb/c')).toBe(false);
    expect(globToRegExp('a/**/c').test('a/c')).toBe(true);
    expect(globToRegExp('a/**/c').test('a/x/y/c')).toBe(true);
  });
});
