// npm run bench: the action vs AWS CLI v2 vs a naive SDK script, against a local S3 server, on
// generated workloads under .bench/ (kept for reruns). Two servers for the uploads (W1–W3):
//   s3rver  @20minutes/s3rver in this process: verifies SigV4 and stores the objects, but is
//           single-threaded and itself the limit for many small files;
//   sink    bench/sink-server.mjs, a null S3 sink in its own process: answers and discards, verifies
//           nothing, so the run measures the clients' throughput. W4 and W5 use s3rver.
//   W1 1,000 × 4 KiB   W2 20 × 8 MiB   W3 one 1 GiB file   W4 presign 10,000 links   W5 cold start
//   W6 a 10,000-file, 60 MB static site vs `aws s3 sync` (sink; with `browse` once action.yml has it,
//      then the site opened in Chromium from s3rver: the bytes it fetches)   W7 20,000 × 2 KiB (memory; sink)
//   W8 a real Playwright HTML report (traces, screenshots) opened in Chromium from s3rver: the bytes
//      and requests to its test list and the time to it, then the same to the trace viewer's actions
// Contenders alternate within each round. Prints medians, ratios, peak RSS, client and server CPU;
// writes the tables to .bench/results.md (and raw runs to .bench/results.json).
// Environment: BENCH_ROUNDS (3), BENCH_W3_MIB (1024), BENCH_W4_KEYS (10000), BENCH_W4_CLI_SAMPLE (20),
// BENCH_W5_RUNS (10), BENCH_ONLY (e.g. "W1,W4"; all of W1–W8 by default), BENCH_CONCURRENCY (the action's concurrency input),
// BENCH_AWS (path of an AWS CLI v2 binary), BENCH_SERVER (s3rver | sink | both: the servers for W1–W3; both).
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants as fsConstants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../scripts/lib/run-action.mjs';
import { S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../scripts/lib/s3-server.mjs';
import { actionContender, actionHasInput, awsCliContender, findAwsCliV2, naiveContender } from './contenders.mjs';
import { machine, measured, ownCpuSeconds, spawnMeasured, summarize } from './measure.mjs';
import {
  coldStartTable,
  presignTable,
  reportOpenSection,
  serverBoundLines,
  siteOpenSection,
  summarizeUploads,
  targetLines,
  uploadTable,
} from './report.mjs';
import { startSink } from './sink.mjs';
import { ensureWorkloads, workloadSpecs } from './workloads.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = path.join(ROOT, '.bench');
const BUCKET = 'bench';
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
const W3_MIB = positiveInt('BENCH_W3_MIB', 1024);
const W4_KEYS = positiveInt('BENCH_W4_KEYS', 10_000);
const W4_CLI_SAMPLE = positiveInt('BENCH_W4_CLI_SAMPLE', 20);
const W5_RUNS = positiveInt('BENCH_W5_RUNS', 10);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? positiveInt('BENCH_CONCURRENCY', 16) : undefined;
const SERVER_MODES = serverModes(process.env.BENCH_SERVER || 'both');
const ONLY = new Set(
  (process.env.BENCH_ONLY || 'W1,W2,W3,W4,W5,W6,W7,W8')
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean),
);

/** W6 passes `browse: auto` and measures what a browser fetches to open the site once action.yml has the input. */
const BROWSE = actionHasInput('browse');
const NO_BROWSE = 'action.yml has no `browse` input yet (browsable sites): W6 uploads and signs only';

/**
 * s3rver keeps each object in three files. On a disk filesystem, creating them after the bench has
 * emptied the bucket cost s3rver's thread more kernel time than all its JavaScript (perf: ext4's
 * inode allocator skipping recently deleted inodes, and the directory lock), so runs compared
 * ext4, not the contenders; its files go on a memory filesystem where there is one with room.
 */
const MEMORY_FS = '/dev/shm';
const S3RVER_PARENT = isMemoryFs(MEMORY_FS, s3rverBytesNeeded()) ? MEMORY_FS : os.tmpdir();

const benchStarted = performance.now();
mkdirSync(BENCH_DIR, { recursive: true });

// ---- Machine and contenders -------------------------------------------------------------------
const cli = findAwsCliV2();
const m = machine();
const nodeVersion = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
const dist = statSync(path.join(ROOT, 'dist/index.js'));
const header = [
  `Machine: ${m.cores} cores (${m.model}), ${m.memGiB.toFixed(0)} GiB RAM, Linux ${m.kernel}`,
  `Node: ${nodeVersion} for the action, the naive SDK script, the W4 presigners and this process (${process.execPath})`,
  `AWS CLI: ${cli ? `${cli.version} (${cli.binary})` : 'no AWS CLI v2 found (apt-get install -y awscli, or set BENCH_AWS): its rows are skipped'}`,
  `S3 server for W1–W3: ${SERVER_MODES.join(' and ')} (BENCH_SERVER); for W4 and W5: s3rver`,
  ...(SERVER_MODES.includes('s3rver') || ONLY.has('W4') || ONLY.has('W5')
    ? [
        `s3rver: @20minutes/s3rver ${packageVersion('@20minutes/s3rver')} in the bench process (SigV4 verified), files in ${S3RVER_PARENT === MEMORY_FS ? `${MEMORY_FS} (a memory filesystem)` : `$TMPDIR (no memory filesystem with room for W3 at ${MEMORY_FS}: disk-bound runs compare the disk)`}`,
      ]
    : []),
  ...(SERVER_MODES.includes('sink')
    ? [
        'sink: null S3 sink (bench/sink-server.mjs), its own Node process: answers PUT/multipart/HEAD, discards bodies, verifies no signature, and refuses a wrong signed SHA-256 only on bodies up to 1 MiB (as S3 does on all) — it measures client throughput only; link correctness is tested against s3rver in the test suite',
      ]
    : []),
  `Action: dist/index.js ${(dist.size / 1e6).toFixed(2)} MB, built ${dist.mtime.toISOString()}${CONCURRENCY ? `, concurrency ${CONCURRENCY}` : ', default inputs (concurrency 16, 8 MiB parts)'}`,
  ...(ONLY.has('W6') || ONLY.has('W7')
    ? [
        `W6 and W7: on the null sink; W6 is the action${BROWSE ? ' with browse: auto' : ` (${NO_BROWSE})`} against \`aws s3 sync\`, W7 the action alone (its memory)`,
      ]
    : []),
  `Rounds: ${ROUNDS} (contenders alternate; order rotates each round)`,
  `Load at start: ${loadLine()}`,
];
console.log(header.join('\n') + '\n');
if (!nodeVersion.startsWith('v24.'))
  console.log(
    `Note: the action runs on node24 on GitHub; this is ${nodeVersion}. Use \`npm run bench\`, which puts node 24 first on the PATH.\n`,
  );

const workloads = Object.fromEntries(
  ensureWorkloads(
    BENCH_DIR,
    workloadSpecs({ w3Mib: W3_MIB }).filter((w) => ONLY.has(w.id)),
    (line) => console.log(line),
  ).map((w) => [w.id, w]),
);
const contenders = [
  actionContender({ concurrency: CONCURRENCY }),
  ...(cli ? [awsCliContender({ binary: cli.binary, configDir: BENCH_DIR })] : []),
  naiveContender(),
];

// ---- The S3 server, with a timestamp of the first request after `armFirstRequest()` --------------
const s3 = await startS3Server({ buckets: [BUCKET], parent: S3RVER_PARENT });
let stopping;
let sink;
const stop = () => (stopping ??= Promise.all([s3.stop(), sink?.stop()]));
process.once('SIGINT', () => stop().finally(() => process.exit(130)));
let firstRequestAt = 0;
/** When each entry of s3.requests arrived (hrMs()): s3rver's log has no timestamps. */
const arrivals = [];
s3.requests.push = function push(...entries) {
  if (!firstRequestAt) firstRequestAt = performance.now();
  const now = hrMs();
  for (let i = 0; i < entries.length; i++) arrivals.push(now);
  return Array.prototype.push.apply(this, entries);
};
const armFirstRequest = () => (firstRequestAt = 0);
const bucketDir = path.join(s3.directory, BUCKET);
/** Deletes every object and pending upload, keeping the bucket, so each run starts from an empty store. */
function emptyBucket() {
  for (const entry of readdirSync(bucketDir)) rmSync(path.join(bucketDir, entry), { recursive: true, force: true });
}

const raw = { header, uploads: {}, presign: [], coldStart: [] };
const results = { uploads: {}, checks: {}, presign: undefined, coldStart: undefined, siteOpen: undefined, reportOpen: undefined };
try {
  // ---- W1–W3: uploads, on each server -------------------------------------------------------------
  for (const serverId of SERVER_MODES) {
    if (!['W1', 'W2', 'W3'].some((id) => workloads[id])) break;
    const server = serverId === 's3rver' ? s3rverTarget() : await sinkTarget();
    raw.uploads[serverId] = {};
    results.uploads[serverId] = {};
    for (const id of ['W1', 'W2', 'W3']) {
      const w = workloads[id];
      if (!w) continue;
      const runs = await uploadRounds(id, w, serverId, server, contenders);
      await server.before();
      raw.uploads[serverId][id] = runs;
      results.uploads[serverId][id] = summarizeUploads(w, runs);
      if (server.checkSummary) (results.checks[serverId] ??= {})[id] = server.checkSummary(w, runs);
    }
    if (serverId === 'sink') {
      await sink.stop();
      sink = undefined;
    }
  }

  // ---- W6, W7: a static site against `aws s3 sync`, and memory with 20,000 files; on the null sink --
  if (workloads.W6 || workloads.W7) {
    const server = await sinkTarget();
    raw.uploads.sink ??= {};
    results.uploads.sink ??= {};
    for (const id of ['W6', 'W7']) {
      const w = workloads[id];
      if (!w) continue;
      const list =
        id === 'W6'
          ? [
              actionContender({
                concurrency: CONCURRENCY,
                inputs: BROWSE ? { browse: 'auto' } : {},
                label: BROWSE ? ', browse: auto' : '',
              }),
              ...(cli ? [awsCliContender({ binary: cli.binary, configDir: BENCH_DIR, command: 'sync' })] : []),
            ]
          : [actionContender({ concurrency: CONCURRENCY })];
      const runs = await uploadRounds(id, w, 'sink', server, list);
      await server.before();
      raw.uploads.sink[id] = runs;
      results.uploads.sink[id] = summarizeUploads(w, runs);
      (results.checks.sink ??= {})[id] = server.checkSummary(w, runs);
    }
    await sink.stop();
    sink = undefined;
    if (workloads.W6) results.siteOpen = BROWSE ? await siteOpenBytes(workloads.W6) : { skipped: NO_BROWSE };
  }

  // ---- W8: a Playwright HTML report opened in the browser -------------------------------------------
  if (ONLY.has('W8')) results.reportOpen = BROWSE ? await reportOpen() : { skipped: NO_BROWSE };

  // ---- W4: presigning ---------------------------------------------------------------------------
  if (ONLY.has('W4')) results.presign = await presignBench();

  // ---- W5: cold start ---------------------------------------------------------------------------
  const w5 = workloads.W5;
  if (w5) {
    console.log(`\nW5: spawn → first request, ${W5_RUNS} runs`);
    const runs = [];
    for (let i = 0; i < W5_RUNS; i++) {
      for (const c of rotate(contenders, i)) {
        emptyBucket();
        armFirstRequest();
        const started = performance.now();
        const r = await c.run({
          dir: w5.path,
          bucket: BUCKET,
          prefix: `bench/w5/${c.id}-${i}`,
          endpoint: s3.endpoint,
          expectedCount: w5.count,
        });
        const wallMs = performance.now() - started;
        if (!r.ok || !firstRequestAt) throw new Error(`W5 ${c.id} failed (exit ${r.code}): ${r.detail}`);
        runs.push({ contender: c.id, label: c.label, firstMs: firstRequestAt - started, wallMs, peakRssBytes: r.peakRssBytes });
      }
    }
    raw.coldStart = runs;
    results.coldStart = contenders.map((c) => {
      const mine = runs.filter((r) => r.contender === c.id);
      return {
        id: c.id,
        label: c.label,
        first: summarize(mine.map((r) => r.firstMs)),
        wall: summarize(mine.map((r) => r.wallMs)),
        peakRssBytes: Math.max(...mine.map((r) => r.peakRssBytes)),
      };
    });
    for (const r of results.coldStart)
      console.log(
        `  ${r.id.padEnd(6)} median ${(r.first.median / 1000).toFixed(3)} s to the first request, ${(r.wall.median / 1000).toFixed(2)} s in all`,
      );
  }
} finally {
  await stop();
}

// ---- Report -------------------------------------------------------------------------------------
const sections = [];
for (const [serverId, byWorkload] of Object.entries(results.uploads)) {
  for (const [id, rows] of Object.entries(byWorkload))
    sections.push(uploadTable(workloads[id], rows, serverId, results.checks[serverId]?.[id]));
}
if (results.siteOpen) sections.push(siteOpenSection(results.siteOpen));
if (results.reportOpen) sections.push(reportOpenSection(results.reportOpen));
if (results.presign) sections.push(presignTable(results.presign.rows, W4_KEYS), results.presign.notes.join('\n'));
if (results.coldStart) sections.push(coldStartTable(results.coldStart, W5_RUNS));
const bound = serverBoundLines(results.uploads);
header.push(`Load at end: ${loadLine()}`);
const markdown = [
  '## Benchmark',
  '',
  header.map((l) => `- ${l}`).join('\n'),
  '',
  sections.join('\n\n'),
  '',
  '### Targets',
  '',
  targetLines({ ...results, presign: results.presign?.rows }).join('\n'),
  '',
  '### Where the time goes',
  '',
  bound.length ? bound.join('\n') : '- No upload run had its S3 server at ≥ 90% of one core.',
  '',
  'Wall time is spawn to exit of the contender process (the action: a full run with upload, presign, outputs and job summary). ' +
    "Peak RSS is the process's VmHWM, sampled every 25 ms. Client CPU is the contender process's user+system time over its wall time (above 100% when it uses more than one thread: libuv's pool, GC, the CLI's transfer threads), " +
    "server CPU is s3rver's (the bench process, which hosts it) or the sink process's (from /proc/<pid>/stat) — 100% is one core; ⚠ marks ≥ 90%, where the local server, not the contender, limits the run. " +
    '"other CPU" is what the rest of the machine used meanwhile (/proc/stat less the contender, the server and the bench), e.g. a test suite running alongside: on 2 cores, much of it slows every contender. ' +
    '"1st request" is spawn to the first request reaching the server (start-up, file discovery, hashing before upload); ' +
    '"after last request" is the last request\'s arrival to the process\'s exit (for multipart uploads on s3rver mostly the server assembling the object). ' +
    'Each run starts from an empty bucket (s3rver) or reset counters (sink). "time ÷ action\'s" above 1 means the action was faster. ' +
    "The sink check compares, per run, the bytes the sink received for each workload file's key with the file sizes.",
  '',
].join('\n');
writeFileSync(path.join(BENCH_DIR, 'results.md'), markdown);
writeFileSync(path.join(BENCH_DIR, 'results.json'), JSON.stringify({ raw, results }, null, 2));
console.log(`\n${markdown}`);
console.log(
  `Written to .bench/results.md (raw runs in .bench/results.json). The bench took ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min.`,
);

/** `ROUNDS` rounds of every contender on workload `w`, alternating, each run checked at the server. */
async function uploadRounds(id, w, serverId, server, list) {
  console.log(`\n${id} on ${serverId}: ${w.title}`);
  const runs = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const c of rotate(list, round - 1)) {
      await server.before();
      const prefix = `bench/${id.toLowerCase()}/${c.id}-r${round}`;
      const startedHr = hrMs();
      const r = await measured(() => c.run({ dir: w.path, bucket: BUCKET, prefix, endpoint: server.endpoint, expectedCount: w.count }), {
        serverCpuSeconds: server.cpuSeconds,
      });
      const seen = await server.after(w, prefix);
      // Phases: start-up (and any pre-pass) before the first request; the store finishing after the last one arrived.
      const toFirstRequestMs = seen.requests ? seen.firstHr - startedHr : NaN;
      const afterLastRequestMs = seen.requests ? startedHr + r.wallMs - seen.lastHr : NaN;
      const ok = r.ok && (seen.check?.ok ?? true);
      const run = {
        workload: id,
        server: serverId,
        round,
        contender: c.id,
        label: c.label,
        ...r,
        ok,
        requests: seen.requests,
        rejected: seen.rejected,
        toFirstRequestMs,
        afterLastRequestMs,
        ...(seen.check ? { check: seen.check } : {}),
      };
      delete run.detail;
      runs.push(run);
      console.log(
        `  round ${round}  ${c.id.padEnd(6)} ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  RSS ${(r.peakRssBytes / 1e6).toFixed(0).padStart(5)} MB  ` +
          `client CPU ${pct(r.clientCpu)}  server CPU ${pct(r.serverCpu)}  other ${pct(r.otherCpu)}  ${seen.requests} requests (1st at ${(toFirstRequestMs / 1000).toFixed(2)} s, last + ${(afterLastRequestMs / 1000).toFixed(2)} s)${seen.rejected ? `, ${seen.rejected} rejected` : ''}` +
          `${r.ok ? '' : `  FAILED (exit ${r.code}): ${r.detail.trim().slice(0, 500)}`}${seen.check ? `\n    check: ${seen.check.line}` : ''}`,
      );
    }
  }
  return runs;
}

// ---- W4 -----------------------------------------------------------------------------------------
async function presignBench() {
  console.log(`\nW4: presign ${W4_KEYS.toLocaleString('en-US')} links`);
  // Bundle src/aws/presign.ts alone, transpile-only: independent of dist/ and of type errors elsewhere in src/.
  const bundleDir = path.join(BENCH_DIR, 'presign');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      path.join(ROOT, 'src/aws/presign.ts'),
      '-o',
      bundleDir,
      '-t',
      '-q',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const bundle = path.join(bundleDir, 'index.js');
  const script = fileURLToPath(new URL('./presign-bench.mjs', import.meta.url));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY };
  const signedAt = new Date().toISOString();
  const labels = {
    action: 'action presigner (src/aws/presign.ts, S3RequestPresigner)',
    sdk: 'SDK getSignedUrl (sequential)',
    aws: 'aws s3 presign (one process per link)',
  };
  const node = [];
  const cliRuns = [];
  const perRoundCli = Math.ceil(W4_CLI_SAMPLE / ROUNDS);
  const awsCli = contenders.find((c) => c.id === 'aws');
  for (let round = 1; round <= ROUNDS; round++) {
    for (const id of rotate(['action', 'sdk', ...(awsCli ? ['aws'] : [])], round - 1)) {
      if (id === 'aws') {
        for (let i = 0; i < perRoundCli; i++) {
          const started = performance.now();
          const r = await awsCli.presign({
            bucket: BUCKET,
            key: `octo-org/demo-app/pr-7/4f6c1b2/build/reports/cli-${round}-${i}.xml`,
            endpoint: s3.endpoint,
          });
          if (r.code !== 0) throw new Error(`aws s3 presign failed: ${r.stderr}`);
          cliRuns.push({ ms: performance.now() - started, peakRssBytes: r.peakRssBytes, url: r.stdout.trim() });
        }
        continue;
      }
      const r = await spawnMeasured(process.execPath, [script, id, String(W4_KEYS), s3.endpoint, BUCKET, bundle, signedAt], { env });
      if (r.code !== 0) throw new Error(`presign-bench ${id} failed: ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      node.push({ ...out, round, peakRssBytes: r.peakRssBytes });
      console.log(
        `  round ${round}  ${id.padEnd(6)} ${Math.round(out.linksPerSecond).toLocaleString('en-US').padStart(9)} links/s  RSS ${(r.peakRssBytes / 1e6).toFixed(0)} MB`,
      );
    }
  }
  raw.presign = { node, cli: cliRuns };
  const rows = ['action', 'sdk'].map((id) => {
    const mine = node.filter((r) => r.contender === id);
    return {
      id,
      label: labels[id],
      linksTimed: W4_KEYS * mine.length,
      lps: summarize(mine.map((r) => r.linksPerSecond)),
      peakRssBytes: Math.max(...mine.map((r) => r.peakRssBytes)),
    };
  });
  if (cliRuns.length) {
    const perLink = summarize(cliRuns.map((r) => r.ms));
    rows.push({
      id: 'aws',
      label: labels.aws,
      linksTimed: cliRuns.length,
      lps: { median: 1000 / perLink.median, min: 1000 / perLink.max, max: 1000 / perLink.min },
      peakRssBytes: Math.max(...cliRuns.map((r) => r.peakRssBytes)),
    });
    console.log(`  aws    ${(perLink.median / 1000).toFixed(2)} s per link (median of ${cliRuns.length} processes)`);
  }

  // The same link from both Node presigners, and each kind of link accepted by the server.
  const notes = [];
  const a = node.find((r) => r.contender === 'action');
  const b = node.find((r) => r.contender === 'sdk');
  notes.push(
    `- Identical URL from the action's presigner and getSignedUrl for the same key and signing time: ${a.firstUrl === b.firstUrl ? 'yes' : `**no**\n  - action: ${a.firstUrl}\n  - sdk:    ${b.firstUrl}`}`,
  );
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const checks = [['action', a.firstKey, a.firstUrl]];
  if (cliRuns.length) checks.push(['aws s3 presign', cliKey(cliRuns[0].url), cliRuns[0].url]);
  const statuses = [];
  for (const [who, key, url] of checks) {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'presign check' }));
    statuses.push(`${who} ${(await fetch(url)).status}`);
  }
  client.destroy();
  emptyBucket();
  notes.push(`- Links downloaded from the local S3 server (which verifies the signature): ${statuses.join(', ')}`);
  if (cliRuns.length) {
    notes.push(
      `- aws s3 presign starts one CLI process per link: timed on a sample of ${cliRuns.length} links; its links/s is extrapolated as 1 ÷ the median per-process time (CLI start-up included, as in a shell loop).`,
    );
  }
  notes.push(
    '- Node presigners: one process each per round; the timed loop excludes process start-up and imports but includes JIT warm-up.',
  );
  return { rows, notes };
}

// ---- W6: what a browser fetches to open the site ------------------------------------------------
/**
 * One action run with `browse: auto` against s3rver (which stores the objects and checks the links),
 * then the root site's link from the `sites` output opened in headless Chromium until the site's
 * index.html has loaded and the network is idle. Counts every response body s3rver sent meanwhile
 * (bootstrap page, service worker, link map, the page and what it loads), as a browser on an empty
 * cache fetches it.
 */
async function siteOpenBytes(w) {
  console.log('\nW6: opening the site in Chromium (after one upload to s3rver)');
  emptyBucket();
  const r = await runAction({
    cwd: w.path,
    inputs: { path: '**', bucket: BUCKET, endpoint: s3.endpoint, 'key-prefix': 'bench/w6/site', comment: 'never', browse: 'auto' },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, AWS_EC2_METADATA_DISABLED: 'true' },
    timeoutMs: 30 * 60_000,
  });
  if (r.code !== 0) return { error: `the action failed (exit ${r.code}): ${r.errors.join(' ').slice(0, 300)}` };
  const sites = JSON.parse(r.outputs.sites || '[]');
  const site = sites.find((x) => ['', '.', './'].includes(x.path)) ?? sites[0];
  if (!site) return { error: `no site in the sites output (${r.outputs.sites ?? 'unset'})` };
  const { launchChromium } = await import('../scripts/lib/chromium.mjs');
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const mark = s3.requests.length;
    const started = performance.now();
    await page.goto(site.url);
    // The start page (strict CSP: no string evaluation in it) opens the site's index.html in a session.
    await page.waitForURL((url) => url.pathname.includes('/.artifact-links/s/'), { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const title = await page.title();
    if (title !== 'W6') throw new Error(`the site's index.html did not load (title ${JSON.stringify(title)})`);
    const ms = performance.now() - started;
    const served = s3.requests.slice(mark).filter((q) => q.method === 'GET');
    const bytes = served.reduce((n, q) => n + q.bytes, 0);
    // Chromium's own /favicon.ico probe at the server root is not the site's.
    const failed = served
      .filter((q) => q.status >= 400 && q.url.startsWith(`/${BUCKET}/`))
      .map((q) => `${q.status} ${q.url.split('?')[0]}`);
    console.log(`  ${served.length} GET requests, ${bytes.toLocaleString('en-US')} B in ${(ms / 1000).toFixed(2)} s`);
    return { path: site.path, requests: served.length, bytes, ms, failed, largest: largestResponses(served) };
  } catch (error) {
    return { error: `Chromium did not open the site: ${error.message.split('\n')[0]}` };
  } finally {
    await browser.close();
    emptyBucket();
  }
}

// ---- W8: a Playwright HTML report opened in the browser -------------------------------------------
/**
 * A real Playwright report (scripts/lib/playwright-report.mjs: two tests, one failing, with traces
 * and screenshots) uploaded with `browse: auto` to s3rver, then opened in headless Chromium (empty
 * cache) from its `sites` link until the test list shows, and from there the failed test's trace
 * until the viewer lists its actions. Counts s3rver's response bodies for each step.
 */
async function reportOpen() {
  console.log('\nW8: a Playwright HTML report opened in Chromium (after one upload to s3rver)');
  emptyBucket();
  const { playwrightReport, PLAYWRIGHT_TESTS } = await import('../scripts/lib/playwright-report.mjs');
  const project = mkdtempSync(path.join(os.tmpdir(), 'bench-w8-'));
  const { launchChromium } = await import('../scripts/lib/chromium.mjs');
  let browser;
  try {
    const report = await playwrightReport(project);
    const r = await runAction({
      cwd: report,
      inputs: { path: '**', bucket: BUCKET, endpoint: s3.endpoint, 'key-prefix': 'bench/w8/report', comment: 'never', browse: 'auto' },
      env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    if (r.code !== 0) return { error: `the action failed (exit ${r.code}): ${r.errors.join(' ').slice(0, 300)}` };
    const [site] = JSON.parse(r.outputs.sites || '[]');
    if (!site) return { error: `no site in the sites output (${r.outputs.sites ?? 'unset'})` };
    browser = await launchChromium();
    const page = await (await browser.newContext()).newPage();
    const step = async (go) => {
      const mark = s3.requests.length;
      const started = performance.now();
      await go();
      const ms = performance.now() - started;
      const served = s3.requests.slice(mark).filter((q) => q.method === 'GET');
      return { ms, requests: served.length, bytes: served.reduce((n, q) => n + q.bytes, 0) };
    };
    const list = await step(async () => {
      await page.goto(site.url);
      await page.getByText(PLAYWRIGHT_TESTS.failed).first().waitFor({ timeout: 60_000 });
    });
    const trace = await step(async () => {
      await page.getByText(PLAYWRIGHT_TESTS.failed).first().click();
      await page.locator('a[href*="trace/index.html?trace="]').first().click();
      await page
        .getByText(/Expect "toHaveText"/)
        .first()
        .waitFor({ timeout: 60_000 });
    });
    for (const [what, x] of [
      ['test list', list],
      ['trace actions', trace],
    ])
      console.log(`  ${what}: ${x.requests} GET requests, ${x.bytes.toLocaleString('en-US')} B in ${(x.ms / 1000).toFixed(2)} s`);
    return { files: Number(r.outputs.count), list, trace };
  } catch (error) {
    return { error: `Chromium did not open the report: ${error.message.split('\n')[0]}` };
  } finally {
    await browser?.close();
    rmSync(project, { recursive: true, force: true });
    emptyBucket();
  }
}

function largestResponses(served) {
  return [...served]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5)
    .map((q) => ({ path: decodeURIComponent(q.url.split('?')[0]), bytes: q.bytes }));
}

function cliKey(url) {
  return decodeURIComponent(new URL(url).pathname.split('/').slice(2).join('/'));
}

// ---- The two upload servers ---------------------------------------------------------------------
/** s3rver in this process: emptied before each run; its request log says what arrived when. */
function s3rverTarget() {
  let mark = 0;
  return {
    endpoint: s3.endpoint,
    cpuSeconds: ownCpuSeconds,
    async before() {
      emptyBucket();
      mark = s3.requests.length;
    },
    async after() {
      const requests = s3.requests.slice(mark);
      return {
        requests: requests.length,
        rejected: requests.filter((q) => q.status >= 400 && !(q.method === 'HEAD' && q.status === 404)).length,
        firstHr: arrivals[mark],
        lastHr: arrivals[s3.requests.length - 1],
      };
    },
  };
}

/** The null S3 sink, a child process: counters reset before each run; checks the bytes it received. */
async function sinkTarget() {
  sink = await startSink();
  console.log(`\nNull S3 sink: pid ${sink.pid} at ${sink.endpoint} — verifies no signature, stores nothing: client throughput only.`);
  return {
    endpoint: sink.endpoint,
    cpuSeconds: sink.cpuSeconds,
    before: () => sink.reset(),
    async after(w, prefix) {
      const st = await sink.stats();
      let received = 0;
      const missing = [];
      const wrong = [];
      for (const [file, size] of w.files) {
        const got = st.objects[`${prefix}/${file}`];
        if (got === undefined) missing.push(file);
        else if (got !== size) wrong.push(`${file} ${got}≠${size}`);
        received += got ?? 0;
      }
      const expectedKeys = new Set(w.files.map(([file]) => `${prefix}/${file}`));
      const extraKeys = Object.keys(st.objects).filter((k) => !expectedKeys.has(k));
      const extraBytes = extraKeys.reduce((n, k) => n + st.objects[k], 0);
      const ok = received === w.bytes && !missing.length && !wrong.length && !st.unhandled.length;
      const line =
        `${ok ? 'ok' : 'MISMATCH'}: ${w.files.length - missing.length}/${w.files.length} objects, ${received.toLocaleString('en-US')} B received for them ${received === w.bytes ? '=' : '≠'} workload ${w.bytes.toLocaleString('en-US')} B` +
        `${
          extraKeys.length
            ? `; + ${extraKeys.length} other object${extraKeys.length === 1 ? '' : 's'} (${extraBytes.toLocaleString('en-US')} B: ${extraKeys
                .map((k) => k.slice(prefix.length + 1))
                .slice(0, 3)
                .join(', ')})`
            : ''
        }` +
        `; ${st.bodyBytes.toLocaleString('en-US')} B of request bodies in all; ${Object.entries(st.byOperation)
          .map(([op, n]) => `${op} ${n}`)
          .join(', ')}` +
        `${missing.length ? `; missing ${missing.slice(0, 3).join(', ')}` : ''}${wrong.length ? `; wrong size ${wrong.slice(0, 3).join(', ')}` : ''}${st.unhandled.length ? `; unhandled ${st.unhandled.slice(0, 3).join(', ')}` : ''}`;
      return {
        requests: st.requests,
        rejected: st.rejected,
        firstHr: st.firstAt,
        lastHr: st.lastAt,
        check: {
          ok,
          received,
          expected: w.bytes,
          extraKeys: extraKeys.length,
          extraBytes,
          extraNames: extraKeys.map((k) => k.slice(prefix.length + 1)),
          line,
        },
      };
    },
    checkSummary(w, runs) {
      const bad = runs.filter((r) => !r.check?.ok);
      const extras = [...new Set(runs.map((r) => r.contender))].flatMap((id) => {
        const mine = runs.filter((r) => r.contender === id && r.check?.extraKeys);
        if (!mine.length) return [];
        const names = [...new Set(mine.flatMap((r) => r.check.extraNames))];
        const bytes = mine.map((r) => r.check.extraBytes);
        return [
          `${id} wrote ${names.join(', ')} too (${[...new Set([Math.min(...bytes), Math.max(...bytes)])].map((n) => n.toLocaleString('en-US')).join('–')} B${names.some((n) => n.split('/').includes('.artifact-links') || n.endsWith('.artifact-links-sw.js')) ? ': its own objects (share page, sites)' : ''})`,
        ];
      });
      return bad.length
        ? `**${bad.length} of ${runs.length} runs did not deliver the workload**: ${bad.map((r) => `${r.contender} r${r.round}: ${r.check?.line ?? 'no stats'}`).join('; ')}`
        : `all ${runs.length} runs exited 0 and the sink received exactly ${w.bytes.toLocaleString('en-US')} B in ${w.files.length.toLocaleString('en-US')} objects for the workload's keys${extras.length ? `; besides, ${extras.join('; ')}` : ''}`;
    },
  };
}

// ---- Helpers ------------------------------------------------------------------------------------
/** Milliseconds of CLOCK_MONOTONIC: comparable with the sink process's timestamps. */
function hrMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function loadLine() {
  const [a, b, c] = os.loadavg();
  return `load average ${a.toFixed(2)} / ${b.toFixed(2)} / ${c.toFixed(2)} (1 / 5 / 15 min) on ${os.cpus().length} cores`;
}

/** Whether `dir` is a writable tmpfs (statfs type TMPFS_MAGIC) with `bytes` free. */
function isMemoryFs(dir, bytes) {
  try {
    accessSync(dir, fsConstants.W_OK);
    const fs = statfsSync(dir);
    return fs.type === 0x01021994 && fs.bavail * fs.bsize >= bytes;
  } catch {
    return false;
  }
}

/** What s3rver holds at once: W3's parts and the object they are completed into, and some room. */
function s3rverBytesNeeded() {
  return (2 * W3_MIB + 512) * 1024 * 1024;
}

function serverModes(value) {
  const v = value.trim().toLowerCase();
  if (v === 'both') return ['s3rver', 'sink'];
  if (v === 's3rver' || v === 'sink') return [v];
  throw new Error(`BENCH_SERVER must be s3rver, sink or both, got ${JSON.stringify(value)}`);
}

function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

function pct(x) {
  return `${String(Math.round(x * 100)).padStart(3)}%`;
}

function positiveInt(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

function packageVersion(name) {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}
