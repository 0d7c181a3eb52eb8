/**
 * End to end: many matrix legs write one sticky comment at once while GitHub misbehaves as it does
 * under load: 502s now and then, before a write is applied and after it was, and PATCHes that take
 * 4–5 s to apply. GitHub has no compare-and-swap; the comment is a view of the sections recorded in
 * the bucket, verified as a whole after each job's last write. Every leg's latest section must be in
 * the one comment at the end, whatever the interleaving.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { mulberry32 } from '../support/fault-proxy.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'race-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff';
const LEGS = 8;
let s3: LocalS3;
let gh: GitHubFake;
const dirs: string[] = [];

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
});
afterAll(async () => {
  await s3?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function flakyGitHub(seed: number): Promise<GitHubFake> {
  const random = mulberry32(seed); // a seeded coin, so a failing interleaving can be replayed
  // Writes to comments: one in three takes 4–5 s to apply (the answer comes once it is applied).
  const fake = await startGitHubFake({
    latencyMs: ({ method, path: p }) =>
      (method === 'PATCH' || method === 'POST') && /\/comments/.test(p) && random() < 0.33 ? 4000 + random() * 1000 : 5 + random() * 40,
  });
  fake.addRepo(OWNER, REPO, { private: true });
  const writes = /\/issues\/(\d+\/)?comments/;
  for (const method of ['PATCH', 'POST']) {
    fake.inject({ method, path: writes, status: 502, times: Infinity, pick: () => random() < 0.15 }); // not applied
    fake.inject({ method, path: writes, status: 502, times: Infinity, when: 'after', pick: () => random() < 0.15 }); // applied
  }
  fake.inject({ method: 'GET', path: writes, status: 502, times: Infinity, pick: () => random() < 0.05 });
  return fake;
}

function leg(i: number, round: number): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), `race-${i}-`));
  dirs.push(ws);
  mkdirSync(path.join(ws, 'dist'), { recursive: true });
  writeFileSync(path.join(ws, 'dist', 'app.txt'), `leg ${i} round ${round}`);
  return ws;
}

function act(ws: string, pr: number, i: number, attempt: number): Promise<ActionRun> {
  return runAction({
    cwd: ws,
    eventName: 'pull_request',
    event: { pull_request: { number: pr, head: { sha: HEAD, ref: 'feature/race' } }, repository: { private: true } },
    inputs: {
      path: 'dist/**',
      bucket: BUCKET,
      endpoint: s3.endpoint,
      'github-token': 'ghs_test',
      matrix: JSON.stringify({ shard: i }),
      'fail-on-comment-error': 'true',
    },
    env: {
      AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
      GITHUB_API_URL: gh.url,
      GITHUB_RUN_ATTEMPT: String(attempt),
      // The action's own settle window, not the test harness's shorter one.
      ARTIFACT_LINKS_TEST_COMMENT_SETTLE_MS: '2500',
    },
    timeoutMs: 170_000,
  });
}

describe.each([11, 23])('8 legs on one PR while GitHub is slow and fails writes (seed %i)', (seed) => {
  beforeAll(async () => {
    gh = await flakyGitHub(seed);
  });
  afterAll(async () => {
    const violations = [...gh.violations];
    await gh.close();
    expect(violations).toEqual([]);
  });

  test('exactly one comment holding every leg’s latest section, round after round', async () => {
    const pr = 300 + seed;
    gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
    for (const attempt of [1, 2]) {
      const runs = await Promise.all(Array.from({ length: LEGS }, (_, i) => act(leg(i, attempt), pr, i, attempt)));
      for (const run of runs) if (run.code !== 0) throw new Error(`a leg failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
      const comments = gh.commentsOn(OWNER, REPO, pr);
      expect(comments).toHaveLength(1);
      const body = comments[0].body;
      const sections = [...body.matchAll(/<!-- s3-artifact-links section=(\S+) meta=/g)].map((m) => m[1]);
      expect(sections).toHaveLength(LEGS);
      for (let i = 0; i < LEGS; i++) expect(sections.filter((id) => id.startsWith(`build-${i}-`))).toHaveLength(1);
      // The latest: in the second round every section links the second run attempt.
      const blocks = body.split('<!-- s3-artifact-links section=').slice(1);
      expect(blocks).toHaveLength(LEGS);
      for (const block of blocks) expect(block.includes('/attempts/2')).toBe(attempt === 2);
      // Each leg's output names the one comment.
      for (const run of runs) expect(run.outputs['comment-id']).toBe(String(comments[0].id));
    }
    const injected = gh.requests.filter((r) => r.injected).length;
    console.log(`seed ${seed}: ${injected} of ${gh.requests.length} GitHub requests answered 502`);
    expect(injected).toBeGreaterThan(0);
  }, 400_000);
});
