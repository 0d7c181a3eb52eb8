/** What the action needs to know about the workflow run, read from the runner's environment and event. Pure. */
import { existsSync, readFileSync } from 'node:fs';
import { slug } from './keys.js';

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
  workflow: string;
  runUrl: string;
  serverUrl: string;
  /** PR number from the `pr-number` input or the event payload; the commit lookup may find it later. */
  pr?: number;
  /** Repository visibility from the event payload, when it says. */
  repoPrivate?: boolean;
  /** Where the commit's branch lives (a fork for fork PRs), to find its PR when the commit lookup cannot. */
  head?: { owner: string; branch: string };
}

type Payload = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The webhook event that started the run (GITHUB_EVENT_PATH), or {} outside Actions. */
export function readEventPayload(env: NodeJS.ProcessEnv): Payload {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return {};
  return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload;
}

export function readRunContext(env: NodeJS.ProcessEnv, payload: Payload, prNumber?: number): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    throw new Error('GITHUB_REPOSITORY is not set: this action runs inside a GitHub Actions job (or set GITHUB_REPOSITORY=owner/repo to run it elsewhere).');
  }
  const pull = payload.pull_request;
  const run = payload.workflow_run;
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const runId = env.GITHUB_RUN_ID || '0';
  const runAttempt = env.GITHUB_RUN_ATTEMPT || '1';
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME || '',
    sha: pull?.head?.sha || run?.head_sha || env.GITHUB_SHA || '0000000',
    ref: pull?.head?.ref || run?.head_branch || env.GITHUB_REF_NAME || 'unknown',
    runId,
    runAttempt,
    job: env.GITHUB_JOB || 'job',
    workflow: env.GITHUB_WORKFLOW || 'workflow',
    serverUrl,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`,
    pr: prNumber ?? pull?.number ?? run?.pull_requests?.[0]?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined),
    repoPrivate: typeof payload.repository?.private === 'boolean' ? payload.repository.private : undefined,
    head: run?.head_branch
      ? { owner: run.head_repository?.owner?.login ?? owner, branch: run.head_branch }
      : env.GITHUB_REF?.startsWith('refs/heads/') ? { owner, branch: env.GITHUB_REF_NAME ?? '' } : undefined,
  };
}

/**
 * This job's section of the comment: the `section` input, else the job id plus its matrix values
 * (so matrix legs get a section each, stable across re-runs). Returns the id (a slug, also used in
 * object keys) and a title for people.
 */
export function jobSection(input: string, job: string, matrixJson: string): { id: string; title: string } {
  if (input) return { id: slug(input), title: input };
  let values: string[] = [];
  try {
    const matrix = JSON.parse(matrixJson || 'null');
    if (matrix && typeof matrix === 'object') values = Object.values(matrix).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  } catch {
    values = [];
  }
  return { id: slug([job, ...values].join('-')), title: values.length > 0 ? `${job} (${values.join(', ')})` : job };
}
