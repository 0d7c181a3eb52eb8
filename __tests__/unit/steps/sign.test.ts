import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ResolvedCredentials } from '../../../src/aws/credentials/classify.js';
import type { StoreTarget } from '../../../src/aws/s3-client.js';
import { parseCloudFrontPrivateKey } from '../../../src/links/cloudfront.js';
import {
  cloudFrontSigner,
  linkSignerFor,
  presignFiles,
  proveLinks,
  repositoryPrefix,
  sessionSigner,
  signingKeySigner,
} from '../../../src/steps/sign.js';
import { verifyCloudFrontUrl } from '../../support/cloudfront-verify.js';

const TARGET: StoreTarget = { bucket: 'ci-artifacts', region: 'eu-west-1', forcePathStyle: false };
const NOW = new Date('2026-11-22T14:00:00.500Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const DAY = 86_400;
const SESSION: ResolvedCredentials = {
  credentials: { accessKeyId: 'ASIAUPLOADSESSION001', secretAccessKey: 'upload-secret', sessionToken: 'upload-session-token' },
  kind: 'assumed-role',
  expiresAt: new Date(NOW.getTime() + 3600_000),
  expirySource: 'STS session (role-to-assume)',
  warnings: [],
};
const SIGNING_KEY = { accessKeyId: 'AKIASIGNINGKEY000001', secretAccessKey: 'signing-secret' };
const FILES = [
  { path: 'dist/a b.txt', key: 'octo/repo/pr-1/abc/build/a b.txt', size: 3, sha256: 'a'.repeat(64), contentType: 'text/plain' },
];
const log = { info: () => undefined, warning: () => undefined };

describe('who signs the links, and how long they live', () => {
  it('the upload session: capped at the session (minus the safety margin), with its token in the links', async () => {
    const { entries, lifetime, report } = await presignFiles(FILES, {
      signer: sessionSigner(TARGET, SESSION),
      requestedSeconds: 7 * DAY,
      log,
      clock: () => NOW,
    });
    expect(lifetime.seconds).toBe(3600 - 60);
    expect(entries[0].url).toContain('X-Amz-Security-Token=upload-session-token');
    expect(report.maskedInLinks).toMatch(/session token/);
    expect(report.about).toBeUndefined();
  });

  it('a signing key: 7 days whatever the session, no session token, its own key ID in the links', async () => {
    const signer = linkSignerFor({ kind: 'signing-key', ...SIGNING_KEY }, TARGET, SESSION, 'octo/repo/');
    const { entries, lifetime, report } = await presignFiles(FILES, { signer, requestedSeconds: 30 * DAY, log, clock: () => NOW });
    expect(lifetime.seconds).toBe(7 * DAY);
    expect(lifetime.expiresAt.toISOString()).toBe(new Date((NOW_S + 7 * DAY) * 1000).toISOString());
    const url = new URL(entries[0].url);
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIASIGNINGKEY000001\//);
    expect(url.searchParams.has('X-Amz-Security-Token')).toBe(false);
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(7 * DAY));
    expect(report.notes.join(' ')).toMatch(/exceeds the 7-day maximum/);
    expect(report.about).toBe(
      "Signed with the dedicated signing key: valid 7d (SigV4 links last at most 7 days), however long the upload's session.",
    );
    expect(report.maskedInLinks).toMatch(/signing-access-key-id/);
  });

  it('CloudFront: expires-in as set, past 7 days, links that verify with the public key', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signer = cloudFrontSigner(
      {
        kind: 'cloudfront',
        url: 'https://d111111abcdef8.cloudfront.net',
        keyPairId: 'K2JCJMDEHXQW5F',
        privateKeyPem: parseCloudFrontPrivateKey(keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
      },
      TARGET.bucket,
    );
    const { entries, lifetime, report } = await presignFiles(FILES, { signer, requestedSeconds: 90 * DAY, log, clock: () => NOW });
    expect(lifetime).toEqual({ seconds: 90 * DAY, expiresAt: new Date((NOW_S + 90 * DAY) * 1000), clamps: [] });
    expect(entries[0].expiresAt).toBe(lifetime.expiresAt.toISOString());
    expect(entries[0].url.startsWith('https://d111111abcdef8.cloudfront.net/octo/repo/pr-1/abc/build/a%20b.txt?Expires=')).toBe(true);
    expect(
      verifyCloudFrontUrl(entries[0].url, new Map([['K2JCJMDEHXQW5F', keys.publicKey]]), new Date((NOW_S + 90 * DAY - 1) * 1000)).ok,
    ).toBe(true);
    expect(report.about).toBe('CloudFront signed links: valid 90d, as set by expires-in.');
    expect(report.maskedInLinks).toBeUndefined();
  });

  it('proves only dedicated signers, on the first link, and only when there is one', async () => {
    const proved: string[] = [];
    const signer = { ...signingKeySigner(TARGET, SIGNING_KEY, ''), prove: async (e: { url: string }) => void proved.push(e.url) };
    await proveLinks(signer, [], log);
    expect(proved).toEqual([]);
    const { entries } = await presignFiles(FILES, { signer, requestedSeconds: DAY, log, clock: () => NOW });
    await proveLinks(signer, entries, log);
    expect(proved).toEqual([entries[0].url]);
    expect(sessionSigner(TARGET, SESSION).prove).toBeUndefined();
  });
});

describe('repositoryPrefix', () => {
  const ctx = { owner: 'Octo Org', repo: 'app', sha: 'abc', runId: '1', runAttempt: '1', job: 'build', ref: 'main' };
  it.each([
    ['{owner}/{repo}/{scope}/{short_sha}/{section}', 'Octo-Org/app/'],
    ['artifacts/{owner}/{repo}/{pr}', 'artifacts/Octo-Org/app/'],
    ['ci/{scope}/{sha}', 'ci/'],
    ['{scope}/{owner}', ''],
    ['static/only', 'static/only/'],
  ])('%s → %j', (template, expected) => {
    expect(repositoryPrefix(template, ctx)).toBe(expected);
  });
});
