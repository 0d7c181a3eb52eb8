// Headless Chromium for the tests, the demo and the benchmark: Debian's /usr/bin/chromium driven by
// playwright-core (no browser download). `hosts` maps extra host names to 127.0.0.1 (e.g. a
// plain-HTTP origin that is not localhost, which browsers treat as insecure).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** No sandbox (root in CI), no GPU, and none of Chromium's own network traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {{ hosts?: string[] }} [options] */
export async function launchChromium(options = {}) {
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
