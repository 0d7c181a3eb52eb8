/**
 * Publishes links everywhere they go: outputs and manifest file, the comment sections, and the job
 * summary, applying the public-repository policy first.
 */
import type { PublicRepoPolicy } from '../config/inputs.js';
import type { SectionData } from '../render/markers.js';
import type { Report } from '../render/summary.js';
import { CommentTarget, publishComment } from './comment.js';
import { setLinkOutputs } from './outputs.js';
import { publishStatuses } from './status.js';
import { decideVisibility, PUBLIC_NOTE } from './policy.js';
import { writeSummary } from './summary.js';

/** Everything publishing needs, built once per run (modes/setup.ts). */
export interface PublishContext extends CommentTarget {
  run: CommentTarget['run'] & { repoPrivate?: boolean };
  publicRepo: PublicRepoPolicy;
  /** Set a commit status per section (the `commit-status` input). */
  commitStatus: boolean;
  /** Where the manifest file is written (RUNNER_TEMP). */
  tempDir: string;
}

/** `name` names the manifest file: the section id, or the mode. */
export async function publishLinks(p: PublishContext, report: Report, sections: SectionData[], name: string): Promise<void> {
  const { publicRepo, withhold } = await decideVisibility(p.publicRepo, p.gh, p.run, p.run.repoPrivate, p.log);
  await setLinkOutputs(report, p.tempDir, name, p.log);
  let commented = false;
  if (!withhold && sections.length > 0) {
    const withNote = sections.map((s) => ({
      ...s,
      note: [publicRepo ? PUBLIC_NOTE : '', s.note ?? ''].filter(Boolean).join(' ') || undefined,
    }));
    commented = await publishComment(p, () => withNote);
    if (p.commitStatus) await publishStatuses(p, withNote);
  }
  // The runner masks secrets in job summaries, URL-encoded too: links holding a session token (or a
  // masked signing key ID) would read *** there and fail. They go to the comment and the outputs only.
  const summaryLinks = withhold
    ? 'withheld (public-repo: refuse)'
    : report.maskedInLinks
      ? commented
        ? 'in the PR comment'
        : 'in the manifest output'
      : undefined;
  const pages = {
    sites: sections.flatMap((s) => s.sites ?? []),
    shareUrls: sections.flatMap((s) => (s.shareUrl ? [s.shareUrl] : [])),
  };
  await writeSummary(report, p.clock, summaryLinks, pages);
}
