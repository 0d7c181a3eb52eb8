/**
 * The Ceph test cluster (scripts/lib/ceph.mjs) cleans up after itself: stop() ends exactly the daemons
 * it started and deletes its directory; a start that fails does the same; and when the process that
 * started it dies without stop(), its watchdog does. Skipped, saying so, without the Ceph binaries
 * (failed when CI is set).
 */
import { afterEach, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CEPH_ACCESS_KEY, cephClient, startCeph, type LocalCeph } from '../../../scripts/lib/ceph.mjs';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { describeIfCeph } from '../../support/ceph.js';

/**
 * Live processes whose command line names `dir`: the daemons (their config is in it) and the watchdog
 * (its script names it), as pid and program name.
 */
function processesUsing(dir: string): { pid: number; program: string }[] {
  const found: { pid: number; program: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (cmdline.includes(`${dir}/`) && state !== 'Z') found.push({ pid: Number(entry), program: path.basename(cmdline.split('\0')[0]) });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

const DAEMONS = ['ceph-mon', 'ceph-osd', 'radosgw'];
const daemonsUsing = (dir: string) => processesUsing(dir).filter((p) => DAEMONS.includes(p.program));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

let running: LocalCeph | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describeIfCeph('the Ceph test cluster', () => {
  it('serves S3 with the test user and bucket; stop() ends its three daemons and deletes its directory', async () => {
    const ceph = (running = await startCeph({ buckets: ['probe-bucket'] }));
    expect(ceph.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = cephClient(ceph.endpoint);
    const { Buckets, Owner } = await client.send(new ListBucketsCommand({}));
    client.destroy();
    expect(Buckets?.map((b) => b.Name)).toEqual(['probe-bucket']);
    expect(Owner?.ID).toBeDefined();
    expect(CEPH_ACCESS_KEY).toBeTruthy();
    const pids = Object.values(ceph.pids);
    const live = processesUsing(ceph.directory);
    expect(
      live
        .filter((p) => DAEMONS.includes(p.program))
        .map((p) => p.pid)
        .sort(),
    ).toEqual(pids.sort());
    expect(live.filter((p) => !DAEMONS.includes(p.program)).map((p) => p.program)).toEqual(['node']); // the watchdog
    expect(ceph.rssBytes()).toBeGreaterThan(50 * 1024 * 1024);

    await ceph.stop();
    // The watchdog exits once told the daemons are stopped.
    expect(await until(() => processesUsing(ceph.directory).length === 0, 5_000)).toBe(true);
    for (const pid of pids)
      expect(existsSync(`/proc/${pid}/cmdline`) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').length > 0).toBe(false);
    expect(existsSync(ceph.directory)).toBe(false);
  }, 90_000);

  it('a start that fails stops what it started and deletes its directory', async () => {
    // radosgw cannot answer within 1 ms: the start gives up after launching every daemon.
    const error = (await startCeph({ timeoutMs: 1 }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^Ceph did not start: radosgw did not answer at http:\/\/127\.0\.0\.1:\d+ within 1 ms/);
    const dir = /Last lines of (\/\S+)\/log\//.exec(error.message)?.[1];
    expect(dir).toBeDefined();
    expect(daemonsUsing(dir!)).toEqual([]);
    expect(existsSync(dir!)).toBe(false);
    expect(await until(() => processesUsing(dir!).length === 0, 5_000)).toBe(true);
  }, 90_000);

  it('when the process that started it is killed, the watchdog ends the daemons and deletes the directory', async () => {
    const lib = fileURLToPath(new URL('../../../scripts/lib/ceph.mjs', import.meta.url));
    const starter = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const c = await (await import(${JSON.stringify(lib)})).startCeph(); console.log(c.directory); setInterval(() => {}, 1e6);`,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const dir = await new Promise<string>((resolve, reject) => {
      let out = '';
      starter.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('\n')) resolve(out.trim());
      });
      starter.once('exit', (code) => reject(new Error(`the starter exited (${code}) before the cluster was up`)));
    });
    expect(
      daemonsUsing(dir)
        .map((p) => p.program)
        .sort(),
    ).toEqual(DAEMONS);
    starter.kill('SIGKILL');
    expect(await until(() => processesUsing(dir).length === 0 && !existsSync(dir), 10_000)).toBe(true);
  }, 90_000);
});
