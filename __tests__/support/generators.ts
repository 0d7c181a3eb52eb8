/**
 * Real generators' output, made offline from the npm packages in devDependencies (no download at
 * run time): a Playwright HTML report with traces and screenshots (run against Debian's Chromium),
 * a Vite build with base `/` (root-absolute references), TypeDoc, a c8 (Istanbul) coverage report
 * and JSDoc. Each is built once into `root/<name>/` by `generateAll`.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { PLAYWRIGHT_TESTS, playwrightReport as makePlaywrightReport } from '../../scripts/lib/playwright-report.mjs';

const require = createRequire(import.meta.url);
const run = promisify(execFile);
const bin = (pkg: string, file: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
}

export { PLAYWRIGHT_TESTS };

/** A Playwright HTML report of a two-test run (`trace: 'on'`, `screenshot: 'on'`); returns the report folder. */
export function playwrightReport(work: string): Promise<string> {
  return makePlaywrightReport(path.join(work, 'playwright-project'));
}

/** A Vite app built with defaults (base `/`): root-absolute script, stylesheet, font, image and fetch. */
export async function viteBuild(work: string, font: string): Promise<string> {
  const project = path.join(work, 'vite-project');
  write(project, {
    'index.html':
      '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/logo.svg"><title>Widget shop</title></head>\n' +
      '<body><img id="logo" src="/logo.svg" alt="logo"><h1 id="title">Loading</h1><p id="data"></p><p id="lazy"></p>\n' +
      '<script type="module" src="/src/main.js"></script></body></html>\n',
    'src/main.js':
      "import './style.css';\nimport { greet } from './greet.js';\n" +
      "document.getElementById('title').textContent = greet('shop');\n" +
      "fetch('/data.json').then((r) => r.json()).then((d) => (document.getElementById('data').textContent = 'items: ' + d.items));\n" +
      "import('./lazy.js').then((m) => (document.getElementById('lazy').textContent = m.lazy));\n" +
      "document.fonts.load('16px Fixture').then((f) => (document.body.dataset.font = String(f.length > 0)));\n",
    'src/greet.js': "export const greet = (name) => 'Welcome to the ' + name;\n",
    'src/lazy.js': "export const lazy = 'lazy chunk loaded';\n",
    'src/style.css': '@font-face{font-family:Fixture;src:url(/fixture.ttf)}\nh1{color:rgb(10, 20, 30)}\n',
    'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="red"/></svg>\n',
    'public/data.json': '{"items": 3}\n',
  });
  copyFileSync(font, path.join(project, 'public', 'fixture.ttf'));
  await run(process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: project });
  return path.join(project, 'dist');
}

/** TypeDoc's HTML for a small TypeScript module. */
export async function typedocSite(work: string): Promise<string> {
  const project = path.join(work, 'typedoc-project');
  write(project, {
    'src/index.ts':
      '/** A shopping cart. */\nexport class Cart {\n  /** Items in the cart. */\n  items: string[] = [];\n' +
      '  /** Adds an item; returns the new count. */\n  add(item: string): number {\n    return this.items.push(item);\n  }\n}\n' +
      '/** The total price of `prices`, in cents. */\nexport function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n',
    'tsconfig.json': '{"compilerOptions":{"strict":true,"target":"ES2022","module":"NodeNext"},"include":["src"]}\n',
  });
  await run(process.execPath, [bin('typedoc', 'bin/typedoc'), '--name', 'shop', '--out', 'docs', '--logLevel', 'Error', 'src/index.ts'], {
    cwd: project,
  });
  return path.join(project, 'docs');
}

/** c8's HTML coverage report (Istanbul's reporter) of a module half covered. */
export async function coverageReport(work: string): Promise<string> {
  const project = path.join(work, 'coverage-project');
  write(project, {
    'math.mjs': 'export function add(a, b) {\n  return a + b;\n}\nexport function never() {\n  return "not covered";\n}\n',
    'run.mjs': "import { add } from './math.mjs';\nif (add(1, 2) !== 3) process.exit(1);\n",
  });
  const c8 = bin('c8', 'bin/c8.js');
  await run(process.execPath, [c8, '--reporter=html', '--reports-dir=report', '--include=math.mjs', process.execPath, 'run.mjs'], {
    cwd: project,
  });
  return path.join(project, 'report');
}

/** JSDoc's default template for a documented class. */
export async function jsdocSite(work: string): Promise<string> {
  const project = path.join(work, 'jsdoc-project');
  write(project, {
    'shop.js':
      '/**\n * A shopping cart.\n * @class\n */\nclass Cart {\n  /** Creates an empty cart. */\n  constructor() {\n' +
      '    /** Items in the cart. @type {string[]} */\n    this.items = [];\n  }\n  /**\n   * Adds an item.\n' +
      '   * @param {string} item - What to add.\n   * @returns {number} The new count.\n   */\n  add(item) {\n' +
      '    return this.items.push(item);\n  }\n}\nmodule.exports = { Cart };\n',
  });
  await run(process.execPath, [bin('jsdoc', 'jsdoc.js'), '-d', 'out', 'shop.js'], { cwd: project });
  return path.join(project, 'out');
}

/** A TrueType font that ships with playwright-core (its icon font). */
export function fixtureFont(): string {
  const dir = path.join(bin('playwright-core', ''), 'lib', 'vite', 'recorder', 'assets');
  const font = readdirSync(dir).find((f) => f.endsWith('.ttf'));
  if (!font) throw new Error(`no .ttf font in ${dir}`);
  return path.join(dir, font);
}

/** Every generator's output, built in parallel under `work`. */
export async function generateAll(work: string): Promise<Record<'playwright' | 'vite' | 'typedoc' | 'coverage' | 'jsdoc', string>> {
  const [playwright, vite, typedoc, coverage, jsdoc] = await Promise.all([
    playwrightReport(work),
    viteBuild(work, fixtureFont()),
    typedocSite(work),
    coverageReport(work),
    jsdocSite(work),
  ]);
  return { playwright, vite, typedoc, coverage, jsdoc };
}
