#!/usr/bin/env node
/**
 * Extracts the few GitHub REST operations this action uses from GitHub's official OpenAPI
 * description (npm `@octokit/openapi`) into a small, self-contained test fixture:
 * `__tests__/fixtures/github-openapi.json`. The fake GitHub server in `__tests__/support/github-fake/`
 * validates every request and response against it.
 *
 * The package is ~385 MB (every GitHub Enterprise version), so it is installed outside the repo:
 *
 *   mkdir -p /tmp/oa && (cd /tmp/oa && npm i @octokit/openapi@23)
 *   node scripts/extract-openapi.mjs /tmp/oa/node_modules/@octokit/openapi
 *
 * Optional second argument: output path (default: the fixture above).
 * What is kept: each operation's operationId, summary, externalDocs, parameters, requestBody and
 * responses, plus every components/{schemas,parameters,responses,headers} entry they reach through
 * `$ref` (copied, `$ref`s unchanged, so the fixture is self-contained). What is dropped:
 * descriptions, examples and `x-` extensions (except `x-multi-segment`, which routing needs).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The operations the action (and so the fake) uses: [path, method]. */
export const OPERATIONS = [
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'get'],
  ['/repos/{owner}/{repo}/issues/{issue_number}/comments', 'post'],
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'get'],
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'patch'],
  ['/repos/{owner}/{repo}/issues/comments/{comment_id}', 'delete'],
  ['/repos/{owner}/{repo}/commits/{commit_sha}/pulls', 'get'],
  ['/repos/{owner}/{repo}/pulls', 'get'],
  ['/repos/{owner}/{repo}/pulls/{pull_number}', 'get'],
  ['/repos/{owner}/{repo}', 'get'],
  ['/repos/{owner}/{repo}/statuses/{sha}', 'post'],
  ['/user', 'get'],
];

const SOURCE_FILE = 'generated/api.github.com.json';
const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUT = join(here, '..', '__tests__', 'fixtures', 'github-openapi.json');

/** Annotation keys dropped wherever they are keywords (never property names under `properties`). */
const DROP = new Set(['description', 'example', 'examples']);
const KEEP_EXTENSIONS = new Set(['x-multi-segment']);

function isDropped(key) {
  return DROP.has(key) || (key.startsWith('x-') && !KEEP_EXTENSIONS.has(key));
}

/**
 * Copies an OpenAPI object without annotations. Under `properties` (and `mapping`, `headers`,
 * `content`, `responses`) the keys are names chosen by the author, so they are kept as they are.
 */
function strip(node, keysAreNames = false) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!keysAreNames && isDropped(key)) continue;
    const namesBelow = !keysAreNames && ['properties', 'mapping', 'headers', 'content', 'responses', 'patternProperties'].includes(key);
    out[key] = strip(value, namesBelow);
  }
  return out;
}

/** Every `#/components/...` reference reachable from `node`, followed transitively. */
function collectRefs(node, components, found = new Set()) {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, components, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (found.has(value)) continue;
        const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(value);
        if (!match) throw new Error(`Unsupported $ref ${value}`);
        const target = components[match[1]]?.[match[2]];
        if (!target) throw new Error(`Dangling $ref ${value}`);
        found.add(value);
        if (match[1] !== 'examples') collectRefs(target, components, found);
      } else {
        collectRefs(value, components, found);
      }
    }
  }
  return found;
}

function main() {
  const [pkgDir, outArg] = process.argv.slice(2);
  if (!pkgDir) {
    console.error('Usage: node scripts/extract-openapi.mjs <path to node_modules/@octokit/openapi> [out.json]');
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const spec = JSON.parse(readFileSync(join(pkgDir, SOURCE_FILE), 'utf8'));

  const paths = {};
  for (const [path, method] of OPERATIONS) {
    const operation = spec.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${SOURCE_FILE}`);
    const { operationId, summary, externalDocs, parameters, requestBody, responses } = operation;
    paths[path] ??= {};
    paths[path][method] = strip({ operationId, summary, externalDocs, parameters, requestBody, responses });
  }

  // Examples are not needed: the stripped copies no longer reference them.
  const refs = [...collectRefs(paths, spec.components)].sort();
  const components = {};
  for (const ref of refs) {
    const [, , section, name] = ref.split('/');
    if (section === 'examples') continue;
    components[section] ??= {};
    components[section][name] = strip(spec.components[section][name]);
  }

  const fixture = {
    openapi: spec.openapi,
    info: {
      title: spec.info.title,
      version: spec.info.version,
      'x-extracted-from': {
        package: pkg.name,
        version: pkg.version,
        file: SOURCE_FILE,
        by: 'scripts/extract-openapi.mjs',
      },
    },
    paths,
    components,
  };
  // Sanity check: everything referenced is present.
  for (const ref of collectRefs(fixture, fixture.components)) {
    if (ref.startsWith('#/components/examples/')) throw new Error(`Leftover example ref ${ref}`);
  }

  const out = resolve(outArg ?? DEFAULT_OUT);
  mkdirSync(dirname(out), { recursive: true });
  const text = `${JSON.stringify(fixture, null, 1)}\n`;
  writeFileSync(out, text);
  console.log(
    `Wrote ${out}: ${OPERATIONS.length} operations, ${refs.length} components, ` +
      `${(text.length / 1024).toFixed(1)} KiB, from ${pkg.name}@${pkg.version}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
