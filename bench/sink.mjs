// Starts bench/sink-server.mjs (the null S3 sink) as a child process and talks to its control endpoint.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds } from './measure.mjs';

const SCRIPT = fileURLToPath(new URL('./sink-server.mjs', import.meta.url));

/** @returns {Promise<{endpoint: string, pid: number, cpuSeconds: () => number, reset: () => Promise<void>, stats: () => Promise<object>, stop: () => Promise<void>}>} */
export async function startSink() {
  const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = await Promise.race([
    new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
    exited.then((code) => Promise.reject(new Error(`the null S3 sink exited (${code}) before listening`))),
  ]);
  const { port } = JSON.parse(line);
  const endpoint = `http://127.0.0.1:${port}`;
  const control = async (path, method = 'GET') => {
    const r = await fetch(`${endpoint}/__sink/${path}`, { method });
    if (!r.ok) throw new Error(`sink ${path}: HTTP ${r.status}`);
    return r.json();
  };
  return {
    endpoint,
    pid: child.pid,
    cpuSeconds: () => processCpuSeconds(child.pid),
    reset: async () => void (await control('reset', 'POST')),
    stats: () => control('stats'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
