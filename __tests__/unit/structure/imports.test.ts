/**
 * The shape of src/: no import cycles, and no folder importing one above it. Walks the import graph
 * of src/**\/*.ts as the files are on disk.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { findCycles, importSpecifiers, readImportGraph } from '../../support/import-graph.js';

const SRC = path.resolve('src');

/**
 * Folders of src/, lowest first: a module may import its own folder and the ones before it. Pure
 * values and rendering at the bottom, I/O above them, then publishing, the steps the modes share,
 * the modes, and the entry point.
 */
const LAYERS = [
  ['util'],
  ['links'],
  ['render'],
  ['sites'],
  ['config'],
  ['aws', 'github'],
  ['publish'],
  ['steps'],
  ['modes'],
  ['main.ts', 'index.ts'],
];

function layerOf(module: string): number {
  const top = module.split('/')[0];
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`src/${module} is in no layer of this test: add ${top} to LAYERS`);
  return layer;
}

describe('the import graph of src/', () => {
  const graph = readImportGraph(SRC);

  it('reads every module and its imports', () => {
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(['config/inputs.ts', 'modes/upload.ts', 'steps/setup.ts']));
    expect(graph.get('modes/refresh.ts')).toContain('modes/refresh-all.ts'); // a dynamic import() counts
    expect(graph.size).toBeGreaterThan(50);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no upward import between folders', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} → ${to}`),
    );
    expect(upward).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a cycle of two modules, a longer one, and a module importing itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['c.ts']],
      ['f.ts', ['f.ts']],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a.ts', 'b.ts', 'a.ts'],
      ['c.ts', 'd.ts', 'e.ts', 'c.ts'],
      ['f.ts', 'f.ts'],
    ]);
  });

  it('finds none in a graph where two modules import the same one', () => {
    expect(
      findCycles(
        new Map([
          ['a.ts', ['b.ts', 'c.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads static, type-only, re-exporting and dynamic imports, not comments', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "import './side-effect.js';",
      "const d = await import('./d.js');",
      "// import { e } from './e.js';",
      "/* import { f } from './f.js'; */",
      "import { g } from 'node:fs';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.js', '../b.js', './c.js', './side-effect.js', './d.js']);
  });
});
