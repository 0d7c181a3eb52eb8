/**
 * mode: refresh on a schedule or a manual run without `pr-number`: renew the links of every open
 * pull request that has artifacts in the bucket, in one step. Pull requests are listed through the
 * API and visited a few at a time; those without artifacts are skipped quietly. Every link is
 * signed at one instant with one lifetime, and one of them is proven to work before any comment
 * changes. Each upload's sites and share page are rebuilt with the new links.
 */
import { runsUrl } from '../config/context.js';
import { listOpenPulls, mapSettled, OpenPull } from '../github/open-pulls.js';
import { scopePrefix } from '../links/keys.js';
import { bucketRecords } from '../publish/comment-records.js';
import { publishToPulls, PullComment } from '../publish/links.js';
import { setLinkOutputs, setSiteOutputs } from '../publish/outputs.js';
import { writeRefreshSummary } from '../publish/summary.js';
import type { RefreshRow } from '../render/refresh-summary.js';
import { findUploads, goneWarning, Uploads } from '../steps/find-uploads.js';
import { renewedSections, renewSites } from '../steps/renew.js';
import { ModeDeps, openStore, Store } from '../steps/setup.js';
import { presignFiles, proveLinks } from '../steps/sign.js';
import { plural } from '../util/log.js';

/** Pull requests whose uploads are read at once: a few, so neither GitHub nor the bucket is flooded. */
const PARALLEL_PULLS = 4;

/** An open pull request with artifacts in the bucket. */
interface Renewing {
  pull: OpenPull;
  uploads: Uploads;
}

export async function refreshOpenPulls(deps: ModeDeps): Promise<void> {
  const { inputs, ctx, log, publish } = deps;
  if (!publish.gh) {
    throw new Error(
      `mode: refresh on a ${ctx.eventName} event without 'pr-number' renews every open pull request, which needs the GitHub API: set 'github-token' (with pull-requests: write) and leave 'comment' at auto, or set 'pr-number'.`,
    );
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const scopeOf = (pull: Pick<OpenPull, 'number'>) => scopePrefix(inputs.keyPrefix, { ...ctx, pr: pull.number, section: '' });
  scopeOf({ number: 1 }); // a key-prefix without {scope} or {pr} fails here, before any request
  const pulls = await listOpenPulls(publish.gh.octokit, repo);
  log.info(`${pulls.length} open pull requests in ${repo.owner}/${repo.repo}.`);

  const store = await openStore(deps);
  try {
    await renewOpenPulls(deps, pulls, store, scopeOf);
  } finally {
    store.client.destroy();
  }
}

async function renewOpenPulls(
  deps: ModeDeps,
  pulls: OpenPull[],
  { target, signer, client }: Store,
  scopeOf: (pull: Pick<OpenPull, 'number'>) => string,
): Promise<void> {
  const { inputs, ctx, log, clock, publish } = deps;
  const renewing = await findRenewing(deps, pulls, { target, client }, scopeOf);
  const skipped = pulls.length - renewing.length;
  log.info(`${renewing.length} of them have artifacts under ${inputs.bucket}; the other ${skipped} are skipped.`);
  if (renewing.length === 0) {
    await setLinkOutputs({ entries: [], failed: [], notes: [] }, publish.tempDir, 'refresh', log);
    setSiteOutputs([], '');
    await writeRefreshSummary({ rows: [], skipped, notes: [] }, clock);
    return;
  }
  const notes: string[] = [];
  for (const { pull, uploads } of renewing) {
    if (uploads.missing.length === 0) continue;
    const gone = goneWarning(uploads.missing, ` of #${pull.number}`);
    log.warning(gone);
    notes.push(gone);
  }

  const { entries, lifetime, report, sign } = await presignFiles(
    renewing.flatMap((r) => r.uploads.files),
    { signer, requestedSeconds: inputs.expiresInSeconds, log, clock },
  );
  // Nothing is published unless a link is known to work.
  await proveLinks(signer, entries, log);

  const updatedAt = clock().toISOString();
  const sites = new Map<number, Awaited<ReturnType<typeof renewSites>>>();
  for (const { pull, uploads } of renewing) {
    sites.set(
      pull.number,
      await renewSites({
        client,
        target,
        uploads,
        entries,
        sign,
        lifetime,
        updatedAt,
        signer,
        about: report.about,
        linkSigner: inputs.linkSigner,
        log,
      }),
    );
  }
  setSiteOutputs(
    [...sites.values()].flatMap((bySection) => [...bySection.values()].flatMap((s) => s.sites)),
    '',
  );
  const comments = await publishToPulls(
    publish,
    report,
    renewing.map(({ pull, uploads }) => ({
      pr: pull.number,
      sections: renewedSections(uploads.manifests, entries, lifetime, updatedAt, signer, report.about, sites.get(pull.number)),
      records: bucketRecords(client, target, scopeOf(pull), publish.comment.marker, log),
    })),
    'refresh',
  );
  const rows: RefreshRow[] = renewing.map(({ pull, uploads }, i) => {
    const comment: PullComment = comments[i];
    return {
      pr: pull.number,
      url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${pull.number}`,
      sections: uploads.manifests.length,
      files: uploads.files.length,
      expiresAt: lifetime.expiresAt.toISOString(),
      comment: typeof comment === 'string' ? comment : 'failed',
    };
  });
  await writeRefreshSummary({ rows, skipped, about: report.about, notes: [...report.notes, ...notes] }, clock);
  log.info(`Renewed ${plural(entries.length, 'link')} in ${plural(renewing.length, 'open pull request')}.`);

  const failed = comments.flatMap((c, i) => (typeof c === 'string' ? [] : [`#${renewing[i].pull.number}: ${c.failed}`]));
  if (failed.length > 0)
    throw new Error(`The comments of ${plural(failed.length, 'pull request')} could not be updated:\n${failed.join('\n')}`);
}

/** The open pull requests that have artifacts; throws, renewing nothing, when any cannot be read. */
async function findRenewing(
  deps: ModeDeps,
  pulls: OpenPull[],
  { target, client }: Pick<Store, 'target' | 'client'>,
  scopeOf: (pull: Pick<OpenPull, 'number'>) => string,
): Promise<Renewing[]> {
  const looked = await mapSettled(pulls, PARALLEL_PULLS, (pull) => findUploads(client, target, scopeOf(pull), runsUrl(deps.ctx), deps.log));
  const unreadable = looked.filter((r) => !r.ok);
  if (unreadable.length > 0) {
    const first = unreadable[0];
    throw new Error(
      `Could not read the uploads of ${unreadable.length} open pull requests, so no link was renewed. #${first.item.number}: ${first.ok ? '' : first.error.message}`,
    );
  }
  return looked.flatMap((r) => (r.ok && r.value.manifests.length > 0 ? [{ pull: r.item, uploads: r.value }] : []));
}
