import { execFileSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  crcTable,
  crcUpdate,
  dosTime,
  uniqueNames,
  zipCentral,
  zipDescriptor,
  zipEnd,
  zipKitSource,
  zipLimits,
  zipLocalHeader,
  zipName,
} from '../../../src/sites/zip.js';

/** An archive of `files` written with the same calls the share page makes, data fed in chunks. */
function archive(files: { name: string; data: Buffer }[], chunk = 7): Buffer {
  const table = crcTable();
  const dos = dosTime(new Date(2026, 10, 22, 14, 30, 10));
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const header = zipLocalHeader(name, dos);
    out.push(header);
    let crc = 0;
    for (let i = 0; i < f.data.length; i += chunk) {
      const part = f.data.subarray(i, i + chunk);
      crc = crcUpdate(table, crc, part);
      out.push(part);
    }
    out.push(zipDescriptor(crc, f.data.length));
    central.push(zipCentral(name, dos, crc, f.data.length, offset));
    offset += header.length + f.data.length + 16;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  return Buffer.concat([...out, ...central, zipEnd(files.length, size, offset)]);
}

describe('the zip writer', () => {
  it('computes CRC-32 as zlib does, across chunks', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog');
    const table = crcTable();
    expect(crcUpdate(table, crcUpdate(table, 0, data.subarray(0, 10)), data.subarray(10))).toBe(crc32(data));
    expect(crcUpdate(table, 0, new Uint8Array())).toBe(0);
  });

  it('writes an archive that unzip and Python read back byte for byte', () => {
    const files = [
      { name: 'dist/app.js', data: Buffer.from('console.log("hi");\n') },
      { name: 'dist/empty.txt', data: Buffer.alloc(0) },
      { name: 'dist/ünïcødé 文件.bin', data: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)) },
    ];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-'));
    try {
      const file = path.join(dir, 'a.zip');
      writeFileSync(file, archive(files));
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
      const read = execFileSync(
        'python3',
        [
          '-c',
          'import sys,zipfile,json;z=zipfile.ZipFile(sys.argv[1]);print(json.dumps([[i.filename,z.read(i).hex(),oct(i.external_attr>>16)] for i in z.infolist()]))',
          file,
        ],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(read)).toEqual(files.map((f) => [f.name, f.data.toString('hex'), '0o100644']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['../../etc/passwd', 'etc/passwd'],
    ['/abs/path.txt', 'abs/path.txt'],
    ['C:/Windows/x.dll', 'Windows/x.dll'],
    ['a\\..\\..\\evil.txt', 'a_.._.._evil.txt'],
    ['./a/./b//c.txt', 'a/b/c.txt'],
    ['line\nbreak.txt', 'line_break.txt'],
    ['..', 'file'],
  ])('names %j %j inside the archive, never a way out of its folder', (input, name) => {
    expect(zipName(input)).toBe(name);
  });

  it('keeps names unique, whatever their case', () => {
    expect(uniqueNames(['a/x.txt', 'a/X.txt', 'a/x.txt', 'b/noext', 'b/noext'])).toEqual([
      'a/x.txt',
      'a/X (2).txt',
      'a/x (3).txt',
      'b/noext',
      'b/noext (2)',
    ]);
  });

  it('says when the files are too many or too large for an archive without ZIP64', () => {
    expect(zipLimits([1, 2, 3], 30)).toBe('');
    expect(zipLimits([2 ** 31, 2 ** 31], 10)).toBe('more than 4 GiB');
    expect(zipLimits(new Array(65536).fill(0), 10)).toBe('more than 65,535 files');
  });

  it('ships as self-contained source text', () => {
    const kit = new Function(`${zipKitSource()}\nreturn zipKit;`)() as { zipName(p: string): string; crcTable(): Uint32Array };
    expect(kit.zipName('../x')).toBe('x');
    expect(kit.crcTable()[1]).toBe(crcTable()[1]);
  });
});
