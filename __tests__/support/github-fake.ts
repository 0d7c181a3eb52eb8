/**
 * A local, stateful fake of the few GitHub REST endpoints the action uses, checked against GitHub's
 * official OpenAPI description so it cannot drift from the real API.
 *
 * Every request it handles (path and query parameters, JSON body) and every response it sends
 * (status documented for the operation, body matching that status's schema) is validated with ajv
 * against `__tests__/fixtures/github-openapi.json` (extracted from npm `@octokit/openapi` by
 * `scripts/extract-openapi.mjs`). Problems are collected in `fake.violations`; tests of the action
 * assert it stays empty.
 *
 *   const gh = await startGitHubFake();                    // 127.0.0.1, random port
 *   gh.addPull('octo', 'repo', { number: 7, headSha: 'abc…' });
 *   const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
 *   …
 *   expect(gh.violations).toEqual([]);
 *   await gh.close();
 *
 * Tokens (header `authorization: token X` or `Bearer X`): by default `ghs_test` is a GITHUB_TOKEN-like
 * integration token (GET /user answers 403 "Resource not accessible by integration"; its comments are
 * authored by `github-actions[bot]`, type Bot) and `ghp_user` is the User `octocat`. Unknown → 401.
 *
 * Rules the fake applies like GitHub: comment bodies over 65536 characters → 422 "Validation Failed";
 * a request body that breaks the schema → 422 "Invalid request" (and a violation); `per_page` defaults
 * to 30, is capped at 100, and the `Link` header points at `/repositories/{id}/…` URLs.
 * One rule is stricter than GitHub, on purpose: only a comment's author may PATCH or DELETE it
 * (GitHub also lets collaborators with write access), so tests prove the action edits only its own.
 *
 * Statuses not documented for an operation are accepted only if GitHub may send them on any endpoint
 * (400, 401, 403, 404, 429, 5xx), with a body matching `basic-error`; anything else is a violation.
 *
 * Faults: `inject({ method, path, operationId, status | kind, body, headers, times })` makes matching
 * requests fail (`kind: 'secondary-rate-limit'` → 403 with `retry-after`, `kind: 'rate-limit'` → 403
 * with `x-ratelimit-remaining: 0`); `readOnly = true` makes every write answer 403 "Resource not
 * accessible by integration" (a fork PR's `pull_request` token); `latencyMs` delays each request.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// ───────────────────────────── public types ─────────────────────────────

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
  /** Comments on an issue/PR, oldest first, rendered as the API would. */
  commentsOn(owner: string, repo: string, issue: number): IssueComment[];
  inject(fault: Fault): InjectedFault;
  clearFaults(): void;
  close(): Promise<void>;
}

// ───────────────────────────── OpenAPI fixture and validation ─────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonObject;
  'x-multi-segment'?: boolean;
}

interface ResponseSpec {
  content?: { 'application/json'?: { schema: JsonObject } };
}

interface Operation {
  method: string;
  template: string;
  operationId: string;
  docsUrl: string;
  regex: RegExp;
  paramNames: string[];
  parameters: ParameterSpec[];
  requestBodySchema?: JsonObject;
  requestBodyRequired: boolean;
  responses: Record<string, ResponseSpec>;
}

const SCHEMA_ROOT = 'https://github-fake.invalid/openapi.json';
/** Statuses GitHub may answer on any endpoint (auth, rate limits, outages), documented or not. */
const GENERIC_STATUSES = new Set([400, 401, 403, 404, 429, 500, 502, 503, 504]);
const MAX_BODY_CHARS = 65536;

interface Spec {
  version: string;
  operations: Operation[];
  validate(key: string, schema: JsonObject): ValidateFunction;
}

let specSingleton: Spec | undefined;

/** Converts an OpenAPI 3.0 schema to JSON Schema 2020-12: `nullable` → type unions, refs → absolute. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace(/^#\/components\/schemas\//, `${SCHEMA_ROOT}#/$defs/`);
    } else if (key !== 'nullable' && key !== 'discriminator') {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function loadSpec(): Spec {
  if (specSingleton) return specSingleton;
  const doc = JSON.parse(
    readFileSync(new URL('../fixtures/github-openapi.json', import.meta.url), 'utf8'),
  ) as JsonObject;
  const components = doc.components as Record<string, Record<string, JsonObject>>;
  const deref = <T>(node: Json): T => {
    const ref = (node as JsonObject).$ref;
    if (typeof ref !== 'string') return node as T;
    const [, , section, name] = ref.split('/');
    return deref<T>(components[section][name]);
  };

  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  const defs: JsonObject = {};
  for (const [name, schema] of Object.entries(components.schemas)) defs[name] = toJsonSchema(schema);
  ajv.addSchema({ $id: SCHEMA_ROOT, $defs: defs });
  const cache = new Map<string, ValidateFunction>();

  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths as Record<string, Record<string, JsonObject>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = ((op.parameters ?? []) as Json[]).map((p) => deref<ParameterSpec>(p));
      const paramNames: string[] = [];
      const pattern = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const m = /^\{(.+)\}$/.exec(part);
          if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          paramNames.push(m[1]);
          const multi = parameters.find((p) => p.name === m[1])?.['x-multi-segment'];
          return multi ? '(.+)' : '([^/]+)';
        })
        .join('');
      const body = op.requestBody ? deref<JsonObject>(op.requestBody) : undefined;
      const bodyContent = body?.content as Record<string, { schema: JsonObject }> | undefined;
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, r] of Object.entries(op.responses as JsonObject)) responses[status] = deref<ResponseSpec>(r);
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(op.operationId),
        docsUrl: String((op.externalDocs as JsonObject | undefined)?.url ?? 'https://docs.github.com/rest'),
        regex: new RegExp(`^${pattern}$`),
        paramNames,
        parameters,
        requestBodySchema: bodyContent?.['application/json']?.schema,
        requestBodyRequired: body?.required === true,
        responses,
      });
    }
  }
  const version = String(((doc.info as JsonObject)['x-extracted-from'] as JsonObject).version);
  specSingleton = {
    version,
    operations,
    validate(key, schema) {
      let fn = cache.get(key);
      if (!fn) {
        fn = ajv.compile(toJsonSchema(schema) as object);
        cache.set(key, fn);
      }
      return fn;
    },
  };
  return specSingleton;
}

function describeErrors(errors: ErrorObject[] | null | undefined, limit = 5): string {
  const list = (errors ?? []).slice(0, limit).map((e) => {
    const where = e.instancePath || '(root)';
    const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
  const more = (errors?.length ?? 0) > limit ? ` (+${(errors?.length ?? 0) - limit} more)` : '';
  return list.join('; ') + more;
}

/** GitHub's wording for a body that breaks the operation's JSON schema. */
function githubSchemaMessage(errors: ErrorObject[] | null | undefined, data: unknown): string {
  const e = errors?.[0];
  if (!e) return 'Invalid request.';
  if (e.keyword === 'required') return `Invalid request.\n\n"${String(e.params.missingProperty)}" wasn't supplied.`;
  if (e.keyword === 'type') {
    const path = e.instancePath
      .split('/')
      .filter(Boolean)
      .map((p) => `properties/${p}`)
      .join('/');
    const value = e.instancePath
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((v, p) => (v as Record<string, unknown> | undefined)?.[p], data);
    return `Invalid request.\n\nFor '${path || 'links/0/schema'}', ${JSON.stringify(value)} is not ${
      /^[aeiou]/.test(String(e.params.type)) ? 'an' : 'a'
    } ${String(e.params.type)}.`;
  }
  return `Invalid request.\n\n${e.instancePath || 'body'} ${e.message ?? ''}`.trim();
}

// ───────────────────────────── state ─────────────────────────────

interface Actor {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  integration: boolean;
}

interface RepoState {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  visibility: 'public' | 'private' | 'internal';
  defaultBranch: string;
  createdAt: string;
  issues: Map<number, { number: number; pull?: Required<Omit<PullOptions, 'fromFork' | 'author'>> & { forkOwner?: string; author: string; id: number; createdAt: string } }>;
  commitPulls: Map<string, number[]>;
}

interface CommentState {
  id: number;
  repo: RepoState;
  issue: number;
  body: string;
  author: Actor;
  createdAt: string;
  updatedAt: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  injected?: boolean;
}

const KNOWN_IDS: Record<string, number> = { octocat: 583231, 'github-actions[bot]': 41898282, github: 9919 };
const ACTIONS_BOT: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot', integration: true };

function stableId(text: string, base = 1_000_000, span = 90_000_000): number {
  return base + (createHash('sha256').update(text).digest().readUInt32BE(0) % span);
}

function actorFor(identity: Identity): Actor {
  return { ...identity, id: KNOWN_IDS[identity.login] ?? stableId(identity.login), integration: false };
}

function iso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64').replace(/=+$/, '');
}

function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

// ───────────────────────────── the server ─────────────────────────────

export async function startGitHubFake(opts: FakeOptions = {}): Promise<GitHubFake> {
  const spec = loadSpec();
  const now = opts.now ?? (() => new Date());
  const tokens = new Map<string, TokenConfig>(
    Object.entries({ ghs_test: 'integration', ghp_user: { login: 'octocat', type: 'User' }, ...opts.tokens }),
  );
  const repos = new Map<string, RepoState>();
  const comments = new Map<number, CommentState>();
  const faults: InjectedFault[] = [];
  const violations: string[] = [];
  const requests: RecordedRequest[] = [];
  let nextRepoId = 1296269;
  let nextCommentId = 1_000_000_001;
  let nextPullId = 2_000_000_001;
  let rateRemaining = 5000;
  const rateReset = Math.floor(Date.now() / 1000) + 3600;
  let baseUrl = '';
  const htmlBase = 'https://github.com';

  const repoKey = (owner: string, repo: string): string => `${owner}/${repo}`.toLowerCase();
  const findRepo = (owner: string, repo: string): RepoState | undefined => repos.get(repoKey(owner, repo));

  function ensureRepo(owner: string, name: string, ro: RepoOptions = {}): RepoState {
    const existing = findRepo(owner, name);
    if (existing) return existing;
    const visibility = ro.visibility ?? (ro.private ? 'private' : 'public');
    const state: RepoState = {
      id: nextRepoId++,
      owner,
      name,
      private: ro.private ?? visibility !== 'public',
      visibility,
      defaultBranch: ro.defaultBranch ?? 'main',
      createdAt: iso(now()),
      issues: new Map(),
      commitPulls: new Map(),
    };
    repos.set(repoKey(owner, name), state);
    return state;
  }

  // ── rendering (shapes follow GitHub's schemas) ──

  function renderUser(actor: Pick<Actor, 'login' | 'id' | 'type'>): SimpleUser {
    const url = `${baseUrl}/users/${encodeURIComponent(actor.login)}`;
    const app = actor.type === 'Bot' ? /^(.+)\[bot\]$/.exec(actor.login)?.[1] : undefined;
    return {
      login: actor.login,
      id: actor.id,
      node_id: actor.type === 'Bot' ? `BOT_kgDO${b64(String(actor.id))}` : `U_kgDO${b64(String(actor.id))}`,
      avatar_url: app
        ? 'https://avatars.githubusercontent.com/in/15368?v=4'
        : `https://avatars.githubusercontent.com/u/${actor.id}?v=4`,
      gravatar_id: '',
      url,
      html_url: app ? `${htmlBase}/apps/${app}` : `${htmlBase}/${actor.login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: actor.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  function ownerActor(login: string): Actor {
    return { ...actorFor({ login, type: 'User' }) };
  }

  function renderRepo(repo: RepoState, full = false, forkOwner?: string): Record<string, unknown> {
    const owner = forkOwner ?? repo.owner;
    const fullName = `${owner}/${repo.name}`;
    const api = `${baseUrl}/repos/${fullName}`;
    const html = `${htmlBase}/${fullName}`;
    const id = forkOwner ? stableId(fullName, 3_000_000) : repo.id;
    const base: Record<string, unknown> = {
      id,
      node_id: `R_kgDO${b64(String(id))}`,
      name: repo.name,
      full_name: fullName,
      private: repo.private,
      owner: renderUser(ownerActor(owner)),
      html_url: html,
      description: null,
      fork: Boolean(forkOwner),
      url: api,
      forks_url: `${api}/forks`,
      keys_url: `${api}/keys{/key_id}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      teams_url: `${api}/teams`,
      hooks_url: `${api}/hooks`,
      issue_events_url: `${api}/issues/events{/number}`,
      events_url: `${api}/events`,
      assignees_url: `${api}/assignees{/user}`,
      branches_url: `${api}/branches{/branch}`,
      tags_url: `${api}/tags`,
      blobs_url: `${api}/git/blobs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      trees_url: `${api}/git/trees{/sha}`,
      statuses_url: `${api}/statuses/{sha}`,
      languages_url: `${api}/languages`,
      stargazers_url: `${api}/stargazers`,
      contributors_url: `${api}/contributors`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      commits_url: `${api}/commits{/sha}`,
      git_commits_url: `${api}/git/commits{/sha}`,
      comments_url: `${api}/comments{/number}`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      contents_url: `${api}/contents/{+path}`,
      compare_url: `${api}/compare/{base}...{head}`,
      merges_url: `${api}/merges`,
      archive_url: `${api}/{archive_format}{/ref}`,
      downloads_url: `${api}/downloads`,
      issues_url: `${api}/issues{/number}`,
      pulls_url: `${api}/pulls{/number}`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      labels_url: `${api}/labels{/name}`,
      releases_url: `${api}/releases{/id}`,
      deployments_url: `${api}/deployments`,
      created_at: repo.createdAt,
      updated_at: repo.createdAt,
      pushed_at: repo.createdAt,
      git_url: `git://github.com/${fullName}.git`,
      ssh_url: `git@github.com:${fullName}.git`,
      clone_url: `${html}.git`,
      svn_url: html,
      homepage: null,
      size: 0,
      stargazers_count: 0,
      watchers_count: 0,
      language: 'TypeScript',
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: false,
      disabled: false,
      open_issues_count: repo.issues.size,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      visibility: repo.visibility,
      forks: 0,
      open_issues: repo.issues.size,
      watchers: 0,
      default_branch: repo.defaultBranch,
    };
    if (!full) return base;
    return { ...base, temp_clone_token: '', network_count: 0, subscribers_count: 0 };
  }

  function renderComment(c: CommentState): IssueComment {
    const api = `${baseUrl}/repos/${c.repo.owner}/${c.repo.name}`;
    const kind = c.repo.issues.get(c.issue)?.pull ? 'pull' : 'issues';
    const comment: IssueComment = {
      url: `${api}/issues/comments/${c.id}`,
      html_url: `${htmlBase}/${c.repo.owner}/${c.repo.name}/${kind}/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${api}/issues/${c.issue}`,
      id: c.id,
      node_id: `IC_kwDO${b64(String(c.id))}`,
      user: renderUser(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      body: c.body,
      author_association: c.author.login.toLowerCase() === c.repo.owner.toLowerCase() ? 'OWNER' : 'NONE',
      reactions: {
        url: `${api}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      performed_via_github_app: c.author.integration ? renderActionsApp() : null,
    };
    return comment;
  }

  function renderActionsApp(): Record<string, unknown> {
    return {
      id: 15368,
      client_id: 'Iv1.05c79e9ad1f6bdfa',
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: renderUser({ login: 'github', id: 9919, type: 'Organization' }),
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${htmlBase}/apps/github-actions`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: {
        actions: 'write',
        checks: 'write',
        contents: 'write',
        deployments: 'write',
        issues: 'write',
        metadata: 'read',
        pull_requests: 'write',
        statuses: 'write',
      },
      events: ['check_run', 'check_suite', 'issue_comment', 'pull_request', 'push', 'workflow_run'],
    };
  }

  function renderPull(repo: RepoState, number: number, full: boolean): Record<string, unknown> {
    const pr = repo.issues.get(number)?.pull;
    if (!pr) throw new Error(`no PR #${number}`);
    const api = `${baseUrl}/repos/${repo.owner}/${repo.name}`;
    const html = `${htmlBase}/${repo.owner}/${repo.name}/pull/${number}`;
    const headOwner = pr.forkOwner ?? repo.owner;
    const author = renderUser(actorFor({ login: pr.author, type: 'User' }));
    const baseSha = fakeSha(`${repo.owner}/${repo.name}@${pr.baseRef}`);
    const mergedAt = pr.merged ? pr.createdAt : null;
    const commentCount = [...comments.values()].filter((c) => c.repo === repo && c.issue === number).length;
    const simple: Record<string, unknown> = {
      url: `${api}/pulls/${number}`,
      id: pr.id,
      node_id: `PR_kwDO${b64(String(pr.id))}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${number}`,
      number,
      state: pr.state,
      locked: false,
      title: pr.title,
      user: author,
      body: pr.body,
      created_at: pr.createdAt,
      updated_at: pr.createdAt,
      closed_at: pr.state === 'closed' ? pr.createdAt : null,
      merged_at: mergedAt,
      merge_commit_sha: fakeSha(`merge ${pr.headSha}`),
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      labels: [],
      milestone: null,
      draft: pr.draft,
      commits_url: `${api}/pulls/${number}/commits`,
      review_comments_url: `${api}/pulls/${number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      comments_url: `${api}/issues/${number}/comments`,
      statuses_url: `${api}/statuses/${pr.headSha}`,
      head: {
        label: `${headOwner}:${pr.headRef}`,
        ref: pr.headRef,
        sha: pr.headSha,
        user: renderUser(ownerActor(headOwner)),
        repo: renderRepo(repo, false, pr.forkOwner),
      },
      base: {
        label: `${repo.owner}:${pr.baseRef}`,
        ref: pr.baseRef,
        sha: baseSha,
        user: renderUser(ownerActor(repo.owner)),
        repo: renderRepo(repo),
      },
      _links: {
        self: { href: `${api}/pulls/${number}` },
        html: { href: html },
        issue: { href: `${api}/issues/${number}` },
        comments: { href: `${api}/issues/${number}/comments` },
        review_comments: { href: `${api}/pulls/${number}/comments` },
        review_comment: { href: `${api}/pulls/comments{/number}` },
        commits: { href: `${api}/pulls/${number}/commits` },
        statuses: { href: `${api}/statuses/${pr.headSha}` },
      },
      author_association:
        pr.author.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : pr.forkOwner ? 'CONTRIBUTOR' : 'COLLABORATOR',
      auto_merge: null,
      active_lock_reason: null,
    };
    if (!full) return simple;
    return {
      ...simple,
      merged: pr.merged,
      mergeable: pr.state === 'open' ? true : null,
      rebaseable: pr.state === 'open' ? true : null,
      mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
      merged_by: null,
      comments: commentCount,
      review_comments: 0,
      maintainer_can_modify: Boolean(pr.forkOwner),
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1,
    };
  }

  function renderPrivateUser(actor: Actor): Record<string, unknown> {
    return {
      ...renderUser(actor),
      name: actor.login === 'octocat' ? 'The Octocat' : null,
      company: null,
      blog: '',
      location: null,
      email: null,
      notification_email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2011-01-25T18:44:36Z',
      updated_at: '2024-01-01T00:00:00Z',
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
      plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
    };
  }

  // ── responses ──

  const error = (status: number, message: string, docsUrl: string, extra: Record<string, unknown> = {}): Reply => ({
    status,
    body: { message, ...extra, documentation_url: docsUrl, status: String(status) },
  });
  const notFound = (op: Operation): Reply => error(404, 'Not Found', op.docsUrl);

  function paginate<T>(items: T[], url: URL, repo: RepoState, restPath: string): Reply {
    const perPageRaw = Number(url.searchParams.get('per_page') ?? 30);
    const perPage = Number.isInteger(perPageRaw) && perPageRaw >= 1 ? Math.min(perPageRaw, 100) : 30;
    const pageRaw = Number(url.searchParams.get('page') ?? 1);
    const page = Number.isInteger(pageRaw) && pageRaw >= 1 ? pageRaw : 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const body = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (last > 1) {
      const link = (p: number, rel: string): string => {
        const q = new URLSearchParams(url.searchParams);
        q.set('page', String(p));
        return `<${baseUrl}/repositories/${repo.id}${restPath}?${q.toString()}>; rel="${rel}"`;
      };
      const parts: string[] = [];
      if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'));
      if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
      if (page > 1) parts.push(link(1, 'first'));
      headers.link = parts.join(', ');
    }
    return { status: 200, body, headers };
  }

  function bodyTooLong(op: Operation): Reply {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
          },
        ],
        documentation_url: op.docsUrl,
        status: '422',
      },
    };
  }

  /** Returns a 422 reply if the comment body is not acceptable to GitHub. */
  function checkCommentBody(op: Operation, body: string): Reply | undefined {
    if ([...body].length > MAX_BODY_CHARS) return bodyTooLong(op);
    if (body.trim() === '') {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
          documentation_url: op.docsUrl,
          status: '422',
        },
      };
    }
    return undefined;
  }

  // ── handlers, by operationId ──

  interface Ctx {
    op: Operation;
    params: Record<string, string | number>;
    url: URL;
    body: Record<string, unknown>;
    actor: Actor;
  }

  const handlers: Record<string, (ctx: Ctx) => Reply> = {
    'users/get-authenticated': ({ op, actor }) =>
      actor.integration ? error(403, 'Resource not accessible by integration', op.docsUrl) : { status: 200, body: renderPrivateUser(actor) },

    'repos/get': ({ op, params }) => {
      const repo = findRepo(String(params.owner), String(params.repo));
      return repo ? { status: 200, body: renderRepo(repo, true) } : notFound(op);
    },

    'pulls/get': ({ op, params }) => {
      const repo = findRepo(String(params.owner), String(params.repo));
      const number = Number(params.pull_number);
      if (!repo || !repo.issues.get(number)?.pull) return notFound(op);
      return { status: 200, body: renderPull(repo, number, true) };
    },

    'repos/list-pull-requests-associated-with-commit': ({ op, params, url }) => {
      const repo = findRepo(String(params.owner), String(params.repo));
      if (!repo) return notFound(op);
      const sha = String(params.commit_sha);
      // Like GitHub: a fork's unmerged commit is not in the base repository, so its PR is not listed
      // here (workflow_run payloads leave fork PRs out too); pulls?head=owner:branch finds it.
      const numbers =
        repo.commitPulls.get(sha) ??
        [...repo.issues.values()].filter((i) => i.pull?.headSha === sha && !i.pull.forkOwner).map((i) => i.number);
      const pulls = numbers.filter((n) => repo.issues.get(n)?.pull).map((n) => renderPull(repo, n, false));
      return paginate(pulls, url, repo, `/commits/${sha}/pulls`);
    },

    'pulls/list': ({ op, params, url }) => {
      const repo = findRepo(String(params.owner), String(params.repo));
      if (!repo) return notFound(op);
      const state = url.searchParams.get('state') ?? 'open';
      const head = url.searchParams.get('head');
      const pulls = [...repo.issues.values()]
        .filter((i) => i.pull && (state === 'all' || i.pull.state === state))
        .filter((i) => !head || `${i.pull!.forkOwner ?? repo.owner}:${i.pull!.headRef}` === head)
        .sort((a, b) => b.number - a.number)
        .map((i) => renderPull(repo, i.number, false));
      return paginate(pulls, url, repo, '/pulls');
    },

    'issues/list-comments': ({ op, params, url }) => {
      const repo = findRepo(String(params.owner), String(params.repo));
      const number = Number(params.issue_number);
      if (!repo || !repo.issues.has(number)) return notFound(op);
      const since = url.searchParams.get('since');
      const list = [...comments.values()]
        .filter((c) => c.repo === repo && c.issue === number)
        .filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since))
        .sort((a, b) => a.id - b.id)
        .map(renderComment);
      return paginate(list, url, repo, `/issues/${number}/comments`);
    },

    'issues/create-comment': ({ op, params, body, actor }) => {
      const repo = findRepo(String(params.owner), String(params.repo));
      const number = Number(params.issue_number);
      if (!repo || !repo.issues.has(number)) return notFound(op);
      const invalid = checkCommentBody(op, String(body.body));
      if (invalid) return invalid;
      const created = addComment(repo, number, String(body.body), actor);
      const rendered = renderComment(created);
      return { status: 201, body: rendered, headers: { location: rendered.url } };
    },

    'issues/get-comment': ({ op, params }) => {
      const c = findComment(params);
      return c ? { status: 200, body: renderComment(c) } : notFound(op);
    },

    'issues/update-comment': ({ op, params, body, actor }) => {
      const c = findComment(params);
      if (!c) return notFound(op);
      if (c.author.login !== actor.login) return error(403, 'Must have admin rights to Repository.', op.docsUrl);
      const invalid = checkCommentBody(op, String(body.body));
      if (invalid) return invalid;
      c.body = String(body.body);
      c.updatedAt = iso(now());
      return { status: 200, body: renderComment(c) };
    },

    'issues/delete-comment': ({ op, params, actor }) => {
      const c = findComment(params);
      if (!c) return notFound(op);
      if (c.author.login !== actor.login) return error(403, 'Must have admin rights to Repository.', op.docsUrl);
      comments.delete(c.id);
      return { status: 204 };
    },
  };

  function findComment(params: Record<string, string | number>): CommentState | undefined {
    const repo = findRepo(String(params.owner), String(params.repo));
    const c = comments.get(Number(params.comment_id));
    return c && c.repo === repo ? c : undefined;
  }

  function addComment(repo: RepoState, issue: number, body: string, author: Actor): CommentState {
    const at = iso(now());
    const c: CommentState = { id: nextCommentId++, repo, issue, body, author, createdAt: at, updatedAt: at };
    comments.set(c.id, c);
    return c;
  }

  // ── request pipeline ──

  function violation(text: string): void {
    violations.push(text);
  }

  function matchRoute(method: string, path: string): { op: Operation; raw: Record<string, string> } | undefined {
    for (const op of spec.operations) {
      if (op.method !== method) continue;
      const m = op.regex.exec(path);
      if (!m) continue;
      const raw: Record<string, string> = {};
      op.paramNames.forEach((name, i) => {
        raw[name] = decodeURIComponent(m[i + 1]);
      });
      return { op, raw };
    }
    return undefined;
  }

  /** Coerces a path or query string to the schema's type, as GitHub's router would. */
  function coerce(value: string, schema: JsonObject): string | number | boolean {
    if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }

  interface Checked {
    params: Record<string, string | number>;
    body: Record<string, unknown>;
    /** GitHub's answer to a request it would reject before handling. */
    reject?: Reply;
  }

  function checkRequest(op: Operation, raw: Record<string, string>, url: URL, text: string, contentType: string, label: string): Checked {
    const params: Record<string, string | number> = {};
    let reject: Reply | undefined;
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const value = coerce(raw[p.name] ?? '', p.schema);
      const validate = spec.validate(`${op.operationId} path ${p.name}`, p.schema);
      if (!validate(value)) {
        violation(`${label}: path parameter ${p.name}=${JSON.stringify(raw[p.name])}: ${describeErrors(validate.errors)}`);
        reject ??= notFound(op);
      }
      params[p.name] = typeof value === 'boolean' ? String(value) : value;
    }
    const known = new Set(op.parameters.filter((x) => x.in === 'query').map((x) => x.name));
    for (const name of new Set(url.searchParams.keys())) {
      if (!known.has(name)) violation(`${label}: unknown query parameter ${name}`);
    }
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      const value = url.searchParams.get(p.name);
      if (value === null) {
        if (p.required) violation(`${label}: missing query parameter ${p.name}`);
        continue;
      }
      const validate = spec.validate(`${op.operationId} query ${p.name}`, p.schema);
      if (!validate(coerce(value, p.schema))) {
        violation(`${label}: query parameter ${p.name}=${JSON.stringify(value)}: ${describeErrors(validate.errors)}`);
      }
    }

    let body: unknown = undefined;
    if (text.length > 0) {
      if (!/^application\/json\b/i.test(contentType)) violation(`${label}: request body sent as ${contentType || 'no content-type'}, not application/json`);
      try {
        body = JSON.parse(text);
      } catch {
        violation(`${label}: request body is not JSON`);
        reject ??= error(400, 'Problems parsing JSON', op.docsUrl);
      }
    }
    if (!op.requestBodySchema) {
      if (body !== undefined) violation(`${label}: request body sent to an operation that takes none`);
    } else if (!reject) {
      if (body === undefined && op.requestBodyRequired) {
        violation(`${label}: request body is required`);
        body = {};
      }
      const validate = spec.validate(`${op.operationId} request`, op.requestBodySchema);
      if (body !== undefined && !validate(body)) {
        violation(`${label}: request body: ${describeErrors(validate.errors)}`);
        reject ??= {
          status: 422,
          body: { message: githubSchemaMessage(validate.errors, body), documentation_url: op.docsUrl, status: '422' },
        };
      }
    }
    const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    return { params, body: obj, reject };
  }

  function checkResponse(op: Operation, reply: Reply, label: string): void {
    const documented = op.responses[String(reply.status)];
    if (!documented) {
      if (!GENERIC_STATUSES.has(reply.status)) {
        violation(`${label}: response status ${reply.status} is not documented for ${op.operationId}`);
        return;
      }
      const validate = spec.validate('basic-error', { $ref: '#/components/schemas/basic-error' });
      if (!validate(reply.body)) violation(`${label}: ${reply.status} response body: ${describeErrors(validate.errors)}`);
      return;
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) {
      if (reply.body !== undefined) violation(`${label}: ${reply.status} response must have no body`);
      return;
    }
    const validate = spec.validate(`${op.operationId} response ${reply.status}`, schema);
    if (!validate(reply.body)) violation(`${label}: ${reply.status} response body: ${describeErrors(validate.errors)}`);
  }

  function takeFault(method: string, path: string, op: Operation): InjectedFault | undefined {
    const fault = faults.find(
      (f) =>
        f.hits < (f.times ?? 1) &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.operationId || f.operationId === op.operationId) &&
        (f.path === undefined || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    if (fault) fault.hits += 1;
    return fault;
  }

  function faultReply(fault: InjectedFault, op: Operation): Reply {
    if (fault.kind === 'secondary-rate-limit') {
      return {
        status: fault.status ?? 403,
        headers: { 'retry-after': String(fault.retryAfter ?? 1), ...fault.headers },
        body: fault.body ?? {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
            'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(fault.status ?? 403),
        },
        injected: true,
      };
    }
    if (fault.kind === 'rate-limit') {
      return {
        status: fault.status ?? 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 1)),
          ...fault.headers,
        },
        body: fault.body ?? {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-rate-limit-for-the-github-rest-api',
          status: String(fault.status ?? 403),
        },
        injected: true,
      };
    }
    const status = fault.status ?? 500;
    return {
      status,
      headers: fault.headers,
      body: fault.body ?? (status === 204 ? undefined : { message: STATUS_CODES[status] ?? 'Error', documentation_url: op.docsUrl, status: String(status) }),
      injected: true,
    };
  }

  function authenticate(header: string | undefined): Actor | 'missing' | 'bad' {
    if (!header) return 'missing';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    const config = m ? tokens.get(m[1]) : undefined;
    if (!config) return 'bad';
    return config === 'integration' ? ACTIONS_BOT : actorFor(config);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(res: ServerResponse, reply: Reply): void {
    rateRemaining = Math.max(1, rateRemaining - 1);
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${requests.length.toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(rateRemaining),
      'x-ratelimit-reset': String(rateReset),
      'x-ratelimit-used': String(5000 - rateRemaining),
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const record: RecordedRequest = { method, path: url.pathname, query: url.search.replace(/^\?/, ''), status: 0 };
    const finish = (reply: Reply, op?: Operation): void => {
      const label = `${method} ${url.pathname}${url.search}`;
      if (op) checkResponse(op, reply, label);
      record.status = reply.status;
      if (reply.injected) record.injected = true;
      requests.push(record);
      send(res, reply);
    };

    const text = await readBody(req);
    // Pagination links use /repositories/{id}/…: route them as the /repos/{owner}/{repo}/… they stand for.
    let routedPath = url.pathname;
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(routedPath);
    if (byId) {
      const repo = [...repos.values()].find((r) => r.id === Number(byId[1]));
      if (repo) routedPath = `/repos/${repo.owner}/${repo.name}${byId[2] ?? ''}`;
    }
    const route = matchRoute(method, routedPath);
    if (!route) {
      violation(`unhandled route: ${method} ${url.pathname}`);
      finish({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
      return;
    }
    const { op } = route;
    record.operationId = op.operationId;

    const latency = typeof fake.latencyMs === 'function' ? fake.latencyMs({ method, path: url.pathname }) : fake.latencyMs;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    const label = `${method} ${url.pathname}${url.search}`;
    const checked = checkRequest(op, route.raw, url, text, String(req.headers['content-type'] ?? ''), label);

    const fault = takeFault(method, url.pathname, op);
    if (fault) return finish(faultReply(fault, op), op);

    const actor = authenticate(req.headers.authorization);
    if (actor === 'missing') return finish(error(401, 'Requires authentication', op.docsUrl), op);
    if (actor === 'bad') return finish(error(401, 'Bad credentials', 'https://docs.github.com/rest'), op);
    record.login = actor.login;
    if (checked.reject) return finish(checked.reject, op);
    if (fake.readOnly && method !== 'GET' && method !== 'HEAD') {
      return finish(error(403, 'Resource not accessible by integration', op.docsUrl), op);
    }
    const handler = handlers[op.operationId];
    if (!handler) {
      violation(`${label}: the fake has no handler for ${op.operationId}`);
      return finish({ status: 500, body: { message: 'Server Error' } }, op);
    }
    return finish(handler({ op, params: checked.params, url, body: checked.body, actor }), op);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      violation(`fake crashed on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Server Error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: GitHubFake = {
    url: baseUrl,
    violations,
    requests,
    readOnly: false,
    latencyMs: opts.latencyMs ?? 0,
    addToken(token, config) {
      tokens.set(token, config);
    },
    addRepo(owner, repo, ro = {}) {
      const existing = findRepo(owner, repo);
      if (existing) {
        const visibility = ro.visibility ?? (ro.private ? 'private' : ro.private === false ? 'public' : existing.visibility);
        existing.visibility = visibility;
        existing.private = ro.private ?? visibility !== 'public';
        if (ro.defaultBranch) existing.defaultBranch = ro.defaultBranch;
        return;
      }
      ensureRepo(owner, repo, ro);
    },
    addIssue(owner, repo, number) {
      const state = ensureRepo(owner, repo);
      if (!state.issues.has(number)) state.issues.set(number, { number });
    },
    addPull(owner, repo, pull) {
      const state = ensureRepo(owner, repo);
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
          id: nextPullId++,
          createdAt: iso(now()),
        },
      });
    },
    setCommitPulls(owner, repo, sha, numbers) {
      ensureRepo(owner, repo).commitPulls.set(sha, [...numbers]);
    },
    seedComment(owner, repo, issue, body, author) {
      const state = ensureRepo(owner, repo);
      if (!state.issues.has(issue)) state.issues.set(issue, { number: issue });
      const actor = !author || author.login === ACTIONS_BOT.login ? ACTIONS_BOT : actorFor(author);
      return renderComment(addComment(state, issue, body, actor));
    },
    commentsOn(owner, repo, issue) {
      const state = findRepo(owner, repo);
      return [...comments.values()]
        .filter((c) => c.repo === state && c.issue === issue)
        .sort((a, b) => a.id - b.id)
        .map(renderComment);
    },
    inject(fault) {
      if (fault.status === undefined && fault.kind === undefined) throw new Error('inject: give status or kind');
      const injected: InjectedFault = { ...fault, hits: 0 };
      faults.push(injected);
      return injected;
    },
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** The `@octokit/openapi` version the fixture was extracted from. */
export function openApiVersion(): string {
  return loadSpec().version;
}
