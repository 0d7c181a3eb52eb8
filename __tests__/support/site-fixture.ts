/**
 * The test site (__tests__/fixtures/site: `main/`, a static site with every kind of reference, and
 * `spa/`, a single-page app), copied with what is better made than committed: an image, a font, a
 * WAV, and files with names a pull request can choose.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'site');

/** Names a pull request can choose: quotes, markup, URL delimiters, percent signs, non-ASCII. */
export const HOSTILE = [
  `it's "quoted" <b>bold.txt`,
  'hash#1.txt',
  'what?.txt',
  '100%.txt',
  'naïve 日本.txt',
  '<img src=x onerror=alert(1)>.html',
];

/** A 1x1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** What the fixture's index.html reports in #results when every reference loaded (see js/main.mjs). */
export const EXPECTED_RESULTS = {
  'module-import': 'hello module',
  'dynamic-import': 'lazy loaded',
  'classic-script': 'loaded',
  stylesheet: 'rgb(1, 2, 3)',
  font: 'true',
  image: '1',
  'image-space': '1',
  'fetch-json': '42',
  xhr: '200 alpha beta',
  'fetch-folder': '200 true',
  'media-range': '206 RIFF',
  audio: 'metadata',
  missing: '404',
  'generated-not-served': '404',
};

/** A copy of the fixture in a new folder under `parent`; returns the folder (holding main/ and spa/). */
export function siteFixture(parent: string): string {
  const root = mkdtempSync(path.join(parent, 'site-'));
  cpSync(FIXTURE, root, { recursive: true });
  const main = path.join(root, 'main');
  mkdirSync(path.join(main, 'img'));
  writeFileSync(path.join(main, 'img', 'pixel.png'), PNG);
  writeFileSync(path.join(main, 'img', 'space é.png'), PNG);
  mkdirSync(path.join(main, 'fonts'));
  writeFileSync(path.join(main, 'fonts', 'fixture.ttf'), readFileSync(findFont()));
  mkdirSync(path.join(main, 'media'));
  writeFileSync(path.join(main, 'media', 'tone.wav'), wav(0.25));
  mkdirSync(path.join(main, 'odd'));
  HOSTILE.forEach((name, i) => writeFileSync(path.join(main, 'odd', name), `contents of hostile name ${i}`));
  return root;
}

/** A TrueType font that ships with playwright-core (its icon font), so the fixture needs no binary. */
function findFont(): string {
  const dir = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib', 'vite', 'recorder', 'assets');
  const font = readdirSync(dir).find((f) => f.endsWith('.ttf'));
  if (!font) throw new Error(`no .ttf font in ${dir}`);
  return path.join(dir, font);
}

/** A mono 8 kHz 8-bit PCM WAV of silence. */
export function wav(seconds: number): Buffer {
  const samples = Math.round(8000 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** Every file under `root`, relative and `/`-separated. */
export function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    return statSync(path.join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
  });
}
