/** Shared step of upload and refresh: an honest lifetime, then one presigned link per stored file. */
import type { ResolvedCredentials } from '../aws/credentials/classify.js';
import { createPresigner } from '../aws/presign.js';
import type { StoreTarget } from '../aws/s3-client.js';
import { formatDuration } from '../links/duration.js';
import { capLinkLifetime, LinkLifetime } from '../links/expiry.js';
import type { ManifestEntry, StoredFile } from '../links/manifest-entry.js';
import { earliestExpiry, Report } from '../render/summary.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';

export interface SignOptions {
  target: StoreTarget;
  signer: ResolvedCredentials;
  /** The `expires-in` input, in seconds. */
  requestedSeconds: number;
  log: Logger;
  clock: Clock;
}

/**
 * Signs one link per file. The lifetime is capped at signing time (after any upload, which eats into a
 * session), logged when clamped, and identical for every link of the batch.
 */
export function presignFiles(
  files: StoredFile[],
  o: SignOptions,
  failed: Report['failed'] = [],
): { entries: ManifestEntry[]; lifetime: LinkLifetime; report: Report; sign: (key: string) => string } {
  const { signer } = o;
  const signedAt = o.clock();
  const lifetime = capLinkLifetime(o.requestedSeconds, signedAt, {
    credentialsExpireAt: signer.expiresAt,
    credentialsSource: signer.expirySource,
  });
  for (const clamp of lifetime.clamps) o.log.warning(`Link lifetime shortened: ${clamp}`);
  o.log.info(`Links are valid for ${formatDuration(lifetime.seconds)}, until ${lifetime.expiresAt.toISOString()}.`);
  const presign = createPresigner(o.target, signer.credentials, { now: () => signedAt });
  const expiresAt = lifetime.expiresAt.toISOString();
  // One instant and one lifetime for every link of the run, generated objects (sites, share page) included.
  const sign = (key: string): string => presign(key, lifetime.seconds);
  const entries = files.map((f) => ({ ...f, url: sign(f.key), expiresAt }));
  const report: Report = {
    entries,
    failed,
    expiresAt: earliestExpiry(entries),
    notes: [...signer.warnings, ...lifetime.clamps],
    signedWithSessionToken: Boolean(signer.credentials.sessionToken),
  };
  return { entries, lifetime, report, sign };
}
