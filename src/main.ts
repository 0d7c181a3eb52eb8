/**
 * The action, top to bottom: inputs → pull request → files → credentials → upload → link lifetime →
 * presign → publish (outputs, job summary, pull-request comment).
 */
import * as core from '@actions/core';
import * as github from '@actions/github';
import os from 'node:os';
import { SectionData } from './comment-body.js';
import { jobSection, readRunContext, RunContext } from './context.js';
import { resolveCredentials } from './credentials.js';
import { contentDisposition, contentTypeFor } from './disposition.js';
import { formatDuration } from './duration.js';
import { capLinkLifetime } from './expiry.js';
import { findFiles, FoundFile } from './files.js';
import { getInputs, Inputs } from './inputs.js';
import { objectKey, renderKeyPrefix } from './keys.js';
import { createPresigner } from './presign.js';
import { connectGitHub, isPublicRepo, PUBLIC_NOTE, publishComment } from './publish.js';
import { earliestExpiry, publishOutputs, renderSummary, Report } from './report.js';
import { realSleep } from './retry.js';
import { createS3Client, StoreTarget } from './s3.js';
import { ManifestEntry } from './types.js';
import { DEFAULT_PART_SIZE, Uploaded, UploadPlan, uploadAll } from './upload.js';

const PROGRESS_INTERVAL_MS = 5_000;

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const ctx = readRunContext(process.env, github.context.payload, inputs.prNumber);
    await upload(inputs, ctx);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

async function upload(inputs: Inputs, runCtx: RunContext): Promise<void> {
  const gh = await connectGitHub(inputs, runCtx);
  const ctx = { ...runCtx, pr: gh?.pr ?? runCtx.pr };
  const section = jobSection(inputs.section, ctx.job, inputs.matrix);
  const prefix = renderKeyPrefix(inputs.keyPrefix, { ...ctx, section: section.id });
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const files = await findFiles(inputs.patterns, workspace);
  if (files.length === 0) return reportNoFiles(inputs, section.id);

  const target: StoreTarget = { bucket: inputs.bucket, region: inputs.region, endpoint: inputs.endpoint, forcePathStyle: inputs.forcePathStyle };
  const signer = await resolveCredentials({
    region: inputs.region,
    roleToAssume: inputs.roleToAssume,
    roleSessionName: inputs.roleSessionName,
    roleSessionDuration: inputs.roleSessionDuration,
    requestedLinkSeconds: inputs.expiresInSeconds,
    audience: inputs.audience,
    credentialsExpireAt: inputs.credentialsExpireAt,
  });

  core.info(`Uploading ${files.length} files (${totalBytes(files)} bytes) to ${inputs.bucket}/${prefix}/`);
  const client = createS3Client(target, signer.credentials, inputs.concurrency);
  const { uploaded, failed } = await uploadAll(planUploads(files, prefix, inputs), {
    client,
    target,
    concurrency: inputs.concurrency,
    partSize: DEFAULT_PART_SIZE,
    sleep: realSleep,
    log: core,
    progressIntervalMs: PROGRESS_INTERVAL_MS,
  });
  client.destroy();

  // The lifetime is capped when the links are signed, after the upload: a long upload eats into a session.
  const signedAt = new Date();
  const lifetime = capLinkLifetime(inputs.expiresInSeconds, signedAt, { credentialsExpireAt: signer.expiresAt, credentialsSource: signer.expirySource });
  for (const clamp of lifetime.clamps) core.warning(`Link lifetime shortened: ${clamp}`);
  core.info(`Links are valid for ${formatDuration(lifetime.seconds)}, until ${lifetime.expiresAt.toISOString()}.`);
  const presign = createPresigner(target, signer.credentials, { now: () => signedAt });
  const entries = uploaded.map((u) => manifestEntry(u, presign(u.plan.key, lifetime.seconds), lifetime.expiresAt));

  const publicRepo = inputs.publicRepo !== 'allow' && (await isPublicRepo(gh, ctx));
  const withhold = publicRepo && inputs.publicRepo === 'refuse';
  if (publicRepo) {
    core.warning(withhold ? `${PUBLIC_NOTE} public-repo: refuse, so no links are posted in the comment or summary.` : `${PUBLIC_NOTE} Set public-repo: refuse to keep links out of the comment, or allow to silence this.`);
  }
  const report: Report = {
    entries,
    failed: failed.map((f) => ({ path: f.plan.file.displayPath, message: f.message })),
    expiresAt: earliestExpiry(entries),
    notes: [...signer.warnings, ...lifetime.clamps],
  };
  await publishOutputs(report, process.env.RUNNER_TEMP || os.tmpdir(), section.id, core);
  await core.summary.addRaw(renderSummary(report, signedAt, withhold), true).write();

  if (!withhold && entries.length > 0) {
    const data: SectionData = {
      id: section.id,
      title: section.title,
      sha: ctx.sha,
      runUrl: ctx.runUrl,
      updatedAt: new Date().toISOString(),
      expiresAt: report.expiresAt ?? lifetime.expiresAt.toISOString(),
      files: entries,
      note: [publicRepo ? PUBLIC_NOTE : '', failed.length > 0 ? `${failed.length} files failed to upload and have no link; see the job log.` : ''].filter(Boolean).join(' ') || undefined,
    };
    await publishComment(gh, inputs, ctx, data);
  }

  if (failed.length > 0) {
    throw new Error(
      `${failed.length} of ${files.length} files were not uploaded, and have no link:\n` + failed.map((f) => `  ${f.plan.file.displayPath}: ${f.message}`).join('\n'),
    );
  }
}

function planUploads(files: FoundFile[], prefix: string, inputs: Inputs): UploadPlan[] {
  return files.map((file) => {
    const contentType = contentTypeFor(file.absolutePath);
    const name = file.relativePath.split('/').pop() ?? file.relativePath;
    return { file, key: objectKey(prefix, file.relativePath), contentType, contentDisposition: contentDisposition(name, inputs.contentDisposition, contentType) };
  });
}

function manifestEntry(u: Uploaded, url: string, expiresAt: Date): ManifestEntry {
  const { file, key, contentType } = u.plan;
  return { path: file.displayPath, key, size: file.size, sha256: u.sha256, contentType, url, expiresAt: expiresAt.toISOString() };
}

async function reportNoFiles(inputs: Inputs, name: string): Promise<void> {
  const message = `No files were found with the provided path: ${inputs.patterns.join(', ')}. No artifacts will be uploaded.`;
  if (inputs.ifNoFilesFound === 'error') throw new Error(`${message} (if-no-files-found: error)`);
  if (inputs.ifNoFilesFound === 'warn') core.warning(message);
  else core.info(message);
  await publishOutputs({ entries: [], failed: [], notes: [] }, process.env.RUNNER_TEMP || os.tmpdir(), name, core);
}

function totalBytes(files: FoundFile[]): number {
  return files.reduce((n, f) => n + f.size, 0);
}
