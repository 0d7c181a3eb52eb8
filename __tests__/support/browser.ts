/**
 * Headless Chromium for tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
 * download). Loopback only: `hosts` maps extra host names to 127.0.0.1 (e.g. a plain-HTTP origin
 * that is not localhost, which browsers treat as insecure).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(options: { hosts?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH.`);
  }
  const rules = (options.hosts ?? []).map((host) => `MAP ${host} 127.0.0.1`).join(', ');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(rules ? [`--host-resolver-rules=${rules}`] : [])],
  });
}
