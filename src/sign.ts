/** Steps shared by every mode that makes links: credentials → honest lifetime → presigned URLs. */
import * as core from '@actions/core';
import { resolveCredentials, ResolvedCredentials } from './credentials.js';
import { formatDuration } from './duration.js';
import { capLinkLifetime, LinkLifetime } from './expiry.js';
import { Inputs } from './inputs.js';
import { createPresigner } from './presign.js';
import { earliestExpiry, Report } from './report.js';
import { StoreTarget } from './s3.js';
import { ManifestEntry } from './types.js';

export function storeTarget(inputs: Inputs): StoreTarget {
  return { bucket: inputs.bucket, region: inputs.region, endpoint: inputs.endpoint, forcePathStyle: inputs.forcePathStyle };
}

export function resolveSigner(inputs: Inputs): Promise<ResolvedCredentials> {
  return resolveCredentials({
    region: inputs.region,
    roleToAssume: inputs.roleToAssume,
    roleSessionName: inputs.roleSessionName,
    roleSessionDuration: inputs.roleSessionDuration,
    requestedLinkSeconds: inputs.expiresInSeconds,
    audience: inputs.audience,
    credentialsExpireAt: inputs.credentialsExpireAt,
  });
}

/**
 * A comment section's note: the given sentences, plus a caveat wherever the expiry rests on an
 * assumption rather than a known time.
 */
export function sectionNote(signer: ResolvedCredentials, ...sentences: (string | undefined)[]): string | undefined {
  const caveat = signer.expiryAssumed
    ? 'Signed with temporary credentials of unknown expiry: these links stop working when that session ends, which may be before the time stated.'
    : undefined;
  return [...sentences, caveat].filter(Boolean).join(' ') || undefined;
}

/** A file that exists in the bucket and gets a link. */
export type StoredFile = Omit<ManifestEntry, 'url' | 'expiresAt'>;

/**
 * Signs one link per file. The lifetime is capped at signing time (after any upload, which eats into a
 * session), logged when clamped, and identical for every link of the batch.
 */
export function presignFiles(files: StoredFile[], inputs: Inputs, signer: ResolvedCredentials, failed: Report['failed'] = []): { entries: ManifestEntry[]; lifetime: LinkLifetime; report: Report } {
  const signedAt = new Date();
  const lifetime = capLinkLifetime(inputs.expiresInSeconds, signedAt, { credentialsExpireAt: signer.expiresAt, credentialsSource: signer.expirySource });
  for (const clamp of lifetime.clamps) core.warning(`Link lifetime shortened: ${clamp}`);
  core.info(`Links are valid for ${formatDuration(lifetime.seconds)}, until ${lifetime.expiresAt.toISOString()}.`);
  const presign = createPresigner(storeTarget(inputs), signer.credentials, { now: () => signedAt });
  const expiresAt = lifetime.expiresAt.toISOString();
  const entries = files.map((f) => ({ ...f, url: presign(f.key, lifetime.seconds), expiresAt }));
  const report: Report = {
    entries,
    failed,
    expiresAt: earliestExpiry(entries),
    notes: [...signer.warnings, ...lifetime.clamps],
    signedWithSessionToken: Boolean(signer.credentials.sessionToken),
  };
  return { entries, lifetime, report };
}
