/**
 * Rules that more than one module checks, defined once: the `role-to-assume` inputs are validated
 * when the inputs are read and again by the credential resolver (which tests and other callers can
 * reach directly).
 */

/** AssumeRoleWithWebIdentity accepts DurationSeconds in [900, 43200]. */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43200;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

/** An IAM role ARN, e.g. arn:aws:iam::123456789012:role/artifact-links. */
export function isRoleArn(value: string): boolean {
  return ROLE_ARN.test(value);
}

/** An STS role session name: 2 to 64 characters from letters, digits and _+=,.@- */
export function isSessionName(value: string): boolean {
  return SESSION_NAME.test(value);
}

/** A session duration STS accepts: whole seconds from 900 (15m) to 43200 (12h). */
export function isSessionDuration(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= MIN_SESSION_SECONDS && seconds <= MAX_SESSION_SECONDS;
}

/**
 * Parse an ISO 8601 instant with an explicit offset (`2025-01-01T12:00:00Z`, `...+02:00`).
 * Returns undefined for anything else: a bare date or a local time would be ambiguous, and an
 * impossible date or time (`2030-02-31`, `24:00`, `12:60`, offset `+25:00`) is refused, not rolled
 * over to another day as `Date` would.
 */
export function parseIsoInstant(value: string): Date | undefined {
  const text = value.trim();
  const m = ISO_INSTANT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((v) => Number(v ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
