/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * The start page's code (serialized like runtime.ts, see its header): the page a reader opens from
 * the comment. It registers the site's worker, sends it the site map in a message, and opens the
 * site in a new session (session.ts). Without service workers it says why and lists the files.
 */
import { encodePath, fileLink, formatUtcTime, neutralizeBidi, siteIndex, type SiteMap } from './runtime.js';
import { sessionsBase } from './session.js';
import { randomToken } from './seal.js';

/** The page elements and browser APIs the bootstrap page uses. */
export interface BootElement {
  textContent: string | null;
  hidden: boolean;
  href: string;
  appendChild(child: BootElement): void;
}
export interface BootWorker {
  scriptURL: string;
  state: string;
  addEventListener(type: 'statechange', listener: () => void): void;
}
export interface BootRegistration {
  installing: BootWorker | null;
  waiting: BootWorker | null;
  active: (BootWorker & { postMessage(message: unknown, transfer: unknown[]): void }) | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
}
export interface BootChannel {
  port1: { onmessage: ((event: { data: unknown }) => void) | null };
  port2: unknown;
}
export interface BootWindow {
  document: { getElementById(id: string): BootElement | null; createElement(tag: string): BootElement };
  location: { hash: string; replace(url: string): void };
  navigator: { serviceWorker?: { register(url: string, options: { scope: string }): Promise<BootRegistration | undefined> } };
  isSecureContext: boolean;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  MessageChannel: new () => BootChannel;
}
export interface BootConfig {
  /** Link of the worker script (in the site's folder, so its scope can be the folder). */
  worker: string;
  /** Link of the site map (JSON): sent to the worker, or the file list when the worker cannot run. */
  map: string;
  /** The site's folder URL: the worker's scope. */
  scope: string;
  expiresAt: number;
  title: string;
  runUrl?: string;
}

/** `#docs/a b.html` → `docs/a%20b.html`; anything that could leave the folder → `''` (the start page). */
export function entryFromHash(hash: string): string {
  let path: string;
  try {
    path = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
  // A backslash is a character of a file name like any other: encodePath makes it `%5C`, which no URL parser reads as `/`.
  if (path.startsWith('/') || path.split('/').some((s) => s === '.' || s === '..')) return '';
  return encodePath(path);
}

/**
 * The start page: registers the site's worker (scope: the site's folder), waits until that very
 * script is active (a re-run's page replaces an older worker of the same folder; a worker another
 * page unregistered is registered again), sends it the map with a new session's token, then opens
 * the site in that session. Without service workers it says why and lists the site's files, each
 * with its own link.
 */
export function bootstrapMain(win: BootWindow, cfg: BootConfig): void {
  const doc = win.document;
  const say = (id: string, text: string): void => {
    const el = doc.getElementById(id);
    if (el) {
      el.textContent = text;
      el.hidden = false;
    }
  };
  const entry = entryFromHash(win.location.hash);
  if (Date.now() >= cfg.expiresAt) {
    say(
      'status',
      'These links expired at ' +
        formatUtcTime(cfg.expiresAt) +
        '. To get fresh links, re-run the job that uploaded them, or run the action with mode: refresh.',
    );
    return;
  }
  const container = win.navigator.serviceWorker;
  if (!win.isSecureContext) {
    fallback(
      'This page was opened over plain HTTP from a host other than localhost, and browsers run service workers (which serve the site) only on HTTPS pages. Use an HTTPS endpoint to browse the site.',
    );
    return;
  }
  if (!container) {
    fallback(
      'This browser does not allow service workers on this page (private browsing, or a browser setting or policy), and they serve the site.',
    );
    return;
  }
  let timer = 0;
  const timeout = new Promise<never>((_, reject) => {
    timer = win.setTimeout(() => reject(new Error('it did not start within 20 seconds')), 20_000);
  });
  const started = container.register(cfg.worker, { scope: cfg.scope }).then(async (registration) => {
    if (!registration) throw new Error('the registration was blocked');
    await activated(registration);
    const response = await fetch(cfg.map);
    if (!response.ok) throw new Error('the list of files could not be loaded (HTTP ' + response.status + ')');
    const map = (await response.json()) as SiteMap;
    const token = randomToken();
    await opened(registration, token, map);
    return sessionsBase(cfg.scope) + token + '/' + entry;
  });
  Promise.race([started, timeout]).then(
    (target: string) => {
      win.clearTimeout(timer);
      say('status', 'Opening the site…');
      win.location.replace(target);
    },
    (error: Error) => {
      win.clearTimeout(timer);
      fallback(
        'The browser did not start the service worker that serves the site (' +
          (error && error.message ? error.message : String(error)) +
          ').',
      );
    },
  );

  /** Resolves once the worker with our script URL is the registration's active, activated worker. */
  function activated(registration: BootRegistration): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const active = registration.active;
        if (active && active.scriptURL === cfg.worker && active.state === 'activated') resolve();
      };
      const watch = (worker: BootWorker | null): void => {
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.scriptURL === cfg.worker && worker.state === 'redundant') reject(new Error('the new worker was rejected'));
          check();
        });
      };
      registration.addEventListener('updatefound', () => watch(registration.installing));
      watch(registration.installing);
      watch(registration.waiting);
      watch(registration.active);
      check();
    });
  }

  /** Sends the worker the map for a new session; resolves once it has it. */
  function opened(registration: BootRegistration, token: string, map: SiteMap): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = registration.active;
      if (!worker) return reject(new Error('it stopped'));
      const channel = new win.MessageChannel();
      channel.port1.onmessage = (event) =>
        (event.data as { ok?: boolean }).ok ? resolve() : reject(new Error('it refused the list of files'));
      worker.postMessage({ type: 'open', token, map }, [channel.port2]);
    });
  }

  function fallback(reason: string): void {
    say('status', reason);
    say('files-note', 'Each file can still be opened on its own below, but links between them (styles, scripts, sub-pages) will not work.');
    fetch(cfg.map)
      .then((response) => (response.ok ? (response.json() as Promise<SiteMap>) : Promise.reject(new Error('HTTP ' + response.status))))
      .then((map: SiteMap) => {
        const index = siteIndex(map);
        const list = doc.getElementById('files');
        if (!list) return;
        for (const path of [...index.files.keys()].sort()) {
          const item = doc.createElement('li');
          const link = doc.createElement('a');
          link.href = fileLink(map, index, path) as string;
          link.textContent = neutralizeBidi(path);
          item.appendChild(link);
          list.appendChild(item);
        }
      })
      .catch((error: Error) => say('files-note', 'The list of files could not be loaded (' + error.message + ').'));
  }
}
