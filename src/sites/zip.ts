/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * A small writer of stored (uncompressed) .zip archives, for the share page's "Download all": the
 * reader's browser fetches each file from its presigned link and writes the archive itself, no
 * server in between. Pure functions, unit-tested in Node and shipped to the browser as their own
 * source text (see share-tools.ts), so each may call only the browser's globals and the other
 * functions of ZIP_FUNCTIONS.
 *
 * Format (APPNOTE 6.3.10): per file a local header (general-purpose flags: bit 3, sizes and CRC in a
 * data descriptor after the data, as they are known only once the data has streamed; bit 11, UTF-8
 * names), the data, the descriptor; then the central directory and its end record. No ZIP64: an
 * archive is at most 4 GiB and 65,535 files (zipLimits says why not, before anything is fetched).
 */

/** The CRC-32 (IEEE 802.3) table. */
export function crcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** The CRC-32 of the bytes so far (`crc`, 0 to start) followed by `bytes`. */
export function crcUpdate(table: Uint32Array, crc: number, bytes: Uint8Array): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The name of a file inside the archive: its path with `/` separators, and nothing an extractor
 * could take for a way out of the folder it extracts to: no leading `/`, no drive letter, no `.` or
 * `..` segment, no backslash (a separator on Windows), no control character. Never empty.
 */
export function zipName(path: string): string {
  const segments = path
    .replace(/\\/g, '_')
    // eslint-disable-next-line no-control-regex -- control characters in untrusted names are replaced
    .replace(/[\u0000-\u001f\u007f]/g, '_')
    .replace(/^[A-Za-z]:/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  return segments.join('/') || 'file';
}

/** Names made unique: a repeated name gets ` (2)`, ` (3)`… before its extension. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
      const dot = name.lastIndexOf('.');
      const slash = name.lastIndexOf('/');
      candidate = dot > slash + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    }
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Why these files cannot be one archive (no ZIP64), or '' when they can. */
export function zipLimits(sizes: number[], nameBytes: number): string {
  if (sizes.length > 65535) return 'more than 65,535 files';
  const total = sizes.reduce((n, s) => n + s, 0) + sizes.length * 46 * 2 + nameBytes * 2 + 22;
  if (total > 0xffffffff) return 'more than 4 GiB';
  return '';
}

/** MS-DOS time and date of `d`, local time (what extractors show), from 1980. */
export function dosTime(d: Date): [time: number, date: number] {
  const year = Math.max(1980, d.getFullYear());
  return [
    (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  ];
}

function zipBytes(length: number): [Uint8Array, DataView] {
  const bytes = new Uint8Array(length);
  return [bytes, new DataView(bytes.buffer)];
}

/** The local header before a file's data; CRC and sizes follow in its descriptor. */
export function zipLocalHeader(name: Uint8Array, dos: [number, number]): Uint8Array {
  const [bytes, v] = zipBytes(30 + name.length);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true); // version needed: 2.0
  v.setUint16(6, 0x0808, true); // data descriptor, UTF-8 name
  v.setUint16(8, 0, true); // stored
  v.setUint16(10, dos[0], true);
  v.setUint16(12, dos[1], true);
  v.setUint16(26, name.length, true);
  bytes.set(name, 30);
  return bytes;
}

/** The data descriptor after a file's data. */
export function zipDescriptor(crc: number, size: number): Uint8Array {
  const [bytes, v] = zipBytes(16);
  v.setUint32(0, 0x08074b50, true);
  v.setUint32(4, crc, true);
  v.setUint32(8, size, true);
  v.setUint32(12, size, true);
  return bytes;
}

/** A file's entry in the central directory; `offset` is where its local header starts. */
export function zipCentral(name: Uint8Array, dos: [number, number], crc: number, size: number, offset: number): Uint8Array {
  const [bytes, v] = zipBytes(46 + name.length);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 0x0314, true); // made by: UNIX, 2.0 (so the permissions below are read)
  v.setUint16(6, 20, true);
  v.setUint16(8, 0x0808, true);
  v.setUint16(10, 0, true);
  v.setUint16(12, dos[0], true);
  v.setUint16(14, dos[1], true);
  v.setUint32(16, crc, true);
  v.setUint32(20, size, true);
  v.setUint32(24, size, true);
  v.setUint16(28, name.length, true);
  v.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--: never executable, never a link
  v.setUint32(42, offset, true);
  bytes.set(name, 46);
  return bytes;
}

/** The end of the central directory. */
export function zipEnd(count: number, centralSize: number, centralOffset: number): Uint8Array {
  const [bytes, v] = zipBytes(22);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, centralSize, true);
  v.setUint32(16, centralOffset, true);
  return bytes;
}

/** What the share page's tools call, by name (property names survive the bundler; function names may not). */
export const ZIP_KIT = { crcTable, crcUpdate, zipName, uniqueNames, zipLimits, dosTime, zipLocalHeader, zipDescriptor, zipCentral, zipEnd };
export type ZipKit = typeof ZIP_KIT;

/** Source text of every function above, then `zipKit`: ZIP_KIT as the browser gets it. */
export function zipKitSource(): string {
  const functions = [...Object.values(ZIP_KIT), zipBytes];
  const kit = Object.entries(ZIP_KIT).map(([key, f]) => `${key}: ${f.name}`);
  return `${functions.map(String).join('\n')}\nconst zipKit = { ${kit.join(', ')} };`;
}
