/** How long a presigned link may live: the honest minimum of what was asked and what the signer allows. */
import { formatDuration } from './duration.js';

/** SigV4 presigned URLs are valid for at most 7 days. */
export const SIGV4_MAX_SECONDS = 604_800;
/**
 * Links must die before their signing credentials do, with room for clock skew between the runner
 * and the store: a link stated to live until T must still work at T.
 */
export const CREDENTIAL_SAFETY_MARGIN_SECONDS = 60;

export interface ExpiryLimit {
  /** When the signing credentials stop being valid, if known. */
  credentialsExpireAt?: Date;
  /** Human description of where that expiry came from, for the warning. */
  credentialsSource?: string;
}

export interface LinkLifetime {
  /** X-Amz-Expires value. */
  seconds: number;
  /** The instant the link stops working (signing time, whole seconds, plus `seconds`). */
  expiresAt: Date;
  /** Why the requested lifetime was shortened, one sentence per cause; empty when not clamped. */
  clamps: string[];
}

/**
 * Caps `requestedSeconds` at the SigV4 maximum and at the credentials' remaining lifetime minus a
 * safety margin, for links signed at `signedAt`. Throws when the credentials leave no usable lifetime.
 */
export function capLinkLifetime(requestedSeconds: number, signedAt: Date, limit: ExpiryLimit): LinkLifetime {
  const signedAtSeconds = Math.floor(signedAt.getTime() / 1000);
  const clamps: string[] = [];
  let seconds = requestedSeconds;
  if (seconds > SIGV4_MAX_SECONDS) {
    clamps.push(`expires-in ${formatDuration(requestedSeconds)} exceeds the 7-day maximum of SigV4 presigned links; links expire in 7d.`);
    seconds = SIGV4_MAX_SECONDS;
  }
  if (limit.credentialsExpireAt) {
    const credentialSeconds = Math.floor(limit.credentialsExpireAt.getTime() / 1000) - signedAtSeconds;
    const usable = credentialSeconds - CREDENTIAL_SAFETY_MARGIN_SECONDS;
    if (usable < 1) {
      throw new Error(
        `The AWS credentials (${limit.credentialsSource ?? 'temporary session'}) expire at ` +
          `${limit.credentialsExpireAt.toISOString()}, too soon to sign a link that works. ` +
          `Use a longer session (role-to-assume with role-session-duration) or refresh the credentials before this step.`,
      );
    }
    if (usable < seconds) {
      clamps.push(
        `the signing credentials (${limit.credentialsSource ?? 'temporary session'}) expire at ` +
          `${limit.credentialsExpireAt.toISOString()} and a link cannot outlive its signer; ` +
          `links expire in ${formatDuration(usable)} instead of ${formatDuration(seconds)}.`,
      );
      seconds = usable;
    }
  }
  return { seconds, expiresAt: new Date((signedAtSeconds + seconds) * 1000), clamps };
}
