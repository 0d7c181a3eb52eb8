// Measuring one contender process: wall time, peak RSS, CPU; and the small statistics the report needs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

const RSS_SAMPLE_MS = 25;

/** The process's peak resident memory so far (VmHWM; Linux only, else 0). */
export function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux build

/**
 * CPU seconds (user + system) used by this process's children that have exited and been reaped
 * (`cutime` + `cstime` of /proc/self/stat), so a delta around one run is that child's CPU.
 */
export function reapedChildrenCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND; // fields 16 and 17 of proc(5)
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) this process has used: the S3 server's when s3rver runs in it. */
export function ownCpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds (user + system) used so far by another process (`utime` + `stime` of /proc/<pid>/stat). */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // fields 14 and 15 of proc(5)
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine has been busy (all cores; the first line of /proc/stat, less idle and iowait). */
export function machineBusyCpuSeconds() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + (steal || 0)) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * Runs `fn` (which runs one contender process) and measures, around it, the wall time, the CPU of
 * the S3 server (`serverCpuSeconds`: by default this process's, which hosts s3rver), the CPU of the
 * child, and the CPU the rest of the machine used meanwhile (`otherCpu`: other processes, such as a
 * test suite running alongside) — all as shares of one core. `fn` returns `{code, peakRssBytes, ...}`.
 */
export async function measured(fn, { serverCpuSeconds = ownCpuSeconds } = {}) {
  const serverIsThisProcess = serverCpuSeconds === ownCpuSeconds;
  const ownBefore = ownCpuSeconds();
  const serverBefore = serverCpuSeconds();
  const machineBefore = machineBusyCpuSeconds();
  const childBefore = reapedChildrenCpuSeconds();
  const started = performance.now();
  const result = await fn();
  const wallMs = performance.now() - started;
  const serverCpu = ((serverCpuSeconds() - serverBefore) * 1000) / wallMs;
  const clientCpu = ((reapedChildrenCpuSeconds() - childBefore) * 1000) / wallMs;
  const machineCpu = ((machineBusyCpuSeconds() - machineBefore) * 1000) / wallMs;
  const benchCpu = serverIsThisProcess ? 0 : ((ownCpuSeconds() - ownBefore) * 1000) / wallMs;
  // Ticks are 10 ms and sampled separately: small negative remainders are rounding, shown as 0.
  const otherCpu = Math.max(0, machineCpu - clientCpu - serverCpu - benchCpu);
  return { ...result, wallMs, serverCpu, clientCpu, machineCpu, otherCpu };
}

/** Spawns a command, sampling its VmHWM like scripts/lib/run-action.mjs does. */
export function spawnMeasured(command, args, { cwd, env, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRssBytes = 0;
    const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, peakRss(child.pid))), RSS_SAMPLE_MS);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? `signal ${signal}` : -1), stdout, stderr, peakRssBytes });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

export function machine() {
  const cpus = os.cpus();
  return { cores: cpus.length, model: cpus[0]?.model?.trim() ?? 'unknown', memGiB: os.totalmem() / 2 ** 30, kernel: os.release() };
}
