/**
 * Hostile and mistaken inputs, end to end: the bundled action (dist/index.js) run the way the runner
 * runs it, against the local S3 server and the GitHub API fake. Each case ends either in exactly one
 * `::error::` that names the input (or file) and says what to do, exit 1 and no link in `manifest`;
 * or in a documented warning and exit 0.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { ManifestEntry } from '../../src/links/manifest-entry.js';
import { FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import { withoutOwnImages } from '../support/comment-images.js';

const BUCKET = 'bad-input-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const PR = 77;

let s3: LocalS3;
let gh: GitHubFake;
const dirs: string[] = [];
const proxies: FaultProxy[] = [];
let hostileInputs = 0;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  gh = await startGitHubFake({ latencyMs: 2 });
  gh.addRepo(OWNER, REPO, { private: true });
  gh.addPull(OWNER, REPO, { number: PR, headSha: HEAD });
});

afterAll(async () => {
  console.log(`HOSTILE_INPUTS ${hostileInputs}`);
  await Promise.all(proxies.map((p) => p.close()));
  await gh?.close();
  await s3?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(gh.violations).toEqual([]);
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function write(ws: string, rel: string, content: string | Buffer = rel): void {
  const file = path.join(ws, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const pullRequestEvent = { pull_request: { number: PR, head: { sha: HEAD, ref: 'feature/bad-input' } }, repository: { private: true } };

interface Case {
  name: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Files to create (default: dist/app.txt). */
  files?: Record<string, string | Buffer>;
  setup?: (ws: string) => void;
  /** Comment on PR #77 through the GitHub fake (else `comment: never`, push event). */
  pr?: boolean;
  /** Exit 1 with exactly one ::error:: matching this, and no link in `manifest`. */
  fail?: RegExp;
  /** Exit 0 with a warning matching this. */
  warn?: RegExp;
  /** Exit 0, no warning required. */
  pass?: true;
  check?: (run: ActionRun, ws: string) => void | Promise<void>;
}

function act(ws: string, c: Pick<Case, 'inputs' | 'env' | 'pr'>): Promise<ActionRun> {
  return runAction({
    cwd: ws,
    eventName: c.pr ? 'pull_request' : 'push',
    event: c.pr ? pullRequestEvent : { repository: { private: true } },
    inputs: {
      path: 'dist/**',
      bucket: BUCKET,
      endpoint: s3.endpoint,
      ...(c.pr ? { 'github-token': 'ghs_test' } : { comment: 'never' }),
      ...c.inputs,
    },
    // A variable given as '' is left out altogether (as when a workflow never sets it).
    env: Object.fromEntries(
      Object.entries({ AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url, ...c.env }).filter(
        ([, v]) => v !== '',
      ),
    ),
  });
}

function manifestOf(run: ActionRun): ManifestEntry[] {
  return run.outputs.manifest === undefined ? [] : (JSON.parse(run.outputs.manifest) as ManifestEntry[]);
}

/** One clear error, exit 1, and no output or summary that claims a link. */
function expectFailure(run: ActionRun, pattern: RegExp): void {
  const context = `${run.stdout}\n${run.stderr}`;
  expect({ code: run.code, errors: run.errors.length, context }).toEqual({ code: 1, errors: 1, context });
  expect(run.errors[0]).toMatch(pattern);
  expect(run.outputs.manifest === undefined || run.outputs.manifest === '[]').toBe(true);
  expect(run.summary).not.toContain('X-Amz-Signature');
}

function expectSuccess(run: ActionRun, warning?: RegExp): void {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  expect(run.errors).toEqual([]);
  if (warning) expect(run.warnings.join('\n')).toMatch(warning);
}

async function download(url: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Undoes the summary's HTML escaping (named and numeric character references). */
function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The file links of a comment: each row's file name links to its file, titled by what a click does. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/\]\((http[^)\s]+) "(?:Open in the browser|Download)"\)/g)].map((m) => m[1]);
}

const NOT_A_BUCKET =
  /Input 'bucket' is '.*'.*(bare bucket name|not a valid bucket name: use 3-63 lowercase letters|not a bucket name: use 3-255 letters)/;
const NOT_AN_ENDPOINT = /Input 'endpoint' is '.*', which is not an S3 endpoint URL\. Use the store's base URL with its scheme/;
const NOT_A_DURATION = (value: string) =>
  new RegExp(
    `Input 'expires-in' is '${value}', which is not a duration\\. Use a positive whole number with an optional unit: 90s, 30m, 12h, 7d`,
  );
const ONE_OF = (input: string, value: string) => new RegExp(`Input '${input}' is '${value}'; use one of: `);

const cases: Case[] = [
  // ── path and files ──
  { name: 'empty path', inputs: { path: '' }, fail: /Input 'path' is required: one glob pattern per line, e.g. 'dist\/\*\*'/ },
  { name: 'path of blank lines', inputs: { path: '  \n\t\n ' }, fail: /Input 'path' is required/ },
  {
    name: 'glob matching nothing, if-no-files-found: warn (default)',
    inputs: { path: 'nothing/**' },
    warn: /No files were found with the provided path: nothing\/\*\*/,
    check: (run) => expect(manifestOf(run)).toEqual([]),
  },
  {
    name: 'glob matching nothing, if-no-files-found: error',
    inputs: { path: 'nothing/**', 'if-no-files-found': 'error' },
    fail: /No files were found with the provided path: nothing\/\*\*.*\(if-no-files-found: error\)/,
  },
  {
    name: 'glob matching nothing, if-no-files-found: ignore',
    inputs: { path: 'nothing/**', 'if-no-files-found': 'ignore' },
    pass: true,
    check: (run) => {
      expect(run.warnings).toEqual([]);
      expect(run.outputs.count).toBe('0');
    },
  },
  // A path of only exclusions has no search path: the no-files warning, not a crash.
  { name: 'only exclusions', inputs: { path: '!dist/**' }, warn: /No files were found/ },
  {
    name: 'a directory path expands to its files',
    inputs: { path: 'dist' },
    files: { 'dist/a.txt': 'a', 'dist/sub/b.txt': 'b', 'other/c.txt': 'c' },
    pass: true,
    check: (run) => {
      const manifest = manifestOf(run);
      expect(manifest.map((e) => e.path).sort()).toEqual(['dist/a.txt', 'dist/sub/b.txt']);
      expect(
        manifest
          .map((e) =>
            e.key
              .split('/')
              .slice(-2)
              .join('/')
              .replace(/^build-[0-9a-f]{10}\//, 'build/'),
          )
          .sort(),
      ).toEqual(['build/a.txt', 'sub/b.txt']);
    },
  },
  {
    name: 'zero-byte files are uploaded and their links return an empty body',
    files: { 'dist/empty.txt': '', 'dist/empty.bin': Buffer.alloc(0), 'dist/nonempty.txt': 'x' },
    pass: true,
    check: async (run) => {
      const manifest = manifestOf(run);
      expect(manifest).toHaveLength(3);
      for (const entry of manifest.filter((e) => e.path.startsWith('dist/empty.'))) {
        expect(entry.size).toBe(0);
        expect(entry.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
        const got = await download(entry.url);
        expect(got.status).toBe(200);
        expect(got.bytes.length).toBe(0);
      }
    },
  },
  {
    name: 'a symlink to a file outside the workspace is refused, naming the link',
    setup: (ws) => {
      const outside = tempDir('outside-');
      writeFileSync(path.join(outside, 'credentials'), 'aws_secret_access_key = nope');
      symlinkSync(path.join(outside, 'credentials'), path.join(ws, 'dist', 'innocent.txt'));
    },
    fail: /Refusing to upload symbolic links that point outside the workspace.*dist\/innocent\.txt -> .*credentials.*exclude the links in 'path' with a ! pattern/s,
    check: () => expect(s3.requests.some((r) => r.url.includes('innocent'))).toBe(false),
  },
  {
    name: 'a symlink to a directory outside the workspace is refused, naming the link',
    setup: (ws) => {
      const outside = tempDir('outside-');
      writeFileSync(path.join(outside, 'id_rsa'), 'PRIVATE KEY');
      symlinkSync(outside, path.join(ws, 'dist', 'home'));
    },
    fail: /Refusing to upload symbolic links that point outside the workspace.*dist\/home\/id_rsa -> .*id_rsa/s,
  },
  {
    name: 'a FIFO among the files is skipped, not read (reading it would hang)',
    setup: (ws) => execFileSync('mkfifo', [path.join(ws, 'dist', 'pipe')]),
    pass: true,
    check: (run) => expect(manifestOf(run).map((e) => e.path)).toEqual(['dist/app.txt']),
  },
  {
    name: "a file inside a folder named like the action's own namespace is refused before anything is uploaded, naming it",
    files: { 'dist/app.txt': 'app', 'dist/.artifact-links/evil.json': '{"version":2}' },
    fail: /Nothing was uploaded.*'dist\/\.artifact-links\/evil\.json' would be stored as '.*\/\.artifact-links\/evil\.json', inside a "\.artifact-links" folder, which is reserved/s,
  },
  {
    name: 'an object key over 1024 bytes names the file and the fix',
    files: { [`dist/${Array.from({ length: 5 }, (_, i) => String(i).repeat(230)).join('/')}.txt`]: 'deep' },
    fail: /longer than S3's 1024-byte limit; shorten 'key-prefix' or the path/,
  },

  // ── key-prefix ──
  {
    name: "key-prefix with '..'",
    inputs: { 'key-prefix': '../other-team/{sha}' },
    fail: /Input 'key-prefix' contains a "\." or "\.\." segment: '\.\.\/other-team\/.*'\. Use a relative path such as/,
  },
  {
    name: "key-prefix with '..' in the middle",
    inputs: { 'key-prefix': 'ours/../../theirs' },
    fail: /Input 'key-prefix' contains a "\." or "\.\." segment/,
  },
  {
    name: 'absolute key-prefix',
    inputs: { 'key-prefix': '/abs/{sha}' },
    fail: /Input 'key-prefix' starts with "\/" \(keys are relative to the bucket\).*Use a relative path/,
  },
  { name: 'key-prefix with a backslash', inputs: { 'key-prefix': 'a\\..\\b' }, fail: /Input 'key-prefix' contains a backslash/ },
  {
    name: 'unknown template variable {foo}',
    inputs: { 'key-prefix': '{owner}/{foo}' },
    fail: /Input 'key-prefix' has an unknown variable \{foo\}\. Known variables: \{owner\}/,
  },
  { name: 'unbalanced brace in key-prefix', inputs: { 'key-prefix': '{owner/x' }, fail: /Input 'key-prefix' has an unbalanced \{ or \}/ },
  {
    name: '{pr} on a push event',
    inputs: { 'key-prefix': '{repo}/{pr}' },
    fail: /Input 'key-prefix' uses \{pr\}, but this run has no pull request\. Use \{scope\}.*or set 'pr-number'/,
  },
  {
    name: 'a section name that tries to climb stays one key segment',
    inputs: { section: '../../../etc/passwd' },
    pass: true,
    check: (run) => {
      const [entry] = manifestOf(run);
      expect(entry.key.split('/')).not.toContain('..');
      expect(entry.key).toMatch(/^octo-org\/demo-app\/ref-main\/4f6c1b2\/[^/]+\/app\.txt$/);
    },
  },

  // ── bucket, endpoint, region ──
  { name: 'bucket s3://x', inputs: { bucket: 's3://x' }, fail: NOT_A_BUCKET },
  { name: 'bucket A', inputs: { bucket: 'A' }, fail: NOT_A_BUCKET },
  {
    name: 'bucket with a path',
    inputs: { bucket: 'bucket/with/slash' },
    fail: /Input 'bucket' is 'bucket\/with\/slash'; give the bare bucket name.*put any folder in 'key-prefix'/,
  },
  { name: 'bucket UPPER on AWS', inputs: { bucket: 'UPPER', endpoint: '' }, fail: NOT_A_BUCKET },
  { name: 'bucket shaped like an IP address on AWS', inputs: { bucket: '192.168.1.1', endpoint: '' }, fail: NOT_A_BUCKET },
  { name: 'empty bucket', inputs: { bucket: '' }, fail: /Input 'bucket' is required: the name of the private bucket/ },
  { name: 'endpoint ftp://x', inputs: { endpoint: 'ftp://x' }, fail: NOT_AN_ENDPOINT },
  { name: 'endpoint not a url', inputs: { endpoint: 'not a url' }, fail: NOT_AN_ENDPOINT },
  { name: 'endpoint with a query', inputs: { endpoint: 'http://host?x=1' }, fail: NOT_AN_ENDPOINT },
  {
    name: 'endpoint with credentials in it',
    inputs: { endpoint: 'http://AKIA:secret@127.0.0.1:9000' },
    fail: /^Input 'endpoint' is 'http:\/\/\*\*\*@127\.0\.0\.1:9000', which has user info \(user:password@\) in it.*AWS_SECRET_ACCESS_KEY/,
    check: (run) => expect(`${run.stdout}${run.stderr}`).not.toContain('secret@'),
  },
  {
    name: 'unknown region without endpoint',
    inputs: { region: 'moon-1', endpoint: '' },
    fail: /Input 'region' is 'moon-1', which is not an AWS region name \(e\.g\. us-east-1, eu-west-3\)\. For an S3-compatible store, also set 'endpoint'/,
  },

  // ── credentials ──
  {
    name: 'missing credentials (no AWS_* variables, empty HOME, no instance metadata)',
    env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', HOME: '<empty-home>', AWS_EC2_METADATA_DISABLED: 'true' },
    fail: /No AWS credentials found.*aws-actions\/configure-aws-credentials.*`role-to-assume`.*id-token: write/s,
  },
  {
    name: 'wrong secret key (SignatureDoesNotMatch)',
    env: { AWS_SECRET_ACCESS_KEY: 'not-the-secret' },
    fail: /dist\/app\.txt: SignatureDoesNotMatch.*the secret access key is wrong, or 'region' does not match the bucket's region/s,
  },
  {
    name: 'unknown access key (InvalidAccessKeyId)',
    env: { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' },
    fail: /dist\/app\.txt: InvalidAccessKeyId.*The access key ID is not known to 127\.0\.0\.1:\d+: check the credentials configured for this job/s,
  },
  {
    name: 'role-to-assume: not-an-arn',
    inputs: { 'role-to-assume': 'not-an-arn' },
    fail: /Input 'role-to-assume' is 'not-an-arn'; use a role ARN such as arn:aws:iam::123456789012:role\//,
  },
  {
    name: 'role-to-assume without an OIDC token (no id-token: write)',
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/artifact-links' },
    fail: /`role-to-assume` needs GitHub's OIDC token.*Add `permissions: id-token: write`/s,
  },
  {
    name: 'role-session-duration below the STS minimum',
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/artifact-links', 'role-session-duration': '60s' },
    fail: /'role-session-duration'.*900/s,
  },
  {
    name: 'credentials-expire-at: tomorrow',
    inputs: { 'credentials-expire-at': 'tomorrow' },
    fail: /Input 'credentials-expire-at' is 'tomorrow'; use an ISO 8601 time with Z or an offset, such as 2026-11-22T15:00:00Z/,
  },
  {
    name: 'credentials-expire-at in the past',
    inputs: { 'credentials-expire-at': '2020-01-01T00:00:00Z' },
    fail: /The AWS credentials expired at 2020-01-01T00:00:00\.000Z.*Refresh them right before this step.*role-to-assume/s,
  },
  {
    name: 'a malformed AWS_CREDENTIAL_EXPIRATION is a warning (set by another tool), not a failure',
    env: { AWS_CREDENTIAL_EXPIRATION: 'next tuesday' },
    warn: /AWS_CREDENTIAL_EXPIRATION="next tuesday" is not a valid ISO 8601 instant with Z or an offset .*so the credentials' expiry is unknown: links are capped at 1h/,
  },

  // ── durations ──
  { name: 'expires-in: 7 days', inputs: { 'expires-in': '7 days' }, fail: NOT_A_DURATION('7 days') },
  { name: 'expires-in: -1', inputs: { 'expires-in': '-1' }, fail: NOT_A_DURATION('-1') },
  { name: 'expires-in: 0', inputs: { 'expires-in': '0' }, fail: NOT_A_DURATION('0') },
  { name: 'expires-in: 1.5h', inputs: { 'expires-in': '1.5h' }, fail: NOT_A_DURATION('1\\.5h') },
  {
    name: 'expires-in: 8d is clamped to 7 days with a warning',
    inputs: { 'expires-in': '8d' },
    warn: /8d exceeds the 7-day maximum of SigV4 presigned links; links expire in 7d/,
    check: async (run) => {
      const [entry] = manifestOf(run);
      expect(entry.url).toContain('X-Amz-Expires=604800&');
      expect((await download(entry.url)).status).toBe(200);
    },
  },

  // ── enumerations and numbers ──
  { name: 'content-disposition: download', inputs: { 'content-disposition': 'download' }, fail: ONE_OF('content-disposition', 'download') },
  { name: 'concurrency: 0', inputs: { concurrency: '0' }, fail: /Input 'concurrency' is '0'; use a whole number from 1 to \d+/ },
  { name: 'concurrency: 65', inputs: { concurrency: '65' }, fail: /Input 'concurrency' is '65'; use a whole number from 1 to \d+/ },
  { name: 'concurrency: 1.5', inputs: { concurrency: '1.5' }, fail: /Input 'concurrency' is '1\.5'; use a whole number from 1 to \d+/ },
  { name: 'if-no-files-found: maybe', inputs: { 'if-no-files-found': 'maybe' }, fail: ONE_OF('if-no-files-found', 'maybe') },
  { name: 'comment: sometimes', inputs: { comment: 'sometimes' }, fail: ONE_OF('comment', 'sometimes') },
  { name: 'mode: upsert', inputs: { mode: 'upsert' }, fail: ONE_OF('mode', 'upsert') },
  { name: 'public-repo: hide', inputs: { 'public-repo': 'hide' }, fail: ONE_OF('public-repo', 'hide') },
  {
    name: 'force-path-style: maybe',
    inputs: { 'force-path-style': 'maybe' },
    fail: /Input 'force-path-style' is 'maybe'; use true or false/,
  },
  {
    name: 'fail-on-comment-error: perhaps',
    inputs: { 'fail-on-comment-error': 'perhaps' },
    fail: /Input 'fail-on-comment-error' is 'perhaps'; use true or false/,
  },
  { name: 'pr-number: abc', inputs: { 'pr-number': 'abc' }, fail: /Input 'pr-number' is 'abc'; use a whole number from 1 to/ },
  { name: 'pr-number: 0', inputs: { 'pr-number': '0' }, fail: /Input 'pr-number' is '0'; use a whole number from 1 to/ },
  {
    name: 'mode: cleanup with a key-prefix that has no {scope} or {pr} (it could not tell whose objects to delete)',
    inputs: { mode: 'cleanup', 'key-prefix': '{owner}/{repo}/{short_sha}' },
    fail: /Input 'key-prefix' has no \{scope\} or \{pr\}, so mode refresh and cleanup cannot tell which objects belong to this pull request/,
  },
  {
    name: 'mode: refresh with nothing uploaded yet: a warning saying to upload first',
    inputs: { mode: 'refresh', 'key-prefix': '{owner}/never-uploaded/{scope}/{section}' },
    warn: /Nothing to refresh: no uploads under .*Run the action with mode: upload/,
  },

  // ── GitHub ──
  {
    name: 'pr-number of a PR that does not exist: a warning naming 404, outputs stand',
    pr: true,
    inputs: { 'pr-number': '999999' },
    warn: /Could not comment on PR #999999: not found \(404\)\. Check 'pr-number'/,
    check: async (run) => {
      expect(run.outputs.count).toBe('1');
      expect((await download(manifestOf(run)[0].url)).status).toBe(200);
    },
  },
  {
    name: 'github-token empty with comment: always',
    pr: true,
    inputs: { 'github-token': '', comment: 'always' },
    fail: /Input 'github-token' is empty but 'comment' is always: pass github-token: \$\{\{ github\.token \}\}/,
  },
  // With comment: always and no PR, the step fails before uploading: no links behind a failed step.
  {
    name: 'comment: always on a push with no pull request',
    inputs: { comment: 'always', 'github-token': 'ghs_test' },
    fail: /No pull request found for push event.*\(comment: always\)/,
  },
  {
    name: 'a comment-key that tries to close the marker stays inert',
    pr: true,
    inputs: { 'comment-key': 'x --> <img src=x onerror=alert(1)> <!--' },
    pass: true,
    check: () => {
      const bodies = gh.commentsOn(OWNER, REPO, PR).map((c) => c.body);
      const body = bodies.find((b) => b.includes('onerror_alert_1'))!;
      expect(body).toBeDefined();
      expect(withoutOwnImages(body)).not.toContain('<img');
    },
  },
];

describe('bad and hostile inputs', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    hostileInputs++;
    const ws = tempDir('workspace-');
    for (const [rel, content] of Object.entries(c.files ?? { 'dist/app.txt': 'app' })) write(ws, rel, content);
    c.setup?.(ws);
    const env = { ...c.env };
    if (env.HOME === '<empty-home>') env.HOME = tempDir('home-');
    const run = await act(ws, { ...c, env });
    if (c.fail) expectFailure(run, c.fail);
    else expectSuccess(run, c.warn);
    await c.check?.(run, ws);
  });

  test('fail-on-comment-error with a PR that does not exist: exit 1 naming 404 (the uploaded links are real)', async () => {
    hostileInputs++;
    const ws = tempDir('workspace-');
    write(ws, 'dist/app.txt', 'app');
    const run = await act(ws, { pr: true, inputs: { 'pr-number': '999999', 'fail-on-comment-error': 'true' } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/Could not comment on PR #999999: not found \(404\)\. Check 'pr-number'/)]);
    // The one failing case whose links are truthful: the files were uploaded before the comment failed.
    for (const entry of manifestOf(run)) expect((await download(entry.url)).status).toBe(200);
  });

  test('file names with markdown, HTML, mentions and newlines: uploaded, and the comment stays inert', async () => {
    hostileInputs++;
    const ws = tempDir('workspace-');
    const names = [
      '@octocat please look.txt',
      '<img src=x onerror=alert(1)>.txt',
      '[click](javascript:alert(1)).txt',
      '| a | b |.txt',
      '<!-- s3-artifact-links:CI -->.txt',
      'line one\nline two.txt',
      'x\n::error::injected workflow command.txt',
      '#1 and GH-2.txt',
    ];
    for (const n of names) write(ws, `dist/${n}`, `content of ${n}`);
    const run = await act(ws, { pr: true, inputs: { 'comment-key': 'hostile-names' } });
    expectSuccess(run);
    expect(run.stdout).not.toMatch(/^::error::injected/m);
    const manifest = manifestOf(run);
    expect(manifest.map((e) => e.path).sort()).toEqual(names.map((n) => `dist/${n}`).sort());
    for (const entry of manifest) {
      const got = await download(entry.url);
      expect({ path: entry.path, status: got.status }).toEqual({ path: entry.path, status: 200 });
      expect(got.bytes.toString()).toBe(`content of ${entry.path.slice('dist/'.length)}`);
    }
    const body = gh.commentsOn(OWNER, REPO, PR).find((c) => c.body.includes('hostile-names'))!.body;
    expect(withoutOwnImages(body)).not.toContain('<img');
    expect(body).not.toMatch(/(^|[^\u2060])@octocat/);
    expect(body).not.toContain('[click](javascript');
    expect(body).not.toMatch(/^::error::/m);
    expect(body.match(/<!-- s3-artifact-links:CI -->/g) ?? []).toHaveLength(0);
    const rows = body.split('\n').filter((l) => l.startsWith('| [') && / "(Open in the browser|Download)"\) \|/.test(l));
    expect(rows).toHaveLength(names.length);
    // 3 cells (4 when an earlier push build of this section gives a Change column) + outer pipes.
    const cells = body.includes('| File | Size | Change | SHA-256 |') ? 4 : 3;
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(cells + 2);
    expect(linksIn(body)).toHaveLength(names.length);
    expect(run.summary).not.toContain('<img');
    expect(run.summary.split('\n').some((l) => l.startsWith('::'))).toBe(false);
  });

  /** A proxy that holds the PUT of `victim.txt` for 1.5 s, so the test can touch the file mid-upload. */
  async function midUpload(victim: Buffer, touch: (file: string) => void): Promise<ActionRun> {
    const ws = tempDir('workspace-');
    write(ws, 'dist/app.txt', 'app');
    write(ws, 'dist/victim.txt', victim);
    const proxy = await startFaultProxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 1,
      faults: ['delay'],
      delayMs: 1500,
      match: (r) => r.method === 'PUT' && r.path.includes('victim.txt'),
    });
    proxies.push(proxy);
    const running = act(ws, { inputs: { endpoint: proxy.url } });
    const deadline = Date.now() + 30_000;
    while (!proxy.log.some((r) => r.fault === 'delay') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    touch(path.join(ws, 'dist/victim.txt'));
    return running;
  }

  const LARGE = Buffer.alloc(2 * 1024 * 1024, 'x'); // streamed from disk (files over 1 MiB are not buffered)

  test('a small file changed during its upload: the bytes read (and hashed) are what is stored and linked', async () => {
    hostileInputs++;
    const run = await midUpload(Buffer.from('original bytes'), (file) => appendFileSync(file, ' and more'));
    expectSuccess(run);
    const victim = manifestOf(run).find((e) => e.path === 'dist/victim.txt')!;
    const got = await download(victim.url);
    expect(got.bytes.toString()).toBe('original bytes');
    expect(victim.sha256).toBe(createHash('sha256').update(got.bytes).digest('hex'));
  });

  test('a large file changed during its upload: exit 1 naming it, no link for it', async () => {
    hostileInputs++;
    const run = await midUpload(LARGE, (file) => appendFileSync(file, ' and more'));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /dist\/victim\.txt changed while it was being uploaded; upload artifacts after the step that writes them has finished/,
      ),
    ]);
    expect(manifestOf(run).map((e) => e.path)).toEqual(['dist/app.txt']);
  });

  test('a large file deleted during its upload: exit 1 naming it, no link for it', async () => {
    hostileInputs++;
    const run = await midUpload(LARGE, (file) => unlinkSync(file));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/dist\/victim\.txt disappeared.*is another step deleting it\?/s)]);
    expect(manifestOf(run).map((e) => e.path)).toEqual(['dist/app.txt']);
  });

  test('10,000 files upload within 256 MB; the summary and outputs cope', async () => {
    hostileInputs++;
    const ws = tempDir('workspace-');
    for (let i = 0; i < 10_000; i++) write(ws, `dist/d${Math.floor(i / 500)}/f${i}.txt`, `file ${i}`);
    const run = await runAction({
      cwd: ws,
      timeoutMs: 170_000,
      eventName: 'pull_request',
      event: pullRequestEvent,
      inputs: {
        path: 'dist/**',
        bucket: BUCKET,
        endpoint: s3.endpoint,
        'github-token': 'ghs_test',
        'comment-key': 'ten-thousand',
        concurrency: '32',
      },
      env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url },
    });
    console.log(`10000 FILES: ${run.durationMs} ms (with the PR comment), peak RSS ${(run.peakRssBytes / 1024 / 1024).toFixed(0)} MiB`);
    expectSuccess(run);
    // Per-file state must not pile up: files are read as workers get to them, the young generation
    // stays small, and the manifest file is written in chunks (it was 450 MB when all of that grew).
    expect(run.peakRssBytes).toBeGreaterThan(0);
    expect(run.peakRssBytes).toBeLessThan(256 * 1e6);
    const comment = gh.commentsOn(OWNER, REPO, PR).find((c) => c.body.includes('ten-thousand'))!;
    expect(comment.body.length).toBeLessThanOrEqual(65536);
    expect(comment.body).toMatch(/… and [\d,]+ more/);
    const commentLinks = linksIn(comment.body);
    expect(commentLinks.length).toBeGreaterThan(20);
    expect((await download(commentLinks[commentLinks.length - 1])).status).toBe(200);
    expect(run.outputs.count).toBe('10000');
    // Past the 1 MiB output limit the manifest output is [] with a warning pointing to manifest-file.
    expect(run.outputs.manifest).toBe('[]');
    expect(run.warnings.join('\n')).toMatch(/larger than the 1 MiB output limit.*manifest-file/);
    // The file rows' links (the share page link above the table is not a row).
    const hrefs = [...run.summary.matchAll(/<td><a href="([^"]+)">Download<\/a><\/td>/g)].map((m) => decodeHtml(m[1]));
    // Rows stop before the runner's 1 MiB summary limit; the rest are counted.
    expect(hrefs.length).toBeGreaterThan(1000);
    expect(hrefs.length).toBeLessThan(10000);
    expect(run.summary).toContain(`… and ${10000 - hrefs.length} more`);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    for (const href of [hrefs[0], hrefs[hrefs.length - 1]]) expect((await download(href)).status).toBe(200);
  }, 180_000);
});
