// Runs the bundled action (dist/index.js) the way the GitHub Actions runner does: inputs as
// INPUT_<NAME> variables, files for GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_EVENT_PATH.
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/**
 * `uid` / `gid`: run the action as that user (needs root): the runner's files and HOME are handed to
 * it, as the runner's own user owns them.
 *
 * @param {{inputs?: Record<string,string>, env?: Record<string,string>, event?: object, eventName?: string, cwd?: string, timeoutMs?: number, uid?: number, gid?: number}} o
 */
export async function runAction(o = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runner-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), event: path.join(dir, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(o.event ?? {}));
  if (o.uid !== undefined) for (const p of [dir, ...Object.values(files)]) chownSync(p, o.uid, o.gid ?? o.uid);
  const env = {
    PATH: process.env.PATH,
    HOME: o.uid !== undefined ? dir : process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/demo-app',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: '4f6c1b2a9d8e7f60123456789abcdef012345678',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_EVENT_NAME: o.eventName ?? 'push',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9/unused',
    GITHUB_WORKSPACE: o.cwd ?? process.cwd(),
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    AWS_EC2_METADATA_DISABLED: 'true',
    // Test-only: the comment's settle window. Against the local GitHub fake a concurrent job's write
    // lands within milliseconds, so a quarter second covers the race it guards against.
    ARTIFACT_LINKS_TEST_COMMENT_SETTLE_MS: '250',
    ...o.env,
  };
  for (const [name, value] of Object.entries(o.inputs ?? {})) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const started = Date.now();
  const ids = o.uid !== undefined ? { uid: o.uid, gid: o.gid ?? o.uid } : {};
  const child = spawn(process.execPath, [ACTION], { cwd: o.cwd ?? process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'], ...ids });
  let stdout = '';
  let stderr = '';
  let peakRssBytes = 0;
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, peakRss(child.pid))), 25);
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearTimeout(timer);
  clearInterval(sampler);
  const result = {
    code,
    stdout,
    stderr,
    durationMs: Date.now() - started,
    /** The child's peak resident memory (VmHWM, sampled; Linux only, else 0). */
    peakRssBytes,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning')).map(unescapeCommand),
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')).map(unescapeCommand),
    notices: stdout.split('\n').filter((l) => l.startsWith('::notice')).map(unescapeCommand),
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Parses the runner's `name<<delimiter` file format. */
export function parseOutputs(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

function unescapeCommand(line) {
  const message = line.slice(line.indexOf('::', 2) + 2);
  return message.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
