/** mode: upload — find the files, upload them, sign their links and publish them. */
import { putJson } from '../aws/bucket.js';
import { deadCredentialsCause, deadCredentialsMessage } from '../aws/s3-errors.js';
import { DEFAULT_PART_SIZE, UploadPlan, uploadAll } from '../aws/upload.js';
import type { Inputs } from '../config/inputs.js';
import { contentDisposition, contentTypeFor, DispositionMode } from '../links/disposition.js';
import { checkKeyPlan, findableScope, objectKey, renderKeyPrefix } from '../links/keys.js';
import type { StoredFile } from '../links/manifest-entry.js';
import { sectionNote, sectionOf, sectionSource } from '../links/section.js';
import { MANIFEST_VERSION, manifestKey, StoredManifest } from '../links/stored-manifest.js';
import { bucketRecords } from '../publish/comment-records.js';
import { publishLinks } from '../publish/links.js';
import { setLinkOutputs, setSiteOutputs } from '../publish/outputs.js';
import { errorMessage, plural, type Logger } from '../util/log.js';
import { sizeHeapFor } from '../util/heap.js';
import { realSleep } from '../util/retry.js';
import { findFiles, FoundFile } from './find-files.js';
import { ModeDeps, openStore, storeTarget } from './setup.js';
import { presignFiles, proveLinks } from './sign.js';
import { assertOwnOrigin, displayFolder, planSites, PublishedSites, publishSites } from './sites.js';
import { contentTrust } from './untrusted.js';

const PROGRESS_INTERVAL_MS = 5_000;

export async function upload(d: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = d;
  const source = sectionSource(inputs.section, ctx, inputs.matrix);
  const section = sectionOf(source);
  // A fork's files: no sites and no inline HTML, SVG or XML unless trusted, and never this repository's keys.
  const trust = contentTrust(ctx, inputs, log);
  const prefix = renderKeyPrefix(inputs.keyPrefix, { ...ctx, section: section.id });
  // Where the manifest goes, for refresh and cleanup; nowhere when a later run could not find it.
  const scope = findableScope(inputs.keyPrefix, { ...ctx, section: '' });
  if ('problem' in scope) {
    if (scope.runSpecific) log.warning(scope.problem);
    else log.info(scope.problem);
  }
  const files = await findFiles(inputs.patterns, d.env.workspace);
  if (files.length === 0) return reportNoFiles(inputs, section.id, d.env.runnerTemp, log);
  sizeHeapFor(files.length);
  const plans = planUploads(files, prefix, inputs.contentDisposition, trust.untrusted);
  // Known before anything is uploaded: which folders become sites, that their origin is the bucket's
  // own, and that no user file takes a generated name.
  const folders = planSites(files, trust.browse, log);
  const named = files.map((f) => ({ path: f.relativePath, display: f.displayPath }));
  assertOwnOrigin(
    storeTarget(inputs),
    inputs.linkSigner,
    folders.map((folder) => displayFolder(named, folder)),
  );

  const { target, links, client } = await openStore(d);
  log.info(`Uploading ${plural(files.length, 'file')} (${files.reduce((n, f) => n + f.size, 0)} bytes) to ${inputs.bucket}/${prefix}/`);
  const { uploaded, failed } = await uploadAll(plans, {
    client,
    target,
    concurrency: inputs.concurrency,
    partSize: DEFAULT_PART_SIZE,
    sleep: realSleep,
    log,
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
  const failures = failed.map((f) => ({ path: f.plan.file.displayPath, message: f.message }));
  const dead = failed.find((f) => f.deadCredentials);
  if (dead?.deadCredentials) {
    client.destroy();
    throw new Error(
      `${deadCredentialsMessage(dead.deadCredentials, `the upload of ${dead.plan.file.displayPath}`, target)}\n` +
        `Files the store refused:\n${failures.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`,
    );
  }
  if (stored.length > 0 && 'scope' in scope) {
    // For mode: refresh and cleanup. Losing it costs only those, not the links: warn rather than fail,
    // unless the store said the credentials are dead (then no link works).
    const key = manifestKey(scope.scope, section.id);
    const manifest: StoredManifest = {
      version: MANIFEST_VERSION,
      source,
      section,
      prefix,
      sha: ctx.sha,
      runUrl: ctx.runUrl,
      uploadedAt: clock().toISOString(),
      files: stored,
      sites: folders,
    };
    try {
      await putJson(client, target, key, manifest);
    } catch (error) {
      const cause = deadCredentialsCause(error);
      if (cause) {
        client.destroy();
        throw new Error(deadCredentialsMessage(cause, `the write of ${key}`, target), { cause: error });
      }
      log.warning(`Could not store ${key} (mode: refresh and cleanup will not find this upload): ${errorMessage(error)}`);
    }
  }
  const { entries, lifetime, report, sign } = presignFiles(
    stored,
    { signer: links, requestedSeconds: inputs.expiresInSeconds, log, clock },
    failures,
  );
  // Nothing is published unless a link is known to work.
  await proveLinks(links, entries, log).catch((error: unknown) => {
    client.destroy();
    throw error;
  });
  const note = sectionNote(
    links,
    trust.note,
    report.about,
    failed.length > 0
      ? `${plural(failed.length, 'file')} failed to upload and ${failed.length === 1 ? 'has' : 'have'} no link; see the job log.`
      : undefined,
  );
  // The sites and the share page hold links, so they are built once the links are signed.
  let sites: PublishedSites | undefined;
  if (entries.length > 0) {
    sites = await publishSites({
      client,
      target,
      prefix,
      folders,
      entries,
      sign,
      expiresAt: lifetime.expiresAt,
      section: { title: section.title, sha: ctx.sha, runUrl: ctx.runUrl, note },
      untrusted: trust.untrusted,
      log,
    }).catch((e: Error) => {
      log.warning(`Could not upload the sites and the share page (the file links work): ${e.message}`);
      return undefined;
    });
  }
  setSiteOutputs(sites?.sites ?? [], sites?.shareUrl ?? '');
  const data = {
    id: section.id,
    title: section.title,
    sha: ctx.sha,
    runUrl: ctx.runUrl,
    updatedAt: clock().toISOString(),
    expiresAt: lifetime.expiresAt.toISOString(),
    files: entries,
    note,
    sites: sites?.sites,
    shareUrl: sites?.shareUrl,
    open: sites?.open,
  };
  const records = 'scope' in scope ? bucketRecords(client, target, scope.scope, d.publish.comment.marker, log) : undefined;
  try {
    await publishLinks({ ...d.publish, records }, report, entries.length > 0 ? [data] : [], section.id);
  } finally {
    client.destroy();
  }

  if (failed.length > 0) throw new Error(notUploaded(failures, files.length));
}

/** "1 of 3 files was not uploaded, and has no link:" and one line per file. */
function notUploaded(failures: { path: string; message: string }[], total: number): string {
  const one = failures.length === 1;
  return (
    `${failures.length} of ${plural(total, 'file')} ${one ? 'was' : 'were'} not uploaded, and ${one ? 'has' : 'have'} no link:\n` +
    failures.map((f) => `  ${f.path}: ${f.message}`).join('\n')
  );
}

/**
 * Every file's key and headers. The whole plan is checked before anything is uploaded: a problem with
 * any key fails the step, naming the files, and nothing is uploaded.
 */
function planUploads(files: FoundFile[], prefix: string, disposition: DispositionMode, untrusted: boolean): UploadPlan[] {
  const keyed = files.map((file) => ({ file, key: objectKey(prefix, file.relativePath) }));
  const problems = checkKeyPlan(keyed.map(({ file, key }) => ({ path: file.displayPath, key })));
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).map((p) => `  ${p}`);
    if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more.`);
    throw new Error(
      `Nothing was uploaded: ${problems.length === 1 ? 'a planned object key is' : `${problems.length} planned object keys are`} not sound.\n${shown.join('\n')}\n` +
        `Rename or exclude the files in 'path' (a ! pattern), or change 'key-prefix'.`,
    );
  }
  return keyed.map(({ file, key }) => {
    const contentType = contentTypeFor(file.absolutePath);
    const name = file.relativePath.split('/').pop() ?? file.relativePath;
    return { file, key, contentType, contentDisposition: contentDisposition(name, disposition, contentType, untrusted) };
  });
}

async function reportNoFiles(
  inputs: Pick<Inputs, 'patterns' | 'ifNoFilesFound'>,
  name: string,
  tempDir: string,
  log: Logger,
): Promise<void> {
  const message = `No files were found with the provided path: ${inputs.patterns.join(', ')}. No artifacts will be uploaded.`;
  if (inputs.ifNoFilesFound === 'error') throw new Error(`${message} (if-no-files-found: error)`);
  if (inputs.ifNoFilesFound === 'warn') log.warning(message);
  else log.info(message);
  await setLinkOutputs({ entries: [], failed: [], notes: [] }, tempDir, name, log);
  setSiteOutputs([], '');
}
