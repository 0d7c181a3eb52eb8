/** Writes the job summary. */
import * as core from '@actions/core';
import { renderSummary, Report } from '../render/summary.js';
import type { Clock } from '../util/clock.js';

/** `linksElsewhere`: where the links are instead, when they must not appear in the summary. */
export async function writeSummary(report: Report, clock: Clock, linksElsewhere?: string): Promise<void> {
  await core.summary.addRaw(renderSummary(report, clock(), linksElsewhere), true).write();
}
