// The benchmark's workloads, generated once under .bench/ (gitignored) and reused by later runs.
import { randomFillSync } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Each workload is a directory holding only its files; `spec` is stored next to it so a rerun
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
  ];
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
      for (const [file, size] of spec.files) writeRandomFile(path.join(dir, file), size);
      writeFileSync(stamp, wanted);
    }
    return { ...spec, path: dir, bytes, count: spec.files.length };
  });
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
