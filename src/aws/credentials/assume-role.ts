/**
 * With `role-to-assume`: the action's own STS session from GitHub's OIDC token
 * (AssumeRoleWithWebIdentity), long enough for the requested links when the role allows it.
 */
import { isRoleArn, isSessionDuration, isSessionName, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from '../../config/validate.js';
import { DEFAULT_AUDIENCE } from '../../config/constants.js';
import { formatDuration } from '../../links/duration.js';
import { errorMessage, type Logger } from '../../util/log.js';
import { EXPIRY_SOURCE, isValidDate, maskCredentials, ResolvedCredentials, SigningCredentials } from './classify.js';
import { explainStsError, StsErrorContext } from './errors.js';

export { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS };

/** Extra session time beyond the link lifetime, to cover uploading before the links are signed. */
export const SESSION_MARGIN_SECONDS = 600;
/** Retry duration when STS refuses ours without stating a maximum: the default MaxSessionDuration. */
export const FALLBACK_SESSION_SECONDS = 3600;

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
  return /^ValidationError$/i.test(name) && /DurationSeconds|MaxSessionDuration/i.test(message);
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

export interface AssumeRoleOptions {
  region: string;
  roleSessionName: string;
  /** Seconds; default sessionDurationFor(requestedLinkSeconds) (link lifetime + margin, 900..43200). */
  roleSessionDuration?: number;
  requestedLinkSeconds: number;
  audience: string;
  /** For error messages: the repository (trust-policy subject) and the STS endpoint in use. */
  repository?: string;
  /** Default: the SDK's (AWS_ENDPOINT_URL_STS, else the regional endpoint). */
  stsEndpoint?: string;
  /** The endpoint named in error messages when `stsEndpoint` is not given. */
  envStsEndpoint?: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL: set when the job may request an OIDC token. */
  idTokenRequestUrl?: string;
  now: () => Date;
  getIDToken: (aud: string) => Promise<string>;
  setSecret: (s: string) => void;
}

/** Assumes `roleArn`; secrets go to `setSecret` as soon as they exist, before any line is logged. */
export async function assumeRole(options: AssumeRoleOptions, roleArn: string, log: Logger): Promise<ResolvedCredentials> {
  const { setSecret, getIDToken, now } = options;
  const audience = options.audience || DEFAULT_AUDIENCE;

  if (!isRoleArn(roleArn)) {
    throw new Error(
      `\`role-to-assume\` "${roleArn}" is not a role ARN. Use the full ARN, e.g. ` + 'arn:aws:iam::123456789012:role/my-role.',
    );
  }
  if (!isSessionName(options.roleSessionName)) {
    throw new Error(
      `The role session name "${options.roleSessionName}" is invalid: use 2 to 64 characters from letters, ` + 'digits and _+=,.@-',
    );
  }
  const requested = options.roleSessionDuration ?? sessionDurationFor(options.requestedLinkSeconds);
  if (!isSessionDuration(requested)) {
    throw new Error(
      `The role session duration must be a whole number of seconds from ${MIN_SESSION_SECONDS} to ` +
        `${MAX_SESSION_SECONDS} (got ${options.roleSessionDuration}).`,
    );
  }

  let token: string;
  try {
    token = await getIDToken(audience);
  } catch (e) {
    if (!options.idTokenRequestUrl || /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(errorMessage(e))) {
      throw new Error(
        "`role-to-assume` needs GitHub's OIDC token, but the job may not request one " +
          '(ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add `permissions: id-token: write` to the ' +
          'workflow or job (keep `contents: read`). Workflows run for pull requests from forks never ' +
          'get an OIDC token: use `pull_request_target` with care, or skip uploads for forks.',
        { cause: e },
      );
    }
    throw new Error(`Could not get GitHub's OIDC token for audience "${audience}": ${errorMessage(e)}`, {
      cause: e,
    });
  }
  setSecret(token);

  const ctx: StsErrorContext = {
    roleToAssume: roleArn,
    audience,
    repository: options.repository,
    endpoint: options.stsEndpoint ?? options.envStsEndpoint,
    region: options.region,
  };
  const { AssumeRoleWithWebIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const client = new STSClient({
    region: options.region,
    ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
    // AssumeRoleWithWebIdentity is unsigned. Force "no auth" for every endpoint: some (e.g. region
    // aws-global) would otherwise select SigV4 and make the SDK look for default credentials.
    httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }],
  });
  const send = (durationSeconds: number) =>
    client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: options.roleSessionName,
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
      const message = errorMessage(e);
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
  maskCredentials(setSecret, credentials);

  // STS always sends Expiration; the fallback is the longest the session can possibly last.
  const expiresAt = credentials.expiration ?? new Date(now().getTime() + granted * 1000);
  log.info(
    `Assumed ${roleArn} (session "${options.roleSessionName}", ${granted} s); links can live until ` + `${expiresAt.toISOString()}.`,
  );
  return { credentials, kind: 'assumed-role', expiresAt, expirySource: EXPIRY_SOURCE.stsSession, warnings };
}
