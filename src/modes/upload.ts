/**
 * mode: upload — find the files, upload them, sign their links and publish them.
 *
 * Before anything is uploaded: the section, every object key and the site folders are planned and
 * checked. Then, with one S3 client: upload → store the manifest → sign → prove a link works →
 * build and upload the sites and share page. Then publish: outputs, job summary, comment.
 */
import { putJson } from '../aws/bucket.js';
import { probeBodyCheck, type BodyCheck } from '../aws/body-check.js';
import { deadCredentialsCause, deadCredentialsMessage } from '../aws/s3-errors.js';
import { DEFAULT_PART_SIZE, UploadPlan, uploadAll } from '../aws/upload.js';
import type { Inputs } from '../config/inputs.js';
import { contentDisposition, contentTypeFor, DispositionMode } from '../links/disposition.js';
import { BODY_CHECK_PROBE_NAME, checkKeyPlan, findableScope, objectKey, renderKeyPrefix } from '../links/keys.js';
import type { BaseBuild } from '../links/base-build.js';
import type { StoredFile } from '../links/manifest-entry.js';
import { Section, sectionNote, sectionOf, SectionSource, sectionSource } from '../links/section.js';
import { MANIFEST_VERSION, manifestKey, StoredManifest } from '../links/stored-manifest.js';
import { bucketRecords } from '../publish/comment-records.js';
import { publishLinks } from '../publish/links.js';
import { setLinkOutputs, setSiteOutputs } from '../publish/outputs.js';
import type { SectionData } from '../render/markers.js';
import { findBaseBuild } from '../steps/base-build.js';
import { findFiles, FoundFile } from '../steps/find-files.js';
import { ModeDeps, openStore, Store, storeTarget } from '../steps/setup.js';
import { presignFiles, proveLinks } from '../steps/sign.js';
import { assertOwnOrigin, displayFolder, planSites, PublishedSites, publishSites } from '../steps/sites.js';
import { contentTrust, type ContentTrust } from '../steps/untrusted.js';
import { sizeHeapFor } from '../util/heap.js';
import { errorMessage, plural, type Logger } from '../util/log.js';
import { realSleep } from '../util/retry.js';

const PROGRESS_INTERVAL_MS = 5_000;

/** This job's section and where its objects go. */
interface SectionPlan {
  source: SectionSource;
  section: Section;
  /** The key prefix of every object of the section. */
  prefix: string;
  /** Where the manifest goes (for refresh and cleanup); undefined when a later run could not find it. */
  manifestScope?: string;
  /** A fork's files: no sites and no inline HTML, SVG or XML unless trusted, and never this repository's keys. */
  trust: ContentTrust;
}

/** A file that did not upload, and why. */
interface Failure {
  path: string;
  message: string;
}

export async function upload(deps: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = deps;
  const plan = planSection(deps);
  const files = await findFiles(inputs.patterns, deps.env.workspace);
  if (files.length === 0) return reportNoFiles(inputs, plan.section.id, deps.env.runnerTemp, log);
  sizeHeapFor(files.length);
  const plans = planUploads(files, plan.prefix, inputs.contentDisposition, plan.trust.untrusted);
  // Known before anything is uploaded: which folders become sites, that their origin is the bucket's
  // own, and that no user file takes a generated name.
  const folders = planSites(files, plan.trust.browse, log);
  const named = files.map((f) => ({ path: f.relativePath, display: f.displayPath }));
  assertOwnOrigin(
    storeTarget(inputs),
    inputs.linkSigner,
    folders.map((folder) => displayFolder(named, folder)),
  );

  const store = await openStore(deps);
  let failed: Failure[];
  try {
    // Sent first: how the store checks what is uploaded. The first files are read and hashed while
    // it is answered; none is sent before.
    const bodyCheck = probeBodyCheck(store.client, store.target.bucket, objectKey(plan.prefix, BODY_CHECK_PROBE_NAME));
    log.info(
      `Uploading ${plural(files.length, 'file')} (${files.reduce((n, f) => n + f.size, 0)} bytes) to ${inputs.bucket}/${plan.prefix}/`,
    );
    // Read while the files upload, and before this upload's own manifest is written: what the
    // comment compares with (it never throws: a base build it cannot read is logged and left out).
    const baseBuild = deps.baseRef.then((baseRef) =>
      findBaseBuild({
        client: store.client,
        target: store.target,
        keyPrefix: inputs.keyPrefix,
        ctx: { ...ctx, baseRef },
        sectionId: plan.section.id,
        log,
      }),
    );
    const { stored, failures } = await uploadFiles(
      plans,
      store,
      bodyCheck.then((b) => logBodyCheck(b, log)),
      deps,
    );
    const base = await baseBuild;
    await storeManifest(plan, stored, folders, base, store, deps);
    const { entries, lifetime, report, sign } = await presignFiles(
      stored,
      { signer: store.signer, requestedSeconds: inputs.expiresInSeconds, log, clock },
      failures,
    );
    // Nothing is published unless a link is known to work.
    await proveLinks(store.signer, entries, log);
    const note = sectionNote(
      store.signer,
      plan.trust.note,
      report.about,
      failures.length > 0
        ? `${plural(failures.length, 'file')} failed to upload and ${failures.length === 1 ? 'has' : 'have'} no link; see the job log.`
        : undefined,
    );
    // The sites and the share page hold links, so they are built once the links are signed.
    let sites: PublishedSites | undefined;
    if (entries.length > 0) {
      sites = await publishSites({
        client: store.client,
        target: store.target,
        prefix: plan.prefix,
        folders,
        entries,
        sign,
        expiresAt: lifetime.expiresAt,
        section: { title: plan.section.title, sha: ctx.sha, runUrl: ctx.runUrl, note },
        untrusted: plan.trust.untrusted,
        log,
      }).catch((e: Error) => {
        log.warning(`Could not upload the sites and the share page (the file links work): ${e.message}`);
        return undefined;
      });
    }
    setSiteOutputs(sites?.sites ?? [], sites?.shareUrl ?? '');
    const section: SectionData = {
      id: plan.section.id,
      title: plan.section.title,
      sha: ctx.sha,
      runUrl: ctx.runUrl,
      updatedAt: clock().toISOString(),
      expiresAt: lifetime.expiresAt.toISOString(),
      files: entries,
      note,
      sites: sites?.sites,
      shareUrl: sites?.shareUrl,
      open: sites?.open,
      qr: sites?.qr,
      base,
      ...(plan.trust.untrusted ? { untrusted: true } : {}),
    };
    // The comment's record of this section lives next to the manifest (publish/comment-records.ts).
    const records =
      plan.manifestScope === undefined
        ? undefined
        : bucketRecords(store.client, store.target, plan.manifestScope, deps.publish.comment.marker, log);
    await publishLinks({ ...deps.publish, records }, report, entries.length > 0 ? [section] : [], plan.section.id);
    failed = failures;
  } finally {
    store.client.destroy();
  }
  if (failed.length > 0) throw new Error(notUploaded(failed, files.length));
}

function logBodyCheck({ check, answer }: Awaited<ReturnType<typeof probeBodyCheck>>, log: Logger): BodyCheck {
  log.info(
    check === 'payload-sha256'
      ? 'The store checks each upload against its signed SHA-256.'
      : `The store ${answer.stored ? 'does not check signed SHA-256 payloads' : `answered the payload check with ${answer.error}`}: each upload carries Content-MD5 (slower).`,
  );
  return check;
}

/** The section of this job, its key prefix, and where its manifest goes (logging why when nowhere). */
function planSection({ inputs, ctx, log }: ModeDeps): SectionPlan {
  const source = sectionSource(inputs.section, ctx, inputs.matrix);
  const section = sectionOf(source);
  const trust = contentTrust(ctx, inputs, log);
  const prefix = renderKeyPrefix(inputs.keyPrefix, { ...ctx, section: section.id });
  const scope = findableScope(inputs.keyPrefix, { ...ctx, section: '' });
  if ('problem' in scope) {
    if (scope.runSpecific) log.warning(scope.problem);
    else log.info(scope.problem);
    return { source, section, prefix, trust };
  }
  return { source, section, prefix, manifestScope: scope.scope, trust };
}

/**
 * Uploads every file; returns those stored, in path order, and those that failed. Throws, naming
 * the files, when the store said the credentials are dead (then no link would work).
 */
async function uploadFiles(
  plans: UploadPlan[],
  { client, target }: Store,
  bodyCheck: Promise<BodyCheck>,
  { inputs, log }: ModeDeps,
): Promise<{ stored: StoredFile[]; failures: Failure[] }> {
  const { uploaded, failed } = await uploadAll(plans, {
    client,
    target,
    bodyCheck,
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
    throw new Error(
      `${deadCredentialsMessage(dead.deadCredentials, `the upload of ${dead.plan.file.displayPath}`, target)}\n` +
        `Files the store refused:\n${failures.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`,
    );
  }
  return { stored, failures };
}

/**
 * Stores the section's manifest, for mode: refresh and cleanup. Losing it costs only those, not the
 * links: a warning rather than a failure, unless the store said the credentials are dead.
 */
async function storeManifest(
  plan: SectionPlan,
  stored: StoredFile[],
  folders: string[],
  base: BaseBuild | undefined,
  { client, target }: Store,
  { ctx, log, clock }: ModeDeps,
): Promise<void> {
  if (stored.length === 0 || plan.manifestScope === undefined) return;
  const key = manifestKey(plan.manifestScope, plan.section.id);
  const manifest: StoredManifest = {
    version: MANIFEST_VERSION,
    source: plan.source,
    section: plan.section,
    prefix: plan.prefix,
    sha: ctx.sha,
    runUrl: ctx.runUrl,
    uploadedAt: clock().toISOString(),
    files: stored,
    sites: folders,
    ...(base ? { base } : {}),
    ...(plan.trust.fork !== undefined ? { untrusted: { fork: plan.trust.fork } } : {}),
  };
  try {
    await putJson(client, target, key, manifest);
  } catch (error) {
    const cause = deadCredentialsCause(error);
    if (cause) throw new Error(deadCredentialsMessage(cause, `the write of ${key}`, target), { cause: error });
    log.warning(`Could not store ${key} (mode: refresh and cleanup will not find this upload): ${errorMessage(error)}`);
  }
}

/** "1 of 3 files was not uploaded, and has no link:" and one line per file. */
function notUploaded(failures: Failure[], total: number): string {
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
