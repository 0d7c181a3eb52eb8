/** The GitHub client: Octokit with retries and rate-limit handling, within the run's GitHub time budget. */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../util/log.js';
import { WaitBudget } from './wait-budget.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface Repo {
  owner: string;
  repo: string;
}

/** The GitHub client and the pull request to comment on (undefined when none was found). */
export interface GitHubTarget {
  octokit: Octokit;
  pr?: number;
  /** What every GitHub request and wait of the run is charged to (about a minute in all). */
  budget: WaitBudget;
}

/** Rate-limit waits per request, at most; each must also fit the budget. */
const MAX_RATE_LIMIT_WAITS = 3;

/**
 * Whether to wait `retryAfterSeconds` for a rate limit and retry: only while the wait fits the run's
 * GitHub budget (a primary limit resetting in an hour, or a secondary limit with a long retry-after,
 * does not), and at most MAX_RATE_LIMIT_WAITS times per request. Pure apart from the budget's clock.
 */
export function shouldWaitForRateLimit(retryAfterSeconds: number, retryCount: number, budget: WaitBudget): boolean {
  return retryCount < MAX_RATE_LIMIT_WAITS && budget.allows(retryAfterSeconds * 1000);
}

/**
 * Octokit with retries of 5xx and rate limits honoured only while they fit `budget`; every request
 * (with its retries and waits) is timed against it, and none is sent once it is spent.
 */
export function createOctokit(token: string, log: Logger, baseUrl: string, budget: WaitBudget = new WaitBudget()): Octokit {
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    const request = `${options.method} ${options.url}`;
    if (shouldWaitForRateLimit(retryAfter, retryCount, budget)) {
      log.info(`GitHub ${kind} rate limit on ${request}; retrying in ${retryAfter} s.`);
      return true;
    }
    log.info(
      `GitHub ${kind} rate limit on ${request}: it lifts in ${retryAfter} s, more than this step waits for GitHub (about ${Math.round(budget.totalMs / 1000)} s in all); not retrying.`,
    );
    return false;
  };
  const octokit = getOctokit(
    token,
    {
      baseUrl,
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: 3 },
      // Octokit's own warnings (deprecations, plugin errors) go through the action's safe logger.
      log: {
        debug: () => {},
        info: () => {},
        warn: (m: string) => log.info(`GitHub client: ${m}`),
        error: (m: string) => log.info(`GitHub client: ${m}`),
      },
    },
    retry,
    throttling,
  );
  // Registered after the plugins, so it wraps them: the time measured includes their retries and waits.
  octokit.hook.wrap('request', (request, options) => budget.run(`${options.method} ${options.url}`, async () => request(options)));
  return octokit;
}
