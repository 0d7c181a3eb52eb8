/**
 * mode: refresh — re-sign the links of objects already uploaded for this PR (or branch), no rebuild.
 * On a schedule or a manual run without `pr-number`: every open pull request (refresh-all.ts).
 */
import { runsUrl } from '../config/context.js';
import { scopePrefix } from '../links/keys.js';
import { bucketRecords } from '../publish/comment-records.js';
import { publishLinks } from '../publish/links.js';
import { setSiteOutputs } from '../publish/outputs.js';
import { findUploads, goneWarning } from '../steps/find-uploads.js';
import { renewedSections, renewSites } from '../steps/renew.js';
import { ModeDeps, openStore } from '../steps/setup.js';
import { presignFiles, proveLinks } from '../steps/sign.js';
import { plural } from '../util/log.js';

/** Events on which `mode: refresh` without `pr-number` renews every open pull request. */
export const EVERY_PULL_EVENTS = ['schedule', 'workflow_dispatch'];

export async function refresh(deps: ModeDeps): Promise<void> {
  const { inputs, ctx, log, clock } = deps;
  if (inputs.prNumber === undefined && EVERY_PULL_EVENTS.includes(ctx.eventName)) {
    return (await import('./refresh-all.js')).refreshOpenPulls(deps);
  }
  const scope = scopePrefix(inputs.keyPrefix, { ...ctx, section: '' });
  const { target, signer, client } = await openStore(deps);
  try {
    const found = await findUploads(client, target, scope, runsUrl(ctx), log);
    if (found.manifests.length === 0) {
      log.warning(
        `Nothing to refresh: no uploads under ${inputs.bucket}/${scope}/. Run the action with mode: upload (same bucket, key-prefix and pull request) first.`,
      );
      return;
    }
    if (found.missing.length > 0) log.warning(goneWarning(found.missing));
    const { entries, lifetime, report, sign } = await presignFiles(found.files, {
      signer,
      requestedSeconds: inputs.expiresInSeconds,
      log,
      clock,
    });
    await proveLinks(signer, entries, log);
    const updatedAt = clock().toISOString();
    const sites = await renewSites({
      client,
      target,
      uploads: found,
      entries,
      sign,
      lifetime,
      updatedAt,
      signer,
      about: report.about,
      linkSigner: inputs.linkSigner,
      log,
    });
    const sections = renewedSections(found.manifests, entries, lifetime, updatedAt, signer, report.about, sites);
    // One share page per section: the output names it when there is one.
    const shareUrls = [...sites.values()].map((s) => s.shareUrl);
    setSiteOutputs(
      [...sites.values()].flatMap((s) => s.sites),
      shareUrls.length === 1 ? shareUrls[0] : '',
    );
    log.info(`Renewed ${plural(entries.length, 'link')} in ${plural(sections.length, 'section')} under ${inputs.bucket}/${scope}/.`);
    const records = bucketRecords(client, target, scope, deps.publish.comment.marker, log);
    await publishLinks({ ...deps.publish, records }, report, sections, 'refresh');
  } finally {
    client.destroy();
  }
}
