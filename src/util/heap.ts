/** Keeps the JavaScript heap small, so memory does not grow with the file count. */
import { setFlagsFromString } from 'node:v8';

/**
 * V8 doubles the young generation (up to 2 × 64 MiB on a large runner) each time enough objects have
 * survived a collection since the last growth; an upload of many small files allocates a few
 * kilobytes per request in the SDK, so a long run ends up with the largest young generation, most
 * of it garbage, all of it resident. The action cannot pass `--max-semi-space-size` (the runner
 * starts `node dist/index.js`), but V8 reads its growth factor at each growth: 1 keeps the young
 * generation at its start size. Objects that live longer are promoted and collected with the old
 * generation, as usual.
 *
 * With a small young generation, request objects in flight are promoted and die in the old
 * generation, whose next collection V8 schedules at up to 4 × what survived the last one: during
 * an upload of 10,000 files about 22 MB survive, and the old generation filled to 95 MB of mostly
 * garbage between collections, all of it resident until the end. V8 also reads the growing factor
 * at each collection: 1.5 × kept it near 35 MB during such an upload, for a full collection (a few
 * milliseconds with a heap this small) about once a second. After the upload, signing 20,000 links
 * and building the share page still grew it by tens of megabytes before the next collection: 1.2 ×
 * brought the peak RSS of 20,000 files from 176–214 MB (median 195) to 167–192 MB (median 177), in
 * 8 alternating runs each, with no longer a run (medians 4.9 s against 5.2 s, 6 runs each).
 */
export function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * Up to this many files, V8's own heap growth: the young generation grows to where few request
 * objects outlive it, which saves the small heap's collections about 7 % of the CPU time of 1,000
 * small files (CPU that a single-threaded store beside the action on a small runner can use), for
 * about 35 MB more memory.
 */
export const FEW_FILES = 2_000;

/** Once the files are found: a small upload lets V8 size the heap (its defaults), a large one keeps it small. */
export function sizeHeapFor(fileCount: number): void {
  if (fileCount > FEW_FILES) return;
  setFlagsFromString('--semi-space-growth-factor=2');
  setFlagsFromString('--heap-growing-percent=0');
}
