/** The fake's public types: options, faults, recorded requests, and the `GitHubFake` handle itself. */

export interface Identity {
  login: string;
  type: 'User' | 'Bot';
}

/** `'integration'`: a GITHUB_TOKEN-like installation token acting as `github-actions[bot]`. */
export type TokenConfig = Identity | 'integration';

export interface FakeOptions {
  /** Added to (and overriding) the default tokens `ghs_test` (integration) and `ghp_user` (octocat). */
  tokens?: Record<string, TokenConfig>;
  /** Delay before each request is handled, to make concurrent writers interleave. */
  latencyMs?: number | ((req: { method: string; path: string }) => number);
  /** Clock for created_at/updated_at (default: real time). */
  now?: () => Date;
}

export interface Fault {
  method?: string;
  /** RegExp tested on the URL path, or an exact path. */
  path?: RegExp | string;
  operationId?: string;
  /** Required unless `kind` gives it. */
  status?: number;
  kind?: 'secondary-rate-limit' | 'rate-limit';
  /** Seconds, for `kind: 'secondary-rate-limit'` (default 1). */
  retryAfter?: number;
  /** JSON body (default: a GitHub-like `{message, documentation_url, status}`). */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1; `Infinity` for all). */
  times?: number;
  /** Asked for each matching request: false lets it through (e.g. a seeded coin for "now and then"). */
  pick?: () => boolean;
  /**
   * `'after'`: the request is handled (a write applied) and then answered with the fault, as when a
   * gateway times out on a write that went through. Default `'before'`: never handled.
   */
  when?: 'before' | 'after';
}

export interface InjectedFault extends Fault {
  /** Matching requests answered by this fault so far. */
  hits: number;
}

export interface RecordedRequest {
  method: string;
  /** URL path as requested (pagination links use `/repositories/{id}/…`). */
  path: string;
  /** Query string without `?` ('' if none). */
  query: string;
  operationId?: string;
  status: number;
  /** Login of the token's identity, if it authenticated. */
  login?: string;
  /** Answered by an injected fault. */
  injected?: boolean;
}

export interface PullOptions {
  number: number;
  headSha: string;
  headRef?: string;
  baseRef?: string;
  /** true, or the fork owner's login (default fork owner: `contributor`). */
  fromFork?: boolean | string;
  title?: string;
  body?: string | null;
  /** PR author's login (default: the fork owner, else the repo owner). */
  author?: string;
  state?: 'open' | 'closed';
  merged?: boolean;
  draft?: boolean;
}

export interface RepoOptions {
  private?: boolean;
  /** Default: 'private' if `private`, else 'public'. 'internal' implies private. */
  visibility?: 'public' | 'private' | 'internal';
  defaultBranch?: string;
}

export interface SimpleUser {
  login: string;
  id: number;
  node_id: string;
  type: string;
  url: string;
  html_url: string;
  [key: string]: unknown;
}

/** An issue comment as the REST API renders it. */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: string;
  [key: string]: unknown;
}

export interface GitHubFake {
  /** Base URL, e.g. `http://127.0.0.1:41234`: pass as octokit `baseUrl` / `GITHUB_API_URL`. */
  readonly url: string;
  /** Readable descriptions of every request or response that broke the OpenAPI description. */
  readonly violations: string[];
  /** Every request handled, in order. */
  readonly requests: RecordedRequest[];
  /** When true, every write answers 403 "Resource not accessible by integration". */
  readOnly: boolean;
  latencyMs: number | ((req: { method: string; path: string }) => number);
  /**
   * Called with each routed request just before it is handled (after `latencyMs`, before faults), so
   * a test can change the state in between, e.g. delete a comment someone else deleted meanwhile.
   */
  beforeHandle: ((req: { method: string; path: string; operationId: string }) => void) | undefined;
  /** Deletes a comment without a request, as a person in the web UI would. */
  removeComment(id: number): void;
  addToken(token: string, config: TokenConfig): void;
  addRepo(owner: string, repo: string, opts?: RepoOptions): void;
  /** A plain issue (PRs are also issues: `addPull` is enough for PR comments). Creates the repo if needed. */
  addIssue(owner: string, repo: string, number: number): void;
  /** Creates the repo if needed. GET commits/{headSha}/pulls lists it unless `setCommitPulls` says otherwise. */
  addPull(owner: string, repo: string, pull: PullOptions): void;
  /** Overrides which PRs GET commits/{sha}/pulls returns for `sha` (e.g. [] for a fork PR's commit). */
  setCommitPulls(owner: string, repo: string, sha: string, numbers: number[]): void;
  /** Adds a comment without a request (default author: github-actions[bot]). */
  seedComment(owner: string, repo: string, issue: number, body: string, author?: Identity): IssueComment;
  /** The commit statuses of `sha`, oldest first, rendered as the API would. */
  statusesOf(owner: string, repo: string, sha: string): Record<string, unknown>[];
  /** Comments on an issue/PR, oldest first, rendered as the API would. */
  commentsOn(owner: string, repo: string, issue: number): IssueComment[];
  inject(fault: Fault): InjectedFault;
  clearFaults(): void;
  close(): Promise<void>;
}
