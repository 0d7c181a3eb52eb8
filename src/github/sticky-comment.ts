/**
 * The sticky pull-request comment: merges this job's sections into the one comment the token's
 * identity owns, verifying the write because GitHub has no compare-and-swap.
 */
import { mergeComment, NOT_SHOWN } from '../render/comment-body.js';
import { isAtLeastAsNew } from '../render/section-record.js';
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
  /**
   * Every job's latest section of this comment as the bucket records them (publish/comment-records.ts):
   * what the comment must show as a whole. Sections missing from the comment, or older there, are
   * written back from these, whoever dropped them.
   */
  records?: { list(): Promise<SectionData[]> };
}

interface Comment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type: string } | null;
}

type Written = { comment: Comment; sections: SectionData[]; folded: boolean; created: boolean };

/**
 * Read, merge, write, then verify the comment as a whole after the last write; again, with jitter,
 * until it holds this job's sections and every recorded section (`o.records`) at least as new.
 * `sectionsFor` gets the current body (undefined when there is no comment yet) and returns the
 * sections to write; none means nothing to do. A write is never retried as it was sent (a 5xx may
 * have been applied, and its body was built from a read that may be stale): the next attempt reads
 * again. Duplicate sticky comments (racing creators, a retried POST) are folded into the oldest and
 * deleted, so there is only ever one.
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
  let why: string;
  // Listed again after every write (the verify step), and that listing feeds the next attempt.
  let recorded = (await o.records?.list()) ?? [];
  for (let attempt = 1; ; attempt++) {
    // This job's own sections in the last merge (the rest it wrote are restored records).
    let own = new Set<string>();
    const merge = (body: string | undefined) => {
      const mine = sectionsFor(body);
      own = new Set(mine.map((s) => s.id));
      return withRecorded(mine, recorded, body);
    };
    const written = await writeOnce(octokit, repo, issue, owner, merge, o);
    if (written === 'nothing') return undefined;
    if (typeof written !== 'string') {
      const { comment, sections, folded } = written;
      created ||= written.created;
      if (sections.length === 0 && !folded) return { id: comment.id, url: comment.html_url, created };
      await o.sleep(o.settleMs + random() * (o.settleMs / 5));
      recorded = (await o.records?.list()) ?? [];
      why = await verify(
        octokit,
        repo,
        issue,
        owner,
        comment.id,
        sections.filter((s) => own.has(s.id)),
        [...sections.filter((s) => !own.has(s.id)), ...recorded],
        o,
      );
      if (!why) return { id: comment.id, url: comment.html_url, created };
    } else why = written;
    if (attempt >= attempts) {
      throw new Error(
        `Could not keep this job's section in the pull-request comment after ${attempts} attempts (${why}): other jobs kept overwriting it.`,
      );
    }
    const delay = Math.round(200 + random() * 800 * attempt);
    o.log.info(`The comment ${why}; merging again in ${delay} ms (attempt ${attempt + 1}).`);
    await o.sleep(delay);
  }
}

/**
 * This job's sections (unless `body` already shows a newer rendering of one, from a later run), plus
 * every recorded section that `body` lacks or shows older.
 */
function withRecorded(own: SectionData[], recorded: SectionData[], body: string | undefined): SectionData[] {
  const shown = parseSections(body ?? '');
  const newer = (s: SectionData) => (Date.parse(shown.get(s.id)?.meta?.updatedAt ?? '') || 0) > Date.parse(s.updatedAt);
  const mine = new Set(own.map((s) => s.id));
  const restore = recorded.filter((r) => !mine.has(r.id) && !isAtLeastAsNew(shown.get(r.id)?.meta?.updatedAt, r));
  return [...own.filter((s) => !newer(s)), ...restore];
}

/**
 * Why the comment, read again after the last write, is not yet what it must be ('' when it is): one
 * comment of ours, holding this job's own sections and the `recorded` ones (restored by this job or
 * listed in the bucket) at least as new.
 * A recorded section the body announces as cut for the size limit is excused (another job's merge
 * left it out, and writing it back would cut another); this job's own never is: a write that drops
 * it, for whatever reason, is merged again (this job's merge keeps its own section).
 */
async function verify(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  owner: Owner,
  id: number,
  own: SectionData[],
  recorded: SectionData[],
  o: UpsertOptions,
): Promise<string> {
  const ours = await listOurs(octokit, repo, issue, owner, o.marker).catch(() => undefined);
  if (!ours) return 'could not be read back';
  if (ours.length !== 1 || ours[0].id !== id) return `is not the only one of this action (${ours.length} found)`;
  const found = parseSections(ours[0].body ?? '');
  const sizeCut = (ours[0].body ?? '').includes(NOT_SHOWN);
  const mine = new Set(own.map((s) => s.id));
  const required = [...own, ...(sizeCut ? [] : recorded.filter((r) => !mine.has(r.id)))];
  const missing = required.filter((s) => !isAtLeastAsNew(found.get(s.id)?.meta?.updatedAt, s));
  return missing.length === 0 ? '' : `lost section ${missing[0].id} to a concurrent write`;
}

/**
 * One read-merge-write: the write's outcome, 'nothing' (no comment and nothing to write), or why it
 * must be read again: deleted meanwhile (404), or GitHub failed the write (5xx, perhaps applied).
 */
async function writeOnce(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  owner: Owner,
  sectionsFor: (body: string | undefined) => SectionData[],
  o: UpsertOptions,
): Promise<Written | 'nothing' | string> {
  const ours = await listOurs(octokit, repo, issue, owner, o.marker);
  // A write goes out once: GitHub may have applied one it answered 5xx, and a resend would carry a stale body.
  const once = { request: { retries: 0 } };
  return settled(async () => {
    if (ours.length === 0) {
      const sections = sectionsFor(undefined);
      if (sections.length === 0) return 'nothing';
      const body = sections.reduce<string | undefined>((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), undefined)!;
      const comment = (await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body, ...once })).data as Comment;
      return { comment, sections, folded: false, created: true };
    }
    // A fresh read right before the write keeps the read-to-write window to two requests.
    const fresh = (await octokit.rest.issues.getComment({ ...repo, comment_id: ours[0].id })).data as Comment;
    // Only our own duplicates are folded in and deleted: `ours` holds only comments of the token's identity.
    const merged = ours.slice(1).reduce((body, d) => withSectionsOf(body, d.body ?? ''), fresh.body ?? '');
    const sections = sectionsFor(merged);
    if (sections.length === 0 && ours.length === 1) return { comment: fresh, sections, folded: false, created: false };
    const body = sections.reduce((b, s) => mergeComment(b, s, { marker: o.marker, now: o.now() }), merged);
    const comment = (await octokit.rest.issues.updateComment({ ...repo, comment_id: fresh.id, body, ...once })).data as Comment;
    for (const duplicate of ours.slice(1)) {
      await octokit.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id }).catch(() => undefined);
    }
    return { comment, sections, folded: ours.length > 1, created: false };
  });
}

/** `fn`'s result, or why the comment must be read again: deleted meanwhile (404), or a failed write (5xx). */
async function settled<T>(fn: () => Promise<T>): Promise<T | string> {
  try {
    return await fn();
  } catch (error) {
    const status = (error as { status?: number }).status ?? 0;
    if (status === 404) return 'was deleted while it was being updated';
    if (status >= 500) return `write got HTTP ${status} from GitHub (it may or may not have been applied)`;
    throw error;
  }
}

/** `body` plus the sections of `other` that it lacks (raw blocks; mergeComment re-renders the header). */
function withSectionsOf(body: string, other: string): string {
  const have = parseSections(body);
  const extra = [...parseSections(other).values()].filter((s) => !have.has(s.id)).map((s) => s.raw);
  return [body, ...extra].join('\n\n');
}

/**
 * Our sticky comments on the PR, oldest first: by the token's identity and ours by their form (the
 * body begins with the marker), never one that merely contains it, such as a comment quoting ours.
 */
async function listOurs(octokit: Octokit, repo: Repo, issue: number, owner: Owner, marker: string): Promise<Comment[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) as Comment[];
  return all.filter((c) => owner(c.user) && isOurForm(c.body ?? '', marker)).sort((a, b) => a.id - b.id);
}

/** The comment is one the action wrote: its first line is exactly the marker. */
export function isOurForm(body: string, marker: string): boolean {
  return body === marker || body.startsWith(`${marker}\n`) || body.startsWith(`${marker}\r\n`);
}
