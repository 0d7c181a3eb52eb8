/**
 * What the fake knows, in memory: tokens and the identities they stand for, repositories with their
 * issues and pull requests, and comments. Handlers read and change it; `render*` turns it into API
 * shapes. Ids are stable (hashes of logins) or counters, so tests and logs read the same every run.
 */
import { createHash } from 'node:crypto';
import type { FakeOptions, Identity, PullOptions, RepoOptions, TokenConfig } from './types.ts';

/** Who a token acts as. `integration`: an installation token (GITHUB_TOKEN). */
export interface Actor {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  integration: boolean;
}

export type PullState = Required<Omit<PullOptions, 'fromFork' | 'author'>> & {
  forkOwner?: string;
  author: string;
  id: number;
  createdAt: string;
};

/** An issue; a pull request is an issue with `pull`. */
export interface IssueState {
  number: number;
  pull?: PullState;
}

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  visibility: 'public' | 'private' | 'internal';
  defaultBranch: string;
  createdAt: string;
  issues: Map<number, IssueState>;
  /** Overrides of which PRs GET commits/{sha}/pulls lists for a sha. */
  commitPulls: Map<string, number[]>;
  /** Commit statuses by commit SHA, oldest first. */
  statuses: Map<string, StatusState[]>;
}

export interface StatusState {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: Actor;
  createdAt: string;
}

export interface CommentState {
  id: number;
  repo: RepoState;
  issue: number;
  body: string;
  author: Actor;
  createdAt: string;
  updatedAt: string;
}

const KNOWN_IDS: Record<string, number> = { octocat: 583231, 'github-actions[bot]': 41898282, github: 9919 };
export const ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot', integration: true };

/** A number in [base, base + span) derived from `text`: the same every run. */
export function stableId(text: string, base = 1_000_000, span = 90_000_000): number {
  return base + (createHash('sha256').update(text).digest().readUInt32BE(0) % span);
}

export function actorFor(identity: Identity): Actor {
  return { ...identity, id: KNOWN_IDS[identity.login] ?? stableId(identity.login), integration: false };
}

/** GitHub's timestamp format: seconds precision, `Z`. */
export function iso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export class FakeState {
  readonly tokens: Map<string, TokenConfig>;
  readonly repos = new Map<string, RepoState>();
  readonly comments = new Map<number, CommentState>();
  readonly now: () => Date;
  /** The server's base URL, set once it listens; API URLs in responses start with it. */
  baseUrl = '';
  readonly htmlBase = 'https://github.com';
  private nextRepoId = 1296269;
  private nextCommentId = 1_000_000_001;
  private nextPullId = 2_000_000_001;
  private nextStatusId = 3_000_000_001;

  addStatus(repo: RepoState, s: Omit<StatusState, 'id' | 'createdAt'>): StatusState {
    const status: StatusState = { ...s, id: this.nextStatusId++, createdAt: iso(this.now()) };
    const list = repo.statuses.get(s.sha) ?? [];
    list.push(status);
    repo.statuses.set(s.sha, list);
    return status;
  }

  constructor(opts: FakeOptions) {
    this.now = opts.now ?? (() => new Date());
    this.tokens = new Map<string, TokenConfig>(
      Object.entries({ ghs_test: 'integration', ghp_user: { login: 'octocat', type: 'User' }, ...opts.tokens }),
    );
  }

  /** The identity behind an `authorization` header: `token X` or `Bearer X`. */
  authenticate(header: string | undefined): Actor | 'missing' | 'bad' {
    if (!header) return 'missing';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    const config = m ? this.tokens.get(m[1]) : undefined;
    if (!config) return 'bad';
    return config === 'integration' ? ACTIONS_BOT : actorFor(config);
  }

  /** Owner and name are case-insensitive, as on GitHub. */
  findRepo(owner: string, repo: string): RepoState | undefined {
    return this.repos.get(repoKey(owner, repo));
  }

  repoById(id: number): RepoState | undefined {
    return [...this.repos.values()].find((r) => r.id === id);
  }

  ensureRepo(owner: string, name: string, ro: RepoOptions = {}): RepoState {
    const existing = this.findRepo(owner, name);
    if (existing) return existing;
    const visibility = ro.visibility ?? (ro.private ? 'private' : 'public');
    const state: RepoState = {
      id: this.nextRepoId++,
      owner,
      name,
      private: ro.private ?? visibility !== 'public',
      visibility,
      defaultBranch: ro.defaultBranch ?? 'main',
      createdAt: iso(this.now()),
      issues: new Map(),
      commitPulls: new Map(),
      statuses: new Map(),
    };
    this.repos.set(repoKey(owner, name), state);
    return state;
  }

  /** Creates the repo, or changes the visibility and default branch of an existing one. */
  addRepo(owner: string, repo: string, ro: RepoOptions = {}): void {
    const existing = this.findRepo(owner, repo);
    if (!existing) {
      this.ensureRepo(owner, repo, ro);
      return;
    }
    const visibility = ro.visibility ?? (ro.private ? 'private' : ro.private === false ? 'public' : existing.visibility);
    existing.visibility = visibility;
    existing.private = ro.private ?? visibility !== 'public';
    if (ro.defaultBranch) existing.defaultBranch = ro.defaultBranch;
  }

  addIssue(owner: string, repo: string, number: number): RepoState {
    const state = this.ensureRepo(owner, repo);
    if (!state.issues.has(number)) state.issues.set(number, { number });
    return state;
  }

  addPull(owner: string, repo: string, pull: PullOptions): void {
    const state = this.ensureRepo(owner, repo);
    const forkOwner = pull.fromFork === true ? 'contributor' : pull.fromFork || undefined;
    state.issues.set(pull.number, {
      number: pull.number,
      pull: {
        number: pull.number,
        headSha: pull.headSha,
        headRef: pull.headRef ?? 'feature',
        baseRef: pull.baseRef ?? state.defaultBranch,
        title: pull.title ?? `Pull request #${pull.number}`,
        body: pull.body ?? null,
        author: pull.author ?? forkOwner ?? owner,
        state: pull.state ?? 'open',
        merged: pull.merged ?? false,
        draft: pull.draft ?? false,
        forkOwner,
        id: this.nextPullId++,
        createdAt: iso(this.now()),
      },
    });
  }

  addComment(repo: RepoState, issue: number, body: string, author: Actor): CommentState {
    const at = iso(this.now());
    const c: CommentState = { id: this.nextCommentId++, repo, issue, body, author, createdAt: at, updatedAt: at };
    this.comments.set(c.id, c);
    return c;
  }

  /** The comment `comment_id` if it belongs to the repository `owner`/`repo`. */
  findComment(params: Record<string, string | number>): CommentState | undefined {
    const repo = this.findRepo(String(params.owner), String(params.repo));
    const c = this.comments.get(Number(params.comment_id));
    return c && c.repo === repo ? c : undefined;
  }

  /** Comments on an issue, oldest first (`repo` undefined: none). */
  commentsOn(repo: RepoState | undefined, issue: number): CommentState[] {
    return [...this.comments.values()].filter((c) => c.repo === repo && c.issue === issue).sort((a, b) => a.id - b.id);
  }
}

function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}
