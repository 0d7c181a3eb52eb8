// Global setup of the e2e tier: the tests run dist/index.js, so it must be built from the current
// src/. When any file in src/ is newer than the bundle (or there is none), rebuild it with
// `npm run package`. CI separately fails when the committed dist/ differs from a fresh build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist', 'index.js');

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

export default function freshBundle() {
  const built = existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : 0;
  if (built >= newest(path.join(ROOT, 'src'))) return;
  console.log(`\n${built ? 'src/ is newer than dist/index.js' : 'dist/index.js is missing'}: rebuilding with 'npm run package'.`);
  try {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    throw new Error(`The e2e tests need a bundle of the current src/, and 'npm run package' failed: fix the build, then run it yourself.`, {
      cause: error,
    });
  }
}
