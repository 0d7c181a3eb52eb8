/**
 * Tests of the GitHub fake itself: its behaviour matches GitHub's, its responses pass GitHub's
 * OpenAPI schemas, and its validator does catch requests and responses that break them.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { openApiVersion, startGitHubFake, type GitHubFake } from '../../support/github-fake/index.js';

const OWNER = 'octo-org';
const REPO = 'widgets';
const PR = 7;
const SHA = 'a'.repeat(40);
const FIXTURE = new URL('../../fixtures/github-openapi.json', import.meta.url);

let gh: GitHubFake;

beforeEach(async () => {
  gh = await startGitHubFake({ tokens: { ghp_other: { login: 'hubot', type: 'User' } } });
  gh.addRepo(OWNER, REPO);
  gh.addPull(OWNER, REPO, { number: PR, headSha: SHA, headRef: 'feature/x' });
});

afterEach(async () => {
  await gh.close();
  // Tests that provoke violations on purpose empty the list after checking it.
  expect(gh.violations).toEqual([]);
});

const octokitFor = (token = 'ghs_test') => getOctokit(token, { baseUrl: gh.url });

/** Plain fetch, for requests octokit's types would not let us send. */
async function raw(method: string, path: string, body?: string, token = 'ghs_test') {
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

interface HttpError {
  status: number;
  message: string;
  response: { data: unknown; headers: Record<string, string> };
}

/** The error a request fails with (fails the test if it succeeds). */
async function failure(request: Promise<unknown>): Promise<HttpError> {
  return request.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as HttpError,
  );
}

function takeViolations(): string[] {
  return gh.violations.splice(0, gh.violations.length);
}

describe('fixture', () => {
  it('is small, self-contained and records the @octokit/openapi version', () => {
    expect(statSync(FIXTURE).size).toBeLessThan(1024 * 1024);
    const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      info: { 'x-extracted-from': { package: string; version: string } };
      paths: Record<string, Record<string, { operationId: string }>>;
      components: Record<string, Record<string, unknown>>;
    };
    expect(doc.info['x-extracted-from'].package).toBe('@octokit/openapi');
    expect(openApiVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(ids.sort()).toEqual(
      [
        'issues/create-comment',
        'issues/delete-comment',
        'issues/get-comment',
        'issues/list-comments',
        'issues/update-comment',
        'pulls/get',
        'pulls/list',
        'repos/create-commit-status',
        'repos/get',
        'repos/list-pull-requests-associated-with-commit',
        'users/get-authenticated',
      ].sort(),
    );
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const [, , section, name] = JSON.parse(`{${ref}}`).$ref.split('/') as string[];
      expect(doc.components[section]?.[name]).toBeDefined();
    }
  });
});

describe('issue comments', () => {
  it('creates, gets, updates and deletes a comment authored by github-actions[bot]', async () => {
    const octokit = octokitFor();
    const created = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'hello' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    expect(created.data).toMatchObject({
      body: 'hello',
      user: { login: 'github-actions[bot]', type: 'Bot', id: 41898282 },
      issue_url: `${gh.url}/repos/${OWNER}/${REPO}/issues/${PR}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${created.data.id}`,
      performed_via_github_app: { slug: 'github-actions' },
    });

    const got = await octokit.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: created.data.id });
    expect(got.data.body).toBe('hello');

    const updated = await octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: created.data.id, body: 'bye' });
    expect(updated.data.body).toBe('bye');
    expect(gh.commentsOn(OWNER, REPO, PR).map((c) => c.body)).toEqual(['bye']);

    const deleted = await octokit.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: created.data.id });
    expect(deleted.status).toBe(204);
    expect(gh.commentsOn(OWNER, REPO, PR)).toEqual([]);
    await expect(octokit.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: created.data.id })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('paginates over more than 100 comments with GitHub-style Link headers', async () => {
    const octokit = octokitFor();
    for (let i = 0; i < 120; i += 1) gh.seedComment(OWNER, REPO, PR, `seeded ${i}`);
    for (let i = 0; i < 3; i += 1) {
      await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: `posted ${i}` });
    }
    const repoId = (await octokit.rest.repos.get({ owner: OWNER, repo: REPO })).data.id;
    const base = `${gh.url}/repositories/${repoId}/issues/${PR}/comments`;

    const first = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toBe(`<${base}?per_page=100&page=2>; rel="next", <${base}?per_page=100&page=2>; rel="last"`);

    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: OWNER, repo: REPO, issue_number: PR, per_page: 100 });
    expect(all).toHaveLength(123);
    expect(all.at(-1)?.body).toBe('posted 2');
    expect(new Set(all.map((c) => c.id)).size).toBe(123);

    // Default page size 30: a middle page has prev, next, last and first, in GitHub's order.
    const middle = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, page: 2 });
    expect(middle.data).toHaveLength(30);
    expect(middle.headers.link).toBe(
      `<${base}?page=1>; rel="prev", <${base}?page=3>; rel="next", <${base}?page=5>; rel="last", <${base}?page=1>; rel="first"`,
    );
    const last = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, page: 5 });
    expect(last.data).toHaveLength(3);
    expect(last.headers.link).toBe(`<${base}?page=4>; rel="prev", <${base}?page=1>; rel="first"`);

    // per_page is capped at 100.
    const capped = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, per_page: 500 });
    expect(capped.data).toHaveLength(100);

    // One page only: no Link header.
    gh.addPull(OWNER, REPO, { number: 8, headSha: 'b'.repeat(40) });
    const single = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 8 });
    expect(single.data).toEqual([]);
    expect(single.headers.link).toBeUndefined();
  });

  it('lets only the author edit or delete a comment', async () => {
    const mine = await octokitFor('ghp_user').rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'by octocat' });
    expect(mine.data.user).toMatchObject({ login: 'octocat', type: 'User' });
    for (const token of ['ghs_test', 'ghp_other']) {
      const other = octokitFor(token);
      await expect(
        other.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: mine.data.id, body: 'hijack' }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(other.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: mine.data.id })).rejects.toMatchObject({
        status: 403,
      });
    }
    expect(gh.commentsOn(OWNER, REPO, PR).map((c) => c.body)).toEqual(['by octocat']);
  });

  it('answers 422 like GitHub for a body over 65536 characters', async () => {
    const octokit = octokitFor();
    const ok = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x'.repeat(65536) });
    expect(ok.status).toBe(201);
    const error = await failure(octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x'.repeat(65537) }));
    expect(error).toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
        },
      },
    });
    await expect(
      octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: ok.data.id, body: 'y'.repeat(70000) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('answers 404 for comments on an unknown issue or repo', async () => {
    const octokit = octokitFor();
    await expect(octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 999, body: 'x' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(octokit.rest.issues.listComments({ owner: OWNER, repo: 'nope', issue_number: PR })).rejects.toMatchObject({ status: 404 });
  });
});

describe('pulls, repos and identity', () => {
  it('lists the pull requests associated with a commit, configurably', async () => {
    const octokit = octokitFor();
    gh.addPull(OWNER, REPO, { number: 9, headSha: 'c'.repeat(40), fromFork: 'forker', headRef: 'patch-1' });
    const listed = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: OWNER, repo: REPO, commit_sha: SHA });
    expect(listed.data.map((p) => p.number)).toEqual([PR]);
    expect(listed.data[0]).toMatchObject({ state: 'open', head: { sha: SHA, ref: 'feature/x', repo: { full_name: `${OWNER}/${REPO}` } } });

    // Like GitHub, a fork's unmerged commit does not list its PR; the head filter of pulls.list does.
    const fork = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: OWNER, repo: REPO, commit_sha: 'c'.repeat(40) });
    expect(fork.data).toEqual([]);
    const byHead = await octokit.rest.pulls.list({ owner: OWNER, repo: REPO, state: 'open', head: 'forker:patch-1' });
    expect(byHead.data.map((p) => p.number)).toEqual([9]);
    expect(byHead.data[0]).toMatchObject({ head: { label: 'forker:patch-1', repo: { full_name: `forker/${REPO}`, fork: true } } });
    expect((await octokit.rest.pulls.list({ owner: OWNER, repo: REPO, head: 'forker:other' })).data).toEqual([]);

    gh.setCommitPulls(OWNER, REPO, SHA, []);
    const none = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: OWNER, repo: REPO, commit_sha: SHA });
    expect(none.data).toEqual([]);
  });

  it('gets a pull request, and 404 for an unknown one', async () => {
    const octokit = octokitFor();
    const pr = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: PR });
    expect(pr.data).toMatchObject({ number: PR, merged: false, head: { sha: SHA }, base: { ref: 'main' } });
    await expect(octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 404 })).rejects.toMatchObject({ status: 404 });
  });

  it('reports repository visibility', async () => {
    const octokit = octokitFor();
    gh.addRepo(OWNER, 'secret', { private: true });
    gh.addRepo(OWNER, 'inner', { visibility: 'internal' });
    expect((await octokit.rest.repos.get({ owner: OWNER, repo: REPO })).data).toMatchObject({ private: false, visibility: 'public' });
    expect((await octokit.rest.repos.get({ owner: OWNER, repo: 'secret' })).data).toMatchObject({ private: true, visibility: 'private' });
    expect((await octokit.rest.repos.get({ owner: OWNER, repo: 'inner' })).data).toMatchObject({ private: true, visibility: 'internal' });
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: 'missing' })).rejects.toMatchObject({ status: 404 });
  });

  it('answers GET /user like GitHub for an installation token and for a user token', async () => {
    await expect(octokitFor().rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    const me = await octokitFor('ghp_user').rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'octocat', type: 'User' });
  });

  it('requires a known token', async () => {
    const none = await fetch(`${gh.url}/repos/${OWNER}/${REPO}`);
    expect(none.status).toBe(401);
    await expect(octokitFor('ghp_wrong').rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials'),
    });
    const bearer = await fetch(`${gh.url}/repos/${OWNER}/${REPO}`, { headers: { authorization: 'Bearer ghp_user' } });
    expect(bearer.status).toBe(200);
  });
});

describe('fault injection', () => {
  it('injects 5xx a given number of times, and retries get through', async () => {
    const octokit = getOctokit('ghs_test', { baseUrl: gh.url, retry: { retryAfterBaseValue: 1 } }, retry);
    const { data } = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'v1' });
    const fault = gh.inject({ method: 'PATCH', path: /comments/, status: 502, times: 2 });
    const updated = await octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: data.id, body: 'v2' });
    expect(updated.data.body).toBe('v2');
    expect(fault.hits).toBe(2);
    expect(gh.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([502, 502, 200]);
    expect(gh.requests.filter((r) => r.injected)).toHaveLength(2);
  });

  it('injects a secondary rate limit with retry-after, which the throttling plugin honours', async () => {
    gh.inject({ method: 'POST', operationId: 'issues/create-comment', kind: 'secondary-rate-limit' });
    const plain = octokitFor();
    const error = await failure(plain.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' }));
    expect(error).toMatchObject({ status: 403, response: { headers: { 'retry-after': '1' } } });
    expect(error.message).toMatch(/secondary rate limit/);

    gh.inject({ method: 'POST', operationId: 'issues/create-comment', kind: 'secondary-rate-limit' });
    const waits: number[] = [];
    const throttled = getOctokit(
      'ghs_test',
      {
        baseUrl: gh.url,
        throttle: {
          retryAfterBaseValue: 1,
          onSecondaryRateLimit: (after: number) => (waits.push(after), true),
          onRateLimit: () => false,
        },
      },
      throttling,
    );
    const created = await throttled.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'after wait' });
    expect(created.status).toBe(201);
    expect(waits).toEqual([1]);
  });

  it('injects a primary rate limit (x-ratelimit-remaining: 0)', async () => {
    gh.inject({ path: `/repos/${OWNER}/${REPO}`, kind: 'rate-limit' });
    const error = await failure(octokitFor().rest.repos.get({ owner: OWNER, repo: REPO }));
    expect(error).toMatchObject({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' } } });
  });

  it('read-only mode answers every write with 403 "Resource not accessible by integration"', async () => {
    const octokit = octokitFor();
    const { data } = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'before' });
    gh.readOnly = true;
    const attempts = [
      octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' }),
      octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: data.id, body: 'x' }),
      octokit.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: data.id }),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({
        status: 403,
        response: { data: { message: 'Resource not accessible by integration' } },
      });
    }
    const listed = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
    expect(listed.data.map((c) => c.body)).toEqual(['before']);
  });

  it('adds latency, so concurrent writers race as they would against GitHub', async () => {
    gh.latencyMs = 50;
    const octokit = octokitFor();
    // Two naive "find or create" writers started together both see no comment and both create one.
    const writer = async (body: string) => {
      const existing = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR });
      if (existing.data.length === 0) await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body });
    };
    const started = Date.now();
    await Promise.all([writer('a'), writer('b')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(gh.commentsOn(OWNER, REPO, PR)).toHaveLength(2);
  });
});

describe('OpenAPI validation', () => {
  it('records a POST without `body` as a violation and answers 422 like GitHub', async () => {
    const res = await raw('POST', `/repos/${OWNER}/${REPO}/issues/${PR}/comments`, '{}');
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ message: 'Invalid request.\n\n"body" wasn\'t supplied.' });
    expect(takeViolations()).toEqual([expect.stringMatching(/POST .*\/comments: request body: .*must have required property 'body'/)]);

    const wrongType = await raw('PATCH', `/repos/${OWNER}/${REPO}/issues/comments/1`, '{"body":123}');
    expect(wrongType.status).toBe(422);
    expect(wrongType.json?.message).toBe("Invalid request.\n\nFor 'properties/body', 123 is not a string.");
    expect(takeViolations()).toEqual([expect.stringContaining('/body must be string')]);
    expect(gh.commentsOn(OWNER, REPO, PR)).toEqual([]);
  });

  it('records malformed JSON, a non-integer path parameter and unknown query parameters', async () => {
    expect((await raw('POST', `/repos/${OWNER}/${REPO}/issues/${PR}/comments`, '{body')).status).toBe(400);
    expect((await raw('GET', `/repos/${OWNER}/${REPO}/issues/comments/abc`)).status).toBe(404);
    expect((await raw('GET', `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=x&sort=asc`)).status).toBe(200);
    const found = takeViolations();
    expect(found).toEqual([
      expect.stringContaining('request body is not JSON'),
      expect.stringMatching(/path parameter comment_id="abc": .*must be integer/),
      expect.stringContaining('unknown query parameter sort'),
      expect.stringMatching(/query parameter per_page="x": .*must be integer/),
    ]);
  });

  it('records an unknown route as a violation and answers 404', async () => {
    const res = await raw('GET', `/repos/${OWNER}/${REPO}/issues/${PR}/labels`);
    expect(res.status).toBe(404);
    expect(takeViolations()).toEqual([`unhandled route: GET /repos/${OWNER}/${REPO}/issues/${PR}/labels`]);
  });

  it('catches a response that breaks the schema', async () => {
    const comment = gh.seedComment(OWNER, REPO, PR, 'seeded');
    gh.inject({ operationId: 'issues/get-comment', status: 200, body: { ...comment, id: 'not-a-number', user: undefined } });
    await octokitFor().rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: comment.id });
    const found = takeViolations();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/200 response body: .*must have required property 'user'.*\/id must be integer/);
  });

  it('treats OpenAPI `nullable` as GitHub means it, and checks required fields deeply', async () => {
    const comment = gh.seedComment(OWNER, REPO, PR, 'seeded');
    gh.inject({ operationId: 'issues/get-comment', status: 200, body: { ...comment, user: null } });
    await octokitFor().rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: comment.id });
    expect(gh.violations).toEqual([]);

    const repo = (await octokitFor().rest.repos.get({ owner: OWNER, repo: REPO })).data as Record<string, unknown>;
    const { subscribers_count: _dropped, ...withoutCount } = repo;
    gh.inject({ operationId: 'repos/get', status: 200, body: { ...withoutCount, owner: { ...(repo.owner as object), login: 7 } } });
    await octokitFor().rest.repos.get({ owner: OWNER, repo: REPO });
    const found = takeViolations();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/required property 'subscribers_count'/);
    expect(found[0]).toMatch(/\/owner\/login must be string/);
  });

  it('catches a status the operation does not document', async () => {
    gh.inject({ method: 'DELETE', status: 422, body: { message: 'nope', documentation_url: 'x' } });
    const comment = gh.seedComment(OWNER, REPO, PR, 'seeded');
    await expect(octokitFor().rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: comment.id })).rejects.toMatchObject({
      status: 422,
    });
    expect(takeViolations()).toEqual([expect.stringContaining('response status 422 is not documented for issues/delete-comment')]);
  });

  it('accepts every response it produced in a full workflow', async () => {
    // Everything above ran through the validator; here the heavier objects once more, together.
    const octokit = octokitFor('ghp_user');
    await octokit.rest.users.getAuthenticated();
    await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: PR });
    await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: OWNER, repo: REPO, commit_sha: SHA });
    const { data } = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'ok' });
    expect(data.performed_via_github_app).toBeNull();
    expect(gh.requests.every((r) => r.status < 300)).toBe(true);
    expect(gh.violations).toEqual([]);
  });
});
