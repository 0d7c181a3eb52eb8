/**
 * End to end: link lifetimes that never lie, built-in OIDC role assumption against an STS emulator
 * (moto_server), and the refresh and cleanup modes.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import { ManifestEntry } from '../../src/links/manifest-entry.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import { describeIfMoto, MotoServer, startMoto } from '../support/moto.js';

const BUCKET = 'lifetime-artifacts';
const HEAD = '0123456789abcdef0123456789abcdef01234567';
let s3: LocalS3;
let workspace: string;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  mkdirSync(path.join(workspace, 'dist'));
  writeFileSync(path.join(workspace, 'dist/app.txt'), 'the build');
  writeFileSync(path.join(workspace, 'dist/notes.md'), '# notes');
});
afterAll(async () => {
  await s3?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

function act(
  inputs: Record<string, string>,
  env: Record<string, string>,
  extra: { event?: object; eventName?: string } = {},
): Promise<ActionRun> {
  return runAction({
    cwd: workspace,
    inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, comment: 'never', ...inputs },
    env,
    ...extra,
  });
}

const STATIC = { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY };

function manifestOf(run: ActionRun): ManifestEntry[] {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.outputs.manifest) as ManifestEntry[];
}

describe('credential-aware link lifetime', () => {
  test('credentials expiring in a few seconds: the stated expiry is theirs, and the link dies then', async () => {
    const expireAt = new Date(Date.now() + 65_000); // 60 s safety margin leaves ~5 s of link
    const run = await act(
      { 'credentials-expire-at': expireAt.toISOString() },
      { ...STATIC, AWS_SESSION_TOKEN: 'session-token-from-an-earlier-step' },
    );
    const [entry] = manifestOf(run);
    const stated = Date.parse(run.outputs['expires-at']);
    expect(entry.expiresAt).toBe(run.outputs['expires-at']);
    expect(stated).toBeLessThanOrEqual(expireAt.getTime() - 60_000);
    expect(stated - Date.now()).toBeLessThan(6_000);
    expect(run.warnings.join('\n')).toMatch(/signing credentials \(credentials-expire-at input\) expire at/);
    expect(run.summary).toContain(run.outputs['expires-at'].slice(0, 16).replace('T', ' '));
    expect((await fetch(entry.url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, stated - Date.now()) + 1500));
    expect((await fetch(entry.url)).status).toBe(403);
  });

  test('temporary credentials of unknown expiry: capped at 1 h with a warning naming the fix', async () => {
    const run = await act({}, { ...STATIC, AWS_SESSION_TOKEN: 'session-token-without-expiry' });
    const [entry] = manifestOf(run);
    const expires = Number(new URL(entry.url).searchParams.get('X-Amz-Expires'));
    expect(expires).toBeLessThanOrEqual(3600 - 60);
    expect(expires).toBeGreaterThan(3000);
    expect(run.warnings.join('\n')).toMatch(/role-to-assume.*credentials-expire-at/s);
    // The stated expiry is an assumption here, and the summary says so; the links (holding the
    // session token, which the runner masks in summaries) are only in the manifest output.
    expect(run.summary).toMatch(/expiry is unknown/);
    expect(run.summary).toContain('in the manifest output');
    expect(run.summary).not.toContain('X-Amz-Signature');
    const logged = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain('session-token-without-expiry');
  });

  test('AWS_CREDENTIAL_EXPIRATION is honoured', async () => {
    const expiration = new Date(Date.now() + 2 * 3600_000);
    const run = await act({}, { ...STATIC, AWS_SESSION_TOKEN: 'tok', AWS_CREDENTIAL_EXPIRATION: expiration.toISOString() });
    manifestOf(run);
    expect(Date.parse(run.outputs['expires-at'])).toBeLessThanOrEqual(expiration.getTime() - 60_000);
    expect(Date.parse(run.outputs['expires-at'])).toBeGreaterThan(expiration.getTime() - 120_000);
  });
});

/** A runner OIDC token service and an STS front that tells the S3 server about the keys moto issues. */
async function startIdentity(moto: MotoServer, s3server: LocalS3) {
  const issued: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string }[] = [];
  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const c: Buffer[] = [];
      req.on('data', (d) => c.push(d));
      req.on('end', () => resolve(Buffer.concat(c)));
    });
  const oidc = createServer((req, res) => {
    const ok = req.headers.authorization === 'Bearer runner-request-token' && /audience=sts.amazonaws.com/.test(req.url ?? '');
    res
      .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { value: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9jdG8vYXBwIn0.c2ln' } : { message: 'bad token' }));
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- test server: a failed request fails the test through its client
  const sts = createServer(async (req, res) => {
    const forwarded = await fetch(moto.endpoint + (req.url ?? '/'), {
      method: req.method,
      headers: { 'content-type': String(req.headers['content-type'] ?? '') },
      body: await body(req),
    });
    const xml = await forwarded.text();
    const pick = (tag: string) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1] ?? '';
    if (pick('AccessKeyId')) {
      issued.push({
        accessKeyId: pick('AccessKeyId'),
        secretAccessKey: pick('SecretAccessKey'),
        sessionToken: pick('SessionToken'),
        expiration: pick('Expiration'),
      });
      await s3server.addCredentials(pick('AccessKeyId'), pick('SecretAccessKey'));
    }
    res.writeHead(forwarded.status, { 'content-type': 'text/xml' }).end(xml);
  });
  const listen = (server: Server) =>
    new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
    );
  const [oidcUrl, stsUrl] = [await listen(oidc), await listen(sts)];
  return {
    issued,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${oidcUrl}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
      AWS_ENDPOINT_URL_STS: stsUrl,
    },
    close: async () => {
      oidc.close();
      sts.close();
    },
  };
}

describeIfMoto('built-in OIDC role assumption (moto_server as STS)', () => {
  let moto: MotoServer;
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  beforeAll(async () => {
    moto = await startMoto();
    identity = await startIdentity(moto, s3);
  });
  afterAll(async () => {
    await identity?.close();
    await moto?.stop();
  });

  test('role-to-assume yields ASIA… credentials whose expiry is the one stated, masked before any log', async () => {
    const run = await act(
      { 'role-to-assume': 'arn:aws:iam::123456789012:role/artifact-links', 'role-session-duration': '2h' },
      identity.env,
    );
    const manifest = manifestOf(run);
    const creds = identity.issued.at(-1)!;
    expect(creds.accessKeyId).toMatch(/^ASIA/);
    expect(manifest[0].url).toContain(`X-Amz-Credential=${creds.accessKeyId}`);
    expect(manifest[0].url).toContain('X-Amz-Security-Token=');
    const sessionEnd = Date.parse(creds.expiration);
    expect(sessionEnd - Date.now()).toBeGreaterThan(2 * 3600_000 - 120_000);
    const stated = Date.parse(run.outputs['expires-at']);
    expect(stated).toBeLessThanOrEqual(sessionEnd - 60_000);
    expect(stated).toBeGreaterThan(sessionEnd - 120_000);
    expect(run.warnings.join('\n')).toMatch(/STS session \(role-to-assume\)/);
    for (const e of manifest) expect((await fetch(e.url)).status).toBe(200);
    // The runner masks what ::add-mask:: announced; nothing else may print the secrets.
    const lines = run.stdout.split('\n');
    const firstMask = lines.findIndex((l) => l.startsWith('::add-mask::'));
    const firstInfo = lines.findIndex((l) => l.length > 0 && !l.startsWith('::debug::') && !l.startsWith('::add-mask::'));
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(firstMask).toBeLessThan(firstInfo);
    const unmasked = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n') + run.stderr + JSON.stringify(run.outputs) + run.summary;
    expect(unmasked).not.toContain(creds.secretAccessKey);
    expect(unmasked).not.toContain(creds.sessionToken);
  });

  test('default session duration follows the link lifetime (12 h cap for 7d links)', async () => {
    const run = await act({ 'role-to-assume': 'arn:aws:iam::123456789012:role/artifact-links', 'expires-in': '3h' }, identity.env);
    manifestOf(run);
    const creds = identity.issued.at(-1)!;
    // 3 h of links + the session margin: the links get their full 3 h.
    expect(Date.parse(creds.expiration) - Date.now()).toBeGreaterThan(3 * 3600_000);
    expect(run.warnings.join('\n')).not.toMatch(/Link lifetime shortened/);
    expect(Date.parse(run.outputs['expires-at']) - Date.now()).toBeGreaterThan(3 * 3600_000 - 60_000);
  });
});

describe('refresh and cleanup', () => {
  let gh: GitHubFake;
  const PR = 31;
  const event = { pull_request: { number: PR, head: { sha: HEAD, ref: 'feat' } }, repository: { private: true } };
  const withGitHub = (inputs: Record<string, string>) =>
    act(
      { comment: 'auto', 'github-token': 'ghs_test', ...inputs },
      { ...STATIC, GITHUB_API_URL: gh.url },
      { event, eventName: 'pull_request' },
    );
  beforeAll(async () => {
    gh = await startGitHubFake();
    gh.addPull('octo-org', 'demo-app', { number: PR, headSha: HEAD });
  });
  afterAll(async () => {
    const violations = [...gh.violations];
    await gh.close();
    expect(violations).toEqual([]);
  });

  test('refresh renews the links of a previous upload without re-uploading; cleanup removes everything, twice safely', async () => {
    const uploaded = manifestOf(await withGitHub({ 'expires-in': '1h' }));
    const [comment] = gh.commentsOn('octo-org', 'demo-app', PR);

    const puts = s3.requests.length;
    const refreshed = await withGitHub({ mode: 'refresh', 'expires-in': '2d' });
    const renewed = manifestOf(refreshed);
    // No file is uploaded again; only the generated share page and its QR code are rewritten, with the
    // new links, and the comment section's record (what other jobs restore the section from).
    expect(
      s3.requests
        .slice(puts)
        .filter((r) => r.method === 'PUT')
        .map((r) => r.url.split('?')[0]),
    ).toEqual([
      expect.stringMatching(
        /^\/lifetime-artifacts\/octo-org\/demo-app\/pr-31\/0123456\/build-[0-9a-f]{10}\/\.artifact-links\/share\.html$/,
      ),
      expect.stringMatching(
        /^\/lifetime-artifacts\/octo-org\/demo-app\/pr-31\/0123456\/build-[0-9a-f]{10}\/\.artifact-links\/qr-share\.png$/,
      ),
      expect.stringMatching(/^\/lifetime-artifacts\/octo-org\/demo-app\/pr-31\/\.artifact-links\/comment\/build-[0-9a-f]{10}\.json$/),
    ]);
    expect(renewed.map((e) => e.key).sort()).toEqual(uploaded.map((e) => e.key).sort());
    const share = await (await fetch(refreshed.outputs['share-url'])).text();
    for (const e of renewed) expect(share).toContain(e.url.replaceAll('&', '&#38;'));
    for (const e of renewed) {
      const before = uploaded.find((u) => u.key === e.key)!;
      expect(e.url).not.toBe(before.url);
      expect(e.url).toContain('X-Amz-Expires=172800&');
      expect(e.sha256).toBe(before.sha256);
      const got = await fetch(e.url);
      expect(got.status).toBe(200);
      expect(await got.text()).toBe(e.path.endsWith('app.txt') ? 'the build' : '# notes');
    }
    const afterRefresh = gh.commentsOn('octo-org', 'demo-app', PR);
    expect(afterRefresh.map((c) => c.id)).toEqual([comment.id]);
    expect(afterRefresh[0].body).toContain('renewed');
    expect(afterRefresh[0].body).toContain(renewed[0].url.split('?')[0]);
    // Rounded down: read after signing, a 2-day link has 47 hours and some minutes left (2 days only within its signing second).
    expect(afterRefresh[0].body).toMatch(/— in (47 hours|2 days)\n/);

    const cleaned = await withGitHub({ mode: 'cleanup' });
    expect(cleaned.code).toBe(0);
    expect(Number(cleaned.outputs.count)).toBe(2); // the two files, not the action's own manifest and share page
    for (const e of renewed) expect((await fetch(e.url)).status).toBe(404);
    const removed = gh.commentsOn('octo-org', 'demo-app', PR);
    expect(removed.map((c) => c.id)).toEqual([comment.id]);
    expect(removed[0].body).toMatch(/Links removed/);
    expect(removed[0].body).not.toContain('X-Amz-Signature');

    const patches = gh.requests.filter((r) => r.method === 'PATCH').length;
    const again = await withGitHub({ mode: 'cleanup' });
    expect(again.code).toBe(0);
    expect(again.notices.join('\n')).toMatch(/Nothing to delete.*already cleaned up/);
    expect(gh.requests.filter((r) => r.method === 'PATCH').length).toBe(patches);

    const nothing = await withGitHub({ mode: 'refresh' });
    expect(nothing.code).toBe(0);
    expect(nothing.warnings.join('\n')).toMatch(/Nothing to refresh/);
  });
});
