/**
 * End to end: links that outlive the upload's session. The bundled action uploads with temporary
 * credentials from an STS emulator (moto_server) and signs with a dedicated signing key, or signs
 * CloudFront URLs that a local verifying "CloudFront" in front of the S3 server serves. A signer
 * that cannot read what it signs fails the step before anything is published.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionRun, runAction } from '../../scripts/lib/run-action.mjs';
import { LocalS3, S3_ACCESS_KEY, S3_SECRET_KEY, startS3Server } from '../../scripts/lib/s3-server.mjs';
import type { ManifestEntry } from '../../src/links/manifest-entry.js';
import { CloudFrontFake, startCloudFrontFake } from '../support/cloudfront-fake.js';
import { verifyCloudFrontUrl } from '../support/cloudfront-verify.js';
import { GitHubFake, startGitHubFake } from '../support/github-fake/index.js';
import { describeIfMoto, MotoServer, startMoto } from '../support/moto.js';

const BUCKET = 'long-lived-artifacts';
const OWNER = 'octo-org';
const REPO = 'demo-app';
const HEAD = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const SIGNER = { id: 'AKIASIGNINGKEY000042', secret: 'signing/secret+key=for-links-only-42' };
const DAY = 86_400;
const FILES: Record<string, string> = {
  'dist/app.txt': 'the build',
  "dist/report dir/résumé +&=%#?'.html": '<h1>report</h1>',
};

let s3: LocalS3;
let gh: GitHubFake;
let workspace: string;
let nextPr = 500;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET] });
  await s3.addCredentials(SIGNER.id, SIGNER.secret);
  gh = await startGitHubFake();
  gh.addRepo(OWNER, REPO, { private: true });
  workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  for (const [rel, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    writeFileSync(path.join(workspace, rel), content);
  }
});
afterAll(async () => {
  const violations = [...(gh?.violations ?? [])];
  await gh?.close();
  await s3?.stop();
  rmSync(workspace, { recursive: true, force: true });
  expect(violations).toEqual([]);
});

/** Runs the action on a new pull request; returns the run and the PR number. */
async function actOnPr(inputs: Record<string, string>, env: Record<string, string>): Promise<{ run: ActionRun; pr: number }> {
  const pr = nextPr++;
  gh.addPull(OWNER, REPO, { number: pr, headSha: HEAD });
  const run = await runAction({
    cwd: workspace,
    eventName: 'pull_request',
    event: { pull_request: { number: pr, head: { sha: HEAD, ref: 'feature' } }, repository: { private: true } },
    inputs: { path: 'dist/**', bucket: BUCKET, endpoint: s3.endpoint, 'github-token': 'ghs_test', ...inputs },
    env: { GITHUB_API_URL: gh.url, ...env },
  });
  return { run, pr };
}

function manifestOf(run: ActionRun): ManifestEntry[] {
  if (run.code !== 0) throw new Error(`action failed (${run.code}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.outputs.manifest) as ManifestEntry[];
}

/** Everything the run printed or published, except the ::add-mask:: lines that announce secrets. */
function published(run: ActionRun, pr: number): string {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const comments = gh.commentsOn(OWNER, REPO, pr).map((c) => c.body);
  return [stdout, run.stderr, JSON.stringify(run.outputs), run.summary, ...comments].join('\n');
}

function expectNothingPublished(run: ActionRun, pr: number): void {
  expect(run.code).toBe(1);
  expect(run.outputs).toEqual({});
  expect(run.summary).toBe('');
  expect(gh.commentsOn(OWNER, REPO, pr)).toEqual([]);
}

describeIfMoto('a dedicated signing key, with temporary upload credentials from STS', () => {
  let moto: MotoServer;
  let upload: Record<string, string>;
  beforeAll(async () => {
    moto = await startMoto();
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: 'AKIAMOTO', secretAccessKey: 'moto' },
    });
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/artifact-links-upload',
        RoleSessionName: 'upload',
        DurationSeconds: 900,
      }),
    );
    sts.destroy();
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) throw new Error('moto issued no credentials');
    await s3.addCredentials(c.AccessKeyId, c.SecretAccessKey);
    upload = {
      AWS_ACCESS_KEY_ID: c.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: c.SecretAccessKey,
      AWS_SESSION_TOKEN: c.SessionToken,
      AWS_CREDENTIAL_EXPIRATION: c.Expiration.toISOString(),
    };
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('links work, carry no session token and live 7 days although the upload session ends in 15 minutes', async () => {
    expect(upload.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    expect(Date.parse(upload.AWS_CREDENTIAL_EXPIRATION) - Date.now()).toBeLessThan(16 * 60_000);
    const started = Date.now();
    const { run, pr } = await actOnPr({ 'signing-access-key-id': SIGNER.id, 'signing-secret-access-key': SIGNER.secret }, upload);
    const manifest = manifestOf(run);
    expect(manifest.map((e) => e.path).sort()).toEqual(Object.keys(FILES).sort());
    const stated = Date.parse(run.outputs['expires-at']);
    expect(stated).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000 + 7 * DAY * 1000);
    expect(stated).toBeLessThanOrEqual(Date.now() + 7 * DAY * 1000);
    for (const e of manifest) {
      const url = new URL(e.url);
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(new RegExp(`^${SIGNER.id}/`));
      expect(url.searchParams.has('X-Amz-Security-Token')).toBe(false);
      expect(url.searchParams.get('X-Amz-Expires')).toBe(String(7 * DAY));
      const got = await fetch(e.url);
      expect(got.status).toBe(200);
      expect(await got.text()).toBe(FILES[e.path]);
    }
    // The comment and the summary say who signed and how long the links live; the summary does
    // not list the links (the key ID in them is masked there) but says where they are.
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(comment.body).toContain('Signed with the dedicated signing key: valid 7d');
    expect(comment.body).toContain(manifest[0].url.split('?')[0]);
    expect(comment.body).toMatch(/in 6 days|in 7 days/);
    expect(run.summary).toContain('Signed with the dedicated signing key: valid 7d');
    expect(run.summary).toContain('in the PR comment');
    expect(run.summary).not.toContain('X-Amz-Signature');
    expect(run.stdout).toMatch(/Checked that the links work/);
    // Both values are announced as secrets before anything else, and appear nowhere else.
    const lines = run.stdout.split('\n');
    expect(lines.findIndex((l) => l === `::add-mask::${SIGNER.secret}`)).toBe(lines.findIndex((l) => l.startsWith('::add-mask::')) + 1);
    expect(lines).toContain(`::add-mask::${SIGNER.id}`);
    const everything = published(run, pr);
    expect(everything).not.toContain(SIGNER.secret);
    expect(everything).not.toContain(upload.AWS_SECRET_ACCESS_KEY);
  });
});

describe('a signing key that cannot read what it signs', () => {
  const STATIC = { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY };

  test('a key the store does not know: the step fails naming the input, and nothing is published', async () => {
    const { run, pr } = await actOnPr(
      { 'signing-access-key-id': 'AKIAUNKNOWNSIGNER001', 'signing-secret-access-key': SIGNER.secret },
      STATIC,
    );
    expectNothingPublished(run, pr);
    expect(run.errors.join('\n')).toMatch(/does not know the access key in 'signing-access-key-id'.*No link was published/s);
    expect(published(run, pr)).not.toContain(SIGNER.secret);
  });

  test('the wrong secret: the step fails naming signing-secret-access-key', async () => {
    const { run, pr } = await actOnPr({ 'signing-access-key-id': SIGNER.id, 'signing-secret-access-key': 'not-the-right-secret' }, STATIC);
    expectNothingPublished(run, pr);
    expect(run.errors.join('\n')).toContain("'signing-secret-access-key' is not the secret of the access key in 'signing-access-key-id'");
    expect(published(run, pr)).not.toContain('not-the-right-secret');
  });

  test('half a signing key fails before anything is uploaded', async () => {
    const before = s3.requests.length;
    const { run, pr } = await actOnPr({ 'signing-access-key-id': SIGNER.id }, STATIC);
    expectNothingPublished(run, pr);
    expect(run.errors.join('\n')).toContain("but 'signing-secret-access-key' is empty");
    expect(s3.requests.length).toBe(before);
  });
});

describe('CloudFront signed URLs through a local verifying CloudFront', () => {
  const STATIC = { AWS_ACCESS_KEY_ID: S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY };
  let cf: CloudFrontFake;
  let publicKey: KeyObject;
  let privateKeyPem: string;
  beforeAll(async () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    publicKey = keys.publicKey;
    privateKeyPem = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    cf = await startCloudFrontFake({ origin: s3.endpoint, bucket: BUCKET, publicKeys: { K2JCJMDEHXQW5F: publicKey } });
  });
  afterAll(async () => {
    await cf?.close();
  });

  test('90-day links, checked against the public key and downloaded through the distribution', async () => {
    const started = Math.floor(Date.now() / 1000);
    const { run, pr } = await actOnPr(
      {
        'expires-in': '90d',
        'cloudfront-url': `${cf.url}/`,
        'cloudfront-key-pair-id': 'K2JCJMDEHXQW5F',
        'cloudfront-private-key': privateKeyPem,
      },
      STATIC,
    );
    const manifest = manifestOf(run);
    const expires = Date.parse(run.outputs['expires-at']) / 1000;
    expect(expires).toBeGreaterThanOrEqual(started + 90 * DAY);
    expect(expires).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 90 * DAY);
    const keys = new Map([['K2JCJMDEHXQW5F', publicKey]]);
    for (const e of manifest) {
      expect(e.url.startsWith(`${cf.url}/${OWNER}/${REPO}/pr-${pr}/`)).toBe(true);
      expect(verifyCloudFrontUrl(e.url, keys, new Date((expires - 1) * 1000))).toMatchObject({ ok: true, expires });
      expect(verifyCloudFrontUrl(e.url, keys, new Date(expires * 1000))).toMatchObject({ ok: false, code: 'Expired' });
      const got = await fetch(e.url);
      expect(got.status).toBe(200);
      expect(await got.text()).toBe(FILES[e.path]);
    }
    // The probe went through CloudFront too, before anything was published.
    expect(cf.requests.filter((r) => r.status === 206)).toHaveLength(1);
    const [comment] = gh.commentsOn(OWNER, REPO, pr);
    expect(comment.body).toContain('CloudFront signed links: valid 90d, as set by expires-in.');
    expect(comment.body).toMatch(/in 89 days|in 90 days/);
    // Nothing in CloudFront links is masked: the summary lists them.
    expect(run.summary).toContain(`href="${manifest[0].url.replace(/&/g, '&#38;')}"`);
    const everything = published(run, pr);
    for (const line of privateKeyPem.split('\n').filter((l) => l.length > 20)) expect(everything).not.toContain(line);
  });

  test('a private key the distribution does not trust: the step fails naming the inputs, nothing published', async () => {
    const wrong = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    const { run, pr } = await actOnPr(
      { 'cloudfront-url': cf.url, 'cloudfront-key-pair-id': 'K2JCJMDEHXQW5F', 'cloudfront-private-key': wrong },
      STATIC,
    );
    expectNothingPublished(run, pr);
    expect(run.errors.join('\n')).toMatch(
      /'cloudfront-private-key' must be the private key of the public key 'cloudfront-key-pair-id' names/,
    );
    for (const line of wrong.split('\n').filter((l) => l.length > 20)) expect(published(run, pr)).not.toContain(line);
  });
});
