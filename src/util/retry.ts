/** Bounded retries with exponential backoff and full jitter; sleep and randomness are injectable. */

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: Sleep;
  random?: () => number;
  isRetryable: (error: unknown) => boolean;
  /** Told about each failure that will be retried. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const random = o.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= o.attempts || !o.isRetryable(error)) throw error;
      const delayMs = Math.round(random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1)));
      o.onRetry?.(error, attempt, delayMs);
      await o.sleep(delayMs);
    }
  }
}

/** Runs at most `limit` tasks at once; a finishing task hands its slot straight to the next waiter. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
