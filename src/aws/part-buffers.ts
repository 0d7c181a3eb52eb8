/**
 * Memory for request bodies: every body is read into memory once, hashed there and sent from there
 * (so `Content-MD5` is known before the first byte goes out), within one budget of bytes for the
 * whole run. Buffers of the part size are kept and reused; they share memory with the hashing thread.
 */

export interface Lease {
  /** Exactly the requested length. */
  bytes: Buffer;
  /** Gives the memory back; call once, after the last (re)try of the request that sends it. */
  release(): void;
}

export class PartBuffers {
  private available: number;
  private readonly waiting: { n: number; resolve: () => void }[] = [];
  private readonly spare: Buffer[] = [];

  /** `capacity`: bytes held at once, at most; `slotSize`: the size of the buffers kept for reuse. */
  constructor(
    private readonly capacity: number,
    private readonly slotSize: number,
  ) {
    this.available = capacity;
  }

  /**
   * Waits (first come, first served) until `length` bytes fit in the budget. A body larger than the
   * whole budget (a part grown for a file of more than 10,000 parts) waits until nothing else is held.
   */
  async take(length: number): Promise<Lease> {
    const n = Math.min(length, this.capacity);
    if (this.waiting.length > 0 || this.available < n) await new Promise<void>((resolve) => this.waiting.push({ n, resolve }));
    else this.available -= n;
    // Only full-size buffers are kept for reuse: a shorter body in a pooled buffer would hold more
    // memory than the budget counts. Up to the part size, bodies are shared with the hashing threads.
    const pooled = length === this.slotSize;
    const shared = length > 0 && length <= this.slotSize;
    const backing = pooled
      ? (this.spare.pop() ?? Buffer.from(new SharedArrayBuffer(this.slotSize)))
      : shared
        ? Buffer.from(new SharedArrayBuffer(length))
        : Buffer.allocUnsafeSlow(length);
    let released = false;
    return {
      bytes: backing.subarray(0, length),
      release: () => {
        if (released) return;
        released = true;
        if (pooled) this.spare.push(backing);
        this.give(n);
      },
    };
  }

  private give(n: number): void {
    this.available += n;
    while (this.waiting.length > 0 && this.available >= this.waiting[0].n) {
      const next = this.waiting.shift()!;
      this.available -= next.n;
      next.resolve();
    }
  }
}
