/**
 * Resolve the credentials that sign uploads and presigned links, and say how long they live.
 *
 * A presigned link stops working when the credentials that signed it expire, so the caller caps
 * every link at `expiresAt` (and at the SigV4 maximum of 7 days when `expiresAt` is undefined).
 *
 * - `classifyCredentials` (pure): long-term / temporary, and the earliest known expiry.
 * - `resolveCredentials` (I/O): either the SDK default chain, or, with `role-to-assume`, our own
 *   STS session from GitHub's OIDC token (AssumeRoleWithWebIdentity).
 */
import * as core from '@actions/core';
import { formatDuration } from './duration.js';

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
/** AssumeRoleWithWebIdentity accepts DurationSeconds in [900, 43200]. */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43200;
/** Extra session time beyond the link lifetime, to cover uploading before the links are signed. */
export const SESSION_MARGIN_SECONDS = 600;
/** Retry duration when STS refuses ours without stating a maximum: the default MaxSessionDuration. */
export const FALLBACK_SESSION_SECONDS = 3600;
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

export const EXPIRY_SOURCE = {
  stsSession: 'STS session (role-to-assume)',
  envExpiration: 'AWS_CREDENTIAL_EXPIRATION',
  input: 'credentials-expire-at input',
  provider: 'provider expiration',
} as const;

const UNKNOWN_EXPIRY_FIX =
  'set `role-to-assume` so the action gets its own session, or pass ' +
  '`credentials-expire-at: ${{ steps.<id>.outputs.aws-expiration }}`';

export const NO_CREDENTIALS_MESSAGE =
  'No AWS credentials found. Provide them in one of these ways: ' +
  '(1) run aws-actions/configure-aws-credentials in an earlier step; ' +
  '(2) set the `role-to-assume` input and give the job `permissions: id-token: write`, so this action ' +
  "assumes the role with GitHub's OIDC token; " +
  '(3) for S3-compatible stores, set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment ' +
  'variables from repository secrets.';

/* ------------------------------------------------------------------------------------------------ */
/* Pure                                                                                             */
/* ------------------------------------------------------------------------------------------------ */

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parse an ISO 8601 instant with an explicit offset (`2025-01-01T12:00:00Z`, `...+02:00`).
 * Returns undefined for anything else (a bare date or a local time would be ambiguous).
 */
export function parseIsoInstant(value: string): Date | undefined {
  const text = value.trim();
  if (!ISO_INSTANT.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isValidDate(d: Date | undefined): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

export interface ClassifyOptions {
  env: NodeJS.ProcessEnv;
  /** From the `credentials-expire-at` input (configure-aws-credentials' `aws-expiration` output). */
  credentialsExpireAt?: Date;
  now: Date;
  /** Cap for temporary credentials of unknown expiry. Default DEFAULT_UNKNOWN_SESSION_CAP_SECONDS. */
  unknownCapSeconds?: number;
}

/**
 * Decide what kind of credentials these are and when they stop being valid.
 *
 * - Any known expiry (provider `expiration`, env AWS_CREDENTIAL_EXPIRATION, `credentials-expire-at`)
 *   is honoured, and the EARLIEST of them wins.
 * - Long-term keys (no session token) with no known expiry: `expiresAt` undefined.
 * - Temporary keys (session token) with no known expiry: a warning naming the fix, and
 *   `expiresAt = now + unknownCapSeconds`.
 * - A malformed AWS_CREDENTIAL_EXPIRATION is a WARNING, not an error: the value is ignored and the
 *   other sources (or the unknown-expiry cap) apply. Another tool set that variable; failing the
 *   upload over it would not help, and the cap keeps links short.
 * - Credentials that have already expired get a warning (`resolveCredentials` turns it into an error).
 */
export function classifyCredentials(
  creds: SigningCredentials,
  opts: ClassifyOptions,
): ResolvedCredentials {
  const warnings: string[] = [];
  const known: Array<{ at: Date; source: string }> = [];
  const envValue = opts.env.AWS_CREDENTIAL_EXPIRATION?.trim();
  const envDate = envValue ? parseIsoInstant(envValue) : undefined;

  if (isValidDate(creds.expiration)) {
    known.push({ at: creds.expiration, source: EXPIRY_SOURCE.provider });
  } else if (creds.expiration !== undefined && !(envValue && !envDate)) {
    // An invalid provider date usually comes from a bad AWS_CREDENTIAL_EXPIRATION (warned below).
    warnings.push('The AWS credential provider returned an invalid expiration time; it was ignored.');
  }
  if (envValue) {
    if (envDate) {
      known.push({ at: envDate, source: EXPIRY_SOURCE.envExpiration });
    } else {
      warnings.push(
        `AWS_CREDENTIAL_EXPIRATION=${JSON.stringify(envValue)} is not an ISO 8601 time with an offset ` +
          '(e.g. 2025-01-31T12:00:00Z); it was ignored.',
      );
    }
  }
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
  if (!isValidDate(credentials.expiration)) delete credentials.expiration;

  let expiresAt: Date | undefined;
  let expirySource: string | undefined;
  if (known.length > 0) {
    const earliest = known.reduce((a, b) => (b.at.getTime() < a.at.getTime() ? b : a));
    expiresAt = new Date(earliest.at.getTime());
    expirySource = earliest.source;
  } else if (temporary) {
    const cap = opts.unknownCapSeconds ?? DEFAULT_UNKNOWN_SESSION_CAP_SECONDS;
    expiresAt = new Date(opts.now.getTime() + cap * 1000);
    expirySource = `unknown-expiry cap (${cap} s)`;
    warnings.push(
      `The AWS credentials are temporary (they have a session token) but their expiry is unknown, so ` +
        `links are capped at ${formatDuration(cap)} (until ${expiresAt.toISOString()}) and may still die ` +
        `earlier if the session does. To fix this, ${UNKNOWN_EXPIRY_FIX}.`,
    );
  }

  if (expiresAt && expiresAt.getTime() <= opts.now.getTime()) {
    warnings.push(
      `The AWS credentials expired at ${expiresAt.toISOString()} (${expirySource}). ` +
        'Refresh them right before this step (e.g. configure-aws-credentials), or set `role-to-assume`.',
    );
  }
  return { credentials, kind, expiresAt, expirySource, warnings, ...(known.length === 0 && temporary ? { expiryAssumed: true } : {}) };
}

/**
 * The STS session length to ask for: the link lifetime plus SESSION_MARGIN_SECONDS, within
 * [MIN_SESSION_SECONDS, MAX_SESSION_SECONDS].
 */
export function sessionDurationFor(requestedLinkSeconds: number): number {
  const wanted = Math.ceil(Math.max(0, requestedLinkSeconds)) + SESSION_MARGIN_SECONDS;
  return Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, wanted));
}

/** True when STS refused the DurationSeconds we asked for. */
export function isDurationRefused(name: string, message: string): boolean {
  return (
    /^ValidationError$/i.test(name) && /DurationSeconds|MaxSessionDuration/i.test(message)
  );
}

/**
 * The duration to retry with after STS refused `requested`: a maximum stated in the message
 * ("... less than or equal to 43200"), else FALLBACK_SESSION_SECONDS (the default
 * MaxSessionDuration of a role). Undefined when no smaller valid duration is left to try.
 */
export function fallbackDuration(message: string, requested: number): number | undefined {
  const stated = /(?:less than or equal to|maximum(?: of| is)?|at most)\s*:?\s*(\d+)/i.exec(message);
  const candidate = stated ? Number(stated[1]) : FALLBACK_SESSION_SECONDS;
  if (!Number.isFinite(candidate) || candidate < MIN_SESSION_SECONDS || candidate >= requested) {
    return undefined;
  }
  return Math.min(candidate, MAX_SESSION_SECONDS);
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export interface StsErrorContext {
  roleToAssume: string;
  audience: string;
  repository?: string;
  endpoint?: string;
  region: string;
}

/** Turn an STS AssumeRoleWithWebIdentity failure into a sentence that names the fix. */
export function explainStsError(err: unknown, ctx: StsErrorContext): string {
  const e = (err ?? {}) as { name?: string; code?: string; message?: string };
  const name = String(e.name ?? '').replace(/Exception$/, '');
  const code = String(e.code ?? '');
  const message = String(e.message ?? err);
  const sub = `repo:${ctx.repository ?? 'OWNER/REPO'}:*`;
  const where = ctx.endpoint ? `STS endpoint ${ctx.endpoint}` : `STS in region ${ctx.region}`;
  const prefix = `Could not assume ${ctx.roleToAssume} with GitHub's OIDC token`;

  if (name === 'AccessDenied' || /not authorized to perform/i.test(message)) {
    return (
      `${prefix}: access denied (${message}). Check the role's trust policy: it must allow ` +
      '`sts:AssumeRoleWithWebIdentity` for the federated principal ' +
      '`arn:aws:iam::<ACCOUNT>:oidc-provider/token.actions.githubusercontent.com`, with ' +
      `\`token.actions.githubusercontent.com:aud\` = "${ctx.audience}" and ` +
      `\`token.actions.githubusercontent.com:sub\` matching "${sub}" (StringLike).`
    );
  }
  if (name === 'InvalidIdentityToken') {
    if (/no openid ?connect provider/i.test(message)) {
      return (
        `${prefix}: the AWS account has no OIDC identity provider for GitHub (${message}). ` +
        'Create one in IAM: provider URL https://token.actions.githubusercontent.com, ' +
        `audience ${ctx.audience}.`
      );
    }
    if (/audience/i.test(message)) {
      return (
        `${prefix}: the token's audience "${ctx.audience}" is not accepted (${message}). Make the ` +
        "`audience` input match an audience (client ID) of the account's " +
        'token.actions.githubusercontent.com identity provider (normally sts.amazonaws.com).'
      );
    }
    return `${prefix}: STS rejected the token (${message}). Check the role's OIDC identity provider.`;
  }
  if (name === 'ExpiredToken') {
    return `${prefix}: the OIDC token expired before STS saw it (${message}). Re-run the job.`;
  }
  if (name === 'IDPCommunicationError') {
    return `${prefix}: STS could not reach GitHub's OIDC provider (${message}). This is usually transient: re-run the job.`;
  }
  if (name === 'IDPRejectedClaim') {
    return `${prefix}: the identity provider rejected the claim (${message}). Check the role's trust policy conditions.`;
  }
  if (name === 'RegionDisabled') {
    return (
      `${prefix}: STS is not activated in region ${ctx.region} (${message}). Activate it in IAM ` +
      'account settings, or use another region.'
    );
  }
  if (name === 'ValidationError' && /arn/i.test(message)) {
    return `${prefix}: ${message}. \`role-to-assume\` must be a full role ARN, e.g. arn:aws:iam::123456789012:role/my-role.`;
  }
  if (name === 'ValidationError' && /DurationSeconds|MaxSessionDuration/i.test(message)) {
    return (
      `${prefix}: STS refused the session duration (${message}). Request shorter links, or raise the ` +
      "role's maximum session duration (IAM → Roles → the role → Maximum session duration)."
    );
  }
  if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET)$/.test(code) || name === 'TimeoutError') {
    return (
      `${prefix}: could not reach ${where} (${code || name}: ${message}). Check the region and ` +
      'AWS_ENDPOINT_URL_STS, and that the runner can reach STS.'
    );
  }
  return `${prefix}: ${name || 'error'}: ${message}`;
}


/* ------------------------------------------------------------------------------------------------ */
/* I/O                                                                                              */
/* ------------------------------------------------------------------------------------------------ */

export interface Log {
  info(m: string): void;
  warning(m: string): void;
}

export type CredentialProvider = () => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>;

export interface ResolveOptions {
  region: string;
  roleToAssume?: string;
  roleSessionName: string;
  /** Seconds; default sessionDurationFor(requestedLinkSeconds) (link lifetime + margin, 900..43200). */
  roleSessionDuration?: number;
  requestedLinkSeconds: number;
  /** Default DEFAULT_AUDIENCE (sts.amazonaws.com). */
  audience?: string;
  credentialsExpireAt?: Date;
  /** Read for AWS_CREDENTIAL_EXPIRATION and GITHUB_REPOSITORY. Default process.env. (The SDK and
   * core.getIDToken always read process.env.) */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Default core.getIDToken. */
  getIDToken?: (aud: string) => Promise<string>;
  /** Default: the SDK's (AWS_ENDPOINT_URL_STS, else the regional endpoint). */
  stsEndpoint?: string;
  /** Default core.info / core.warning. */
  log?: Log;
  /** Default core.setSecret. */
  setSecret?: (s: string) => void;
  /** Cap for temporary credentials of unknown expiry. Default DEFAULT_UNKNOWN_SESSION_CAP_SECONDS. */
  unknownSessionCapSeconds?: number;
  /** Without role-to-assume. Default defaultProvider() from @aws-sdk/credential-provider-node. */
  credentialProvider?: CredentialProvider;
}

/**
 * Get signing credentials and their lifetime. Secrets are passed to `setSecret` before any line is
 * logged (log lines are held back until the credentials are masked).
 */
export async function resolveCredentials(o: ResolveOptions): Promise<ResolvedCredentials> {
  const log = new HeldLog(o.log ?? { info: core.info, warning: core.warning });
  try {
    const result = o.roleToAssume
      ? await assumeRole(o, o.roleToAssume, log)
      : await fromDefaultChain(o, log);
    for (const w of result.warnings) log.warning(w);
    return result;
  } finally {
    log.flush();
  }
}

/** Queues log lines until flush(), so nothing is printed before the secrets are masked. */
class HeldLog implements Log {
  private readonly lines: Array<{ level: 'info' | 'warning'; message: string }> = [];
  constructor(private readonly out: Log) {}
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  flush(): void {
    for (const { level, message } of this.lines.splice(0)) this.out[level](message);
  }
}

function mask(setSecret: (s: string) => void, creds: SigningCredentials): void {
  setSecret(creds.secretAccessKey);
  if (creds.sessionToken) setSecret(creds.sessionToken);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function fromDefaultChain(o: ResolveOptions, log: Log): Promise<ResolvedCredentials> {
  const setSecret = o.setSecret ?? core.setSecret;
  const now = (o.now ?? (() => new Date()))();
  // Loaded on demand: start-up time matters, and only this path needs the provider chain.
  const provider = o.credentialProvider ?? (await import('@aws-sdk/credential-provider-node')).defaultProvider();
  let found: Awaited<ReturnType<CredentialProvider>>;
  try {
    found = await provider();
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'CredentialsProviderError' || /could not load credentials/i.test(errorText(e))) {
      throw new Error(NO_CREDENTIALS_MESSAGE, { cause: e });
    }
    throw new Error(
      `Loading AWS credentials from the default chain failed: ${errorText(e)}. ${NO_CREDENTIALS_MESSAGE}`,
      { cause: e },
    );
  }
  const creds: SigningCredentials = {
    accessKeyId: found.accessKeyId,
    secretAccessKey: found.secretAccessKey,
    ...(found.sessionToken ? { sessionToken: found.sessionToken } : {}),
    ...(found.expiration ? { expiration: found.expiration } : {}),
  };
  mask(setSecret, creds);

  const result = classifyCredentials(creds, {
    env: o.env ?? process.env,
    credentialsExpireAt: o.credentialsExpireAt,
    now,
    unknownCapSeconds: o.unknownSessionCapSeconds,
  });
  if (result.expiresAt && result.expiresAt.getTime() <= now.getTime()) {
    throw new Error(result.warnings[result.warnings.length - 1]);
  }
  log.info(
    result.expiresAt
      ? `Using ${result.kind} AWS credentials from the default chain, valid until ` +
          `${result.expiresAt.toISOString()} (${result.expirySource}).`
      : `Using ${result.kind} AWS credentials from the default chain (no expiry).`,
  );
  return result;
}

async function assumeRole(o: ResolveOptions, roleArn: string, log: Log): Promise<ResolvedCredentials> {
  const setSecret = o.setSecret ?? core.setSecret;
  const getIDToken = o.getIDToken ?? core.getIDToken;
  const now = o.now ?? (() => new Date());
  const env = o.env ?? process.env;
  const audience = o.audience || DEFAULT_AUDIENCE;

  if (!ROLE_ARN.test(roleArn)) {
    throw new Error(
      `\`role-to-assume\` "${roleArn}" is not a role ARN. Use the full ARN, e.g. ` +
        'arn:aws:iam::123456789012:role/my-role.',
    );
  }
  if (!SESSION_NAME.test(o.roleSessionName)) {
    throw new Error(
      `The role session name "${o.roleSessionName}" is invalid: use 2 to 64 characters from letters, ` +
        'digits and _+=,.@-',
    );
  }
  const requested = o.roleSessionDuration ?? sessionDurationFor(o.requestedLinkSeconds);
  if (!Number.isInteger(requested) || requested < MIN_SESSION_SECONDS || requested > MAX_SESSION_SECONDS) {
    throw new Error(
      `The role session duration must be a whole number of seconds from ${MIN_SESSION_SECONDS} to ` +
        `${MAX_SESSION_SECONDS} (got ${o.roleSessionDuration}).`,
    );
  }

  let token: string;
  try {
    token = await getIDToken(audience);
  } catch (e) {
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(errorText(e))) {
      throw new Error(
        "`role-to-assume` needs GitHub's OIDC token, but the job may not request one " +
          '(ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add `permissions: id-token: write` to the ' +
          'workflow or job (keep `contents: read`). Workflows run for pull requests from forks never ' +
          'get an OIDC token: use `pull_request_target` with care, or skip uploads for forks.',
        { cause: e },
      );
    }
    throw new Error(`Could not get GitHub's OIDC token for audience "${audience}": ${errorText(e)}`, {
      cause: e,
    });
  }
  setSecret(token);

  const ctx: StsErrorContext = {
    roleToAssume: roleArn,
    audience,
    repository: env.GITHUB_REPOSITORY,
    endpoint: o.stsEndpoint ?? process.env.AWS_ENDPOINT_URL_STS ?? process.env.AWS_ENDPOINT_URL,
    region: o.region,
  };
  const { AssumeRoleWithWebIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const client = new STSClient({
    region: o.region,
    ...(o.stsEndpoint ? { endpoint: o.stsEndpoint } : {}),
    // AssumeRoleWithWebIdentity is unsigned. Force "no auth" for every endpoint: some (e.g. region
    // aws-global) would otherwise select SigV4 and make the SDK look for default credentials.
    httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }],
  });
  const send = (durationSeconds: number) =>
    client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: o.roleSessionName,
        WebIdentityToken: token,
        DurationSeconds: durationSeconds,
      }),
    );
  const warnings: string[] = [];
  let granted = requested;
  let response;
  try {
    try {
      response = await send(requested);
    } catch (e) {
      const message = errorText(e);
      const name = String((e as { name?: string }).name ?? '');
      const retry = isDurationRefused(name, message) ? fallbackDuration(message, requested) : undefined;
      if (retry === undefined) throw e;
      warnings.push(
        `STS refused a ${requested} s session for ${roleArn} (${message}); retried with ${retry} s. ` +
          `Links will be capped at the session's end (about ${formatDuration(retry)} from now). To allow ` +
          "longer links, raise the role's maximum session duration (up to 12 h).",
      );
      granted = retry;
      response = await send(retry);
    }
  } catch (e) {
    throw new Error(explainStsError(e, ctx), { cause: e });
  } finally {
    client.destroy();
  }

  const c = response.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new Error(`STS AssumeRoleWithWebIdentity for ${roleArn} returned no credentials.`);
  }
  const credentials: SigningCredentials = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    ...(isValidDate(c.Expiration) ? { expiration: c.Expiration } : {}),
  };
  mask(setSecret, credentials);

  // STS always sends Expiration; the fallback is the longest the session can possibly last.
  const expiresAt = credentials.expiration ?? new Date(now().getTime() + granted * 1000);
  log.info(
    `Assumed ${roleArn} (session "${o.roleSessionName}", ${granted} s); links can live until ` +
      `${expiresAt.toISOString()}.`,
  );
  return { credentials, kind: 'assumed-role', expiresAt, expirySource: EXPIRY_SOURCE.stsSession, warnings };
}
