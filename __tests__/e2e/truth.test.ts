/**
 * Nothing the action publishes is false, no user text can command the runner, and GitHub cannot hold
 * the step: the bundled action (dist/index.js) against the local S3 server (behind the fault proxy
 * where a fault is needed) and the GitHub fake.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { CannedError, FaultProxy, FaultProxyOptions, ProxiedRequest, startFaultProxy } from '../support/fault-proxy.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'truth-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'd00dfeedd00dfeedd00dfeedd00dfeedd00dfeed';
const HOUR = 3_600_000;

let s3: LocalS3;
let gh: GitHubFake;
let nextPr = 900;
const dirs: string[] = [];
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  gh = await startGitHubFake({ latencyMs: 2 });
  gh.addRepo(OWNER, REPO, { private: true });
});

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await gh?.close();
  await s3?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  gh.clearFaults();
  expect(gh.violations).toEqual([]);
});

function workspace(files: Record<string, string | Buffer>): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'truth-'));
  dirs.push(ws);
  for (const [rel, content] of Object.entries(files)) write(ws, rel, content);
  return ws;
}

function write(ws: string, rel: string | Buffer, content: string | Buffer): void {
  const file = Buffer.isBuffer(rel) ? Buffer.concat([Buffer.from(`${ws}/`), rel]) : path.join(ws, rel);
  mkdirSync(path.dirname(file.toString()), { recursive: true });
  writeFileSync(file, content);
}

async function proxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const p = await startFaultProxy(options);
  proxies.push(p);
  return p;
}

function newPull(): number {
  const pr = nextPr++;
  gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
  return pr;
}

interface Act {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  pr?: number;
  endpoint?: string;
  timeoutMs?: number;
  uid?: number;
}

function act(ws: string, o: Act = {}): Promise<ActionRun> {
  const event =
    o.pr !== undefined
      ? { pull_request: { number: o.pr, head: { sha: HEAD, ref: 'feature/truth' } }, repository: { private: true } }
      : { repository: { private: true } };
  return runAction({
    cwd: ws,
    eventName: o.pr !== undefined ? 'pull_request' : 'push',
    event,
    inputs: {
      path: 'dist/**',
      bucket: BUCKET,
      endpoint: o.endpoint ?? s3.endpoint,
      'github-token': 'ghs_test',
      ...(o.pr === undefined ? { comment: 'never' } : {}),
      ...o.inputs,
    },
    env: { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY, GITHUB_API_URL: gh.url, ...o.env },
    timeoutMs: o.timeoutMs ?? 60_000,
    uid: o.uid,
    gid: o.uid,
  });
}

/** An S3 error answer for the requests `when` picks. */
function s3Answer(code: string, when: (r: ProxiedRequest) => boolean): (r: ProxiedRequest) => CannedError | undefined {
  return (r) => (when(r) ? { status: code === 'InvalidAccessKeyId' ? 403 : 400, code, message: `${code} (injected)` } : undefined);
}

/** No link anywhere: outputs, manifest file, job summary, comment. */
function expectNothingPublished(run: ActionRun, pr?: number): void {
  expect(run.outputs.manifest ?? '').not.toContain('X-Amz-Signature');
  expect(run.outputs['manifest-file']).toBeUndefined();
  expect(run.outputs['expires-at'] ?? '').toBe('');
  expect(run.summary).not.toContain('X-Amz-Signature');
  expect(run.summary).not.toContain('href=');
  if (pr !== undefined) expect(gh.commentsOn(OWNER, REPO, pr)).toEqual([]);
}

describe('dead signing credentials: no link is published anywhere', () => {
  test.each([
    ['ExpiredToken', 'an upload', (r: ProxiedRequest) => r.method === 'PUT' && r.path.includes('/b.txt')],
    ['InvalidToken', 'an upload', (r: ProxiedRequest) => r.method === 'PUT' && r.path.includes('/b.txt')],
    ['TokenRefreshRequired', 'an upload', (r: ProxiedRequest) => r.method === 'PUT' && r.path.includes('/b.txt')],
    [
      'ExpiredToken',
      'the manifest write',
      (r: ProxiedRequest) => r.method === 'PUT' && /\/\.artifact-links\/[^/?]+\.json(\?|$)/.test(r.path),
    ],
  ])('%s on %s: exit 1 saying why and what to change', async (code, _what, when) => {
    const ws = workspace({ 'dist/a.txt': 'alpha', 'dist/b.txt': 'bravo', 'dist/c.txt': 'charlie' });
    const s3p = await proxy({ upstream: s3.endpoint, style: 's3', answer: s3Answer(code, when) });
    const pr = newPull();
    const run = await act(ws, { pr, endpoint: s3p.url, inputs: { concurrency: '1' } });
    expect(s3p.log.some((r) => r.fault === 'answer')).toBe(true);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(new RegExp(`answered ${code} to .*the signing credentials do not work.*No link was published`, 's'));
    expect(run.errors[0]).toMatch(/role-session-duration|AWS_SESSION_TOKEN|refresh the credentials/);
    expectNothingPublished(run, pr);
  });

  test('InvalidAccessKeyId on the list of mode: refresh: nothing re-signed, the comment keeps its links', async () => {
    const ws = workspace({ 'dist/a.txt': 'alpha' });
    const pr = newPull();
    const first = await act(ws, { pr });
    expect(first.code).toBe(0);
    const before = gh.commentsOn(OWNER, REPO, pr);
    const s3p = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      answer: s3Answer('InvalidAccessKeyId', (r) => r.path.includes('list-type=2')),
    });
    const run = await act(ws, { pr, endpoint: s3p.url, inputs: { mode: 'refresh' } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/answered InvalidAccessKeyId to a request to list objects.*No link was published/s);
    expect(run.outputs['manifest-file']).toBeUndefined();
    expect(gh.commentsOn(OWNER, REPO, pr)).toEqual(before);
  });
});

describe('hostile text in logs', () => {
  // Each payload, were it to start a line of the log, would be a workflow command.
  const PAYLOADS = ['::error::injected', '::add-mask::pwned', '::stop-commands::pwned', '::warning file=x::w', '##[error]legacy'];

  test('file names with newlines and :: through retries and failures start no command', async () => {
    const files: Record<string, string> = { 'dist/plain.txt': 'plain' };
    PAYLOADS.forEach((p, i) => (files[`dist/n${i}\n${p}.txt`] = `payload ${i}`));
    files['dist/cr\r::error::carriage.txt'] = 'cr';
    files['dist/doomed\n::error::doomed.txt'] = 'never stored';
    const ws = workspace(files);
    // Every hostile upload fails twice (retried, logged), the doomed one every time (failure path).
    const s3p = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      faultRate: 1,
      faults: ['503'],
      maxConsecutiveFaultsPerRoute: 2,
      match: (r) => r.method === 'PUT' && /%0[AD]/.test(r.path),
    });
    const doomed = (r: ProxiedRequest) => r.method === 'PUT' && r.path.includes('doomed');
    const s3q = await proxy({
      upstream: s3p.url,
      style: 's3',
      answer: (r) => (doomed(r) ? { status: 500, code: 'InternalError', message: 'no\n::error::from-s3' } : undefined),
    });
    const pr = newPull();
    const run = await act(ws, { pr, endpoint: s3q.url });
    expect(s3p.stats.faulted['503']).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/Retrying dist\/n0\\n::error::injected\.txt/); // shown escaped, on one line
    expect(run.code).toBe(1);

    const lines = `${run.stdout}\n${run.stderr}`.split(/\r\n|\r|\n/);
    for (const payload of [...PAYLOADS, '::error::carriage', '::error::doomed', '::error::from-s3']) {
      expect(lines.filter((l) => l.trimStart().startsWith(payload))).toEqual([]);
    }
    // The only commands are those @actions/core writes, with their data escaped.
    const commands = lines.filter((l) => /^\s*(::|##\[)/.test(l));
    for (const line of commands) expect(line).toMatch(/^::(add-mask|warning|error|notice|debug)::/);
    expect(commands.filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(commands.filter((l) => l.startsWith('::add-mask::'))).toEqual(['::add-mask::S3RVER']);
    // The hostile uploads did arrive (after their retries) and are named in the comment.
    expect(JSON.parse(run.outputs.manifest)).toHaveLength(PAYLOADS.length + 2);
  });
});

describe('endpoint with user info', () => {
  test.each(['http://ci-user:Sup3r-S3cret-pw@HOST', 'http://:Sup3r-S3cret-pw@HOST'])(
    '%s: refused before anything is uploaded; the password is in no log',
    async (endpoint) => {
      const ws = workspace({ 'dist/a.txt': 'alpha' });
      const before = s3.requests.length;
      const run = await act(ws, { endpoint: endpoint.replace('HOST', new URL(s3.endpoint).host) });
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(/^Input 'endpoint' is 'http:\/\/\*\*\*@127\.0\.0\.1:\d+', which has user info/);
      expect(`${run.stdout}${run.stderr}${run.summary}`).not.toContain('Sup3r-S3cret-pw');
      expect(s3.requests.length).toBe(before);
    },
  );
});

describe('GitHub rate limits never hold the step for more than about a minute', () => {
  test('a primary limit resetting in an hour: warn and go on, links in the outputs', async () => {
    const ws = workspace({ 'dist/a.txt': 'alpha' });
    const pr = newPull();
    gh.inject({ method: 'POST', operationId: 'issues/create-comment', kind: 'rate-limit', retryAfter: 3600, times: 10 });
    const run = await act(ws, { pr });
    expect(run.code).toBe(0);
    expect(run.durationMs).toBeLessThan(30_000);
    expect(run.warnings.join('\n')).toMatch(/Could not comment on PR #\d+: GitHub's API rate limit was reached .*about a minute/);
    expect(run.stdout).toMatch(/GitHub primary rate limit on POST .*: it lifts in 360\d s, more than this step waits/);
    expect(JSON.parse(run.outputs.manifest)).toHaveLength(1);
    expect(gh.commentsOn(OWNER, REPO, pr)).toEqual([]);
  });

  test('a secondary limit (429) with retry-after 600 and fail-on-comment-error: exit 1 at once', async () => {
    const ws = workspace({ 'dist/a.txt': 'alpha' });
    const pr = newPull();
    gh.inject({
      method: 'GET',
      operationId: 'issues/list-comments',
      kind: 'secondary-rate-limit',
      status: 429,
      retryAfter: 600,
      times: 10,
    });
    const run = await act(ws, { pr, inputs: { 'fail-on-comment-error': 'true' } });
    expect(run.code).toBe(1);
    expect(run.durationMs).toBeLessThan(30_000);
    expect(run.errors[0]).toMatch(/Could not comment on PR #\d+: GitHub's API rate limit was reached \(429/);
  });

  test('a short secondary limit is waited for, and the comment is posted', async () => {
    const ws = workspace({ 'dist/a.txt': 'alpha' });
    const pr = newPull();
    gh.inject({ method: 'POST', operationId: 'issues/create-comment', kind: 'secondary-rate-limit', retryAfter: 1, times: 1 });
    const run = await act(ws, { pr });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/GitHub secondary rate limit on POST .*; retrying in 1 s\./);
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);
  });
});

describe('credential expiry: one rule', () => {
  test('AWS_CREDENTIAL_EXPIRATION without an offset does not count: 1 h cap, caveat, a warning that says so', async () => {
    const ws = workspace({ 'dist/a.txt': 'alpha' });
    const local = new Date(Date.now() + 3 * HOUR).toISOString().slice(0, 19); // no Z: the SDK still parses it
    const started = Date.now();
    const run = await act(ws, { env: { AWS_SESSION_TOKEN: 'session-token', AWS_CREDENTIAL_EXPIRATION: local } });
    expect(run.code).toBe(0);
    const expiresAt = new Date(run.outputs['expires-at']).getTime();
    expect(Math.abs(expiresAt - (started + HOUR))).toBeLessThan(120_000);
    expect(run.warnings).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^AWS_CREDENTIAL_EXPIRATION="${local}" is not a valid ISO 8601 instant with Z or an offset .*so the credentials' expiry is unknown: links are capped at 1h`,
        ),
      ),
    );
    expect(run.stdout).not.toMatch(/ignored/);
  });

  test('an impossible credentials-expire-at is refused, not rolled over', async () => {
    const ws = workspace({ 'dist/a.txt': 'alpha' });
    const run = await act(ws, { inputs: { 'credentials-expire-at': '2030-02-31T00:00:00Z' } });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/^Input 'credentials-expire-at' is '2030-02-31T00:00:00Z'; use an ISO 8601 time/);
  });
});

describe('small things', () => {
  // Tests run as root, who reads a chmod 000 file: the action then runs as nobody.
  const asRoot = process.getuid?.() === 0;

  test('an unreadable file fails with its real cause, and progress does not count it as uploaded', async () => {
    const ws = workspace({ 'dist/ok.txt': 'fine', 'dist/locked.txt': 'secret' });
    chmodSync(path.join(ws, 'dist', 'locked.txt'), 0o000);
    chmodSync(ws, 0o755);
    chmodSync(path.join(ws, 'dist'), 0o755);
    const run = await act(ws, asRoot ? { uid: 65534 } : {});
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /dist\/locked\.txt: dist\/locked\.txt could not be read: permission denied \(EACCES\)\. Make it readable/,
    );
    expect(run.errors[0]).not.toMatch(/disappeared/);
    expect(run.stdout).toMatch(/^Uploaded 1\/2 files, 1 failed, /m);
    expect(JSON.parse(run.outputs.manifest).map((e: { path: string }) => e.path)).toEqual(['dist/ok.txt']);
  });

  test('a file name that is not valid UTF-8 is reported with the fix, and nothing is uploaded', async () => {
    const ws = workspace({ 'dist/ok.txt': 'fine' });
    write(ws, Buffer.concat([Buffer.from('dist/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]), 'latin-1');
    const before = s3.requests.length;
    const run = await act(ws);
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/^File names that are not valid UTF-8 .*: dist\/caf\uFFFD\.txt\. .*rename them to UTF-8/);
    expect(s3.requests.length).toBe(before);
  });

  test('one file, one section: singular words; "Comment created", then "Comment updated"', async () => {
    const ws = workspace({ 'dist/only.txt': 'one' });
    const pr = newPull();
    const first = await act(ws, { pr });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Uploading 1 file \(3 bytes\) to /m);
    expect(first.stdout).toMatch(/^Uploaded 1\/1 file, /m);
    expect(first.stdout).toMatch(/^Comment created: http/m);
    const second = await act(ws, { pr });
    expect(second.stdout).toMatch(/^Comment updated: http/m);
    const refresh = await act(ws, { pr, inputs: { mode: 'refresh' } });
    expect(refresh.stdout).toMatch(/^Renewed 1 link in 1 section under /m);
  });
});

// The local S3 server ignores Content-MD5 (as some stores do) but gives each object and part its MD5
// as ETag: the action checks that ETag, so a body changed in transit gets no link there either.
describe('bytes changed between the action and a store that does not check Content-MD5', () => {
  const MiB = 1024 * 1024;
  const big = (n: number) => Buffer.alloc(n, 7);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  test.each([
    ['a 3 MiB PutObject', 'dist/three.bin', 3 * MiB, (p: string) => p.includes('/three.bin') && !p.includes('uploadId=')],
    ['part 2 of a 24 MiB multipart upload', 'dist/multi.bin', 24 * MiB, (p: string) => /[?&]partNumber=2(&|$)/.test(p)],
  ])('%s, changed on every attempt: that file fails naming BadDigest, no link to it', async (_label, name, size, target) => {
    const ws = workspace({ 'dist/fine.txt': 'untouched', [name]: big(size) });
    const corrupting = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      corrupt: (r) => (r.method === 'PUT' && target(r.path) ? MiB + 4242 : undefined),
    });
    const pr = newPull();
    const run = await act(ws, { pr, endpoint: corrupting.url });
    expect(corrupting.log.some((e) => e.corruptedAt === MiB + 4242)).toBe(true);
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(new RegExp(`${name}: BadDigest: the store holds different bytes than were sent`));
    expect(run.errors.join('\n')).toContain('differed from the file on every retry');
    const manifest = JSON.parse(run.outputs.manifest ?? '[]') as { path: string }[];
    expect(manifest.map((e) => e.path)).toEqual(['dist/fine.txt']);
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(comment.body).not.toContain(path.basename(name));
  });

  test('changed once: the body is sent again from memory, and the link serves the right bytes', async () => {
    const bytes = Buffer.concat([big(12 * MiB), Buffer.from('tail')]);
    const ws = workspace({ 'dist/once.bin': bytes });
    let flipped = 0;
    const corrupting = await proxy({
      upstream: s3.endpoint,
      style: 's3',
      corrupt: (r) => (r.method === 'PUT' && /[?&]partNumber=1(&|$)/.test(r.path) && flipped++ === 0 ? 10 : undefined),
    });
    const run = await act(ws, { endpoint: corrupting.url });
    expect(run.code).toBe(0);
    // The local S3 server stores a body whatever SHA-256 its signature claims: the probe finds that out.
    expect(run.stdout).toContain('The store does not check signed SHA-256 payloads: each upload carries Content-MD5 (slower).');
    expect(run.stdout).toMatch(/Retrying dist\/once\.bin \(attempt 2\) in \d+ ms after BadDigest/);
    const [entry] = JSON.parse(run.outputs.manifest) as { url: string; sha256: string }[];
    expect(entry.sha256).toBe(sha(bytes));
    const got = Buffer.from(await (await fetch(entry.url)).arrayBuffer());
    expect(sha(got)).toBe(sha(bytes));
  });
});
