// A real Ceph RADOS Gateway on 127.0.0.1 for the tests, from Debian's packages (radosgw, ceph-mon,
// ceph-osd; Ceph 16 "pacific"). Pacific's radosgw has no standalone (dbstore) backend, so this starts a
// one-node cluster: one monitor, one OSD on memstore (objects in RAM), authentication off, and radosgw
// on a free port. Everything lives in one temp directory; only the processes started here are stopped.
//
//   const ceph = await startCeph({ buckets: ['artifacts'] });
//   … S3 at ceph.endpoint with CEPH_ACCESS_KEY / CEPH_SECRET_KEY …
//   await ceph.stop();
//
// If the process that started the cluster dies without calling stop() (a crashed or killed test
// worker), a watchdog started with the daemons kills them and removes the directory.
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The S3 user's keys (test-only: the cluster is on loopback and deleted after the tests). */
export const CEPH_ACCESS_KEY = 'ARTIFACTLINKSCEPH001';
export const CEPH_SECRET_KEY = 'artifact-links-ceph-test-secret-key-0001';
export const CEPH_USER = 'artifact-links';

const BIN = process.env.CEPH_BIN_DIR || '/usr/bin';
export const CEPH_BINARIES = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'ceph'];

/** The Ceph programs this needs that are not installed (empty when the cluster can start). */
export function missingCephBinaries() {
  return CEPH_BINARIES.filter((b) => !existsSync(path.join(BIN, b)));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function config(dir, monPort, rgwPort) {
  return `[global]
fsid = ${randomUUID()}
mon_host = v2:127.0.0.1:${monPort}
public_addr = 127.0.0.1
ms_bind_ipv6 = false
ms_bind_msgr1 = false
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
# Without 'secure' as well, radosgw's monitor session fails with -13 (EACCES) and it retries forever.
ms_mon_client_mode = crc secure
client_mount_timeout = 30
rados_mon_op_timeout = 30
run_dir = ${dir}/run
crash_dir = ${dir}/crash
admin_socket = ${dir}/run/$name.asok
log_file = ${dir}/log/$name.log
mon_cluster_log_file = ${dir}/log/$cluster.$channel.log
pid_file = ${dir}/run/$name.pid
keyring = ${dir}/keyring
mon_data = ${dir}/mon/$name
osd_data = ${dir}/osd/$name
osd_objectstore = memstore
memstore_device_bytes = ${1024 * 1024 * 1024}
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
mon_allow_pool_size_one = true
osd_crush_chooseleaf_type = 0
mon_warn_on_pool_no_redundancy = false
# Commit cluster map changes (each pool radosgw creates is one) every 50 ms, not every second.
paxos_propose_interval = 0.05
paxos_min_wait = 0.01
# A disk more than 95 % full would otherwise stop the monitor; the cluster holds its data in RAM.
mon_data_avail_crit = 0
mon_data_avail_warn = 0

[client.rgw]
rgw_frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw_data = ${dir}/rgw
`;
}

/** Kills `pids` when this process goes away without stop(): its end of the watchdog's stdin closes. */
function startWatchdog(dir) {
  const script = `
    const { readFileSync, rmSync } = require('node:fs');
    const pids = new Set();
    let buffered = '';
    process.stdin.on('data', (d) => {
      buffered += d;
      for (let i; (i = buffered.indexOf('\\n')) >= 0; buffered = buffered.slice(i + 1)) {
        const line = buffered.slice(0, i);
        if (line === 'stopped') process.exit(0);
        pids.add(Number(line));
      }
    });
    process.stdin.on('end', () => {
      for (const pid of pids) {
        // Only a Ceph daemon started with this cluster's config: never a process that reused the pid.
        let cmdline = '';
        try { cmdline = readFileSync('/proc/' + pid + '/cmdline', 'utf8'); } catch {}
        if (cmdline.includes(${JSON.stringify(path.join(dir, 'ceph.conf'))})) try { process.kill(pid, 'SIGKILL'); } catch {}
      }
      rmSync(${JSON.stringify(dir)}, { recursive: true, force: true });
      process.exit(0);
    });
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  child.unref();
  child.stdin.unref?.();
  child.stdin.on('error', () => {});
  return child;
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of `pid` in bytes (VmRSS), 0 once it has exited. */
function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts the cluster and radosgw, creates the S3 user (CEPH_ACCESS_KEY / CEPH_SECRET_KEY) and
 * `buckets`. Rejects (having stopped what it started) within `timeoutMs`.
 *
 * @param {{ buckets?: string[], timeoutMs?: number }} [options]
 */
export async function startCeph({ buckets = ['artifacts'], timeoutMs = 90_000 } = {}) {
  const missing = missingCephBinaries();
  if (missing.length > 0) {
    throw new Error(`Ceph is not installed (missing ${missing.join(', ')} in ${BIN}): apt-get install radosgw ceph-mon ceph-osd`);
  }
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ceph-'));
  for (const sub of ['run', 'crash', 'log', 'mon/mon.a', 'osd/osd.0', 'rgw']) mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = path.join(dir, 'ceph.conf');
  const [monPort, rgwPort] = [await freePort(), await freePort()];
  writeFileSync(conf, config(dir, monPort, rgwPort));

  const watchdog = startWatchdog(dir);
  /** @type {{ name: string, child: import('node:child_process').ChildProcess, exited: boolean }[]} */
  const daemons = [];
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      const alive = daemons.filter((d) => !d.exited);
      // The cluster's state is disposable (memstore): no orderly shutdown is needed.
      for (const d of alive) d.child.kill('SIGKILL');
      // The children are unref'd: hold the event loop open until they are reaped.
      const hold = setInterval(() => {}, 1000);
      await Promise.all(alive.map((d) => new Promise((resolve) => (d.exited ? resolve() : d.child.once('exit', resolve)))));
      clearInterval(hold);
      if (watchdog.exitCode === null) watchdog.stdin.end('stopped\n');
      rmSync(dir, { recursive: true, force: true });
    })());

  const daemon = (name, args) => {
    const child = spawn(path.join(BIN, name), ['-c', conf, '-f', ...args], { stdio: 'ignore' });
    const d = { name, child, exited: false };
    child.once('exit', () => (d.exited = true));
    child.once('error', () => (d.exited = true)); // could not be started: the wait loop reports it
    child.unref();
    daemons.push(d);
    watchdog.stdin.write(`${child.pid}\n`);
    return d;
  };
  const tool = async (name, args) => {
    try {
      return (await run(path.join(BIN, name), ['-c', conf, ...args], { timeout: 60_000 })).stdout;
    } catch (e) {
      throw new Error(`${name} ${args.join(' ')} failed: ${e.stderr || e.message}`, { cause: e });
    }
  };
  const deadline = started + timeoutMs;
  const failed = (what, log) => new Error(`Ceph did not start: ${what}. ${log ? `Last lines of ${log}:\n${tail(log)}` : ''}`.trim());

  try {
    await run(path.join(BIN, 'monmaptool'), ['--create', '--fsid', readFsid(conf), '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, `${dir}/monmap`]);
    await tool('ceph-mon', ['--mkfs', '-i', 'a', '--monmap', `${dir}/monmap`]);
    const mon = daemon('ceph-mon', ['-i', 'a']);
    const osdId = (await tool('ceph', ['--connect-timeout', '30', 'osd', 'create'])).trim();
    if (mon.exited) throw failed('ceph-mon exited', `${dir}/log/mon.a.log`);
    await tool('ceph-osd', ['-i', osdId, '--mkfs']);
    const osd = daemon('ceph-osd', ['-i', osdId]);
    const rgw = daemon('radosgw', ['-n', 'client.rgw']);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    // radosgw answers HTTP once it has created its pools, which needs the OSD up.
    for (;;) {
      for (const d of [mon, osd, rgw]) if (d.exited) throw failed(`${d.name} exited`, `${dir}/log/${logName(d.name, osdId)}.log`);
      if (Date.now() > deadline) throw failed(`radosgw did not answer at ${endpoint} within ${timeoutMs} ms`, `${dir}/log/client.rgw.log`);
      const up = await fetch(endpoint, { signal: AbortSignal.timeout(2_000) }).then(
        () => true,
        () => false,
      );
      if (up) break;
      await sleep(250);
    }
    await tool('radosgw-admin', [
      'user',
      'create',
      `--uid=${CEPH_USER}`,
      '--display-name=s3-artifact-links tests',
      `--access-key=${CEPH_ACCESS_KEY}`,
      `--secret-key=${CEPH_SECRET_KEY}`,
    ]);
    const s3 = cephClient(endpoint);
    try {
      for (const Bucket of buckets) await s3.send(new CreateBucketCommand({ Bucket }));
    } finally {
      s3.destroy();
    }
    const pids = { mon: mon.child.pid, osd: osd.child.pid, rgw: rgw.child.pid };
    return {
      endpoint,
      directory: dir,
      pids,
      /** Milliseconds from the call to a usable S3 endpoint with the user and buckets. */
      startupMs: Date.now() - started,
      /** The three daemons' resident memory now, in bytes. */
      rssBytes: () => Object.values(pids).reduce((n, pid) => n + rssBytes(pid), 0),
      logs: () => Object.fromEntries(['mon.a', `osd.${osdId}`, 'client.rgw'].map((n) => [n, tail(`${dir}/log/${n}.log`, 40)])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function logName(daemonName, osdId) {
  return { 'ceph-mon': 'mon.a', 'ceph-osd': `osd.${osdId}`, radosgw: 'client.rgw' }[daemonName];
}

function readFsid(conf) {
  return /^fsid = (.+)$/m.exec(readFileSync(conf, 'utf8'))[1];
}

/** An S3 client for the gateway, set up as the action sets up its own for an endpoint. */
export function cephClient(endpoint) {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: CEPH_ACCESS_KEY, secretAccessKey: CEPH_SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
