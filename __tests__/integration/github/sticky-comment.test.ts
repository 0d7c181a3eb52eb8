/**
 * The sticky comment's verify step against the OpenAPI-checked GitHub fake, when a concurrent job's
 * write lands between this job's write and its check: the comment must end up holding this job's
 * section even when the other write says it left sections out for the size limit.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { tokenOwner, updateSticky } from '../../../src/github/sticky-comment.js';
import { NOT_SHOWN } from '../../../src/render/comment-body.js';
import { commentMarker, parseSections, type SectionData } from '../../../src/render/markers.js';
import { GitHubFake, startGitHubFake } from '../../support/github-fake/index.js';

const OWNER = 'octo';
const REPO = 'app';
const PR = 7;
const MARKER = commentMarker('');
let gh: GitHubFake;

beforeEach(async () => {
  gh = await startGitHubFake();
  gh.addRepo(OWNER, REPO, { private: true });
  gh.addPull(OWNER, REPO, { number: PR, headSha: 'a'.repeat(40) });
});
afterEach(async () => {
  const violations = [...gh.violations];
  await gh.close();
  expect(violations).toEqual([]);
});

const section = (id: string): SectionData => ({
  id,
  title: `CI / ${id}`,
  sha: 'a'.repeat(40),
  runUrl: 'https://github.com/octo/app/actions/runs/1',
  updatedAt: '2026-12-02T10:00:00.000Z',
  expiresAt: '2026-12-09T10:00:00.000Z',
  files: [],
});

const quiet = { info: () => undefined, warning: () => undefined };

/**
 * Runs updateSticky for `own`; at the first settle wait, another writer replaces the comment with
 * its body less the sections `drop`, announcing them as cut for size (as mergeComment does).
 */
async function raceWithSizeCut(own: SectionData, drop: string[], records: SectionData[]) {
  const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
  const repo = { owner: OWNER, repo: REPO };
  let raced = false;
  const sleep = async () => {
    if (raced) return;
    raced = true;
    const [comment] = gh.commentsOn(OWNER, REPO, PR);
    const sections = parseSections(comment.body ?? '');
    let body = comment.body ?? '';
    for (const id of drop) body = body.replace(sections.get(id)!.raw, '');
    body += `\n\n_${drop.length} more job section${drop.length === 1 ? '' : 's'} ${NOT_SHOWN}._`;
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body });
  };
  const posted = await updateSticky(octokit, repo, PR, await tokenOwner(octokit), () => [own], {
    marker: MARKER,
    now: () => new Date('2026-12-02T10:00:00.000Z'),
    sleep,
    random: () => 0.5,
    log: quiet,
    settleMs: 10,
    records: { list: async () => records },
  });
  return { posted, body: gh.commentsOn(OWNER, REPO, PR)[0].body ?? '' };
}

describe('updateSticky: a concurrent write that cut sections for size', () => {
  it("does not count as keeping this job's own section: it is written again", async () => {
    const { posted, body } = await raceWithSizeCut(section('mine-0123456789'), ['mine-0123456789'], [section('other-0123456789')]);
    expect(posted).toBeDefined();
    expect([...parseSections(body).keys()].sort()).toEqual(['mine-0123456789', 'other-0123456789']);
  });

  it('excuses a restored record it announces as cut (it cannot be restored past the limit)', async () => {
    const { body } = await raceWithSizeCut(section('mine-0123456789'), ['other-0123456789'], [section('other-0123456789')]);
    expect([...parseSections(body).keys()]).toEqual(['mine-0123456789']);
    expect(body).toContain(NOT_SHOWN);
  });
});
