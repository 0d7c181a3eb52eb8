/**
 * The sticky pull-request comment: merges this job's sections into the one comment the token's
 * identity owns, verifying the write because GitHub has no compare-and-swap.
 */
import { mergeComment } from '../render/comment-body.js';
import { parseSections, SectionData } from '../render/markers.js';
import type { Logger } from '../util/log.js';
import type { Sleep } from '../util/retry.js';
import type { Octokit, Repo } from './client.js';

/** Whether a comment's author is the token's own identity. */
export type Owner = (user: { login: string; type: string } | null | undefined) => boolean;

/** Who the workflow's GITHUB_TOKEN posts as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The token's identity: the /user login when the token can read it (a personal or user token),
 * else `github-actions[bot]`, since installation tokens such as GITHUB_TOKEN cannot read /user (403).
 * Never "any bot": another bot's comment that carries our marker is not ours. Other errors are thrown
 * (a wrong guess would make the action ignore its own comment and post another).
 */
export async function tokenOwner(octokit: Octokit): Promise<Owner> {
  let login: string;
  try {
    login = (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    login = ACTIONS_BOT_LOGIN;
  }
  return (user) => user?.login === login;
}

export interface UpsertOptions {
  marker: string;
  now: () => Date;
  sleep: Sleep;
  random?: () => number;
  log: Logger;
  /** Attempts before giving up on a lost race. */
  attempts?: number;
  /**
   * After a verified write, the wait past the window in which a concurrent job may still land a write
   * based on an older read (its GET-then-PATCH) before verifying again (config/context.ts).
   */
  settleMs: number;
}

interface Comment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type: string } | null;
}

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
): Promise<{ id: number; url: string; created: boolean } | undefined> {
  const random = o.random ?? Math.random;
  const attempts = o.attempts ?? 10;
  /** This run posted the comment (on any attempt), rather than editing one that was there. */
  let created = false;
  for (let attempt = 1; ; attempt++) {
    const written = await writeOnce(octokit, repo, issue, owner, sectionsFor, o);
    if (written === 'nothing') return undefined;
    if (written !== 'gone') {
      const { comment, sections, folded } = written;
      created ||= written.created;
      if (sections.length === 0 && !folded) return { id: comment.id, url: comment.html_url, created };
      if (
        (await holds(octokit, repo, comment.id, sections)) &&
        (await o.sleep(o.settleMs + random() * (o.settleMs / 5)), await holds(octokit, repo, comment.id, sections))
      ) {
        const after = await listOurs(octokit, repo, issue, owner, o.marker);
        if (after.length === 1 && after[0].id === comment.id) return { id: comment.id, url: comment.html_url, created };
      }
    }
    if (attempt >= attempts) {
      throw new Error(
        `Could not keep this job's section in the pull-request comment after ${attempts} attempts: other jobs kept overwriting it.`,
      );
    }
    if (written === 'gone') {
      o.log.info(`The comment was deleted while it was being updated; writing it again (attempt ${attempt + 1}).`);
      continue;
    }
    const delay = Math.round(200 + random() * 800 * attempt);
    o.log.info(`Another job updated the comment at the same time; merging again in ${delay} ms (attempt ${attempt + 1}).`);
    await o.sleep(delay);
  }
}

/**
 * One read-merge-write. 'nothing': no comment and nothing to write; 'gone': the comment was deleted
 * between the read and the write (404), so the next attempt creates it again.
 */
async function writeOnce(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  owner: Owner,
  sectionsFor: (body: string | undefined) => SectionData[],
  o: UpsertOptions,
): Promise<{ comment: Comment; sections: SectionData[]; folded: boolean; created: boolean } | 'nothing' | 'gone'> {
  const ours = await listOurs(octokit, repo, issue, owner, o.marker);
  if (ours.length === 0) {
    const sections = sectionsFor(undefined);
    if (sections.length === 0) return 'nothing';
    const body = sections.reduce<string | undefined>((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), undefined)!;
    const comment = (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data as Comment;
    return { comment, sections, folded: false, created: true };
  }
  return ifFound(async () => {
    // A fresh read right before the write keeps the read-to-write window to two requests.
    const fresh = (await octokit.rest.issues.getComment({ ...repo, comment_id: ours[0].id })).data as Comment;
    // Only our own duplicates are folded in and deleted: `ours` holds only comments of the token's identity.
    const merged = ours.slice(1).reduce((body, d) => withSectionsOf(body, d.body ?? ''), fresh.body ?? '');
    const sections = sectionsFor(merged);
    if (sections.length === 0 && ours.length === 1) return { comment: fresh, sections, folded: false, created: false };
    const body = sections.reduce((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), merged);
    const comment = (await octokit.rest.issues.updateComment({ ...repo, comment_id: fresh.id, body })).data as Comment;
    for (const duplicate of ours.slice(1)) {
      await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id }).catch(() => undefined);
    }
    return { comment, sections, folded: ours.length > 1, created: false };
  });
}

/** `fn`'s result, or 'gone' when it met a 404 (the comment was deleted meanwhile). */
async function ifFound<T>(fn: () => Promise<T>): Promise<T | 'gone'> {
  try {
    return await fn();
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 'gone';
    throw error;
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
