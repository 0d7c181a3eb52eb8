/**
 * Start moto_server (a local AWS emulator: STS, S3, IAM, ...) for tests.
 *
 *   describeIfMoto('thing that needs STS', () => {
 *     let moto: MotoServer;
 *     beforeAll(async () => { moto = await startMoto(); });
 *     afterAll(() => moto.stop());
 *     ...
 *   });
 *
 * When moto_server is not on PATH: with env CI set the suite FAILS (CI must run these tests);
 * otherwise it is skipped with a message naming `pip install "moto[server]"`.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const MOTO_COMMAND = 'moto_server';
export const MOTO_INSTALL_HINT = 'pip install "moto[server]"';

export interface MotoServer {
  /** e.g. http://127.0.0.1:45123 — pass as `endpoint` to any AWS SDK client. */
  endpoint: string;
  port: number;
  /** Forget all emulated state (buckets, roles, sessions...). */
  reset(): Promise<void>;
  /** Kill the server (SIGTERM, then SIGKILL after 5 s) and wait for it to exit. Idempotent. */
  stop(): Promise<void>;
}

/** Absolute path of moto_server on PATH, or undefined. */
export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, MOTO_COMMAND);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** CI is set (and not "false" or "0"): a suite whose peer is missing fails instead of skipping. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return Boolean(ci) && ci !== 'false' && ci !== '0';
}

/**
 * `describe` when moto_server is available. Otherwise: under CI, a describe with one failing test
 * that says why; locally, a describe with one skipped test whose name says how to install moto.
 */
export function describeIfMoto(name: string, fn: () => void): void {
  if (findMotoServer()) {
    describe(name, fn);
    return;
  }
  const why = `${MOTO_COMMAND} is not on PATH; install it with: ${MOTO_INSTALL_HINT}`;
  if (isCi()) {
    describe(name, () => {
      test(`requires ${MOTO_COMMAND}`, () => {
        throw new Error(`${why}. CI is set, so tests that need moto fail instead of being skipped.`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${why}`);
  describe(name, () => {
    test.skip(why, () => undefined);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StartMotoOptions {
  /** How long to wait for the server to answer. Default 30 s. */
  timeoutMs?: number;
  /** Extra environment for the server process. */
  env?: NodeJS.ProcessEnv;
}

/** Start moto_server on 127.0.0.1 and a free port; resolves once it answers HTTP. */
export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  const command = findMotoServer();
  if (!command) throw new Error(`${MOTO_COMMAND} is not on PATH; install it with: ${MOTO_INSTALL_HINT}`);
  let lastError: Error | undefined;
  // A port found free can be taken before moto binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(command, await freePort(), opts);
    } catch (e) {
      lastError = e as Error;
      if (!/address already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function startOnce(command: string, port: number, opts: StartMotoOptions): Promise<MotoServer> {
  const endpoint = `http://127.0.0.1:${port}`;
  // Own process group, so stop() also ends any wrapper (e.g. a pyenv shim) and its python child.
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (e) => {
      output += `\n${e.message}`;
      exited = true;
      resolve();
    });
  });
  const killGroup = (signal: NodeJS.Signals) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  const onProcessExit = () => killGroup('SIGKILL');
  process.once('exit', onProcessExit);

  const stop = async () => {
    process.removeListener('exit', onProcessExit);
    if (!exited) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    child.stdout?.destroy();
    child.stderr?.destroy();
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${MOTO_COMMAND} exited before answering on ${endpoint}:\n${output.trim()}`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${MOTO_COMMAND} did not answer on ${endpoint} within ${opts.timeoutMs ?? 30_000} ms:\n${output.trim()}`);
    }
    await sleep(100);
  }

  return {
    endpoint,
    port,
    stop,
    reset: async () => {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    },
  };
}
