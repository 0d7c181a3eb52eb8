#!/usr/bin/env node
// What the test suites need from the system, beyond npm: Debian packages for the real peers.
// Run before every `npm test` (the `pretest` script) and by .ci/run. When something is missing it
// installs it with apt-get if this runs as root on Debian; otherwise it fails, naming the command
// to run. `--check` only reports (exit 1 when something is missing) and never installs.
//
//   chromium             /usr/bin/chromium (or CHROMIUM_PATH): sites, share pages and the demo in a browser
//   cmark-gfm            GitHub's Markdown engine: the comment rendered as GitHub renders it
//   awscli               /usr/bin/aws: the AWS CLI the benchmark and the CLI comparisons run
//   ceph-mon, ceph-osd,  /usr/bin/ceph-mon, ceph-osd, radosgw: the suite against a real Ceph RADOS Gateway
//   radosgw
//
// moto_server (STS for the role tests) is a Python package, not a Debian one: it is named when
// missing (its suites skip locally and fail under CI) but never installed here.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/** One thing the tests need, the Debian package that brings it, and which tests need it. */
const REQUIREMENTS = [
  { what: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pkg: 'chromium', why: 'headless Chromium (sites, share pages)' },
  { what: 'cmark-gfm', pkg: 'cmark-gfm', why: "GitHub's Markdown engine (the rendered comment)" },
  { what: '/usr/bin/aws', pkg: 'awscli', why: 'the AWS CLI (benchmark and CLI comparisons)' },
  { what: '/usr/bin/ceph-mon', pkg: 'ceph-mon', why: 'a Ceph monitor (the Ceph RADOS Gateway suite)' },
  { what: '/usr/bin/ceph-osd', pkg: 'ceph-osd', why: 'a Ceph OSD (the Ceph RADOS Gateway suite)' },
  { what: '/usr/bin/radosgw', pkg: 'radosgw', why: 'the Ceph RADOS Gateway (its suite)' },
];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An absolute path must be executable; a bare name must be on PATH. */
function present(what) {
  if (path.isAbsolute(what)) return executable(what);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && executable(path.join(dir, what)));
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

const checkOnly = process.argv.includes('--check');
if (process.env.CHROMIUM_PATH && !executable(process.env.CHROMIUM_PATH)) {
  console.error(
    `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which is not an executable: point it at Chromium, or unset it to use /usr/bin/chromium.`,
  );
  process.exit(1);
}
const missing = REQUIREMENTS.filter((r) => !present(r.what));
const packages = [...new Set(missing.map((r) => r.pkg))];
const root = process.getuid?.() === 0;
const sudo = root ? '' : 'sudo ';
const installCommand = `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;

if (missing.length > 0) {
  const list = missing.map((r) => `  ${r.what}: ${r.why} (Debian package ${r.pkg})`).join('\n');
  const debian = existsSync('/etc/debian_version') && present('apt-get');
  if (checkOnly || !root || !debian) {
    const how = debian
      ? `Install them with:\n  ${installCommand}`
      : `Install the packages ${packages.join(', ')} (names as in Debian) with your system's package manager.`;
    console.error(`The tests need what this machine lacks:\n${list}\n${how}\nthen run npm test again.`);
    process.exit(1);
  }
  console.log(`The tests need what this machine lacks; installing ${packages.join(' ')} with apt-get:\n${list}`);
  try {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
  } catch (error) {
    console.error(`${error.message}\nInstall them yourself with:\n  ${installCommand}`);
    process.exit(1);
  }
  const still = REQUIREMENTS.filter((r) => !present(r.what));
  if (still.length > 0) {
    console.error(`Still missing after apt-get: ${still.map((r) => r.what).join(', ')}.`);
    process.exit(1);
  }
}

if (!present('moto_server')) {
  console.error(
    `moto_server not found: the role-to-assume (STS) suites ${process.env.CI ? 'fail under CI' : 'are skipped'} without it. Install it with: pip install "moto[server]"`,
  );
  if (process.env.CI) process.exit(1);
}
