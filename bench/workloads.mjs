// The benchmark's workloads, generated once under .bench/ (gitignored) and reused by later runs.
import { randomFillSync } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Each workload is a directory holding only its files (`[path, size]`, or `[path, size, text]` for a
 * file with given contents); `spec` is stored next to it so a rerun
 * reuses the files only when they were made for the same spec.
 */
export function workloadSpecs({ w3Mib }) {
  return [
    {
      id: 'W1',
      title: '1,000 files × 4 KiB (a test report)',
      dir: 'w1',
      files: range(1000).map((i) => [`reports/suite-${pad(i % 20, 2)}/case-${pad(i, 4)}.xml`, 4 * KiB]),
    },
    { id: 'W2', title: '20 files × 8 MiB', dir: 'w2', files: range(20).map((i) => [`bundles/chunk-${pad(i, 2)}.bin`, 8 * MiB]) },
    {
      id: 'W3',
      title: `one ${w3Mib >= 1024 && w3Mib % 1024 === 0 ? `${w3Mib / 1024} GiB` : `${w3Mib} MiB`} file`,
      dir: 'w3',
      files: [['image/disk.img', w3Mib * MiB]],
    },
    { id: 'W5', title: 'cold start, 1 file', dir: 'w5', files: [['hello.txt', 64]] },
    { id: 'W6', title: 'a 10,000-file static site (html, css, js, images, json; index.html at the root)', dir: 'w6', files: siteFiles() },
    {
      id: 'W7',
      title: '20,000 files × 2 KiB (memory)',
      dir: 'w7',
      files: range(20_000).map((i) => [`results/shard-${pad(i % 40, 2)}/test-${pad(i, 5)}.json`, 2 * KiB]),
    },
  ];
}

/** The root page of W6: a real page that loads a stylesheet, a script and an image of the site. */
const SITE_INDEX = [
  '<!doctype html>',
  '<html><head><meta charset="utf-8"><title>W6</title><link rel="stylesheet" href="assets/css/style-000.css"></head>',
  '<body><h1>W6 static site</h1><img src="assets/img/img-0000.png" alt=""><p><a href="docs/section-00/page-0000.html">docs</a></p>',
  '<script src="assets/js/app-0000.js" defer></script></body></html>',
  '',
].join('\n');

/**
 * W6: 10,000 files, 60,000,000 bytes, sizes drawn log-uniformly per kind from a fixed seed (the same
 * site on every machine), then scaled to the total. Every file but index.html is random bytes.
 */
function siteFiles() {
  const random = mulberry32(6);
  const kinds = [
    // [share, folder and name, extension, min KiB, max KiB]
    [0.3, (i) => `docs/section-${pad(i % 40, 2)}/page-${pad(i, 4)}`, 'html', 1, 20],
    [0.08, (i) => `assets/css/style-${pad(i, 3)}`, 'css', 0.5, 16],
    [0.2, (i) => `assets/js/${i % 3 ? 'chunk' : 'app'}-${pad(i, 4)}`, 'js', 0.5, 64],
    [0.27, (i) => `assets/img/img-${pad(i, 4)}`, ['png', 'jpg', 'svg', 'webp'], 2, 160],
    [0.15, (i) => `api/v1/${pad(i % 25, 2)}/data-${pad(i, 4)}`, 'json', 0.2, 8],
  ];
  const files = [];
  const total = 10_000 - 1; // and index.html
  for (const [share, name, ext, min, max] of kinds) {
    const n = Math.round(share * total);
    for (let i = 0; i < n && files.length < total; i++) {
      const e = Array.isArray(ext) ? ext[i % ext.length] : ext;
      files.push([`${name(i)}.${e}`, Math.exp(Math.log(min * KiB) + random() * Math.log(max / min))]);
    }
  }
  while (files.length < total) files.push([`docs/extra/page-${pad(files.length, 5)}.html`, 4 * KiB]);
  const indexBytes = Buffer.byteLength(SITE_INDEX);
  const scale = (60_000_000 - indexBytes) / files.reduce((n, [, size]) => n + size, 0);
  const scaled = files.map(([file, size]) => [file, Math.max(1, Math.round(size * scale))]);
  const drift = 60_000_000 - indexBytes - scaled.reduce((n, [, size]) => n + size, 0);
  scaled[0][1] += drift; // rounding: the total is exact
  return [['index.html', indexBytes, SITE_INDEX], ...scaled];
}

/** A small seeded PRNG (mulberry32): the same sequence everywhere. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates (or reuses) every workload under `root`; returns the specs with `path` and byte totals. */
export function ensureWorkloads(root, specs, log = () => {}) {
  return specs.map((spec) => {
    const dir = path.join(root, spec.dir);
    const stamp = path.join(root, `${spec.dir}.spec.json`);
    const wanted = JSON.stringify(spec.files);
    const bytes = spec.files.reduce((n, [, size]) => n + size, 0);
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
      log(`Generating ${spec.id} (${spec.title}) in ${path.relative(process.cwd(), dir)}/`);
      rmSync(dir, { recursive: true, force: true });
      rmSync(stamp, { force: true });
      for (const [file, size, text] of spec.files) {
        if (text === undefined) writeRandomFile(path.join(dir, file), size);
        else writeTextFile(path.join(dir, file), text);
      }
      writeFileSync(stamp, wanted);
    }
    return { ...spec, path: dir, bytes, count: spec.files.length };
  });
}

function writeTextFile(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Random bytes, so no layer can win by compressing or deduplicating. Written in 16 MiB chunks. */
function writeRandomFile(file, size) {
  mkdirSync(path.dirname(file), { recursive: true });
  const chunk = Buffer.allocUnsafe(Math.min(size, 16 * MiB));
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < size;) {
      const n = Math.min(chunk.length, size - written);
      randomFillSync(chunk, 0, n);
      writeSync(fd, chunk, 0, n);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
}

function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}
