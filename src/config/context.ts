/**
 * The one reader of the runner's environment (`process.env`) and of the event payload: the workflow
 * run as a typed `RunContext`, and the few other variables the action uses as a typed `Env`.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /** The commit the artifacts were built from: the PR head on pull_request events, not the merge commit. */
  sha: string;
  ref: string;
  runId: string;
  runAttempt: string;
  job: string;
  /** The workflow's name (GITHUB_WORKFLOW). */
  workflow: string;
  /**
   * The workflow file, `owner/repo/.github/workflows/ci.yml` (GITHUB_WORKFLOW_REF without `@ref`), else
   * the workflow's name: two workflows with a job of the same id are told apart by it.
   */
  workflowPath: string;
  /** GITHUB_ACTION: this step's id, or `__owner_repo` (`__owner_repo_2` for a second use in the job). */
  step: string;
  runUrl: string;
  serverUrl: string;
  /** PR number from the `pr-number` input or the event payload; the commit lookup may find it later. */
  pr?: number;
  /** Repository visibility from the event payload, when it says. */
  repoPrivate?: boolean;
  /** The pull request's base branch (`pull_request.base.ref`), from the payload; setup asks the API otherwise. */
  baseRef?: string;
  /** Where the commit's branch lives (a fork for fork PRs), to find its PR when the commit lookup cannot. */
  head?: { owner: string; branch: string };
  /**
   * Set when the files were built from another repository's code: the head repository (`owner/repo`)
   * of a pull request from a fork, or of a `workflow_run` whose head is a fork. Its content is
   * untrusted (see `trust-fork-content`) and its objects never share a scope with this repository's.
   */
  fork?: { repository: string };
}

/**
 * The environment variables the action reads besides the run context. AWS variables keep the names
 * other tools set them under; the AWS SDK and `core.getIDToken` also read their own variables.
 */
export interface Env {
  /** GITHUB_WORKSPACE, else the current directory: where `path` patterns are resolved. */
  workspace: string;
  /** RUNNER_TEMP, else the OS temp directory: where the manifest file is written. */
  runnerTemp: string;
  /** GITHUB_API_URL, else https://api.github.com. */
  apiUrl: string;
  /** Whether a proxy is set (http_proxy or https_proxy, in either case), which GitHub's client may use. */
  proxySet: boolean;
  /** GITHUB_REPOSITORY (owner/repo), for error messages. */
  repository?: string;
  AWS_REGION?: string;
  AWS_DEFAULT_REGION?: string;
  /** Set by configure-aws-credentials: when the credentials in the environment expire. */
  AWS_CREDENTIAL_EXPIRATION?: string;
  /** AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL, as the SDK resolves them; for error messages. */
  stsEndpoint?: string;
  /** Set by the runner when the job may request an OIDC token (`permissions: id-token: write`). */
  ACTIONS_ID_TOKEN_REQUEST_URL?: string;
  /** Timeouts of S3 requests. */
  s3Timeouts: S3Timeouts;
  /** How long the sticky comment waits before verifying its write again (see github/sticky-comment.ts). */
  commentSettleMs: number;
}

export interface S3Timeouts {
  /** Connect timeout: an unreachable endpoint fails in seconds, not minutes. */
  connectMs: number;
  /** A socket that sends or receives nothing for this long is abandoned (and the request retried). */
  idleMs: number;
}

export const DEFAULT_S3_TIMEOUTS: S3Timeouts = { connectMs: 5_000, idleMs: 30_000 };

/**
 * Test-only knobs, not part of the action's interface: tests against a server that never answers
 * shorten the S3 timeouts with them instead of waiting minutes. Whole milliseconds; anything else
 * is ignored.
 */
export const TEST_S3_CONNECT_TIMEOUT_VAR = 'ARTIFACT_LINKS_TEST_S3_CONNECT_TIMEOUT_MS';
export const TEST_S3_IDLE_TIMEOUT_VAR = 'ARTIFACT_LINKS_TEST_S3_IDLE_TIMEOUT_MS';
/** Test-only too: against the local GitHub fake a concurrent write lands in milliseconds, not seconds. */
export const TEST_COMMENT_SETTLE_VAR = 'ARTIFACT_LINKS_TEST_COMMENT_SETTLE_MS';
/** After a verified write, the wait past the window in which a concurrent job may still write. */
export const DEFAULT_COMMENT_SETTLE_MS = 2_500;

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const ms = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return Number.isSafeInteger(n) && n > 0 ? n : fallback;
  };
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || os.tmpdir(),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    proxySet: ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY'].some((name) => Boolean(env[name])),
    repository: env.GITHUB_REPOSITORY,
    AWS_REGION: env.AWS_REGION,
    AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION,
    AWS_CREDENTIAL_EXPIRATION: env.AWS_CREDENTIAL_EXPIRATION,
    stsEndpoint: env.AWS_ENDPOINT_URL_STS ?? env.AWS_ENDPOINT_URL,
    ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL,
    s3Timeouts: {
      connectMs: ms(TEST_S3_CONNECT_TIMEOUT_VAR, DEFAULT_S3_TIMEOUTS.connectMs),
      idleMs: ms(TEST_S3_IDLE_TIMEOUT_VAR, DEFAULT_S3_TIMEOUTS.idleMs),
    },
    commentSettleMs: ms(TEST_COMMENT_SETTLE_VAR, DEFAULT_COMMENT_SETTLE_MS),
  };
}

/** The webhook event that started the run (GITHUB_EVENT_PATH), or {} outside Actions. */
export function readEventPayload(env: NodeJS.ProcessEnv = process.env): unknown {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return {};
  return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
}

/** The value at `path` inside an untrusted JSON value, or undefined. */
function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Like `a || b` on payload values: the first truthy one. */
function first(...values: unknown[]): unknown {
  return values.find(Boolean);
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

export function readRunContext(env: NodeJS.ProcessEnv, payload: unknown, prNumber?: number): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    throw new Error(
      'GITHUB_REPOSITORY is not set: this action runs inside a GitHub Actions job (or set GITHUB_REPOSITORY=owner/repo to run it elsewhere).',
    );
  }
  const pull = at(payload, 'pull_request');
  const run = at(payload, 'workflow_run');
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const runId = env.GITHUB_RUN_ID || '0';
  const runAttempt = env.GITHUB_RUN_ATTEMPT || '1';
  const private_ = at(payload, 'repository', 'private');
  const headBranch = at(run, 'head_branch');
  const baseRef = first(at(pull, 'base', 'ref'), at(run, 'pull_requests', '0', 'base', 'ref'));
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME || '',
    sha: text(first(at(pull, 'head', 'sha'), at(run, 'head_sha'), env.GITHUB_SHA)) ?? '0000000',
    ref: text(first(at(pull, 'head', 'ref'), headBranch, env.GITHUB_REF_NAME)) ?? 'unknown',
    runId,
    runAttempt,
    job: env.GITHUB_JOB || 'job',
    workflow: env.GITHUB_WORKFLOW || 'workflow',
    workflowPath: workflowPath(env.GITHUB_WORKFLOW_REF) || env.GITHUB_WORKFLOW || 'workflow',
    step: env.GITHUB_ACTION ?? '',
    serverUrl,
    runUrl: `${runsUrl({ serverUrl, owner, repo })}${runId}${runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`,
    pr:
      prNumber ??
      (at(pull, 'number') as number | undefined) ??
      (at(run, 'pull_requests', '0', 'number') as number | undefined) ??
      (at(payload, 'issue', 'pull_request') ? (at(payload, 'issue', 'number') as number | undefined) : undefined),
    repoPrivate: typeof private_ === 'boolean' ? private_ : undefined,
    ...(typeof baseRef === 'string' && prNumber === undefined ? { baseRef } : {}),
    head: headBranch
      ? { owner: text(at(run, 'head_repository', 'owner', 'login')) ?? owner, branch: String(headBranch) }
      : env.GITHUB_REF?.startsWith('refs/heads/')
        ? { owner, branch: env.GITHUB_REF_NAME ?? '' }
        : undefined,
    fork: forkOf(`${owner}/${repo}`, pull, run),
  };
}

/**
 * The head repository of a fork's pull request or `workflow_run`, or undefined when the head is this
 * repository. Fails safe: a head repository that is gone (`null`, a deleted fork), or a `workflow_run`
 * that does not name one, counts as a fork (`unknown`). A pull_request payload without
 * `head.repo` at all (not GitHub's) is taken as this repository's.
 */
export function forkOf(thisRepository: string, pull: unknown, run: unknown): { repository: string } | undefined {
  const name = (repo: unknown): string | undefined =>
    text(at(repo, 'full_name')) ??
    (at(repo, 'owner', 'login') !== undefined ? `${text(at(repo, 'owner', 'login'))}/${text(at(repo, 'name')) ?? '?'}` : undefined);
  const differs = (repo: unknown): { repository: string } | undefined => {
    if (repo === null || repo === undefined || typeof repo !== 'object') return { repository: 'unknown' };
    const full = name(repo);
    if (full === undefined) return { repository: 'unknown' };
    return full.toLowerCase() === thisRepository.toLowerCase() ? undefined : { repository: full };
  };
  if (pull !== undefined && pull !== null) {
    const head = at(pull, 'head');
    if (head !== null && typeof head === 'object' && 'repo' in head) return differs(head.repo);
    return undefined;
  }
  if (run !== undefined && run !== null) return differs(at(run, 'head_repository'));
  return undefined;
}

/** Where this repository's workflow runs are: every run URL starts with it. */
export function runsUrl(run: Pick<RunContext, 'serverUrl' | 'owner' | 'repo'>): string {
  return `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/`;
}

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` → `owner/repo/.github/workflows/ci.yml`. */
export function workflowPath(ref: string | undefined): string {
  if (!ref) return '';
  const at = ref.search(/@(refs\/|[0-9a-f]{40}$)/);
  return at > 0 ? ref.slice(0, at) : ref;
}

/** This run, from the runner's environment and event payload. */
export function currentRun(prNumber?: number): RunContext {
  return readRunContext(process.env, readEventPayload(process.env), prNumber);
}
