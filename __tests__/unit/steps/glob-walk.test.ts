/**
 * The walk against its reference: @actions/glob (what actions/upload-artifact uses), on generated
 * trees of real files, folders and symbolic links, with generated pattern lists. Same files, always.
 */
import * as glob from '@actions/glob';
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchesFile, parsePatterns, walk } from '../../../src/steps/glob-walk.js';

/** mulberry32: the same trees and patterns on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'a',
  'b',
  'ab',
  'app.js',
  'app.js.map',
  '.hidden',
  '[x]',
  'x',
  'a b',
  'ü.txt',
  'a*b',
  'q?',
  'back\\slash',
  '#c',
  '!bang',
  'sub',
  'deep',
];

interface Tree {
  root: string;
  folders: string[]; // relative, '' is the root
  files: string[];
}

function makeTree(random: () => number): Tree {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'glob-walk-')));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const folders = [''];
  const realFolders = ['']; // new entries go only into these (not through a link)
  const files: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const parent = pick(realFolders);
    const name = pick(NAMES);
    const rel = parent ? `${parent}/${name}` : name;
    if (taken.has(rel) || rel.split('/').length > 4) continue;
    taken.add(rel);
    const abs = path.join(root, rel);
    const roll = random();
    if (roll < 0.3) {
      mkdirSync(abs);
      folders.push(rel);
      realFolders.push(rel);
    } else if (roll < 0.85) {
      writeFileSync(abs, rel);
      files.push(rel);
    } else {
      // A link: to a file, to a folder (perhaps one it is inside: a cycle), or to nothing.
      const targets = [...files, ...folders.filter((f) => f !== ''), 'missing'];
      const target = pick(targets);
      symlinkSync(path.relative(path.dirname(abs), path.join(root, target)) || '.', abs);
      if (target !== 'missing' && statSync(abs).isDirectory()) folders.push(rel);
      else if (target !== 'missing') files.push(rel);
    }
  }
  return { root, folders, files };
}

function makePatterns(random: () => number, tree: Tree): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const esc = (rel: string) => rel.replace(/[\\*?[]/g, (c) => `\\${c}`);
  const folder = () => esc(pick(tree.folders));
  const join = (...parts: string[]) => parts.filter(Boolean).join('/');
  const templates: (() => string)[] = [
    () => join(folder()),
    () => `${join(folder())}/`,
    () => join(folder(), '**'),
    () => join(folder(), '*'),
    () => join(folder(), '**', '*.js'),
    () => join(folder(), '**', '*.map'),
    () => join(folder(), '*.js*'),
    () => join(folder(), '[ab]*'),
    () => join(folder(), '?'),
    () => join(folder(), '**', '.*'),
    () => join(folder(), '**', esc(pick(NAMES))),
    () => esc(pick(tree.files.length > 0 ? tree.files : ['none'])),
    () => `${esc(pick(tree.files.length > 0 ? tree.files : ['none']))}/`, // a file with a trailing slash: folders only
    () => join(folder(), '**', 'sub', '**'),
  ];
  const n = 1 + Math.floor(random() * 4);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const negate = i > 0 && random() < 0.4;
    const p = pick(templates)() || '**';
    lines.push(`${negate ? '!' : ''}${path.join(tree.root, p)}${p.endsWith('/') ? '/' : ''}`);
  }
  return lines;
}

async function reference(lines: string[]): Promise<{ files: string[]; searchPaths: string[] }> {
  const globber = await glob.create(lines.join('\n'), { matchDirectories: false, implicitDescendants: true });
  const found = [...new Set(await globber.glob())].filter((f) => statSync(f).isFile()).sort();
  return { files: found, searchPaths: globber.getSearchPaths() };
}

describe('walk matches @actions/glob', () => {
  // core.debug lines from @actions/glob go to stdout: keep the test output readable.
  const write = process.stdout.write.bind(process.stdout);
  beforeAll(() => {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
      String(chunk).startsWith('::debug::') ? true : write(chunk, ...rest)) as typeof process.stdout.write;
  });
  afterAll(() => {
    process.stdout.write = write;
  });

  it('on 60 generated trees, 8 pattern lists each', async () => {
    const random = prng(20261202);
    let compared = 0;
    let nonEmpty = 0;
    for (let t = 0; t < 60; t++) {
      const tree = makeTree(random);
      try {
        for (let p = 0; p < 8; p++) {
          const lines = makePatterns(random, tree);
          const expected = await reference(lines);
          const got = walk(expected.searchPaths, parsePatterns(lines));
          expect({ lines, files: got.files.map((f) => f.absolutePath) }).toEqual({ lines, files: expected.files });
          for (const f of got.files) {
            expect(f.size).toBe(statSync(f.absolutePath).size);
            expect(f.realPath).toBe(realpathSync(f.absolutePath));
          }
          compared++;
          if (expected.files.length > 0) nonEmpty++;
        }
      } finally {
        rmSync(tree.root, { recursive: true, force: true });
      }
    }
    expect(compared).toBe(480);
    expect(nonEmpty).toBeGreaterThan(200); // the lists match something, mostly
  }, 60_000);
});

describe('parsePatterns', () => {
  it('roots relative patterns at the working directory, escaping its glob characters, and ~ at home', () => {
    const [relative, implicit] = parsePatterns(['dist'], '/w[1]/ws', '/home/me');
    expect(relative.matcher.pattern).toBe('/w[[]1]/ws/dist');
    expect(implicit.matcher.pattern).toBe('/w[[]1]/ws/dist/**');
    expect(matchesFile(parsePatterns(['dist'], '/w[1]/ws'), '/w[1]/ws/dist/a.js')).toBe(true);
    expect(parsePatterns(['./out/**'], '/ws')[0].matcher.pattern).toBe('/ws/out/**');
    expect(parsePatterns(['~/x'], '/ws', '/home/me')[0].matcher.pattern).toBe('/home/me/x');
    expect(parsePatterns(['  !!  a//b  ', '# comment', ''], '/ws').map((p) => [p.negate, p.matcher.pattern])).toEqual([
      [false, '/ws/a/b'],
      [false, '/ws/a/b/**'],
    ]);
  });

  it('a later line wins: exclude, then include again', () => {
    const patterns = parsePatterns(['/ws/**', '!/ws/**/*.map', '/ws/keep.map']);
    expect(['/ws/a.js', '/ws/x/b.map', '/ws/keep.map'].map((f) => matchesFile(patterns, f))).toEqual([true, false, true]);
  });
});
