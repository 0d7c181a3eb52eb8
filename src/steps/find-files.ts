/** The first step of mode upload: find the artifacts. Glob semantics follow actions/upload-artifact (glob-walk.ts). */
import * as glob from '@actions/glob';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { forEachLimited } from '../util/retry.js';
import { parsePatterns, walk, type WalkedFile, type WalkResult } from './glob-walk.js';

const FS_CHECKS_IN_FLIGHT = 32;

export interface FoundFile {
  absolutePath: string;
  /** Path relative to the common root of the search paths, `/`-separated: the tail of the object key. */
  relativePath: string;
  /** Path relative to the workspace, as shown to people. */
  displayPath: string;
  size: number;
}

/**
 * Finds the files matched by `patterns` (one glob per entry, `!` to exclude; directories match
 * their contents). Symbolic links that resolve outside `workspace` are refused: on a PR branch they
 * would publish files from the runner (credentials, caches) to whoever gets the link.
 */
export async function findFiles(patterns: string[], workspace: string): Promise<FoundFile[]> {
  const lines = patterns.join('\n');
  // @actions/glob parses and checks the patterns (its errors name the pattern) and finds where to search.
  const globber = await glob.create(lines, { matchDirectories: false, implicitDescendants: true });
  const searchPaths = globber.getSearchPaths();
  if (searchPaths.length === 0) return []; // only exclusions: nothing can match
  const { files: matched, notUtf8 } =
    process.platform === 'win32' ? await globbed(globber, searchPaths) : walk(searchPaths, parsePatterns(lines.split('\n')));
  if (notUtf8.length > 0) {
    const shown = notUtf8.map((p) => (isInside(p, workspace) ? toPosix(path.relative(workspace, p)) : p));
    throw new Error(
      `File names that are not valid UTF-8 (each such byte shown as \uFFFD): ${shown.sort().join(', ')}. Object keys and links are UTF-8, so these cannot be uploaded under their names: rename them to UTF-8 (e.g. with convmv), or move them out of ${[...new Set(searchPaths.map((p) => (isInside(p, workspace) ? toPosix(path.relative(workspace, p)) || '.' : p)))].join(', ')}.`,
    );
  }
  const root = await commonRoot(searchPaths, isFile);
  const workspaceReal = await realpath(workspace);
  const escaping = matched.filter((f) => f.realPath !== f.absolutePath && !isInside(f.realPath, workspaceReal));
  if (escaping.length > 0) {
    throw new Error(
      `Refusing to upload symbolic links that point outside the workspace (${workspace}): ${escaping
        .map((f) => `${f.absolutePath} -> ${f.realPath}`)
        .sort()
        .join(', ')}. ` + `Copy the files into the workspace, or exclude the links in 'path' with a ! pattern.`,
    );
  }
  return matched.map(({ absolutePath, size }) => ({
    absolutePath,
    relativePath: toPosix(path.relative(root, absolutePath)),
    displayPath: toPosix(isInside(absolutePath, workspace) ? path.relative(workspace, absolutePath) : absolutePath),
    size,
  }));
}

/** @actions/glob's own walk (Windows), then a stat and real path per match, a few dozen at a time. */
async function globbed(globber: glob.Globber, searchPaths: string[]): Promise<WalkResult> {
  const matches = [...new Set(await globber.glob())].sort();
  // @actions/glob reads names as UTF-8 text: one that is not valid UTF-8 comes back with U+FFFD in it, a
  // path that does not exist, and is left out without a word. Say so instead.
  const notUtf8 = (await Promise.all(searchPaths.map((p) => namesNotUtf8(p)))).flat();
  const found: (WalkedFile | undefined)[] = new Array(matches.length);
  await forEachLimited(matches, FS_CHECKS_IN_FLIGHT, async (absolutePath, i) => {
    const [realPath, info] = await Promise.all([realpath(absolutePath), stat(absolutePath)]);
    if (info.isFile()) found[i] = { absolutePath, realPath, size: info.size };
  });
  return { files: found.filter((f): f is WalkedFile => f !== undefined), notUtf8 };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Paths under `root` (a folder; symbolic links not followed) whose names are not valid UTF-8, as
 * lossy text. Reads names as bytes, which @actions/glob cannot.
 */
export async function namesNotUtf8(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: Buffer): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const full = Buffer.concat([dir, Buffer.from(path.sep), entry.name]);
        try {
          utf8.decode(entry.name);
        } catch {
          found.push(full.toString('utf8'));
          return;
        }
        if (entry.isDirectory()) await walk(full);
      }),
    );
  };
  await walk(Buffer.from(root));
  return found;
}

async function isFile(candidate: string): Promise<boolean> {
  return stat(candidate).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * The folder that keys are relative to: a single search path's folder (its parent when it is a
 * file), or the deepest folder shared by several search paths.
 */
export async function commonRoot(searchPaths: string[], fileCheck: (p: string) => Promise<boolean>): Promise<string> {
  const dirs = await Promise.all(searchPaths.map(async (p) => ((await fileCheck(p)) ? path.dirname(p) : p)));
  return dirs.reduce(sharedAncestor);
}

export function sharedAncestor(a: string, b: string): string {
  const as = a.split(path.sep);
  const bs = b.split(path.sep);
  let i = 0;
  while (i < as.length && i < bs.length && as[i] === bs[i]) i++;
  return as.slice(0, i).join(path.sep) || path.sep;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function toPosix(nativePath: string): string {
  return nativePath.split(path.sep).join('/');
}
