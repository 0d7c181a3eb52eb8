/** Writes the job summary. */
import * as core from '@actions/core';
import { RefreshSummary, renderRefreshSummary } from '../render/refresh-summary.js';
import { renderSummary, Report, SummaryPages } from '../render/summary.js';
import type { Clock } from '../util/clock.js';

/** `linksElsewhere`: where the links are instead, when they must not appear in the summary. */
export async function writeSummary(report: Report, clock: Clock, linksElsewhere?: string, pages?: SummaryPages): Promise<void> {
  await core.summary.addRaw(renderSummary(report, clock(), linksElsewhere, pages), true).write();
}

/** The summary of a refresh of every open pull request: one row per pull request, no links. */
export async function writeRefreshSummary(summary: RefreshSummary, clock: Clock): Promise<void> {
  await core.summary.addRaw(renderRefreshSummary(summary, clock()), true).write();
}
