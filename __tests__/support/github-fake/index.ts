/**
 * A local, stateful fake of the few GitHub REST endpoints the action uses, checked against GitHub's
 * official OpenAPI description so it cannot drift from the real API.
 *
 * Every request it handles (path and query parameters, JSON body) and every response it sends
 * (status documented for the operation, body matching that status's schema) is validated with ajv
 * against `__tests__/fixtures/github-openapi.json` (extracted from npm `@octokit/openapi` by
 * `scripts/extract-openapi.mjs`). Problems are collected in `fake.violations`; tests of the action
 * assert it stays empty.
 *
 *   const gh = await startGitHubFake();                    // 127.0.0.1, random port
 *   gh.addPull('octo', 'repo', { number: 7, headSha: 'abc…' });
 *   const octokit = getOctokit('ghs_test', { baseUrl: gh.url });
 *   …
 *   expect(gh.violations).toEqual([]);
 *   await gh.close();
 *
 * Tokens (header `authorization: token X` or `Bearer X`): by default `ghs_test` is a GITHUB_TOKEN-like
 * integration token (GET /user answers 403 "Resource not accessible by integration"; its comments are
 * authored by `github-actions[bot]`, type Bot) and `ghp_user` is the User `octocat`. Unknown → 401.
 *
 * Rules the fake applies like GitHub: comment bodies over 65536 characters → 422 "Validation Failed";
 * a request body that breaks the schema → 422 "Invalid request" (and a violation); `per_page` defaults
 * to 30, is capped at 100, and the `Link` header points at `/repositories/{id}/…` URLs.
 * One rule is stricter than GitHub, on purpose: only a comment's author may PATCH or DELETE it
 * (GitHub also lets collaborators with write access), so tests prove the action edits only its own.
 *
 * Statuses not documented for an operation are accepted only if GitHub may send them on any endpoint
 * (400, 401, 403, 404, 429, 5xx), with a body matching `basic-error`; anything else is a violation.
 *
 * Faults: `inject({ method, path, operationId, status | kind, body, headers, times })` makes matching
 * requests fail (`kind: 'secondary-rate-limit'` → 403 with `retry-after`, `kind: 'rate-limit'` → 403
 * with `x-ratelimit-remaining: 0`); `readOnly = true` makes every write answer 403 "Resource not
 * accessible by integration" (a fork PR's `pull_request` token); `latencyMs` delays each request;
 * `beforeHandle` sees each request just before it is handled (to change the state in between).
 *
 * Modules, each readable on its own: `openapi.ts` (the description and its validators), `validate.ts`
 * (request and response checks), `state.ts` (repos, issues, PRs, comments, tokens), `render-*.ts`
 * (API shapes), `replies.ts` (errors, pagination), `faults.ts`, `handlers/` (one file per resource),
 * `server.ts` (the request pipeline and the `GitHubFake` handle).
 */
export { startGitHubFake } from './server.ts';
export { openApiVersion } from './openapi.ts';
export type {
  Fault,
  FakeOptions,
  GitHubFake,
  Identity,
  InjectedFault,
  IssueComment,
  PullOptions,
  RecordedRequest,
  RepoOptions,
  SimpleUser,
  TokenConfig,
} from './types.ts';
