import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { commonRoot, findFiles, namesNotUtf8, sharedAncestor } from '../../../src/steps/find-files.js';

describe('sharedAncestor', () => {
  it.each([
    ['/a/b/c', '/a/b/d', '/a/b'],
    ['/a/b', '/a/b', '/a/b'],
    ['/a/b', '/a/b/c/d', '/a/b'],
    ['/a/b/c/d', '/a/b', '/a/b'],
    ['/a/b', '/a/bc', '/a'],
    ['/a/bc/x', '/a/b/x', '/a'],
    ['/a', '/b', '/'],
    ['/', '/a', '/'],
    ['/ws/dist', '/ws/reports/html', '/ws'],
  ])('sharedAncestor(%j, %j) = %j', (a, b, expected) => {
    expect(sharedAncestor(a, b)).toBe(expected);
  });
});

describe('commonRoot', () => {
  const files = new Set(['/ws/dist/app.js', '/ws/report.html', '/ws/a/b/c.txt']);
  const fileCheck = async (p: string) => files.has(p);

  it.each<[string, string[], string]>([
    ['a single folder is the root', ['/ws/dist'], '/ws/dist'],
    ['a single file’s folder is the root', ['/ws/dist/app.js'], '/ws/dist'],
    ['several folders share their deepest ancestor', ['/ws/dist', '/ws/reports'], '/ws'],
    ['a file and a folder', ['/ws/report.html', '/ws/dist'], '/ws'],
    ['a file and its sibling folder', ['/ws/a/b/c.txt', '/ws/a/b/d'], '/ws/a/b'],
    ['nested folders', ['/ws/a/b', '/ws/a/b/c/d', '/ws/a/b/e'], '/ws/a/b'],
    ['two files in one folder', ['/ws/dist/app.js', '/ws/dist/app.js.map'], '/ws/dist'],
    ['nothing shared but /', ['/ws/dist', '/tmp/out'], '/'],
  ])('%s', async (_label, searchPaths, root) => {
    await expect(commonRoot(searchPaths, fileCheck)).resolves.toBe(root);
  });

  it('asks fileCheck about every search path', async () => {
    const asked: string[] = [];
    await commonRoot(['/x/1', '/x/2', '/x/3'], async (p) => {
      asked.push(p);
      return false;
    });
    expect(asked.sort()).toEqual(['/x/1', '/x/2', '/x/3']);
  });
});

describe('findFiles (real files in a temp dir)', () => {
  let tmp: string;
  let ws: string;
  let outside: string;

  const tree: Record<string, string> = {
    'dist/app.js': 'console.log(1)',
    'dist/app.js.map': '{}',
    'dist/sub/deep/util.js': 'x',
    'dist/sub/deep/util.js.map': '{}',
    'dist/.hidden': 'h',
    'dist/empty.txt': '',
    'reports/index.html': '<h1>hi</h1>',
    'reports/assets/style.css': 'body{}',
    'reports/tmp/scratch.log': 'scratch',
    'README.md': '# readme',
    'name with spaces & ünïcode.txt': 'u',
  };

  beforeAll(async () => {
    tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unit-files-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    for (const [rel, body] of Object.entries(tree)) {
      await mkdir(path.dirname(path.join(ws, rel)), { recursive: true });
      await writeFile(path.join(ws, rel), body);
    }
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(outside, 'secret.txt'), 'AKIA...');
    await mkdir(path.join(outside, 'dir'), { recursive: true });
    await writeFile(path.join(outside, 'dir', 'creds'), 'x');
    await mkdir(path.join(ws, 'links'), { recursive: true });
    await mkdir(path.join(ws, 'dirlink'), { recursive: true });
    await mkdir(path.join(ws, 'inlinks'), { recursive: true });
    await symlink(path.join(outside, 'secret.txt'), path.join(ws, 'links', 'secret.txt'));
    await symlink(path.join(outside, 'dir'), path.join(ws, 'dirlink', 'out'));
    await symlink(path.join(ws, 'README.md'), path.join(ws, 'inlinks', 'readme-link.md'));
    await symlink('../dist/app.js', path.join(ws, 'inlinks', 'relative-app.js'));
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  const abs = (p: string) => (p.startsWith('!') ? `!${path.join(ws, p.slice(1))}` : path.join(ws, p));
  const rels = async (patterns: string[]) => (await findFiles(patterns.map(abs), ws)).map((f) => f.relativePath);

  it.each<[string, string[], string[]]>([
    [
      'a directory expands to all its files, keys relative to it',
      ['dist'],
      ['.hidden', 'app.js', 'app.js.map', 'empty.txt', 'sub/deep/util.js', 'sub/deep/util.js.map'],
    ],
    [
      'dir/** is the same as the directory',
      ['dist/**'],
      ['.hidden', 'app.js', 'app.js.map', 'empty.txt', 'sub/deep/util.js', 'sub/deep/util.js.map'],
    ],
    ['! excludes by pattern', ['dist/**', '!dist/**/*.map'], ['.hidden', 'app.js', 'empty.txt', 'sub/deep/util.js']],
    ['! excludes a directory', ['dist', '!dist/sub'], ['.hidden', 'app.js', 'app.js.map', 'empty.txt']],
    [
      'a later pattern re-includes',
      ['dist/**', '!dist/**/*.map', 'dist/app.js.map'],
      ['.hidden', 'app.js', 'app.js.map', 'empty.txt', 'sub/deep/util.js'],
    ],
    ['a single file is keyed by its name', ['reports/index.html'], ['index.html']],
    ['a wildcard in one folder', ['dist/*.js'], ['app.js']],
    [
      'two folders: keys relative to their common parent',
      ['dist/*.js', 'reports', '!reports/tmp'],
      ['dist/app.js', 'reports/assets/style.css', 'reports/index.html'],
    ],
    ['a missing path next to a real one', ['nothing-here/**', 'reports/index.html'], ['reports/index.html']],
    ['names with spaces and non-ASCII', ['name with spaces*'], ['name with spaces & ünïcode.txt']],
    ['nothing matched', ['nothing-here/**'], []],
  ])('%s', async (_label, patterns, expected) => {
    expect(await rels(patterns)).toEqual(expected);
  });

  it('reports absolute path, workspace-relative display path and size, including zero-byte files', async () => {
    const found = await findFiles([abs('dist/*.txt'), abs('dist/app.js')], ws);
    expect(found).toEqual([
      { absolutePath: path.join(ws, 'dist/app.js'), relativePath: 'app.js', displayPath: 'dist/app.js', size: 14 },
      { absolutePath: path.join(ws, 'dist/empty.txt'), relativePath: 'empty.txt', displayPath: 'dist/empty.txt', size: 0 },
    ]);
  });

  it('returns each file once when patterns overlap, sorted', async () => {
    const found = await findFiles([abs('reports'), abs('reports/**/*.html'), abs('reports/index.html')], ws);
    expect(found.map((f) => f.displayPath)).toEqual(['reports/assets/style.css', 'reports/index.html', 'reports/tmp/scratch.log']);
  });

  it('accepts symbolic links that stay inside the workspace', async () => {
    const found = await findFiles([abs('inlinks')], ws);
    expect(found.map((f) => [f.relativePath, f.size])).toEqual([
      ['readme-link.md', 8],
      ['relative-app.js', 14],
    ]);
  });

  it('refuses a symbolic link to a file outside the workspace, naming link and target', async () => {
    const run = findFiles([abs('links')], ws);
    await expect(run).rejects.toThrow(/^Refusing to upload symbolic links that point outside the workspace/);
    await expect(findFiles([abs('links')], ws)).rejects.toThrow(
      `${path.join(ws, 'links', 'secret.txt')} -> ${path.join(outside, 'secret.txt')}`,
    );
    await expect(findFiles([abs('links')], ws)).rejects.toThrow(/exclude the links in 'path' with a ! pattern/);
  });

  it('refuses files reached through a symbolic link to a folder outside the workspace', async () => {
    await expect(findFiles([abs('dirlink')], ws)).rejects.toThrow(path.join(outside, 'dir', 'creds'));
  });

  it('refuses an escaping link even when other files match, and accepts it once excluded', async () => {
    await expect(findFiles([abs('**/*.txt')], ws)).rejects.toThrow(/Refusing to upload symbolic links/);
    const found = await findFiles([abs('**/*.txt'), abs('!links')], ws);
    expect(found.map((f) => f.displayPath)).toEqual(['dist/empty.txt', 'name with spaces & ünïcode.txt']);
  });
});

describe('findFiles: names that are not valid UTF-8 are reported, not skipped', () => {
  let ws: string;

  beforeAll(async () => {
    ws = await realpath(await mkdtemp(path.join(os.tmpdir(), 'unit-names-')));
    await mkdir(path.join(ws, 'latin1', 'sub'), { recursive: true });
    // "café.txt" in ISO-8859-1: 0xE9 alone is not UTF-8.
    await writeFile(Buffer.concat([Buffer.from(path.join(ws, 'latin1', 'sub', 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), 'x');
    await writeFile(path.join(ws, 'latin1', 'ok.txt'), 'ok');
    await mkdir(path.join(ws, 'clean'), { recursive: true });
    await writeFile(path.join(ws, 'clean', 'été.txt'), 'ok');
  });

  afterAll(async () => {
    await rm(ws, { recursive: true, force: true });
  });

  it('fails naming the file and the fix', async () => {
    await expect(findFiles([path.join(ws, 'latin1')], ws)).rejects.toThrow(
      /^File names that are not valid UTF-8 .*: latin1\/sub\/caf\uFFFD\.txt\. .*rename them to UTF-8 .*or move them out of latin1\.$/,
    );
    await expect(findFiles([path.join(ws, 'latin1', '**', '*.txt')], ws)).rejects.toThrow(/latin1\/sub\/caf\uFFFD\.txt/);
  });

  it('namesNotUtf8 finds only those', async () => {
    expect(await namesNotUtf8(ws)).toEqual([path.join(ws, 'latin1', 'sub', 'caf\uFFFD.txt')]);
    expect(await findFiles([path.join(ws, 'clean')], ws)).toHaveLength(1);
  });
});
