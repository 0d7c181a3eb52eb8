/**
 * mode: refresh on a schedule or a manual run without `pr-number`: renew the links of every open
 * pull request that has artifacts in the bucket, in one step. Pull requests are listed through the
 * API and visited a few at a time; those without artifacts are skipped quietly. Every link is
 * signed at one instant with one lifetime, and one of them is proven to work before any comment
 * changes. Each upload's sites and share page are rebuilt with the new links.
 */
import { listOpenPulls, mapSettled, OpenPull } from '../github/open-pulls.js';
import { runsUrl } from '../config/context.js';
import { GITHUB_BUDGET_MS } from '../github/wait-budget.js';
import { scopePrefix } from '../links/keys.js';
import { publishComment } from '../publish/comment.js';
import { setLinkOutputs, setSiteOutputs } from '../publish/outputs.js';
import { decideVisibility, PUBLIC_NOTE } from '../publish/policy.js';
import { writeRefreshSummary } from '../publish/summary.js';
import type { RefreshRow } from '../render/refresh-summary.js';
import { plural } from '../util/log.js';
import { findUploads, goneWarning } from './find-uploads.js';
import { renewedSections, renewSites } from './refresh.js';
import { publishStatuses } from '../publish/status.js';
import { ModeDeps, openStore, Store } from './setup.js';
import { presignFiles, proveLinks } from './sign.js';

/** Pull requests read or commented on at once: a few, so GitHub's secondary rate limits stay far. */
const PARALLEL_PULLS = 4;

export async function refreshOpenPulls(d: ModeDeps): Promise<void> {
  const { inputs, ctx, log, publish } = d;
  const gh = publish.gh;
  if (!gh) {
    throw new Error(
      `mode: refresh on a ${ctx.eventName} event without 'pr-number' renews every open pull request, which needs the GitHub API: set 'github-token' (with pull-requests: write) and leave 'comment' at auto, or set 'pr-number'.`,
    );
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const scopeOf = (pull: Pick<OpenPull, 'number'>) => scopePrefix(inputs.keyPrefix, { ...ctx, pr: pull.number, section: '' });
  scopeOf({ number: 1 }); // a key-prefix without {scope} or {pr} fails here, before any request
  const pulls = await listOpenPulls(gh.octokit, repo);
  log.info(`${pulls.length} open pull requests in ${repo.owner}/${repo.repo}.`);

  const store = await openStore(d);
  try {
    await renewOpenPulls(d, pulls, store, scopeOf);
  } finally {
    store.client.destroy();
  }
}

async function renewOpenPulls(
  d: ModeDeps,
  pulls: OpenPull[],
  { target, links, client }: Store,
  scopeOf: (pull: Pick<OpenPull, 'number'>) => string,
): Promise<void> {
  const { inputs, ctx, log, clock, publish } = d;
  const gh = publish.gh as NonNullable<typeof publish.gh>; // checked by the caller
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const looked = await mapSettled(pulls, PARALLEL_PULLS, (pull) => findUploads(client, target, scopeOf(pull), runsUrl(ctx), log));
  const unreadable = looked.filter((r) => !r.ok);
  if (unreadable.length > 0) {
    const first = unreadable[0];
    throw new Error(
      `Could not read the uploads of ${unreadable.length} open pull requests, so no link was renewed. #${first.item.number}: ${first.ok ? '' : first.error.message}`,
    );
  }
  const renewing = looked.flatMap((r) => (r.ok && r.value.manifests.length > 0 ? [{ pull: r.item, uploads: r.value }] : []));
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

  const { entries, lifetime, report, sign } = presignFiles(
    renewing.flatMap((r) => r.uploads.files),
    { signer: links, requestedSeconds: inputs.expiresInSeconds, log, clock },
  );
  // Nothing is published unless a link is known to work.
  await proveLinks(links, entries, log);
  const { publicRepo, withhold } = await decideVisibility(inputs.publicRepo, gh, repo, ctx.repoPrivate, log);
  await setLinkOutputs(report, publish.tempDir, 'refresh', log);

  const updatedAt = clock().toISOString();
  const sites = new Map<number, Awaited<ReturnType<typeof renewSites>>>();
  for (const { pull, uploads } of renewing) {
    sites.set(
      pull.number,
      await renewSites({ client, target, uploads, entries, sign, lifetime, updatedAt, signer: links, about: report.about, log }),
    );
  }
  setSiteOutputs(
    [...sites.values()].flatMap((bySection) => [...bySection.values()].flatMap((s) => s.sites)),
    '',
  );
  // The GitHub time budget (about a minute per comment) grows with the pull requests to update.
  gh.budget.grant(GITHUB_BUDGET_MS * Math.max(0, renewing.length - 1));
  const commented = await mapSettled(renewing, PARALLEL_PULLS, async ({ pull, uploads }) => {
    const sections = renewedSections(uploads.manifests, entries, lifetime, updatedAt, links, report.about, sites.get(pull.number)).map(
      (s) => ({
        ...s,
        note: [publicRepo ? PUBLIC_NOTE : '', s.note ?? ''].filter(Boolean).join(' ') || undefined,
      }),
    );
    if (withhold) return false;
    const target = { ...publish, gh: { octokit: gh.octokit, pr: pull.number, budget: gh.budget }, setOutputs: false };
    const posted = await publishComment(target, () => sections);
    if (publish.commitStatus) await publishStatuses(target, sections);
    return posted;
  });
  const rows: RefreshRow[] = commented.map((c, i) => ({
    pr: c.item.pull.number,
    url: `${ctx.serverUrl}/${repo.owner}/${repo.repo}/pull/${c.item.pull.number}`,
    sections: renewing[i].uploads.manifests.length,
    files: renewing[i].uploads.files.length,
    expiresAt: lifetime.expiresAt.toISOString(),
    comment: withhold ? 'withheld' : !c.ok ? 'failed' : c.value ? 'updated' : 'not updated',
  }));
  await writeRefreshSummary({ rows, skipped, about: report.about, notes: [...report.notes, ...notes] }, clock);
  log.info(`Renewed ${plural(entries.length, 'link')} in ${plural(renewing.length, 'open pull request')}.`);

  const failed = commented.flatMap((c) => (c.ok ? [] : [`#${c.item.pull.number}: ${c.error.message}`]));
  if (failed.length > 0)
    throw new Error(`The comments of ${plural(failed.length, 'pull request')} could not be updated:\n${failed.join('\n')}`);
}
