/**
 * The import graph of src/: every relative import of every .ts file (static, `export … from`,
 * `import type` and dynamic `import()`), for the structure tests. Reads the files; no TypeScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Module (path relative to the root, e.g. `modes/upload.ts`) → the modules it imports. */
export type ImportGraph = Map<string, string[]>;

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import specifier in `source`, comments included only when they look like code. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((m) => m[1]);
}

export function readImportGraph(root: string): ImportGraph {
  const files = (readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(path.join(root, file), 'utf8')).map((spec) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (!known.has(target)) throw new Error(`${file} imports ${spec}, which is not a module of ${root}`);
      return target;
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import cycles of the graph, each as the path that closes it (`a → b → a`); none is []. */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
