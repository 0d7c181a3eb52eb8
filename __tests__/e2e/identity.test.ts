/**
 * Identity, end to end: the bundled action against the local S3 server and the GitHub API fake
 * (every request and response checked against GitHub's OpenAPI description). Two different sources
 * never share an object key, a section or a comment; the same source on a re-run overwrites in
 * place; refresh and cleanup trust only what the action itself stored, and claim only what they did.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import type { ManifestEntry } from '../../src/links/manifest-entry.js';
import { sectionOf } from '../../src/links/section.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';

const BUCKET = 'identity-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = 'c0ffee0123456789abcdef0123456789abcdef01';
const CI = `${OWNER}/${REPO}/.github/workflows/ci.yml@refs/pull/1/merge`;
const RELEASE = `${OWNER}/${REPO}/.github/workflows/release.yml@refs/pull/1/merge`;
const STEP = '__your-org_s3-artifact-links';
const DEFAULT_MARKER = '<!-- s3-artifact-links:default -->';

let s3: LocalS3;
let gh: GitHubFake;
let workspace: string;
let nextPr = 900;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
});
afterAll(async () => {
  await s3?.stop();
});
beforeEach(async () => {
  gh = await startGitHubFake({ latencyMs: 2 });
  gh.addRepo(OWNER, REPO, { private: true });
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
});
afterEach(async () => {
  const violations = [...gh.violations];
  await gh.close();
  rmSync(workspace, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

function write(rel: string, content: string): void {
  const file = path.join(workspace, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function newPull(): number {
  const pr = nextPr++;
  gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
  return pr;
}

function event(pr: number) {
  return { pull_request: { number: pr, head: { sha: HEAD, ref: 'feature/x' } }, repository: { private: true } };
}

interface Act {
  pr?: number;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

function act(o: Act = {}): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    eventName: o.pr === undefined ? 'push' : 'pull_request',
    event: o.pr === undefined ? { repository: { private: true } } : event(o.pr),
    inputs: {
      path: 'dist/**',
      bucket: BUCKET,
      endpoint: s3.endpoint,
      'github-token': 'ghs_test',
      comment: o.pr === undefined ? 'never' : 'auto',
      ...o.inputs,
    },
    env: {
      AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
      GITHUB_API_URL: gh.url,
      GITHUB_WORKFLOW_REF: CI,
      GITHUB_ACTION: STEP,
      ...o.env,
    },
  });
}

function ok(run: ActionRun): ActionRun {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  expect(run.errors).toEqual([]);
  return run;
}

function manifestOf(run: ActionRun): ManifestEntry[] {
  return JSON.parse(ok(run).outputs.manifest) as ManifestEntry[];
}

async function text(url: string): Promise<{ status: number; body: string }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.text() };
}

function sectionIds(body: string): string[] {
  return [...body.matchAll(/^<!-- s3-artifact-links section=(\S+) meta=/gm)].map((m) => decodeURIComponent(m[1]));
}

/** The file links of a comment: each row's file name links to its file, titled by what a click does. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/\]\((http[^)\s]+) "(?:Open in the browser|Download)"\)/g)].map((m) => m[1]);
}

function s3Client(): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3_ACCESS_KEY, secretAccessKey: S3_SECRET_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}

/** The section-id segment of a key under the default key-prefix (owner/repo/scope/sha/section/…). */
function sectionSegment(key: string): string {
  return key.split('/')[4];
}

describe('object keys', () => {
  test('a backslash is a name character, never a separator: every file keeps its own key and bytes', async () => {
    write('dist/a\\b.txt', 'backslash');
    write('dist/a/b.txt', 'slash');
    write('dist/..\\other-section\\x.txt', 'climber');
    const manifest = manifestOf(await act());
    expect(manifest).toHaveLength(3);
    expect(new Set(manifest.map((e) => e.key)).size).toBe(3);
    const prefix = manifest[0].key.split('/').slice(0, 5).join('/');
    for (const e of manifest) {
      expect(e.key.startsWith(`${prefix}/`)).toBe(true);
      expect(e.key.split('/')).not.toContain('..');
      expect(e.key.slice(prefix.length + 1)).toBe(e.path.replace(/^dist\//, ''));
    }
    const bytes = Object.fromEntries(await Promise.all(manifest.map(async (e) => [e.path, (await text(e.url)).body])));
    expect(bytes).toEqual({ 'dist/a\\b.txt': 'backslash', 'dist/a/b.txt': 'slash', 'dist/..\\other-section\\x.txt': 'climber' });
  });

  test("a file inside the action's reserved folder fails the step, naming it, and nothing is uploaded", async () => {
    write('dist/app.txt', 'app');
    write('dist/.artifact-links/evil.json', '{"version":2}');
    const before = s3.requests.length;
    const run = await act({ inputs: { 'key-prefix': '{owner}/{repo}/{scope}' } });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(
      /Nothing was uploaded.*'dist\/\.artifact-links\/evil\.json' would be stored as 'octo-org\/demo-app\/ref-main\/\.artifact-links\/evil\.json'.*reserved for the action's own objects/s,
    );
    expect(s3.requests.slice(before).filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    expect(run.outputs.manifest).toBeUndefined();
  });
});

describe('sections', () => {
  test('names that slug alike (any script, "a b" vs "a-b") get their own sections and objects', async () => {
    const pr = newPull();
    const names = ['构建', '测试', 'сборка', 'a b', 'a-b'];
    const keys: string[] = [];
    for (const name of names) {
      write('dist/app.txt', `built by ${name}`);
      const [entry] = manifestOf(await act({ pr, inputs: { section: name } }));
      keys.push(entry.key);
    }
    expect(new Set(keys).size).toBe(names.length);
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(sectionIds(comment.body)).toHaveLength(names.length);
    const served = await Promise.all(linksIn(comment.body).map(async (l) => (await text(l)).body));
    expect(served.sort()).toEqual(names.map((n) => `built by ${n}`).sort());
    for (const name of names) expect(comment.body).toMatch(new RegExp(`^#### ${name}$`, 'm'));
  });

  test('a very long section name or matrix value is bounded, not a crash', async () => {
    const pr = newPull();
    write('dist/app.txt', 'long');
    const long = manifestOf(await act({ pr, inputs: { section: 'x'.repeat(2000) } }));
    expect(sectionSegment(long[0].key)).toMatch(/^x{40}-[0-9a-f]{10}$/);
    const matrix = manifestOf(await act({ pr, inputs: { matrix: JSON.stringify({ target: 'y'.repeat(5000) }) } }));
    expect(sectionSegment(matrix[0].key)).toMatch(/^build-y{34}-[0-9a-f]{10}$/);
    expect((await text(matrix[0].url)).body).toBe('long');
    expect(sectionIds(gh.commentsOn(OWNER, REPO, pr)[0].body)).toHaveLength(2);
  });

  test('by default, two workflows with a `build` job and two uses of the action in one job keep their own sections; a re-run replaces only its own', async () => {
    const pr = newPull();
    const sources = {
      ci: { GITHUB_WORKFLOW_REF: CI },
      release: { GITHUB_WORKFLOW_REF: RELEASE, GITHUB_WORKFLOW: 'Release' },
      second: { GITHUB_WORKFLOW_REF: CI, GITHUB_ACTION: `${STEP}_2` },
    };
    const first: Record<string, ManifestEntry> = {};
    for (const [name, env] of Object.entries(sources)) {
      write('dist/app.txt', `${name} v1`);
      first[name] = manifestOf(await act({ pr, env }))[0];
    }
    expect(new Set(Object.values(first).map((e) => e.key)).size).toBe(3);
    const body = gh.commentsOn(OWNER, REPO, pr)[0].body;
    expect(sectionIds(body)).toHaveLength(3);
    expect(body).toMatch(/^#### CI \/ build$/m);
    expect(body).toMatch(/^#### Release \/ build$/m);
    expect(body).toMatch(/^#### CI \/ build · #\u20602$/m); // # escaped with a word joiner

    // Re-run of the first (another attempt, another workflow ref of the same file): same keys, same section.
    write('dist/app.txt', 'ci v2');
    const rerun = manifestOf(
      await act({ pr, env: { GITHUB_WORKFLOW_REF: CI.replace('refs/pull/1/merge', 'refs/heads/main'), GITHUB_RUN_ATTEMPT: '2' } }),
    )[0];
    expect(rerun.key).toBe(first.ci.key);
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    expect(sectionIds(comments[0].body).sort()).toEqual(sectionIds(body).sort());
    expect((await text(rerun.url)).body).toBe('ci v2');
    expect((await text(first.release.url)).body).toBe('release v1');
    expect((await text(first.second.url)).body).toBe('second v1');
  });
});

describe('the default comment', () => {
  test('uses with their own bucket layout share one comment per PR; a trailing / changes nothing; comment-key separates', async () => {
    const pr = newPull();
    write('dist/app.txt', 'leg');
    const a = manifestOf(
      await act({ pr, inputs: { 'key-prefix': 'leg-a/{scope}/{section}', matrix: '{"os":"linux"}' }, env: { GITHUB_ACTION: 'a' } }),
    );
    const b = manifestOf(
      await act({ pr, inputs: { 'key-prefix': 'leg-b/{scope}/{section}/', matrix: '{"os":"mac"}' }, env: { GITHUB_ACTION: 'b' } }),
    );
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.startsWith(DEFAULT_MARKER)).toBe(true);
    expect(sectionIds(comments[0].body)).toHaveLength(2);
    expect(b[0].key).toMatch(/^leg-b\/pr-\d+\/build-mac-[0-9a-f]{10}\/app\.txt$/);
    const again = manifestOf(
      await act({ pr, inputs: { 'key-prefix': 'leg-b/{scope}/{section}', matrix: '{"os":"mac"}' }, env: { GITHUB_ACTION: 'b' } }),
    );
    expect(again[0].key).toBe(b[0].key);
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);
    expect(a[0].key).not.toBe(b[0].key);

    ok(await act({ pr, inputs: { 'comment-key': 'nightly' } }));
    const after = gh.commentsOn(OWNER, REPO, pr);
    expect(after).toHaveLength(2);
    expect(after[1].body.startsWith('<!-- s3-artifact-links:nightly -->')).toBe(true);
  });
});

describe('comment ownership', () => {
  test("another bot's comment carrying our marker is never edited or deleted, on the create and the fold paths", async () => {
    const pr = newPull();
    const forged = `${DEFAULT_MARKER}\nforged by another bot`;
    const other = gh.seedComment(OWNER, REPO, pr, forged, { login: 'renovate[bot]', type: 'Bot' });
    write('dist/app.txt', 'mine');
    const first = ok(await act({ pr }));
    let comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments.map((c) => c.user.login)).toEqual(['renovate[bot]', 'github-actions[bot]']);
    expect(comments[0].body).toBe(forged);
    expect(first.outputs['comment-id']).toBe(String(comments[1].id));
    expect(first.warnings).toEqual([]);

    // A duplicate of our own is folded into ours and deleted; the other bot's stays as it was.
    gh.seedComment(OWNER, REPO, pr, `${DEFAULT_MARKER}\nour duplicate`);
    ok(await act({ pr }));
    comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments.map((c) => c.id)).toEqual([other.id, Number(first.outputs['comment-id'])]);
    expect(comments[0].body).toBe(forged);
    expect(gh.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(`/comments/${other.id}`))).toEqual([]);
  });

  test('a comment by the same bot that quotes ours (marker and a forged section) is never adopted, edited or deleted', async () => {
    const pr = newPull();
    // Another workflow posting as github-actions[bot] quotes PR text that carries our marker and a
    // section whose row links elsewhere.
    const meta = Buffer.from(JSON.stringify({ id: 'build-0123456789', title: 'build', files: 1 })).toString('base64');
    const quoted = [
      'Thanks for the PR! You wrote:',
      `> ${DEFAULT_MARKER}`,
      `<!-- s3-artifact-links section=build-0123456789 meta=${meta} -->`,
      '| [app.txt](https://evil.example/app.txt "Download") |',
      '<!-- /s3-artifact-links section=build-0123456789 -->',
    ].join('\n');
    const other = gh.seedComment(OWNER, REPO, pr, quoted);
    write('dist/app.txt', 'mine');
    const run = ok(await act({ pr }));
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(2);
    expect(comments[0].id).toBe(other.id);
    expect(comments[0].body).toBe(quoted);
    expect(comments[1].body.startsWith(DEFAULT_MARKER)).toBe(true);
    expect(comments[1].body).not.toContain('evil.example');
    expect(run.outputs['comment-id']).toBe(String(comments[1].id));
    expect(gh.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(`/comments/${other.id}`))).toEqual([]);
  });

  test("with a user's token, only that user's comments are ours", async () => {
    const pr = newPull();
    const forged = `${DEFAULT_MARKER}\nsomeone else`;
    gh.seedComment(OWNER, REPO, pr, forged, { login: 'mallory', type: 'User' });
    write('dist/app.txt', 'mine');
    ok(await act({ pr, inputs: { 'github-token': 'ghp_user' } }));
    ok(await act({ pr, inputs: { 'github-token': 'ghp_user' } }));
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'octocat']);
    expect(comments[0].body).toBe(forged);
  });

  test('a comment deleted between our read and our write is created again, not blamed on the PR number', async () => {
    const pr = newPull();
    write('dist/app.txt', 'v1');
    const first = ok(await act({ pr }));
    let deleted = false;
    gh.beforeHandle = (req) => {
      if (req.operationId === 'issues/update-comment' && !deleted) {
        deleted = true;
        gh.removeComment(Number(first.outputs['comment-id']));
      }
    };
    write('dist/app.txt', 'v2');
    const second = ok(await act({ pr }));
    expect(deleted).toBe(true);
    expect(second.warnings).toEqual([]);
    const comments = gh.commentsOn(OWNER, REPO, pr);
    expect(comments).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(String(comments[0].id));
    expect(comments[0].id).not.toBe(Number(first.outputs['comment-id']));
    const [link] = linksIn(comments[0].body);
    expect((await text(link)).body).toBe('v2');
  });
});

describe('stored manifests', () => {
  test("user files named .artifact-links.json, anywhere, are just files; refresh renders only the action's own manifests", async () => {
    const pr = newPull();
    const lookalike = JSON.stringify({
      version: 1,
      section: { id: 'evil', title: 'Approved by security' },
      sha: 'deadbeef',
      runUrl: 'https://evil.example/',
      uploadedAt: '2099-01-01T00:00:00Z',
      files: [],
    });
    write('dist/app.txt', 'app');
    write('dist/.artifact-links.json', lookalike);
    write('dist/sub/.artifact-links.json', lookalike);
    const uploaded = manifestOf(await act({ pr }));
    expect(uploaded.map((e) => e.path).sort()).toEqual(['dist/.artifact-links.json', 'dist/app.txt', 'dist/sub/.artifact-links.json']);
    for (const e of uploaded) expect((await text(e.url)).status).toBe(200);

    const refreshed = ok(await act({ pr, inputs: { mode: 'refresh', path: '' } }));
    expect(refreshed.warnings).toEqual([]);
    expect((JSON.parse(refreshed.outputs.manifest) as ManifestEntry[]).map((e) => e.key).sort()).toEqual(uploaded.map((e) => e.key).sort());
    const body = gh.commentsOn(OWNER, REPO, pr)[0].body;
    expect(sectionIds(body)).toHaveLength(1);
    expect(body).not.toContain('Approved by security');
    expect(body).not.toContain('evil.example');
  });

  test("a manifest at the action's place that disagrees with its identity, key or repository is skipped with a warning, never rendered", async () => {
    const pr = newPull();
    write('dist/app.txt', 'real');
    const [real] = manifestOf(await act({ pr }));
    const scope = `${OWNER}/${REPO}/pr-${pr}`;
    const forge = (name: string, change: (m: Record<string, unknown>) => void) => {
      const source = { section: name };
      const section = sectionOf(source);
      const prefix = `${scope}/${HEAD.slice(0, 7)}/${section.id}`;
      const m: Record<string, unknown> = {
        version: 2,
        source,
        section,
        prefix,
        sha: HEAD,
        runUrl: `https://github.com/${OWNER}/${REPO}/actions/runs/1`,
        uploadedAt: '2099-01-01T00:00:00.000Z',
        files: [{ path: 'dist/app.txt', key: `${prefix}/app.txt`, size: 4, sha256: real.sha256, contentType: 'text/plain' }],
      };
      change(m);
      return { key: `${scope}/.artifact-links/${section.id}.json`, body: JSON.stringify(m) };
    };
    const forged = [
      forge('forged-title', (m) => (m.section = { ...(m.section as object), title: 'Approved by security' })),
      forge('forged-run', (m) => (m.runUrl = 'https://evil.example/octo-org/demo-app/actions/runs/1')),
      forge('forged-other-repo', (m) => (m.runUrl = 'https://github.com/evil/demo-app/actions/runs/1')),
      forge(
        'forged-files',
        (m) => (m.files = [{ path: 'stolen', key: real.key, size: 4, sha256: real.sha256, contentType: 'text/plain' }]),
      ),
    ];
    const client = s3Client();
    try {
      for (const f of forged) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: f.key, Body: f.body }));
    } finally {
      client.destroy();
    }

    const refreshed = ok(await act({ pr, inputs: { mode: 'refresh', path: '' } }));
    for (const f of forged) expect(refreshed.warnings.join('\n')).toContain(`Skipping ${f.key}`);
    expect((JSON.parse(refreshed.outputs.manifest) as ManifestEntry[]).map((e) => e.key)).toEqual([real.key]);
    const body = gh.commentsOn(OWNER, REPO, pr)[0].body;
    expect(sectionIds(body)).toEqual([sectionSegment(real.key)]);
    expect(body).not.toMatch(/Approved by security|evil\.example|evil\/demo-app|forged|stolen/);
  });
});

/**
 * A store in front of `upstream` that answers some requests itself (`answer` returns status and XML
 * body) without forwarding them, e.g. DeleteObjects acknowledged without deleting anything.
 */
async function interceptingStore(
  upstream: string,
  answer: (req: { method: string; url: string }) => { status: number; body: string } | undefined,
): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const own = answer({ method: req.method ?? '', url: req.url ?? '' });
    if (own) {
      req.resume();
      req.on('end', () => {
        res.writeHead(own.status, { 'content-type': 'application/xml' });
        res.end(own.body);
      });
      return;
    }
    const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const ACK_DELETES = (req: { method: string; url: string }) =>
  req.method === 'POST' && /[?&]delete(=|&|$)/.test(req.url)
    ? {
        status: 200,
        body: '<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></DeleteResult>',
      }
    : undefined;

const DENY_MANIFEST_READS = (req: { method: string; url: string }) =>
  req.method === 'GET' && req.url.includes('/.artifact-links/')
    ? {
        status: 403,
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>1</RequestId></Error>',
      }
    : undefined;

describe('cleanup', () => {
  test("marks removed only the sections it deleted: another key-prefix's section keeps its working links; count counts artifacts", async () => {
    const pr = newPull();
    write('dist/app.txt', 'app');
    write('dist/notes.md', 'notes');
    const mine = manifestOf(await act({ pr }));
    const theirs = manifestOf(await act({ pr, inputs: { 'key-prefix': 'other/{scope}/{section}', section: 'docs' } }));
    expect(gh.commentsOn(OWNER, REPO, pr)).toHaveLength(1);

    const cleaned = ok(await act({ pr, inputs: { mode: 'cleanup', path: '' } }));
    expect(cleaned.outputs.count).toBe('2');
    for (const e of mine) expect((await text(e.url)).status).toBe(404);
    for (const e of theirs) expect((await text(e.url)).status).toBe(200);
    const body = gh.commentsOn(OWNER, REPO, pr)[0].body;
    const [mineSection, theirsSection] = [sectionSegment(mine[0].key), theirs[0].key.split('/')[2]];
    const block = (id: string) => body.slice(body.indexOf(`section=${id} `), body.indexOf(`/s3-artifact-links section=${id} `));
    expect(block(mineSection)).toMatch(/Links removed/);
    expect(block(mineSection)).not.toContain('X-Amz-Signature');
    expect(block(theirsSection)).not.toMatch(/Links removed/);
    expect(linksIn(block(theirsSection))).toHaveLength(2);
  });

  test('a store that acknowledges deletes but keeps the objects: cleanup fails naming what remains and marks nothing removed', async () => {
    const pr = newPull();
    write('dist/app.txt', 'still here');
    const [entry] = manifestOf(await act({ pr }));
    const liar = await interceptingStore(s3.endpoint, ACK_DELETES);
    try {
      const run = await act({ pr, inputs: { mode: 'cleanup', path: '', endpoint: liar.url } });
      expect(run.code).toBe(1);
      expect(run.errors.join('\n')).toMatch(
        // file, share page, QR code, manifest, comment record, and the body-check probe the local S3 server stored
        /6 objects under identity-artifacts\/octo-org\/demo-app\/pr-\d+\/ could not be deleted and still serve their links/,
      );
      expect(run.errors.join('\n')).toContain(JSON.stringify(entry.key));
      expect(run.outputs.count).toBe('0');
    } finally {
      await liar.close();
    }
    expect((await text(entry.url)).body).toBe('still here');
    const body = gh.commentsOn(OWNER, REPO, pr)[0].body;
    expect(body).not.toMatch(/Links removed/);
    expect(linksIn(body)).toHaveLength(1);
  });

  test('a cleanup role that cannot read the manifests still deletes, warns, and marks nothing it cannot attribute', async () => {
    const pr = newPull();
    write('dist/app.txt', 'gone soon');
    const [entry] = manifestOf(await act({ pr }));
    const store = await interceptingStore(s3.endpoint, DENY_MANIFEST_READS);
    let run: ActionRun;
    try {
      run = ok(await act({ pr, inputs: { mode: 'cleanup', path: '', endpoint: store.url } }));
    } finally {
      await store.close();
    }
    expect(run.outputs.count).toBe('1');
    expect(run.warnings.join('\n')).toMatch(
      /Could not read .*\/\.artifact-links\/build-[0-9a-f]{10}\.json, so its section is not marked removed/,
    );
    expect((await text(entry.url)).status).toBe(404);
    expect(gh.commentsOn(OWNER, REPO, pr)[0].body).not.toMatch(/Links removed/);
  });

  test('a key-prefix whose scope a later run cannot find: the upload warns, refresh and cleanup refuse naming key-prefix', async () => {
    const pr = newPull();
    write('dist/app.txt', 'kept');
    const keyPrefix = '{owner}/{repo}/{short_sha}/{scope}/{section}';
    const upload = ok(await act({ pr, inputs: { 'key-prefix': keyPrefix } }));
    expect(upload.warnings.join('\n')).toMatch(
      /Input 'key-prefix' has \{short_sha\} before \{scope\} or \{pr\}.*cannot find these objects again/,
    );
    const [entry] = JSON.parse(upload.outputs.manifest) as ManifestEntry[];
    for (const mode of ['refresh', 'cleanup']) {
      const run = await act({ pr, inputs: { mode, path: '', 'key-prefix': keyPrefix } });
      expect(run.code).toBe(1);
      expect(run.errors.join('\n')).toMatch(
        /^Input 'key-prefix' has \{short_sha\} before \{scope\} or \{pr\}, which a later run cannot know/,
      );
    }
    expect((await text(entry.url)).body).toBe('kept');
    expect(gh.commentsOn(OWNER, REPO, pr)[0].body).not.toMatch(/Links removed/);
  });
});
