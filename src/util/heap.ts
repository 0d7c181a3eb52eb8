/** Keeps the JavaScript heap's young generation small, so memory does not grow with the file count. */
import { setFlagsFromString } from 'node:v8';

/**
 * V8 doubles the young generation (up to 2 × 64 MiB on a large runner) each time enough objects have
 * survived a collection since the last growth; an upload of many small files allocates a few
 * kilobytes per request in the SDK, so a long run ends up with the largest young generation, most
 * of it garbage, all of it resident. The action cannot pass `--max-semi-space-size` (the runner
 * starts `node dist/index.js`), but V8 reads its growth factor at each growth: 1 keeps the young
 * generation at its start size. Objects that live longer are promoted and collected with the old
 * generation, as usual.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
