import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLinkOutputs, writeJsonArray } from '../../../src/publish/outputs.js';
import type { ManifestEntry } from '../../../src/links/manifest-entry.js';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'unit-outputs-'));
}

function entry(i: number, pathName = `dist/f${i}.txt`): ManifestEntry {
  return {
    path: pathName,
    key: `octo-org/demo-app/pr-7/4f6c1b2/${pathName}`,
    size: i,
    sha256: i.toString(16).padStart(64, '0'),
    contentType: 'text/plain; charset=utf-8',
    url: `https://bucket.s3.amazonaws.com/${pathName}?X-Amz-Signature=${'a'.repeat(64)}&n=${i}`,
    expiresAt: '2026-12-07T10:00:00.000Z',
  };
}

const log = { info: () => undefined, warning: () => undefined };

describe('writeJsonArray', () => {
  it.each([
    ['no items', [], 16],
    ['one item', [entry(1)], 16],
    ['items across many small chunks, with non-ASCII names', [entry(1, 'dist/é.txt'), entry(2, 'dist/日本.txt'), entry(3)], 40],
    ['items in one chunk', [entry(1), entry(2)], 1024 * 1024],
    ['values JSON.stringify writes as null in an array', [undefined, () => 1, entry(4)], 8],
  ])('writes exactly JSON.stringify(items) for %s, and returns its size in bytes', async (_label, items, chunkChars) => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'm.json');
      const bytes = await writeJsonArray(file, items, chunkChars);
      const expected = JSON.stringify(items);
      expect(readFileSync(file, 'utf8')).toBe(expected);
      expect(bytes).toBe(Buffer.byteLength(expected));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('setLinkOutputs', () => {
  function run(entries: ManifestEntry[]) {
    const dir = tempDir();
    const outputs: Record<string, string> = {};
    const warnings: string[] = [];
    return setLinkOutputs(
      { entries, failed: [], notes: [], expiresAt: entries[0]?.expiresAt },
      dir,
      'build',
      { ...log, warning: (m: string) => void warnings.push(m) },
      (name, value) => (outputs[name] = value),
    ).then((file) => ({ dir, file, outputs, warnings }));
  }

  it('sets the manifest output and writes the same JSON to manifest-file when it fits in 1 MiB', async () => {
    const entries = Array.from({ length: 100 }, (_, i) => entry(i));
    const { dir, file, outputs, warnings } = await run(entries);
    try {
      expect(outputs.manifest).toBe(JSON.stringify(entries));
      expect(outputs['manifest-file']).toBe(file);
      expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(entries));
      expect(outputs.count).toBe('100');
      expect(outputs['total-bytes']).toBe(String((99 * 100) / 2));
      expect(warnings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('past 1 MiB: manifest is [] with a warning naming manifest-file, which holds every entry', async () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry(i));
    expect(Buffer.byteLength(JSON.stringify(entries))).toBeGreaterThan(1024 * 1024);
    const { dir, file, outputs, warnings } = await run(entries);
    try {
      expect(outputs.manifest).toBe('[]');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(entries);
      expect(warnings).toEqual([expect.stringContaining(`read it from the 'manifest-file' output (${file})`)]);
      expect(outputs.count).toBe('5000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
