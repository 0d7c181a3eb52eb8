// A real Playwright HTML report, made offline: @playwright/test (a dev dependency) runs a two-test
// spec (one passes, one fails) against Debian's Chromium with `trace: 'on'` and `screenshot: 'on'`.
// For the tests (real generators' output) and the benchmark (W8: opening the report).
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** The test titles of the report. */
export const PLAYWRIGHT_TESTS = { passed: 'cart shows the added item', failed: 'checkout total is right' };

/** Runs the spec in `project` (created); returns the report's folder (`project/report`). */
export async function playwrightReport(project) {
  const files = {
    'playwright.config.mjs': `export default {
  testDir: 'tests',
  reporter: [['line'], ['html', { outputFolder: 'report', open: 'never' }]],
  workers: 1,
  use: {
    trace: 'on',
    screenshot: 'on',
    browserName: 'chromium',
    launchOptions: { executablePath: ${JSON.stringify(CHROMIUM)}, args: ${JSON.stringify(CHROMIUM_ARGS)} },
  },
};
`,
    'tests/shop.spec.mjs': `import { test, expect } from '@playwright/test';
test(${JSON.stringify(PLAYWRIGHT_TESTS.passed)}, async ({ page }) => {
  await page.setContent('<h1>Shop</h1><button id="add">Add</button><p id="cart">empty</p>' +
    '<script>document.getElementById("add").onclick = () => (document.getElementById("cart").textContent = "1 item")</script>');
  await page.click('#add');
  await expect(page.locator('#cart')).toHaveText('1 item');
});
test(${JSON.stringify(PLAYWRIGHT_TESTS.failed)}, async ({ page }) => {
  await page.setContent('<h1>Checkout</h1><p id="total">Total: 41</p>');
  await expect(page.locator('#total')).toHaveText('Total: 42', { timeout: 1000 });
});
`,
  };
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), body);
  }
  // The project resolves @playwright/test from this repository's node_modules.
  const pkg = path.dirname(require.resolve('@playwright/test/package.json'));
  symlinkSync(path.resolve(pkg, '..', '..'), path.join(project, 'node_modules'));
  // Playwright Test refuses to run inside Jest (it looks for JEST_WORKER_ID).
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JEST')));
  // One test fails on purpose: the run exits 1.
  const output = await run(process.execPath, [path.join(pkg, 'cli.js'), 'test'], { cwd: project, env: { ...env, CI: '1' } }).then(
    () => '',
    (error) => {
      if (error.code !== 1) throw error;
      return error.stdout ?? '';
    },
  );
  if (!/1 failed/.test(output) || !/1 passed/.test(output)) throw new Error(`The Playwright run did not end 1 failed, 1 passed:\n${output}`);
  return path.join(project, 'report');
}
