/**
 * Which uploaded folders become browsable sites. Pure.
 *
 * Folders are written `''` (the upload's root) or `a/b/` (relative, ending in `/`), over the same
 * relative paths the object keys end with.
 */

/** The `browse` input (parsed in config/inputs.ts): `auto`, `none`, or folder globs (one per line). */
export type Browse = { mode: 'auto' } | { mode: 'none' } | { mode: 'folders'; globs: string[] };

/** Every folder that holds a file (directly or below), including the root `''`. */
export function foldersOf(paths: readonly string[]): Set<string> {
  const dirs = new Set<string>(['']);
  for (const path of paths) {
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.add(path.slice(0, i + 1));
  }
  return dirs;
}

/**
 * The site folders, outermost only (a site's files include its sub-folders), sorted. With `auto`,
 * each folder holding an `index.html`; with globs, each folder a glob matches.
 */
export function detectSites(paths: readonly string[], browse: Browse): string[] {
  if (browse.mode === 'none') return [];
  let candidates: string[];
  if (browse.mode === 'auto') {
    candidates = paths.filter((p) => p === 'index.html' || p.endsWith('/index.html')).map((p) => p.slice(0, -'index.html'.length));
  } else {
    const matchers = browse.globs.map(globToRegExp);
    candidates = [...foldersOf(paths)].filter((dir) => matchers.some((m) => m.test(dir === '' ? '.' : dir.slice(0, -1))));
  }
  return outermost(candidates);
}

/** Globs that match no folder of the upload (worth a warning: a typo, or the files moved). */
export function unmatchedGlobs(paths: readonly string[], browse: Browse): string[] {
  if (browse.mode !== 'folders') return [];
  const dirs = [...foldersOf(paths)].map((dir) => (dir === '' ? '.' : dir.slice(0, -1)));
  return browse.globs.filter((glob) => !dirs.some((dir) => globToRegExp(glob).test(dir)));
}

function outermost(folders: string[]): string[] {
  const sorted = [...new Set(folders)].sort();
  const kept: string[] = [];
  for (const dir of sorted) if (!kept.some((outer) => dir.startsWith(outer))) kept.push(dir);
  return kept;
}

/** `*` and `?` within a path segment, `**` any number of segments (zero too); everything else literal. */
export function globToRegExp(glob: string): RegExp {
  if (glob === '.') return /^\.$/;
  let source = '';
  const segments = glob.split('/');
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // `a/**` matches a and everything in it; `a/**/b` matches a/b and a/x/y/b.
      if (!last) source += '(?:[^/]+/)*';
      else source = i === 0 ? '.*' : `${source.slice(0, -1)}(?:/.*)?`;
      return;
    }
    source += segment.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : `\\${c}`));
    if (!last) source += '/';
  });
  return new RegExp(`^${source}$`);
}
