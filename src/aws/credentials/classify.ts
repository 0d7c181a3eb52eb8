/**
 * What kind of credentials sign the links, and when they stop being valid. Pure: the environment
 * value and the clock are passed in.
 *
 * A presigned link stops working when the credentials that signed it expire, so the caller caps
 * every link at `expiresAt` (and at the SigV4 maximum of 7 days when `expiresAt` is undefined).
 */
import type { Env } from '../../config/context.js';
import { parseIsoInstant } from '../../config/validate.js';
import { formatDuration } from '../../links/duration.js';

export type CredentialKind = 'long-term' | 'temporary' | 'assumed-role';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface ResolvedCredentials {
  credentials: SigningCredentials;
  kind: CredentialKind;
  /** When the signer stops being valid, if known. Undefined only for long-term keys. */
  expiresAt?: Date;
  /** Where expiresAt came from, for log lines. */
  expirySource?: string;
  /** Warnings about the lifetime; `resolveCredentials` has already logged each of them. */
  warnings: string[];
  /** True when expiresAt is an assumed cap (temporary credentials of unknown expiry), not a known time. */
  expiryAssumed?: boolean;
}

/** Temporary credentials of unknown expiry are assumed to live this long (1 h, the STS default). */
export const DEFAULT_UNKNOWN_SESSION_CAP_SECONDS = 3600;

export const EXPIRY_SOURCE = {
  stsSession: 'STS session (role-to-assume)',
  envExpiration: 'AWS_CREDENTIAL_EXPIRATION',
  input: 'credentials-expire-at input',
  provider: 'provider expiration',
} as const;

const UNKNOWN_EXPIRY_FIX =
  'set `role-to-assume` so the action gets its own session, or pass ' + '`credentials-expire-at: ${{ steps.<id>.outputs.aws-expiration }}`';

export function isValidDate(date: Date | undefined): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** Passes every secret of `creds` to `setSecret` (core.setSecret masks it in logs). */
export function maskCredentials(setSecret: (s: string) => void, creds: SigningCredentials): void {
  setSecret(creds.secretAccessKey);
  if (creds.sessionToken) setSecret(creds.sessionToken);
}

export interface ClassifyOptions {
  env: Pick<Env, 'AWS_CREDENTIAL_EXPIRATION'>;
  /** From the `credentials-expire-at` input (configure-aws-credentials' `aws-expiration` output). */
  credentialsExpireAt?: Date;
  now: Date;
  /** Cap for temporary credentials of unknown expiry. Default DEFAULT_UNKNOWN_SESSION_CAP_SECONDS. */
  unknownCapSeconds?: number;
  /** A dedicated signer signs the links: these credentials only upload, so an unknown expiry caps no link. */
  uploadOnly?: boolean;
}

/**
 * Decide what kind of credentials these are and when they stop being valid.
 *
 * - Any known expiry (provider `expiration`, env AWS_CREDENTIAL_EXPIRATION, `credentials-expire-at`)
 *   is honoured, and the EARLIEST of them wins.
 * - AWS_CREDENTIAL_EXPIRATION follows one rule: it counts only when it is a valid ISO 8601 instant
 *   with `Z` or an offset (`parseIsoInstant`). The SDK's environment provider parses the same variable
 *   with `new Date()` (a local time, or 2030-02-31 rolled over to March 3) into its `expiration`: that
 *   copy is never used on its own. Any other value leaves the expiry unknown: the 1 h cap and the
 *   caveat apply, whatever the kind of keys, with a warning that says so. Another tool set the
 *   variable; failing the upload over it would not help, and the cap keeps links short.
 * - Long-term keys (no session token) with no known expiry: `expiresAt` undefined.
 * - Temporary keys (session token) with no known expiry: a warning naming the fix, and
 *   `expiresAt = now + unknownCapSeconds`.
 * - Credentials that have already expired get a warning (`resolveCredentials` turns it into an error).
 */
export function classifyCredentials(creds: SigningCredentials, opts: ClassifyOptions): ResolvedCredentials {
  const warnings: string[] = [];
  const known: Array<{ at: Date; source: string }> = [];
  const rawEnv = opts.env.AWS_CREDENTIAL_EXPIRATION;
  const envValue = rawEnv?.trim();
  const envDate = envValue ? parseIsoInstant(envValue) : undefined;
  const cap = opts.unknownCapSeconds ?? DEFAULT_UNKNOWN_SESSION_CAP_SECONDS;
  // The environment provider's copy of AWS_CREDENTIAL_EXPIRATION: same instant as `new Date(raw)`, or invalid.
  const providerFromEnv =
    envValue !== undefined &&
    envValue !== '' &&
    creds.expiration !== undefined &&
    (!isValidDate(creds.expiration) || creds.expiration.getTime() === new Date(rawEnv ?? '').getTime());

  if (isValidDate(creds.expiration) && !providerFromEnv) {
    known.push({ at: creds.expiration, source: EXPIRY_SOURCE.provider });
  } else if (creds.expiration !== undefined && !providerFromEnv) {
    warnings.push('The AWS credential provider returned an invalid expiration time; it was ignored.');
  }
  const envInvalid = Boolean(envValue) && !envDate;
  if (envDate) known.push({ at: envDate, source: EXPIRY_SOURCE.envExpiration });
  if (opts.credentialsExpireAt !== undefined) {
    if (isValidDate(opts.credentialsExpireAt)) {
      known.push({ at: opts.credentialsExpireAt, source: EXPIRY_SOURCE.input });
    } else {
      warnings.push('The `credentials-expire-at` input is not a valid time; it was ignored.');
    }
  }

  const temporary = Boolean(creds.sessionToken);
  const kind: CredentialKind = temporary ? 'temporary' : 'long-term';
  const credentials: SigningCredentials = { ...creds };
  if (!isValidDate(credentials.expiration) || providerFromEnv) delete credentials.expiration;

  let expiresAt: Date | undefined;
  let expirySource: string | undefined;
  const assumed = known.length === 0 && (temporary || envInvalid);
  if (known.length > 0) {
    const earliest = known.reduce((a, b) => (b.at.getTime() < a.at.getTime() ? b : a));
    expiresAt = new Date(earliest.at.getTime());
    expirySource = earliest.source;
    if (envInvalid) warnings.push(`${envNotAnInstant(envValue ?? '')}; it does not count, and the ${expirySource} applies.`);
  } else if (assumed) {
    expiresAt = new Date(opts.now.getTime() + cap * 1000);
    expirySource = `unknown-expiry cap (${cap} s)`;
    const why = envInvalid
      ? `${envNotAnInstant(envValue ?? '')}, so the credentials' expiry is unknown`
      : 'The AWS credentials are temporary (they have a session token) but their expiry is unknown';
    if (!opts.uploadOnly) {
      warnings.push(
        `${why}: links are capped at ${formatDuration(cap)} (until ${expiresAt.toISOString()}) and may still die ` +
          `earlier if the session does. To fix this, ${UNKNOWN_EXPIRY_FIX}.`,
      );
    }
  }

  if (expiresAt && expiresAt.getTime() <= opts.now.getTime()) {
    warnings.push(
      `The AWS credentials expired at ${expiresAt.toISOString()} (${expirySource}). ` +
        'Refresh them right before this step (e.g. configure-aws-credentials), or set `role-to-assume`.',
    );
  }
  return { credentials, kind, expiresAt, expirySource, warnings, ...(assumed ? { expiryAssumed: true } : {}) };
}

function envNotAnInstant(value: string): string {
  return (
    `AWS_CREDENTIAL_EXPIRATION=${JSON.stringify(value)} is not a valid ISO 8601 instant with Z or an offset ` +
    '(e.g. 2025-01-31T12:00:00Z)'
  );
}
