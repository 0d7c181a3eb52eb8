/**
 * scripts/ensure-system-deps.mjs, the `pretest` script: names what is missing and the command that
 * installs it, or installs it with apt-get when it runs as root on Debian. Run as a child process
 * with a PATH of our own, so `cmark-gfm` (looked up on PATH) is missing and apt-get is a recorder.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve('scripts/ensure-system-deps.mjs');
const ABSOLUTE = ['/usr/bin/chromium', '/usr/bin/aws', '/usr/bin/ceph-mon', '/usr/bin/ceph-osd', '/usr/bin/radosgw'];

function runScript(args: string[], env: Record<string, string>) {
  const { CHROMIUM_PATH: _unused, ...rest } = process.env;
  return spawnSync(process.execPath, [SCRIPT, ...args], { env: { ...rest, CI: '', ...env }, encoding: 'utf8' });
}

/** A directory for PATH with a recording apt-get: `install` brings cmark-gfm onto this PATH, as the package would. */
function fakeBin(): { bin: string; log: string } {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'deps-'));
  const log = path.join(bin, 'apt-get.log');
  writeFileSync(
    path.join(bin, 'apt-get'),
    `#!/bin/sh\necho "$@" >> '${log}'\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > '${bin}/cmark-gfm'; /bin/chmod +x '${bin}/cmark-gfm'; fi\n`,
  );
  chmodSync(path.join(bin, 'apt-get'), 0o755);
  return { bin, log };
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

describe('ensure-system-deps', () => {
  it('--check names what is missing and the apt-get command, and installs nothing', () => {
    const { bin, log } = fakeBin();
    try {
      const result = runScript(['--check'], { PATH: bin });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("cmark-gfm: GitHub's Markdown engine (the rendered comment) (Debian package cmark-gfm)");
      expect(result.stderr).toMatch(/apt-get install -y --no-install-recommends [a-z0-9 -]*\bcmark-gfm\b/);
      expect(result.stderr).toContain('then run npm test again.');
      expect(existsSync(log)).toBe(false);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('refuses a CHROMIUM_PATH that is not an executable, naming it', () => {
    const result = runScript([], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is /nonexistent/chromium, which is not an executable');
  });

  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && ABSOLUTE.every(executable);
  (canInstall ? it : it.skip)('as root on Debian, installs the missing packages with apt-get, then checks again', () => {
    const { bin, log } = fakeBin();
    try {
      writeFileSync(path.join(bin, 'moto_server'), '#!/bin/sh\n');
      chmodSync(path.join(bin, 'moto_server'), 0o755);
      const result = runScript([], { PATH: bin });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(readFileSync(log, 'utf8')).toBe('update\ninstall -y --no-install-recommends cmark-gfm\n');
      expect(result.stdout).toContain('installing cmark-gfm with apt-get');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
