/**
 * What every mode starts from: the run's inputs and context, the GitHub client and pull request,
 * how to publish, and, when a mode needs the bucket, the store, its signer and its S3 client.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { resolveCredentials } from '../aws/credentials/chain.js';
import type { ResolvedCredentials } from '../aws/credentials/classify.js';
import { createS3Client, StoreTarget } from '../aws/s3-client.js';
import type { Env, RunContext } from '../config/context.js';
import type { Inputs } from '../config/inputs.js';
import type { GitHubTarget } from '../github/client.js';
import { commentMarker } from '../render/markers.js';
import type { PublishContext } from '../publish/links.js';
import { Clock, systemClock } from '../util/clock.js';
import { actionLog, Logger, notice } from '../util/log.js';
import { LinkSigner, linkSignerFor, repositoryPrefix } from './sign.js';

export interface ModeDeps {
  inputs: Inputs;
  /** The run, with the pull request the GitHub lookup found. */
  ctx: RunContext;
  env: Env;
  publish: PublishContext;
  log: Logger;
  clock: Clock;
  /**
   * The base branch an upload compares with: the event's, or GitHub's answer (never rejects),
   * awaited only where the comparison is read, beside the uploads.
   */
  baseRef: Promise<string | undefined>;
}

/** Every mode is built the same way. */
export type ModeRun = (deps: ModeDeps) => Promise<void>;

export async function setup(
  inputs: Inputs,
  runCtx: RunContext,
  env: Env,
  log: Logger = actionLog,
  clock: Clock = systemClock,
): Promise<ModeDeps> {
  const gh = await connectGitHub(inputs, runCtx, env, log, clock);
  const ctx = { ...runCtx, pr: gh?.pr ?? runCtx.pr };
  // An upload compares with the base branch's: its name, when the event payload does not say.
  const baseRef =
    inputs.mode === 'upload' && gh && ctx.pr !== undefined && !ctx.baseRef ? lookUpBase(gh, ctx, log) : Promise.resolve(ctx.baseRef);
  const publish: PublishContext = {
    gh,
    run: ctx,
    comment: { marker: commentMarker(inputs.commentKey), failOnError: inputs.failOnCommentError, settleMs: env.commentSettleMs },
    publicRepo: inputs.publicRepo,
    commitStatus: inputs.commitStatus,
    tempDir: env.runnerTemp,
    log,
    clock,
  };
  return { inputs, ctx, env, publish, log, clock, baseRef };
}

/**
 * The GitHub client and the pull request, or undefined when no comment is wanted. A failed PR lookup
 * is a warning: the upload, outputs and summary do not depend on it.
 */
async function connectGitHub(
  inputs: Pick<Inputs, 'comment' | 'githubToken'>,
  ctx: RunContext,
  { apiUrl, proxySet }: Pick<Env, 'apiUrl' | 'proxySet'>,
  log: Logger,
  clock: Clock,
): Promise<GitHubTarget | undefined> {
  if (inputs.comment === 'never') return undefined;
  if (!inputs.githubToken) {
    if (inputs.comment === 'always')
      throw new Error(`Input 'github-token' is empty but 'comment' is always: pass github-token: \${{ github.token }}.`);
    notice(log, 'No github-token: the links are in the job summary and outputs only.');
    return undefined;
  }
  // Through a proxy, @actions/github builds undici's ProxyAgent as it loads, so undici goes first;
  // else undici loads with the first request to GitHub (github/undici-on-demand.ts).
  if (proxySet) await (await import('../github/undici-on-demand.js')).loadUndici();
  // Loaded on demand: the GitHub client is a large part of start-up time.
  const { createOctokit } = await import('../github/client.js');
  const { findPullRequest } = await import('../github/pull-request.js');
  const { WaitBudget } = await import('../github/wait-budget.js');
  const budget = new WaitBudget(clock);
  const octokit = createOctokit(inputs.githubToken, log, apiUrl, budget);
  let pr: number | undefined;
  try {
    pr = await findPullRequest(octokit, { owner: ctx.owner, repo: ctx.repo }, ctx.sha, ctx.pr, ctx.head);
  } catch (error) {
    log.warning(`Could not look up the pull request of commit ${ctx.sha}: ${(error as Error).message}`);
  }
  // Known before anything is uploaded: fail now rather than leave links behind a failed step.
  if (pr === undefined && inputs.comment === 'always') {
    throw new Error(
      `No pull request found for ${ctx.eventName || 'this'} event at ${ctx.sha.slice(0, 7)}, so nothing was uploaded (comment: always). Set 'pr-number', or use comment: auto to upload without a comment.`,
    );
  }
  return { octokit, pr, budget };
}

async function lookUpBase(gh: GitHubTarget, ctx: RunContext, log: Logger): Promise<string | undefined> {
  const { baseBranch } = await import('../github/pull-request.js');
  try {
    return await baseBranch(gh.octokit, { owner: ctx.owner, repo: ctx.repo }, ctx.pr!);
  } catch (error) {
    log.info(`Could not read the base branch of pull request #${ctx.pr} (no comparison with it): ${(error as Error).message}`);
    return undefined;
  }
}

export function storeTarget(inputs: Pick<Inputs, 'bucket' | 'region' | 'endpoint' | 'forcePathStyle'>): StoreTarget {
  return { bucket: inputs.bucket, region: inputs.region, endpoint: inputs.endpoint, forcePathStyle: inputs.forcePathStyle };
}

/**
 * The bucket, the credentials that work on it, who signs the links, and one S3 client;
 * `client.destroy()` when done.
 */
export interface Store {
  target: StoreTarget;
  /** The credentials that upload (and, without a dedicated signer, sign the links). */
  credentials: ResolvedCredentials;
  /** Who signs the links. */
  signer: LinkSigner;
  client: S3Client;
}

/**
 * With a signing key or CloudFront signing the links, the upload's session no longer has to outlive
 * them: `role-to-assume` then asks for STS's default hour unless `role-session-duration` says otherwise.
 */
const DEDICATED_SIGNER_SESSION_SECONDS = 3600;

export async function openStore(deps: ModeDeps): Promise<Store> {
  const { inputs, env } = deps;
  const target = storeTarget(inputs);
  const credentials = await resolveCredentials({
    region: inputs.region,
    roleToAssume: inputs.roleToAssume,
    roleSessionName: inputs.roleSessionName,
    roleSessionDuration: inputs.roleSessionDuration ?? (inputs.linkSigner ? DEDICATED_SIGNER_SESSION_SECONDS : undefined),
    requestedLinkSeconds: inputs.expiresInSeconds,
    audience: inputs.audience,
    credentialsExpireAt: inputs.credentialsExpireAt,
    uploadOnly: inputs.linkSigner !== undefined,
    env,
    log: deps.log,
    now: deps.clock,
  });
  const signer = linkSignerFor(inputs.linkSigner, target, credentials, repositoryPrefix(inputs.keyPrefix, deps.ctx));
  return { target, credentials, signer, client: createS3Client(target, credentials.credentials, inputs.concurrency, env.s3Timeouts) };
}
