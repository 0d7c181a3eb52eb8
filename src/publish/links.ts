/**
 * Publishes links everywhere they go, one path for every mode: the public-repository policy first,
 * then the outputs and manifest file, the comment sections (of one pull request, or of each of many),
 * and the job summary.
 */
import type { PublicRepoPolicy } from '../config/inputs.js';
import { mapSettled } from '../github/open-pulls.js';
import { GITHUB_BUDGET_MS } from '../github/wait-budget.js';
import type { SectionData } from '../render/markers.js';
import type { Report } from '../render/summary.js';
import type { CommentRecords } from './comment-records.js';
import { CommentTarget, publishComment } from './comment.js';
import { setLinkOutputs } from './outputs.js';
import { publishStatuses } from './status.js';
import { decideVisibility, PUBLIC_NOTE, Visibility } from './policy.js';
import { writeSummary } from './summary.js';

/** Everything publishing needs, built once per run (steps/setup.ts). */
export interface PublishContext extends CommentTarget {
  run: CommentTarget['run'] & { repoPrivate?: boolean };
  publicRepo: PublicRepoPolicy;
  /** Set a commit status per section (the `commit-status` input). */
  commitStatus: boolean;
  /** Where the manifest file is written (RUNNER_TEMP). */
  tempDir: string;
}

/** Pull requests commented on at once: a few, so GitHub's secondary rate limits stay far. */
const PARALLEL_PULLS = 4;

/** The first steps of publishing, once per run: decide what the policy allows, set the outputs. */
async function decideAndSetOutputs(context: PublishContext, report: Report, name: string): Promise<Visibility> {
  const visibility = await decideVisibility(context.publicRepo, context.gh, context.run, context.run.repoPrivate, context.log);
  await setLinkOutputs(report, context.tempDir, name, context.log);
  return visibility;
}

/** The sections as the comment shows them: the public-repository note first when it applies. */
function withPublicNote(sections: SectionData[], visibility: Visibility): SectionData[] {
  return sections.map((section) => ({
    ...section,
    note: [visibility.publicRepo ? PUBLIC_NOTE : '', section.note ?? ''].filter(Boolean).join(' ') || undefined,
  }));
}

/**
 * Links of one pull request (or none found): outputs, its comment, and the job summary.
 * `name` names the manifest file: the section id, or the mode.
 */
export async function publishLinks(context: PublishContext, report: Report, sections: SectionData[], name: string): Promise<void> {
  const visibility = await decideAndSetOutputs(context, report, name);
  let commented = false;
  if (!visibility.withhold && sections.length > 0) {
    const shown = withPublicNote(sections, visibility);
    // Recorded first: a job that drops this section from the comment later, writing from an older
    // read, finds it in the bucket; whoever writes last writes it back.
    if (context.gh?.pr !== undefined) await context.records?.put(shown);
    commented = await publishComment(context, () => shown);
    if (context.commitStatus) await publishStatuses(context, shown);
  }
  // The runner masks secrets in job summaries, URL-encoded too: links holding a session token (or a
  // masked signing key ID) would read *** there and fail. They go to the comment and the outputs only.
  const summaryLinks = visibility.withhold
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
  await writeSummary(report, context.clock, summaryLinks, pages);
}

/** One pull request's renewed sections. */
export interface PullSections {
  pr: number;
  sections: SectionData[];
  /** The pull request's comment sections recorded in the bucket (its scope). */
  records?: CommentRecords;
}

/** What became of one pull request's comment. */
export type PullComment = 'updated' | 'not updated' | 'withheld' | { failed: string };

/**
 * Links of many pull requests (a refresh of every open one): outputs once, then each pull request's
 * comment, a few at a time; one failure does not stop the others. The caller writes the summary.
 */
export async function publishToPulls(
  context: PublishContext,
  report: Report,
  pulls: readonly PullSections[],
  name: string,
): Promise<PullComment[]> {
  const visibility = await decideAndSetOutputs(context, report, name);
  const { gh } = context;
  if (visibility.withhold || !gh) return pulls.map(() => (visibility.withhold ? 'withheld' : 'not updated'));
  // The GitHub time budget (about a minute per comment) grows with the pull requests to update.
  gh.budget.grant(GITHUB_BUDGET_MS * Math.max(0, pulls.length - 1));
  const commented = await mapSettled(pulls, PARALLEL_PULLS, async (pull) => {
    const shown = withPublicNote(pull.sections, visibility);
    await pull.records?.put(shown);
    const target = { ...context, gh: { ...gh, pr: pull.pr }, setOutputs: false, records: pull.records };
    const posted = await publishComment(target, () => shown);
    if (context.commitStatus) await publishStatuses(target, shown);
    return posted;
  });
  return commented.map((c) => (c.ok ? (c.value ? 'updated' : 'not updated') : { failed: c.error.message }));
}
