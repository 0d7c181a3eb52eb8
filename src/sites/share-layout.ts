/** The share page's layout: files grouped by folder, and the name of its "Download all" archive. Pure. */

/** The folder of a path as the share page groups it: `dist/app/` for `dist/app/x.js`, `''` at the top. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

/** Files grouped by folder, folders in path order (a folder before the folders inside it), files in their order. */
export function groupByFolder<T extends { path: string }>(files: readonly T[]): { folder: string; files: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const f of files) {
    const folder = folderOf(f.path);
    const list = groups.get(folder);
    if (list) list.push(f);
    else groups.set(folder, [f]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([folder, list]) => ({ folder, files: list }));
}

/** `build-linux-0123456.zip`: the section's title and commit, as a safe file name. */
export function zipFileName(title: string, sha: string): string {
  const base = `${title} ${sha.slice(0, 7)}`
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || 'artifacts'}.zip`;
}
