/**
 * The comment is best effort: all the time the run spends on GitHub (requests, their retries,
 * rate-limit waits, the comment's settle waits) comes out of one budget of about a minute. A wait that
 * does not fit is declined, and a request once the budget is spent is not sent: the step warns (or
 * fails with fail-on-comment-error) and goes on. The clock and the sleep are injectable.
 */
import { Clock, systemClock } from '../util/clock.js';
import type { Sleep } from '../util/retry.js';

/** About a minute in all. */
export const GITHUB_BUDGET_MS = 60_000;

export class GitHubBudgetExceeded extends Error {
  constructor(totalMs: number, what: string) {
    super(
      `GitHub took more than ${Math.round(totalMs / 1000)} s in all (requests, retries and rate-limit waits), so ${what} was given up.`,
    );
    this.name = 'GitHubBudgetExceeded';
  }
}

export class WaitBudget {
  private spentMs = 0;
  private active = 0;
  private activeSince = 0;

  constructor(
    private readonly clock: Clock = systemClock,
    private total: number = GITHUB_BUDGET_MS,
  ) {}

  /** The whole budget, in milliseconds. */
  get totalMs(): number {
    return this.total;
  }

  /** Adds time to the budget: a run that comments on several pull requests gets about a minute for each. */
  grant(ms: number): void {
    this.total += Math.max(0, ms);
  }

  /** Time used so far: finished requests and sleeps, plus the request(s) in flight. */
  usedMs(): number {
    return this.spentMs + (this.active > 0 ? Math.max(0, this.clock().getTime() - this.activeSince) : 0);
  }

  /** True when waiting `ms` more still fits the budget. */
  allows(ms: number): boolean {
    return Number.isFinite(ms) && ms >= 0 && this.usedMs() + ms <= this.totalMs;
  }

  /** Runs one GitHub request, timed; refused (GitHubBudgetExceeded) once the budget is spent. */
  async run<T>(what: string, request: () => Promise<T>): Promise<T> {
    if (this.usedMs() >= this.totalMs) throw new GitHubBudgetExceeded(this.totalMs, what);
    if (this.active++ === 0) this.activeSince = this.clock().getTime();
    try {
      return await request();
    } finally {
      if (--this.active === 0) this.spentMs += Math.max(0, this.clock().getTime() - this.activeSince);
    }
  }

  /** `sleep`, charged to the budget; throws GitHubBudgetExceeded instead when the wait does not fit. */
  sleeper(sleep: Sleep, what: string): Sleep {
    return async (ms) => {
      if (!this.allows(ms)) throw new GitHubBudgetExceeded(this.totalMs, what);
      this.spentMs += ms;
      await sleep(ms);
    };
  }
}
