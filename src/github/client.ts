/** The GitHub client: Octokit with retries and rate-limit handling. */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../util/log.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface Repo {
  owner: string;
  repo: string;
}

/** The GitHub client and the pull request to comment on (undefined when none was found). */
export interface GitHubTarget {
  octokit: Octokit;
  pr?: number;
}

/** Octokit with retries of 5xx and honoured primary and secondary rate limits (up to 3 waits each). */
export function createOctokit(token: string, log: Logger, baseUrl: string): Octokit {
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    log.info(`GitHub ${kind} rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s.`);
    return retryCount < 3;
  };
  return getOctokit(
    token,
    { baseUrl, throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') }, retry: { retries: 3 } },
    retry,
    throttling,
  );
}
