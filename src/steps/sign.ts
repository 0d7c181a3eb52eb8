/**
 * Shared step of upload and refresh: who signs the links, an honest lifetime, one link per stored
 * file, and, for a dedicated signer, proof that a link works before any is published.
 *
 * Three signers: the upload's own credentials (links end with their session, at most 7 days), a
 * dedicated signing key (a long-term IAM user key: 7 days whatever the session), or a CloudFront
 * key pair (`expires-in` as set).
 */
import type { ResolvedCredentials } from '../aws/credentials/classify.js';
import { createPresigner, type Presign } from '../aws/presign.js';
import type { StoreTarget } from '../aws/s3-client.js';
import { explainCloudFrontFailure, explainSigningKeyFailure, probeLink, type ProbeOptions } from '../aws/signing-probe.js';
import type { RunContext } from '../config/context.js';
import type { LinkSignerConfig } from '../config/link-signer.js';
import { createCloudFrontSigner } from '../links/cloudfront.js';
import { formatDuration } from '../links/duration.js';
import { capLinkLifetime, LinkLifetime } from '../links/expiry.js';
import { renderKeyPrefix } from '../links/keys.js';
import type { ManifestEntry, StoredFile } from '../links/manifest-entry.js';
import { earliestExpiry, Report } from '../render/summary.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';

export interface LinkSigner {
  /** Signs links at `signedAt`: `(key, seconds) => url`. */
  presigner(signedAt: Date): Presign;
  /** The lifetime of links signed at `signedAt` for `requestedSeconds`. */
  lifetime(requestedSeconds: number, signedAt: Date): LinkLifetime;
  /** One sentence on who signed the links and why they live as long as they do; none for the default. */
  about(lifetime: LinkLifetime): string | undefined;
  /** Warnings about the lifetime, for the report (already logged where they arose). */
  warnings: string[];
  /** The stated expiry rests on an assumption (temporary credentials of unknown expiry). */
  expiryAssumed: boolean;
  /** What the links contain that the runner masks in job summaries; undefined when nothing. */
  masked?: string;
  /** Fetches one signed link; throws an error naming the input and the fix when it does not work. */
  prove?(entry: Pick<ManifestEntry, 'key' | 'url'>, options?: ProbeOptions): Promise<void>;
}

/** The upload's own credentials sign: links end with their session. */
export function sessionSigner(target: StoreTarget, resolved: ResolvedCredentials): LinkSigner {
  return {
    presigner: (signedAt) => createPresigner(target, resolved.credentials, { now: () => signedAt }),
    lifetime: (requested, signedAt) =>
      capLinkLifetime(requested, signedAt, { credentialsExpireAt: resolved.expiresAt, credentialsSource: resolved.expirySource }),
    about: () => undefined,
    warnings: resolved.warnings,
    expiryAssumed: Boolean(resolved.expiryAssumed),
    masked: resolved.credentials.sessionToken ? 'the session token of the temporary credentials that signed them' : undefined,
  };
}

/**
 * A dedicated, long-term signing key signs: no session token in the links, so they live up to the
 * SigV4 maximum of 7 days whatever the upload's session.
 */
export function signingKeySigner(
  target: StoreTarget,
  key: { accessKeyId: string; secretAccessKey: string },
  accessPrefix: string,
): LinkSigner {
  const where = target.endpoint ? target.endpoint.host : `S3 in ${target.region}`;
  return {
    presigner: (signedAt) => createPresigner(target, key, { now: () => signedAt }),
    lifetime: (requested, signedAt) => capLinkLifetime(requested, signedAt, {}),
    about: (lifetime) =>
      `Signed with the dedicated signing key: valid ${formatDuration(lifetime.seconds)} (SigV4 links last at most 7 days), however long the upload's session.`,
    warnings: [],
    expiryAssumed: false,
    masked: "the signing key's access key ID (signing-access-key-id)",
    async prove(entry, options) {
      const outcome = await probeLink(entry.url, options);
      if (!outcome.ok) {
        throw new Error(
          `${explainSigningKeyFailure(outcome, { bucket: target.bucket, region: target.region, keyPrefix: accessPrefix, where })} No link was published.`,
        );
      }
    },
  };
}

/** CloudFront signed URLs: `expires-in` as set, past SigV4's 7 days. */
export function cloudFrontSigner(config: Extract<LinkSignerConfig, { kind: 'cloudfront' }>, bucket: string): LinkSigner {
  return {
    presigner: (signedAt) => {
      const sign = createCloudFrontSigner(
        { baseUrl: config.url, keyPairId: config.keyPairId, privateKeyPem: config.privateKeyPem },
        { now: () => signedAt },
      );
      return async (key, seconds) => sign(key, seconds);
    },
    lifetime: (requested, signedAt) => ({
      seconds: requested,
      expiresAt: new Date((Math.floor(signedAt.getTime() / 1000) + requested) * 1000),
      clamps: [],
    }),
    about: (lifetime) => `CloudFront signed links: valid ${formatDuration(lifetime.seconds)}, as set by expires-in.`,
    warnings: [],
    expiryAssumed: false,
    async prove(entry, options) {
      const outcome = await probeLink(entry.url, options);
      if (!outcome.ok) {
        throw new Error(
          `${explainCloudFrontFailure(outcome, { cloudFrontUrl: config.url, bucket, key: entry.key })} No link was published.`,
        );
      }
    },
  };
}

/** The signer the inputs ask for; the upload's credentials when none. */
export function linkSignerFor(
  config: LinkSignerConfig | undefined,
  target: StoreTarget,
  resolved: ResolvedCredentials,
  accessPrefix: string,
): LinkSigner {
  if (config?.kind === 'signing-key') return signingKeySigner(target, config, accessPrefix);
  if (config?.kind === 'cloudfront') return cloudFrontSigner(config, target.bucket);
  return sessionSigner(target, resolved);
}

/**
 * The part of the key layout every object of the repository shares, for permission hints: the
 * `key-prefix` segments before the first one that varies per pull request or run (`octo/repo/`
 * for the default layout).
 */
export function repositoryPrefix(
  template: string,
  ctx: Pick<RunContext, 'owner' | 'repo' | 'sha' | 'runId' | 'runAttempt' | 'job' | 'ref'>,
): string {
  const segments = template.trim().split('/');
  const end = segments.findIndex((s) => /\{(?!owner\}|repo\})[^}]*\}/.test(s));
  const head = segments.slice(0, end < 0 ? segments.length : end).join('/');
  if (!head) return '';
  return `${renderKeyPrefix(head, { ...ctx, section: '' })}/`;
}

export interface SignOptions {
  signer: LinkSigner;
  /** The `expires-in` input, in seconds. */
  requestedSeconds: number;
  log: Logger;
  clock: Clock;
}

export interface SignedFiles {
  entries: ManifestEntry[];
  lifetime: LinkLifetime;
  report: Report;
  /** Signs another key of the run (a generated object) with the same instant and lifetime. */
  sign: (key: string) => Promise<string>;
}

/**
 * Signs one link per file. The lifetime is capped at signing time (after any upload, which eats into a
 * session), logged when clamped, and identical for every link of the batch.
 */
export async function presignFiles(files: StoredFile[], options: SignOptions, failed: Report['failed'] = []): Promise<SignedFiles> {
  const { signer, log } = options;
  const signedAt = options.clock();
  const lifetime = signer.lifetime(options.requestedSeconds, signedAt);
  for (const clamp of lifetime.clamps) log.warning(`Link lifetime shortened: ${clamp}`);
  log.info(`Links are valid for ${formatDuration(lifetime.seconds)}, until ${lifetime.expiresAt.toISOString()}.`);
  const presign = signer.presigner(signedAt);
  const expiresAt = lifetime.expiresAt.toISOString();
  // One instant and one lifetime for every link of the run, generated objects (sites, share page) included.
  const sign = (key: string): Promise<string> => presign(key, lifetime.seconds);
  // One after the other: signing is CPU work, and a sequential loop is the fastest (no promise pile-up).
  const entries: ManifestEntry[] = [];
  for (const file of files) entries.push({ ...file, url: await sign(file.key), expiresAt });
  const report: Report = {
    entries,
    failed,
    expiresAt: earliestExpiry(entries),
    notes: [...signer.warnings, ...lifetime.clamps],
    about: signer.about(lifetime),
    maskedInLinks: signer.masked,
  };
  return { entries, lifetime, report, sign };
}

/**
 * Before anything is published: fetch the first byte of one link, for signers other than the
 * upload's own credentials (which just wrote the objects). Throws, naming the input, when it fails.
 */
export async function proveLinks(signer: LinkSigner, entries: ManifestEntry[], log: Logger, options?: ProbeOptions): Promise<void> {
  if (!signer.prove || entries.length === 0) return;
  await signer.prove(entries[0], options);
  log.info(`Checked that the links work: ${entries[0].path} answers its signed link.`);
}
