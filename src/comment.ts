/**
 * Step: the sticky pull-request comment. Finds the PR, then merges this job's section into the one
 * comment the token's identity owns, verifying the write because GitHub has no compare-and-swap.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { mergeComment, parseSections, SectionData } from './comment-body.js';
import { Sleep } from './retry.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface Repo {
  owner: string;
  repo: string;
}

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

/** Octokit with retries of 5xx and honoured primary and secondary rate limits (up to 3 waits each). */
export function createOctokit(token: string, log: Log, baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com'): Octokit {
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

/**
 * The pull request of this run: `known` (input or event payload), else the open PR whose head is
 * `sha` (the `workflow_run` and `push` case). GitHub's commit lookup misses fork PRs (their commits
 * are not in the base repository, and `workflow_run` payloads leave them out), so the head branch
 * (`fork-owner:branch`) is the fallback.
 */
export async function findPullRequest(octokit: Octokit, repo: Repo, sha: string, known?: number, head?: { owner: string; branch: string }): Promise<number | undefined> {
  if (known !== undefined) return known;
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  // Only open PRs: a merge commit pushed to main belongs to a closed PR whose artifacts are cleaned up.
  const open = data.filter((pr) => pr.state === 'open');
  const found = (open.find((pr) => pr.head.sha === sha) ?? open[0])?.number;
  if (found !== undefined || !head) return found;
  const { data: byHead } = await octokit.rest.pulls.list({ ...repo, state: 'open', head: `${head.owner}:${head.branch}` });
  return byHead.find((pr) => pr.head.sha === sha)?.number;
}

/** Whether the comment author is the token's own identity (a user, or any bot for app tokens). */
export type Owner = (user: { login: string; type: string } | null | undefined) => boolean;

export async function tokenOwner(octokit: Octokit): Promise<Owner> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return (user) => user?.login === data.login;
  } catch {
    // Installation tokens (GITHUB_TOKEN, GitHub Apps) cannot read /user; they post as a bot.
    return (user) => user?.type === 'Bot';
  }
}

export interface UpsertOptions {
  marker: string;
  now: () => Date;
  sleep: Sleep;
  random?: () => number;
  log: Log;
  /** Attempts before giving up on a lost race. */
  attempts?: number;
}

interface Comment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type: string } | null;
}

/**
 * After a verified write, wait past the window in which a concurrent job may still land a write
 * based on an older read (its GET-then-PATCH), then verify again.
 */
const SETTLE_MS = 2_500;

/**
 * Read, merge, write, re-read to verify; retry with jitter when a concurrent job's write dropped
 * one of our sections. `sectionsFor` gets the current body (undefined when there is no comment yet)
 * and returns the sections to write; none means nothing to do. Duplicate sticky comments (from racing
 * creators or a retried POST) are folded into the oldest and deleted, so there is only ever one.
 */
export async function updateSticky(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  owner: Owner,
  sectionsFor: (body: string | undefined) => SectionData[],
  o: UpsertOptions,
): Promise<{ id: number; url: string } | undefined> {
  const random = o.random ?? Math.random;
  const attempts = o.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    const ours = await listOurs(octokit, repo, issue, owner, o.marker);
    let comment: Comment;
    let sections: SectionData[];
    if (ours.length === 0) {
      sections = sectionsFor(undefined);
      if (sections.length === 0) return undefined;
      const body = sections.reduce<string | undefined>((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), undefined)!;
      comment = (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data as Comment;
    } else {
      // A fresh read right before the write keeps the read-to-write window to two requests.
      const fresh = (await octokit.rest.issues.getComment({ ...repo, comment_id: ours[0].id })).data as Comment;
      const merged = ours.slice(1).reduce((body, d) => withSectionsOf(body, d.body ?? ''), fresh.body ?? '');
      sections = sectionsFor(merged);
      if (sections.length === 0 && ours.length === 1) return { id: fresh.id, url: fresh.html_url };
      const body = sections.reduce((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), merged);
      comment = (await octokit.rest.issues.updateComment({ ...repo, comment_id: fresh.id, body })).data as Comment;
      for (const duplicate of ours.slice(1)) {
        await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id }).catch(() => undefined);
      }
    }
    if ((await holds(octokit, repo, comment.id, sections)) && (await o.sleep(SETTLE_MS + random() * 500), await holds(octokit, repo, comment.id, sections))) {
      const after = await listOurs(octokit, repo, issue, owner, o.marker);
      if (after.length === 1 && after[0].id === comment.id) return { id: comment.id, url: comment.html_url };
    }
    if (attempt >= attempts) {
      throw new Error(`Could not keep this job's section in the pull-request comment after ${attempts} attempts: other jobs kept overwriting it.`);
    }
    const delay = Math.round(200 + random() * 800 * attempt);
    o.log.info(`Another job updated the comment at the same time; merging again in ${delay} ms (attempt ${attempt + 1}).`);
    await o.sleep(delay);
  }
}

/** `body` plus the sections of `other` that it lacks (raw blocks; mergeComment re-renders the header). */
function withSectionsOf(body: string, other: string): string {
  const have = parseSections(body);
  const extra = [...parseSections(other).values()].filter((s) => !have.has(s.id)).map((s) => s.raw);
  return [body, ...extra].join('\n\n');
}

/** Our sticky comments on the PR, oldest first. */
async function listOurs(octokit: Octokit, repo: Repo, issue: number, owner: Owner, marker: string): Promise<Comment[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) as Comment[];
  return all.filter((c) => owner(c.user) && (c.body ?? '').includes(marker)).sort((a, b) => a.id - b.id);
}

/** True when comment `id` exists and holds exactly these renderings of the sections. */
async function holds(octokit: Octokit, repo: Repo, id: number, sections: SectionData[]): Promise<boolean> {
  const { data } = await octokit.rest.issues.getComment({ ...repo, comment_id: id }).catch(() => ({ data: undefined }));
  const found = parseSections(data?.body ?? '');
  return sections.every((s) => found.get(s.id)?.meta?.updatedAt === s.updatedAt);
}
