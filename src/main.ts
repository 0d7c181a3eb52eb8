/**
 * The action, top to bottom: inputs → pull request → files → credentials → upload → presign →
 * publish (outputs, job summary, pull-request comment). `mode: refresh` and `mode: cleanup` reuse
 * the same steps on objects already in the bucket.
 */
import * as core from '@actions/core';
import os from 'node:os';
import { jobSection, readEventPayload, readRunContext, RunContext } from './context.js';
import { contentDisposition, contentTypeFor } from './disposition.js';
import { findFiles, FoundFile } from './files.js';
import { getInputs, Inputs } from './inputs.js';
import { objectKey, renderKeyPrefix } from './keys.js';
import { putJson } from './bucket.js';
import { connectGitHub, GitHubTarget, publishLinks } from './publish.js';
import { publishOutputs } from './report.js';
import { realSleep } from './retry.js';
import { createS3Client } from './s3.js';
import { presignFiles, resolveSigner, sectionNote, StoredFile, storeTarget } from './sign.js';
import { manifestKey, StoredManifest } from './stored-manifest.js';
import { DEFAULT_PART_SIZE, UploadPlan, uploadAll } from './upload.js';

const PROGRESS_INTERVAL_MS = 5_000;

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const runCtx = readRunContext(process.env, readEventPayload(process.env), inputs.prNumber);
    const gh = await connectGitHub(inputs, runCtx);
    const ctx = { ...runCtx, pr: gh?.pr ?? runCtx.pr };
    if (inputs.mode === 'upload') await upload(inputs, ctx, gh);
    else if (inputs.mode === 'refresh') await (await import('./refresh.js')).refresh(inputs, ctx, gh);
    else await (await import('./cleanup.js')).cleanup(inputs, ctx, gh);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

async function upload(inputs: Inputs, ctx: RunContext, gh: GitHubTarget | undefined): Promise<void> {
  const section = jobSection(inputs.section, ctx.job, inputs.matrix);
  const prefix = renderKeyPrefix(inputs.keyPrefix, { ...ctx, section: section.id });
  const files = await findFiles(inputs.patterns, process.env.GITHUB_WORKSPACE || process.cwd());
  if (files.length === 0) return reportNoFiles(inputs, section.id);
  const plans = planUploads(files, prefix, inputs);

  const target = storeTarget(inputs);
  const signer = await resolveSigner(inputs);
  core.info(`Uploading ${files.length} files (${files.reduce((n, f) => n + f.size, 0)} bytes) to ${inputs.bucket}/${prefix}/`);
  const client = createS3Client(target, signer.credentials, inputs.concurrency);
  const { uploaded, failed } = await uploadAll(plans, {
    client,
    target,
    concurrency: inputs.concurrency,
    partSize: DEFAULT_PART_SIZE,
    sleep: realSleep,
    log: core,
    progressIntervalMs: PROGRESS_INTERVAL_MS,
  });
  // Uploads finish in any order; links are listed in path order.
  uploaded.sort((a, b) => (a.plan.file.displayPath < b.plan.file.displayPath ? -1 : 1));
  const stored: StoredFile[] = uploaded.map(({ plan, sha256, size }) => ({
    path: plan.file.displayPath,
    key: plan.key,
    size,
    sha256,
    contentType: plan.contentType,
  }));
  if (stored.length > 0) {
    // For mode: refresh. Losing it costs only the refresh, not the links: warn rather than fail.
    const manifest: StoredManifest = { version: 1, section, sha: ctx.sha, runUrl: ctx.runUrl, uploadedAt: new Date().toISOString(), files: stored };
    await putJson(client, target, manifestKey(prefix), manifest).catch((e: Error) =>
      core.warning(`Could not store ${manifestKey(prefix)} (mode: refresh will not find this upload): ${e.message}`),
    );
  }
  client.destroy();

  const failures = failed.map((f) => ({ path: f.plan.file.displayPath, message: f.message }));
  const { entries, lifetime, report } = presignFiles(stored, inputs, signer, failures);
  const data = {
    id: section.id,
    title: section.title,
    sha: ctx.sha,
    runUrl: ctx.runUrl,
    updatedAt: new Date().toISOString(),
    expiresAt: lifetime.expiresAt.toISOString(),
    files: entries,
    note: sectionNote(signer, failed.length > 0 ? `${failed.length} files failed to upload and have no link; see the job log.` : undefined),
  };
  await publishLinks(gh, inputs, ctx, report, entries.length > 0 ? [data] : [], section.id);

  if (failed.length > 0) {
    throw new Error(`${failed.length} of ${files.length} files were not uploaded, and have no link:\n` + failures.map((f) => `  ${f.path}: ${f.message}`).join('\n'));
  }
}

function planUploads(files: FoundFile[], prefix: string, inputs: Inputs): UploadPlan[] {
  return files.map((file) => {
    const key = objectKey(prefix, file.relativePath);
    if (key === manifestKey(prefix)) {
      throw new Error(`${file.displayPath} would overwrite the action's manifest object (${key}); exclude it in 'path' or rename it.`);
    }
    const contentType = contentTypeFor(file.absolutePath);
    const name = file.relativePath.split('/').pop() ?? file.relativePath;
    return { file, key, contentType, contentDisposition: contentDisposition(name, inputs.contentDisposition, contentType) };
  });
}

async function reportNoFiles(inputs: Inputs, name: string): Promise<void> {
  const message = `No files were found with the provided path: ${inputs.patterns.join(', ')}. No artifacts will be uploaded.`;
  if (inputs.ifNoFilesFound === 'error') throw new Error(`${message} (if-no-files-found: error)`);
  if (inputs.ifNoFilesFound === 'warn') core.warning(message);
  else core.info(message);
  await publishOutputs({ entries: [], failed: [], notes: [] }, process.env.RUNNER_TEMP || os.tmpdir(), name, core);
}
