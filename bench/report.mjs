// Pure rendering of the benchmark's results: markdown tables and the targets check.
import { summarize } from './measure.mjs';

const MiB = 1024 * 1024;

export const TARGETS = {
  /** W1–W3, on each server: the action's wall time against the AWS CLI's and the naive script's. */
  uploads: {
    W1: { vsCli: 1.5, vsNaive: 1.3 },
    W2: { vsCli: 1.5, vsNaive: 1.2 },
    W3: { vsCli: 1.5, vsNaive: 1.2, firstRequestSeconds: 0.5, peakRssMB: 200 },
  },
  linksPerSecond: 10_000,
  coldStartSeconds: 0.3,
  /** W6: the action (upload, sign, site) against `aws s3 sync`, on the null sink. */
  siteSpeedupVsSync: 1.5,
  siteRssMB: 256,
  siteOpenMB: 2,
  /** W7: 20,000 small files. */
  manyFilesRssMB: 200,
};
/** A run whose server CPU (s3rver in the bench process, or the sink process) reaches this share of one core is server-bound. */
export const SERVER_BOUND = 0.9;

/** The servers W1–W3 run against (BENCH_SERVER). */
export const SERVERS = {
  s3rver: { name: 's3rver', title: 's3rver', about: 'verifies SigV4, stores the objects; single-threaded, in the bench process' },
  sink: {
    name: 'the null sink',
    title: 'the null S3 sink',
    about:
      'its own process; discards bodies, verifies no signature (only the signed SHA-256 of bodies up to 1 MiB): client throughput only',
  },
};

const s = (ms) => (ms / 1000).toFixed(2);
const mb = (bytes) => (bytes / 1e6).toFixed(0);
const pct = (x) => `${Math.round(x * 100)}%`;
const ratio = (x) => `${x.toFixed(2)}×`;

/** Per-contender summary of one upload workload's runs. */
export function summarizeUploads(workload, runs) {
  return contenderIds(runs).map((id) => {
    const mine = runs.filter((r) => r.contender === id);
    const wall = summarize(mine.map((r) => r.wallMs));
    return {
      id,
      label: mine[0].label,
      wall,
      mibPerSecond: workload.bytes / MiB / (wall.median / 1000),
      peakRssBytes: Math.max(...mine.map((r) => r.peakRssBytes)),
      clientCpu: summarize(mine.map((r) => r.clientCpu)).median,
      serverCpu: summarize(mine.map((r) => r.serverCpu)).median,
      otherCpu: summarize(mine.map((r) => r.otherCpu ?? 0)).median,
      requests: summarize(mine.map((r) => r.requests)).median,
      toFirstRequestMs: summarize(mine.map((r) => r.toFirstRequestMs)).median,
      afterLastRequestMs: summarize(mine.map((r) => r.afterLastRequestMs)).median,
      failures: mine.filter((r) => !r.ok).length,
    };
  });
}

export function uploadTable(workload, rows, serverId = 's3rver', check = undefined) {
  const action = rows.find((r) => r.id === 'action');
  const server = SERVERS[serverId];
  const lines = [
    `### ${workload.id} on ${server.title}: ${workload.title} (${(workload.bytes / MiB).toFixed(workload.bytes < MiB ? 2 : 0)} MiB, ${rows[0]?.wall.n ?? 0} round${rows[0]?.wall.n === 1 ? '' : 's'})`,
    '',
    `Server: ${server.title} (${server.about}).`,
    '',
    "| contender | median wall s | min–max s | MiB/s | peak RSS MB | client CPU | server CPU | other CPU | requests | 1st request s | after last request s | time ÷ action's |",
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label}${r.failures ? ` (**${r.failures} failed**)` : ''} | ${s(r.wall.median)} | ${s(r.wall.min)}–${s(r.wall.max)} | ${r.mibPerSecond.toFixed(1)} | ${mb(r.peakRssBytes)} | ${pct(r.clientCpu)} | ${pct(r.serverCpu)}${r.serverCpu >= SERVER_BOUND ? ' ⚠' : ''} | ${pct(r.otherCpu)} | ${r.requests} | ${s(r.toFirstRequestMs)} | ${s(r.afterLastRequestMs)} | ${action ? ratio(r.wall.median / action.wall.median) : '–'} |`,
    );
  }
  if (check) lines.push('', `Check (sink): ${check}`);
  return lines.join('\n');
}

export function presignTable(rows, count) {
  const action = rows.find((r) => r.id === 'action');
  const lines = [
    `### W4: presign ${count.toLocaleString('en-US')} GET links`,
    '',
    "| contender | links timed | median links/s | min–max links/s | per link | peak RSS MB | time ÷ action's |",
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.linksTimed.toLocaleString('en-US')} | ${rate(r.lps.median)} | ${rate(r.lps.min)}–${rate(r.lps.max)} | ${perLink(1 / r.lps.median)} | ${mb(r.peakRssBytes)} | ${action ? ratio(action.lps.median / r.lps.median) : '–'} |`,
    );
  }
  return lines.join('\n');
}

export function coldStartTable(rows, runs) {
  const lines = [
    `### W5: cold start, spawn → first request at the S3 server (1 file, ${runs} runs)`,
    '',
    '| contender | median s | min–max s | median total wall s | peak RSS MB |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${s(r.first.median)} | ${s(r.first.min)}–${s(r.first.max)} | ${s(r.wall.median)} | ${mb(r.peakRssBytes)} |`);
  }
  return lines.join('\n');
}

/**
 * One line per target: the measured value and met / NOT met (or not run). The upload targets (W1–W3)
 * are evaluated once per server, each group labelled; a server at ≥ SERVER_BOUND of a core is named
 * as the bottleneck next to the verdict. `uploads` is {serverId: {W1: rows, ...}}.
 */
export function targetLines({ uploads, presign, coldStart, siteOpen }) {
  const check = (ok) => (ok ? 'met' : '**NOT met**');
  const lines = [];
  const servers = Object.keys(uploads ?? {}).filter((id) => ['W1', 'W2', 'W3'].some((w) => uploads[id][w]));
  if (servers.length === 0) lines.push('- W1–W3: not run');
  for (const serverId of servers) {
    const server = SERVERS[serverId];
    const row = (w, id) => uploads[serverId][w]?.find((r) => r.id === id);
    lines.push(`**On ${server.title}** (${server.about}):`, '');
    for (const w of ['W1', 'W2', 'W3']) {
      const a = row(w, 'action');
      if (!a) {
        lines.push(`- ${w} on ${server.name}: not run`);
        continue;
      }
      const goal = TARGETS.uploads[w];
      for (const [id, name, times] of [
        ['aws', 'AWS CLI', goal.vsCli],
        ['naive', 'the naive SDK script', goal.vsNaive],
      ]) {
        const other = row(w, id);
        lines.push(
          other
            ? `- ${w} on ${server.name}: action ≥ ${times}× faster than ${name}: ${ratio(other.wall.median / a.wall.median)} (${s(a.wall.median)} s vs ${s(other.wall.median)} s) — ${check(other.wall.median / a.wall.median >= times)}${notes(server, a, other)}`
            : `- ${w} on ${server.name}: against ${name}: not run`,
        );
      }
      if (goal.firstRequestSeconds !== undefined)
        lines.push(
          `- ${w} on ${server.name}: action's first request ≤ ${goal.firstRequestSeconds.toFixed(2)} s after spawn: ${s(a.toFirstRequestMs)} s — ${check(a.toFirstRequestMs / 1000 <= goal.firstRequestSeconds)}`,
        );
      if (goal.peakRssMB !== undefined)
        lines.push(
          `- ${w} on ${server.name}: action peak RSS ≤ ${goal.peakRssMB} MB: ${mb(a.peakRssBytes)} MB — ${check(a.peakRssBytes / 1e6 <= goal.peakRssMB)}`,
        );
    }
    lines.push('');
  }
  lines.push(...siteTargetLines(uploads?.sink ?? {}, siteOpen));
  lines.push('**Independent of the upload server** (W4 offline; W5 against s3rver):', '');
  const p = presign?.find((r) => r.id === 'action');
  lines.push(
    p
      ? `- W4: action presigner ≥ ${TARGETS.linksPerSecond.toLocaleString('en-US')} links/s: ${Math.round(p.lps.median).toLocaleString('en-US')} links/s — ${check(p.lps.median >= TARGETS.linksPerSecond)}`
      : '- W4: not run',
  );
  const c = coldStart?.find((r) => r.id === 'action');
  lines.push(
    c
      ? `- W5: action cold start ≤ ${TARGETS.coldStartSeconds.toFixed(2)} s: ${s(c.first.median)} s — ${check(c.first.median / 1000 <= TARGETS.coldStartSeconds)}`
      : '- W5: not run',
  );
  return lines;
}

/** W6 and W7 (on the null sink): the site against `aws s3 sync`, memory, and what opening the site fetches. */
function siteTargetLines(sink, siteOpen) {
  const check = (ok) => (ok ? 'met' : '**NOT met**');
  if (!sink.W6 && !sink.W7) return [];
  const lines = [`**W6 and W7, on ${SERVERS.sink.title}** (${SERVERS.sink.about}):`, ''];
  const a6 = sink.W6?.find((r) => r.id === 'action');
  const sync = sink.W6?.find((r) => r.id === 'aws');
  if (!a6) lines.push('- W6: not run');
  else {
    lines.push(
      sync
        ? `- W6: action ≥ ${TARGETS.siteSpeedupVsSync}× faster than \`aws s3 sync\`: ${ratio(sync.wall.median / a6.wall.median)} (${s(a6.wall.median)} s vs ${s(sync.wall.median)} s) — ${check(sync.wall.median / a6.wall.median >= TARGETS.siteSpeedupVsSync)}${notes(SERVERS.sink, a6, sync)}`
        : '- W6: against `aws s3 sync`: not run (no AWS CLI v2)',
      `- W6: action peak RSS ≤ ${TARGETS.siteRssMB} MB: ${mb(a6.peakRssBytes)} MB — ${check(a6.peakRssBytes / 1e6 <= TARGETS.siteRssMB)}`,
      siteOpen?.bytes !== undefined
        ? `- W6: bytes a browser fetches to open the site ≤ ${TARGETS.siteOpenMB} MB: ${(siteOpen.bytes / 1e6).toFixed(2)} MB — ${check(siteOpen.bytes / 1e6 <= TARGETS.siteOpenMB && !siteOpen.failed.length)}`
        : `- W6: bytes a browser fetches to open the site: not measured (${siteOpen?.skipped ?? siteOpen?.error ?? 'not run'})`,
    );
  }
  const a7 = sink.W7?.find((r) => r.id === 'action');
  lines.push(
    a7
      ? `- W7: action peak RSS with 20,000 files ≤ ${TARGETS.manyFilesRssMB} MB: ${mb(a7.peakRssBytes)} MB — ${check(a7.peakRssBytes / 1e6 <= TARGETS.manyFilesRssMB && !a7.failures)}`
      : '- W7: not run',
  );
  lines.push('');
  return lines;
}

/** What opening W6's site in Chromium fetched from the S3 server. */
export function siteOpenSection(o) {
  const lines = ['### W6: opening the site in a browser', ''];
  if (o.bytes === undefined) {
    lines.push(`Not measured: ${o.skipped ?? o.error}.`);
    return lines.join('\n');
  }
  lines.push(
    `Headless Chromium, empty cache, opened the \`sites\` link of the root site (uploaded to s3rver with \`browse: auto\`) until the site's index.html had loaded and the network was idle: ` +
      `**${o.requests} GET requests, ${o.bytes.toLocaleString('en-US')} B** (${(o.bytes / 1e6).toFixed(2)} MB) in ${s(o.ms)} s, counted as s3rver's response bodies.` +
      `${o.failed.length ? ` **${o.failed.length} failed**: ${o.failed.slice(0, 5).join(', ')}.` : ''}`,
    '',
    `Largest: ${o.largest.map((x) => `${x.path} ${x.bytes.toLocaleString('en-US')} B`).join('; ')}.`,
  );
  return lines.join('\n');
}

/** W8: what opening a real Playwright report fetched, to its test list and on to the trace viewer's actions. */
export function reportOpenSection(o) {
  const lines = ['### W8: opening a Playwright HTML report in a browser', ''];
  if (!o.list) {
    lines.push(`Not measured: ${o.skipped ?? o.error}.`);
    return lines.join('\n');
  }
  const row = (x) => `${x.requests} GET requests, ${x.bytes.toLocaleString('en-US')} B (${(x.bytes / 1e6).toFixed(2)} MB), ${s(x.ms)} s`;
  lines.push(
    `A Playwright HTML report of two tests (one failing; traces and screenshots on; ${o.files} files), uploaded to s3rver with \`browse: auto\` and opened in headless Chromium on an empty cache from its \`sites\` link, counted as s3rver's response bodies:`,
    '',
    `- to the test list: **${row(o.list)}**`,
    `- then the failed test's trace until the viewer lists its actions: **${row(o.trace)}**`,
  );
  return lines.join('\n');
}

/** Failed runs, and the server as the bottleneck when it was at ≥ SERVER_BOUND of a core for either side. */
function notes(server, ...rows) {
  const out = [];
  const failed = rows.filter((r) => r.failures).map((r) => `${r.id} ${r.failures}`);
  if (failed.length) out.push(`**failed runs**: ${failed.join(', ')}`);
  const bound = rows.filter((r) => r.serverCpu >= SERVER_BOUND).map((r) => `${pct(r.serverCpu)} of a core with ${r.id}`);
  if (bound.length) out.push(`⚠ ${server.title} is the bottleneck (${bound.join(', ')}): this compares the server, not the clients`);
  return out.length ? ` (${out.join('; ')})` : '';
}

/** Runs in which the S3 server used ≥ SERVER_BOUND of a core. `uploads` is {serverId: {W1: rows, ...}}. */
export function serverBoundLines(uploads) {
  const lines = [];
  for (const [serverId, byWorkload] of Object.entries(uploads)) {
    for (const [w, rows] of Object.entries(byWorkload)) {
      const bound = rows.filter((r) => r.serverCpu >= SERVER_BOUND).map((r) => `${r.id} (${pct(r.serverCpu)})`);
      if (bound.length)
        lines.push(
          `- ${w} on ${SERVERS[serverId].title}: the server is the bottleneck (≥ ${pct(SERVER_BOUND)} of one core) for ${bound.join(', ')}`,
        );
    }
  }
  return lines;
}

/** Links per second: whole numbers, except below 10 (the CLI's one process per link). */
function rate(x) {
  return x < 10 ? x.toFixed(2) : Math.round(x).toLocaleString('en-US');
}

/** A duration in seconds, in the unit that keeps it readable. */
function perLink(seconds) {
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(1)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(1)} ms`;
  return `${seconds.toFixed(2)} s`;
}

function contenderIds(runs) {
  return [...new Set(runs.map((r) => r.contender))];
}
