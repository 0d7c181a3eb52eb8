/** The periodic progress line of an upload. */
import { plural } from '../util/log.js';

/**
 * Files uploaded (failed ones apart), bytes the store accepted (a retried request counts once, when it
 * succeeds) and rate, for the periodic progress line.
 */
export class Progress {
  private files = 0;
  private failed = 0;
  private bytes = 0;
  private readonly totalBytes: number;
  private readonly started: number;
  constructor(
    private readonly plans: readonly { file: { size: number } }[],
    private readonly now: () => number,
  ) {
    this.totalBytes = plans.reduce((n, p) => n + p.file.size, 0);
    this.started = now();
  }
  fileDone(): void {
    this.files++;
  }
  fileFailed(): void {
    this.failed++;
  }
  addBytes(n: number): void {
    this.bytes += n;
  }
  line(): string {
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    return `Uploaded ${this.files}/${plural(this.plans.length, 'file')}${failed}, ${mib(this.bytes)} of ${mib(this.totalBytes)} MiB (${mib(this.bytes / seconds)} MiB/s)`;
  }
}

function mib(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
