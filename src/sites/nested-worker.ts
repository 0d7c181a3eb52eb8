/* istanbul ignore file -- these functions are serialized into the browser; coverage counters would break them there. */
/**
 * A site's own service worker, run inside the site's worker (serialized like runtime.ts, see its
 * header). Playwright's HTML report opens its trace viewer, which registers `sw.bundle.js` for its
 * folder and asks it for `contexts?trace=<link of a file of the site>`. From a private bucket that
 * registration cannot work: the browser fetches a worker script itself, unsigned, past every
 * service worker. The viewer goes on anyway once its page is controlled (by our worker), so our
 * worker runs the script itself: it evaluates its source with a `self` standing for its scope and
 * a `fetch` that reads the site's files through the session (so the `trace=` link, and every
 * static file the script passes through, load from their signed links), and hands it the requests
 * the browser would have.
 */
import type { ClientsLike, FetchEventLike } from './runtime.js';

export interface NestedWorker {
  /** The script's answer, or undefined when it does not answer (the site's file then). */
  handle(event: FetchEventLike): Promise<Response | undefined>;
}

type Listener = (event: unknown) => void;

export function startNestedWorker(
  source: string,
  scriptUrl: string,
  scope: string,
  clients: ClientsLike,
  siteFetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>,
): NestedWorker {
  const listeners: Record<string, Listener[]> = {};
  const self = {
    addEventListener: (type: string, listener: Listener): void => {
      (listeners[type] = listeners[type] || []).push(listener);
    },
    removeEventListener: (): void => undefined,
    skipWaiting: (): Promise<void> => Promise.resolve(),
    clients: {
      claim: (): Promise<void> => Promise.resolve(),
      get: (id: string) => clients.get(id),
      matchAll: (options?: { type?: string }) => clients.matchAll(options),
    },
    registration: { scope },
    location: new URL(scriptUrl),
  };
  new Function('self', 'fetch', source)(self, siteFetch);
  return {
    handle(event: FetchEventLike): Promise<Response | undefined> {
      let answer: Promise<Response> | undefined;
      const nested = {
        request: event.request,
        clientId: event.clientId,
        resultingClientId: event.resultingClientId,
        respondWith: (response: Response | Promise<Response>) => (answer = Promise.resolve(response)),
        waitUntil: (): void => undefined,
      };
      for (const listener of listeners.fetch || []) {
        listener(nested);
        if (answer) break;
      }
      return answer || Promise.resolve(undefined);
    },
  };
}
