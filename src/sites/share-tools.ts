/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * The share page's tools, in the reader's browser: a search box that filters the files as you type,
 * folders that collapse, a copy-link button per file, and "Download all" as one .zip the browser
 * assembles from the presigned links (zip.ts), one file at a time, with no server in between.
 * Shipped as source text like runtime.ts: `shareToolsMain` may use only browser globals and its
 * parameters (the zip writer comes in as `z`). Checked in Chromium (__tests__/integration/share-page-browser.test.ts).
 */
import { type ZipKit, zipKitSource } from './zip.js';

/** The little of the DOM the tools use (the project compiles without the DOM library). */
interface El {
  hidden: boolean;
  textContent: string | null;
  value: string;
  disabled: boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  closest(selector: string): El | null;
  addEventListener(type: string, listener: (event: { target: unknown; preventDefault(): void }) => void): void;
  click(): void;
  remove(): void;
  select(): void;
  href: string;
  download: string;
  focus(): void;
}
interface Doc {
  querySelectorAll(selector: string): ArrayLike<El>;
  getElementById(id: string): El | null;
  createElement(tag: string): El;
  body: { appendChild(el: El): void };
  addEventListener(type: string, listener: (event: { target: unknown; key?: string; preventDefault(): void }) => void): void;
  execCommand(command: string): boolean;
  activeElement: unknown;
}
interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}
interface Win {
  fetch(url: string): Promise<{ ok: boolean; status: number; body: { getReader(): ByteReader } | null }>;
  navigator: { clipboard?: { writeText(text: string): Promise<void> } };
  Blob: new (parts: unknown[], options?: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
  TextEncoder: new () => { encode(text: string): Uint8Array };
  setTimeout(callback: () => void, ms: number): unknown;
}

export function shareToolsMain(doc: Doc, win: Win, z: ZipKit): void {
  const rows = Array.from(doc.querySelectorAll('tr[data-path]'));
  const heads = Array.from(doc.querySelectorAll('tr[data-folder]:not([data-path])'));
  const filter = doc.getElementById('filter');
  const shown = doc.getElementById('shown');
  const zip = doc.getElementById('zip');
  const status = doc.getElementById('zip-status');
  const notice = doc.getElementById('expired');
  const expiresAt = Date.parse(
    (doc.querySelectorAll('time[data-expires]')[0] || { getAttribute: () => '' }).getAttribute('datetime') || '',
  );
  const collapsed: string[] = [];
  const inside = (folder: string, outer: string): boolean => folder.slice(0, outer.length) === outer;
  const folded = (folder: string, self: boolean): boolean => collapsed.some((c) => inside(folder, c) && (self || c !== folder));
  const query = (): string => (filter ? filter.value.trim().toLowerCase() : '');
  const matches = (row: El, q: string): boolean => !q || (row.getAttribute('data-path') || '').toLowerCase().indexOf(q) !== -1;
  const picked = (): El[] => rows.filter((r) => matches(r, query()));

  const apply = (): void => {
    const q = query();
    // A folder's heading shows while one of its own files matches (headings name whole paths).
    const open = new Set<string>();
    let count = 0;
    for (const row of rows) {
      const folder = row.getAttribute('data-folder') || '';
      const match = matches(row, q);
      row.hidden = !match || folded(folder, true);
      if (!match) continue;
      count++;
      open.add(folder);
    }
    for (const head of heads) {
      const f = head.getAttribute('data-folder') || '';
      head.hidden = !open.has(f) || folded(f, false);
    }
    if (shown) shown.textContent = q ? count + ' of ' + rows.length + ' files match' : '';
    if (zip) {
      zip.textContent = q ? 'Download ' + count + ' as .zip' : 'Download all as .zip';
      zip.disabled = count === 0;
    }
  };
  if (filter) {
    filter.addEventListener('input', apply);
    filter.hidden = false;
  }
  doc.addEventListener('keydown', (event) => {
    if (event.key === '/' && filter && doc.activeElement !== filter) {
      event.preventDefault();
      filter.focus();
    }
  });

  doc.addEventListener('click', (event) => {
    const target = event.target as El | null;
    const toggle = target && target.closest ? target.closest('button[data-toggle]') : null;
    if (toggle) {
      const folder = toggle.getAttribute('data-toggle') || '';
      const at = collapsed.indexOf(folder);
      if (at === -1) collapsed.push(folder);
      else collapsed.splice(at, 1);
      toggle.setAttribute('aria-expanded', at === -1 ? 'false' : 'true');
      apply();
      return;
    }
    const copy = target && target.closest ? target.closest('button[data-copy]') : null;
    if (copy) void copyLink(copy);
  });

  const say = (el: El, text: string, ms: number): void => {
    const before = el.getAttribute('data-label') || el.textContent || '';
    el.setAttribute('data-label', before);
    el.textContent = text;
    win.setTimeout(() => (el.textContent = before), ms);
  };
  const copyLink = async (button: El): Promise<void> => {
    const url = button.getAttribute('data-copy') || '';
    try {
      if (!win.navigator.clipboard) throw new Error('no clipboard');
      await win.navigator.clipboard.writeText(url);
    } catch {
      // Without the asynchronous clipboard (plain http, an old browser): select the text and copy it.
      const field = doc.createElement('textarea');
      field.value = url;
      doc.body.appendChild(field);
      field.select();
      const done = doc.execCommand('copy');
      field.remove();
      if (!done) return say(button, 'Copy failed', 2000);
    }
    say(button, 'Copied', 2000);
  };

  const expired = (): boolean => Date.now() >= expiresAt;
  const download = async (): Promise<void> => {
    if (!zip || !status) return;
    if (expired()) {
      if (notice) notice.hidden = false;
      return;
    }
    const files = picked();
    const enc = new win.TextEncoder();
    const names = z.uniqueNames(files.map((r) => z.zipName(r.getAttribute('data-path') || ''))).map((n) => enc.encode(n));
    const sizes = files.map((r) => Number(r.getAttribute('data-size')) || 0);
    const limit = z.zipLimits(
      sizes,
      names.reduce((n, b) => n + b.length, 0),
    );
    if (limit) {
      status.textContent = 'These files are ' + limit + ', too much for one .zip: download them one by one.';
      return;
    }
    zip.disabled = true;
    const table = z.crcTable();
    const dos = z.dosTime(new Date());
    const parts: unknown[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    try {
      for (let i = 0; i < files.length; i++) {
        status.textContent = 'Fetching ' + (i + 1) + ' of ' + files.length + '…';
        const path = files[i].getAttribute('data-path') || '';
        const response = await win.fetch(files[i].getAttribute('data-url') || '');
        if (!response.ok || !response.body) throw new Error(path + ' answered ' + response.status);
        const header = z.zipLocalHeader(names[i], dos);
        const chunks: Uint8Array[] = [header];
        const reader = response.body.getReader();
        let crc = 0;
        let size = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (!value) continue;
          crc = z.crcUpdate(table, crc, value);
          size += value.length;
          chunks.push(value);
        }
        if (size !== sizes[i]) throw new Error(path + ' has ' + size + ' bytes, not the ' + sizes[i] + ' uploaded');
        chunks.push(z.zipDescriptor(crc, size));
        // One Blob per file: the browser may keep it on disk, and its chunks are let go.
        parts.push(new win.Blob(chunks));
        central.push(z.zipCentral(names[i], dos, crc, size, offset));
        offset += header.length + size + 16;
      }
      const centralSize = central.reduce((n, c) => n + c.length, 0);
      const blob = new win.Blob([...parts, ...central, z.zipEnd(files.length, centralSize, offset)], { type: 'application/zip' });
      const url = win.URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = url;
      a.download = zip.getAttribute('data-name') || 'files.zip';
      doc.body.appendChild(a);
      a.click();
      a.remove();
      win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
      status.textContent = files.length + (files.length === 1 ? ' file' : ' files') + ' in ' + a.download + '.';
    } catch (error) {
      if (expired() && notice) notice.hidden = false;
      status.textContent = 'Download failed: ' + (error instanceof Error ? error.message : String(error)) + '.';
    } finally {
      zip.disabled = false;
    }
  };
  if (zip) {
    zip.addEventListener('click', () => void download());
    zip.hidden = false;
  }
  apply();
}

/** The tools' script: the zip writer, then the tools started on the page. */
export function shareToolsSource(): string {
  return `${zipKitSource()}\n(${String(shareToolsMain)})(document, window, zipKit);`;
}
